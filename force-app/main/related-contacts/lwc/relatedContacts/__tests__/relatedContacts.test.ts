import { createElement } from 'lwc';
import RelatedContacts from 'c/relatedContacts';
import getRelatedContactsContext from '@salesforce/apex/RelatedContactsController.getRelatedContactsContext';
import loadRelationships from '@salesforce/apex/RelatedContactsController.loadRelationships';
import saveRelationships from '@salesforce/apex/RelatedContactsController.saveRelationships';
import removeRelationship from '@salesforce/apex/RelatedContactsController.removeRelationship';
import { publish } from 'lightning/messageService';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { navigate } from '../../../../../test/jest-mocks/lightning/navigation';
import findTop from '@salesforce/apex/AccountHierarchyController.findTop';
import loadChildren from '@salesforce/apex/AccountHierarchyController.loadChildren';
import type {
  ContactRelationship,
  RelatedContactsContext,
  RelationshipChange,
  RelationshipPage,
  RelationshipSaveResponse,
} from '@contract';
import contextData from './data/getRelatedContactsContext.json';
import pageData from './data/loadRelationships.json';
import { openCalls } from './stubs/relationshipAddDialog/relationshipAddDialog';
import { removeDialog } from './stubs/relationshipRemoveDialog/relationshipRemoveDialog';

// The child components are written on another branch: stand-ins with their API.
jest.mock(
  'c/rolePicker',
  () => jest.requireActual<Record<string, unknown>>('./stubs/rolePicker/rolePicker'),
  { virtual: true },
);
jest.mock(
  'c/relationshipAddDialog',
  () => jest.requireActual<Record<string, unknown>>('./stubs/relationshipAddDialog/relationshipAddDialog'),
  {
    virtual: true,
  },
);
jest.mock(
  'c/relationshipRemoveDialog',
  () =>
    jest.requireActual<Record<string, unknown>>('./stubs/relationshipRemoveDialog/relationshipRemoveDialog'),
  { virtual: true },
);
jest.mock(
  'c/relationshipResults',
  () => jest.requireActual<Record<string, unknown>>('./stubs/relationshipResults/relationshipResults'),
  {
    virtual: true,
  },
);

jest.mock(
  '@salesforce/apex/RelatedContactsController.getRelatedContactsContext',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/RelatedContactsController.loadRelationships',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/RelatedContactsController.saveRelationships',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/RelatedContactsController.removeRelationship',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/AccountHierarchyController.findTop',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/AccountHierarchyController.loadChildren',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
// Labels with their real text where a test reads them; every other label resolves to its name.
jest.mock(
  '@salesforce/label/c.AR_Error_NoApexClassAccess',
  () => ({ __esModule: true, default: 'Ask your Salesforce admin to assign you the “{0}” permission set.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_PermissionSet_AccountRelationships_User',
  () => ({ __esModule: true, default: 'Account Relationships User' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Grid_Count',
  () => ({ __esModule: true, default: '{0} ({1})' }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Grid_Missing',
  () => ({ __esModule: true, default: 'No {0}' }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Grid_Conflict',
  () => ({ __esModule: true, default: 'Not saved: {0} changed this relationship on {1}.' }),
  { virtual: true },
);

const contextMock = getRelatedContactsContext as jest.MockedFunction<typeof getRelatedContactsContext>;
const loadMock = loadRelationships as jest.MockedFunction<typeof loadRelationships>;
const saveMock = saveRelationships as jest.MockedFunction<typeof saveRelationships>;
const removeMock = removeRelationship as jest.MockedFunction<typeof removeRelationship>;
const findTopMock = findTop as jest.MockedFunction<typeof findTop>;
const loadChildrenMock = loadChildren as jest.MockedFunction<typeof loadChildren>;
const publishMock = publish as jest.MockedFunction<typeof publish>;
const notifyMock = notifyRecordUpdateAvailable as jest.MockedFunction<typeof notifyRecordUpdateAvailable>;

const HQ = '001000000000001AAA';
const ALAN = '07k000000000001AAA';
const LEUNG = '07k000000000002AAA';
const JAMES = '07k000000000003AAA';
const ZOE = '07k000000000005AAA';
const USAGE = { queries: 1, queryRows: 1, cpuTimeMs: 1, heapBytes: 1 };

function context(change: Partial<RelatedContactsContext> = {}): RelatedContactsContext {
  return { ...(JSON.parse(JSON.stringify(contextData)) as RelatedContactsContext), ...change };
}

function rows(): ContactRelationship[] {
  return (JSON.parse(JSON.stringify(pageData)) as RelationshipPage).rows;
}

function rowById(id: string): ContactRelationship {
  const row = rows().find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}

function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-await-in-loop -- each step resolves after the previous one
    await flushPromises();
  }
}

type Element = HTMLElement & { recordId?: string; objectApiName?: string; mode?: string };

async function render(props: Partial<Element> = {}): Promise<Element> {
  const element = createElement('c-related-contacts', { is: RelatedContacts }) as Element;
  element.recordId = HQ;
  Object.assign(element, props);
  document.body.appendChild(element);
  await settle();
  return element;
}

function q(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** The element the test knows is there. */
function must(found: HTMLElement | null | undefined): HTMLElement {
  if (!found) throw new Error('element not found');
  return found;
}

function qa(element: HTMLElement, selector: string): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
}

function grid(element: HTMLElement): HTMLElement {
  const found = q(element, '[role="grid"]');
  if (!found) throw new Error('no grid');
  return found;
}

function rowIds(element: HTMLElement): string[] {
  return qa(element, '[role="row"][data-id]').map((row) => row.dataset.id ?? '');
}

function cell(element: HTMLElement, id: string, column: string): HTMLElement {
  const found = q(element, `[role="row"][data-id="${id}"] .col-${column}`);
  if (!found) throw new Error(`no ${column} cell in ${id}`);
  return found;
}

function key(target: HTMLElement, name: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, ...init }));
}

function focusedCell(element: HTMLElement): HTMLElement | null {
  return q(element, '[role="row"][data-id] [tabindex="0"]');
}

beforeEach(() => {
  contextMock.mockResolvedValue(context());
  loadMock.mockResolvedValue({ rows: rows(), usage: USAGE });
  openCalls.length = 0;
  removeDialog.opened = 0;
});

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('loading', () => {
  it('asks for the context and the first page at once, then shows the current relationships', async () => {
    let resolveContext: (value: RelatedContactsContext) => void = () => undefined;
    contextMock.mockReturnValue(new Promise((resolve) => (resolveContext = resolve)));
    const element = createElement('c-related-contacts', { is: RelatedContacts }) as Element;
    element.recordId = HQ;
    document.body.appendChild(element);
    // Both calls are out before either answered: one round trip, not two.
    expect(contextMock).toHaveBeenCalledWith({ recordId: HQ });
    expect(loadMock).toHaveBeenCalledWith({
      mode: 'account',
      recordIds: [HQ],
      afterId: null,
      pageSize: 2000,
    });
    resolveContext(context());
    await settle();
    expect(loadMock).toHaveBeenCalledTimes(1);
    expect(grid(element).getAttribute('data-state')).toBe('ready');
    // Current relationships, by contact name; the header row counts too.
    expect(rowIds(element)).toEqual([ALAN, JAMES, LEUNG, ZOE]);
    expect(grid(element).getAttribute('aria-rowcount')).toBe('5');
    expect(grid(element).getAttribute('aria-colcount')).toBe(
      String(qa(element, '[role="columnheader"]').length),
    );
  });

  it('loads every page by the cursor before it is ready', async () => {
    const [first, ...rest] = rows();
    loadMock
      .mockResolvedValueOnce({ rows: first ? [first] : [], nextAfterId: ALAN, usage: USAGE })
      .mockResolvedValueOnce({ rows: rest, usage: USAGE });
    const element = await render();
    expect(loadMock).toHaveBeenLastCalledWith({
      mode: 'account',
      recordIds: [HQ],
      afterId: ALAN,
      pageSize: 2000,
    });
    expect(grid(element).getAttribute('data-state')).toBe('ready');
    expect(rowIds(element)).toHaveLength(4);
  });

  it("shows a contact's accounts on a Contact page", async () => {
    const element = await render({ recordId: '003000000000001AAA', objectApiName: 'Contact' });
    expect(loadMock).toHaveBeenCalledWith(expect.objectContaining({ mode: 'contact' }));
    expect(q(element, '.col-account .name-link')).not.toBeNull();
    expect(q(element, '.col-contact')).toBeNull();
    expect(q(element, '[data-id="coverage"]')).toBeNull();
  });

  it('asks again in contact mode when the page gave no object name and the record is a contact', async () => {
    contextMock.mockResolvedValue(context({ recordKind: 'contact', recordName: 'Alan Weston' }));
    const element = await render({ recordId: 'CONTACT-WITHOUT-PREFIX' });
    expect(loadMock.mock.calls.map(([request]) => request.mode)).toEqual(['account', 'contact']);
    expect(q(element, '.col-account .name-link')).not.toBeNull();
  });

  it('says what to enable when Contacts to Multiple Accounts is off', async () => {
    contextMock.mockResolvedValue(context({ featureEnabled: false }));
    loadMock.mockRejectedValue({ body: { message: 'sObject type AccountContactRelation is not supported' } });
    const element = await render();
    expect(q(element, '[data-id="blocking"]')?.textContent).toContain('AR_RelatedContacts_Grid_FeatureOff');
    expect(q(element, '[role="grid"]')).toBeNull();
  });

  it('names the permission set to ask for without access to the Apex class', async () => {
    contextMock.mockRejectedValue({
      body: { message: "You do not have access to the Apex class named 'RelatedContactsController'." },
    });
    const element = await render();
    expect(q(element, '[data-id="error"]')?.textContent).toContain(
      '“Account Relationships User” permission set',
    );
  });

  it('shows the empty state with an Add button', async () => {
    loadMock.mockResolvedValue({ rows: [], usage: USAGE });
    const element = await render();
    expect(q(element, '[data-id="empty"]')?.textContent).toContain('AR_RelatedContacts_Grid_EmptyAccount');
    expect(q(element, '[data-id="empty-add"]')).not.toBeNull();
  });
});

describe('filters and sorting', () => {
  it('filters by text as the user types and shows counts', async () => {
    const element = await render();
    const input = q(element, 'input[type="search"][data-id="text-filter"]') as HTMLInputElement | null;
    if (!input) throw new Error('no text filter');
    input.value = 'architect';
    input.dispatchEvent(new CustomEvent('input'));
    await settle();
    expect(rowIds(element)).toEqual([LEUNG]);
    expect(grid(element).getAttribute('aria-rowcount')).toBe('2');
    // Each choice counts what it would show with the other filters (the text) as they are.
    const status = qa(element, '[data-id="status-filter"] button').map((b) => b.textContent.trim());
    expect(status).toEqual([
      'c.AR_RelatedContacts_Grid_StatusCurrent (1)',
      'c.AR_RelatedContacts_Grid_StatusPast (0)',
      'c.AR_RelatedContacts_Grid_StatusAll (1)',
    ]);
  });

  it('shows past relationships when asked and sorts by a header, with aria-sort', async () => {
    const element = await render();
    const past = qa(element, '[data-id="status-filter"] button').find((b) => b.dataset.value === 'past');
    past?.click();
    await settle();
    expect(rowIds(element)).toEqual(['07k000000000004AAA']);
    const all = qa(element, '[data-id="status-filter"] button').find((b) => b.dataset.value === 'all');
    all?.click();
    await settle();
    const startHeader = q(element, '.sort-button[data-key="startDate"]');
    startHeader?.click();
    await settle();
    expect(startHeader?.closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe('ascending');
    expect(rowIds(element)[0]).toBe('07k000000000004AAA');
    startHeader?.click();
    await settle();
    expect(startHeader?.closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe('descending');
    expect(rowIds(element)[0]).toBe(JAMES);
  });
});

describe('keyboard', () => {
  it('moves the roving focus with the arrow keys, Home and End', async () => {
    const element = await render();
    const start = focusedCell(element);
    expect(start?.closest('[role="row"]')?.getAttribute('data-id')).toBe(ALAN);
    expect(qa(element, '[tabindex="0"]')).toHaveLength(1);
    key(grid(element), 'ArrowDown');
    await settle();
    expect(focusedCell(element)?.closest('[role="row"]')?.getAttribute('data-id')).toBe(JAMES);
    key(grid(element), 'End');
    await settle();
    expect(focusedCell(element)?.classList.contains('col-actions')).toBe(true);
    key(grid(element), 'Home');
    await settle();
    expect(focusedCell(element)?.classList.contains('col-select')).toBe(true);
    key(grid(element), 'End', { ctrlKey: true });
    await settle();
    expect(focusedCell(element)?.closest('[role="row"]')?.getAttribute('data-id')).toBe(ZOE);
    expect(document.activeElement).toBe(element);
    expect(element.shadowRoot?.activeElement).toBe(focusedCell(element));
  });

  it('Enter on the roles cell opens the role editor and Escape closes it', async () => {
    const element = await render();
    cell(element, ALAN, 'roles').dispatchEvent(new FocusEvent('focus'));
    key(grid(element), 'Enter');
    await settle();
    const picker = q(element, 'c-role-picker') as (HTMLElement & { selected: string[] }) | null;
    expect(picker?.selected).toEqual(['Decision Maker', 'Economic Buyer']);
    key(must(q(element, '[data-id="editor"]')), 'Escape');
    await settle();
    expect(q(element, 'c-role-picker')).toBeNull();
  });

  it('Space selects the focused row; Shift+Space selects the range', async () => {
    const element = await render();
    key(grid(element), ' ');
    await settle();
    expect(q(element, `[role="row"][data-id="${ALAN}"]`)?.getAttribute('aria-selected')).toBe('true');
    key(grid(element), 'ArrowDown');
    key(grid(element), 'ArrowDown');
    await settle();
    key(grid(element), ' ', { shiftKey: true });
    await settle();
    expect(q(element, '[data-id="bulk-bar"] .bulk-count')?.textContent).toBe(
      'c.AR_RelatedContacts_Grid_Selected',
    );
    expect(qa(element, '[role="row"][aria-selected="true"]').map((r) => r.dataset.id)).toEqual([
      ALAN,
      JAMES,
      LEUNG,
    ]);
  });

  it('Enter on the contact opens the contact', async () => {
    const element = await render();
    cell(element, ALAN, 'contact').dispatchEvent(new FocusEvent('focus'));
    key(grid(element), 'Enter');
    expect(navigate).toHaveBeenCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: '003000000000001AAA', objectApiName: 'Contact', actionName: 'view' },
      },
      undefined,
    );
  });
});

describe('saving', () => {
  async function editRoles(element: HTMLElement, id: string, selected: string[]): Promise<void> {
    cell(element, id, 'roles').dispatchEvent(new FocusEvent('focus'));
    key(grid(element), 'Enter');
    await settle();
    q(element, 'c-role-picker')?.dispatchEvent(new CustomEvent('save', { detail: { selected } }));
  }

  function badgeTexts(element: HTMLElement, id: string): string[] {
    return [...cell(element, id, 'roles').querySelectorAll('.role-badge')].map((b) => b.textContent);
  }

  it('shows an inline edit at once and rolls it back with the error on the row when the save fails', async () => {
    let reject: (error: unknown) => void = () => undefined;
    saveMock.mockReturnValue(new Promise((_resolve, rejectWith) => (reject = rejectWith)));
    const element = await render();
    await editRoles(element, LEUNG, ['Technical Buyer', 'Influencer']);
    await flushPromises();
    // Optimistic: shown before the server answered.
    expect(badgeTexts(element, LEUNG)).toEqual(['Technical Buyer', 'Influencer']);
    const change: RelationshipChange = {
      id: LEUNG,
      lastModifiedDate: rowById(LEUNG).lastModifiedDate,
      fields: ['Roles'],
      roles: ['Technical Buyer', 'Influencer'],
    };
    expect(saveMock).toHaveBeenCalledWith({ changes: [change] });
    reject({ body: { message: 'Roles: bad value for restricted picklist field' } });
    await settle();
    expect(badgeTexts(element, LEUNG)).toEqual(['Technical Buyer']);
    expect(q(element, `[role="row"][data-id="${LEUNG}"] .row-error`)?.textContent).toBe(
      'Roles: bad value for restricted picklist field',
    );
    expect(publishMock).not.toHaveBeenCalled();
  });

  it("keeps the server's row on a conflict and says who changed it", async () => {
    const current = { ...rowById(ALAN), roles: ['Other'], lastModifiedByName: 'Maria Manager' };
    saveMock.mockResolvedValue({ results: [{ id: ALAN, status: 'conflict', row: current }], usage: USAGE });
    const element = await render();
    await editRoles(element, ALAN, ['Economic Buyer']);
    await settle();
    expect(badgeTexts(element, ALAN)).toEqual(['Other']);
    expect(q(element, `[role="row"][data-id="${ALAN}"] .row-error`)?.textContent).toContain('Maria Manager');
  });

  it('after a save refreshes the page, tells LDS and publishes what changed', async () => {
    const refreshed = jest.fn();
    const saved = {
      ...rowById(ALAN),
      roles: ['Economic Buyer'],
      lastModifiedDate: '2026-12-03T07:00:00.000Z',
    };
    saveMock.mockResolvedValue({ results: [{ id: ALAN, status: 'saved', row: saved }], usage: USAGE });
    const element = await render();
    element.addEventListener('lightning__refresh', refreshed);
    await editRoles(element, ALAN, ['Economic Buyer']);
    await settle();
    expect(refreshed).toHaveBeenCalledTimes(1);
    expect(notifyMock).toHaveBeenCalledWith(expect.arrayContaining([{ recordId: ALAN }, { recordId: HQ }]));
    expect(publishMock).toHaveBeenCalledWith(
      undefined,
      expect.anything(),
      expect.objectContaining({ action: 'saved', relationshipIds: [ALAN], accountIds: [HQ], recordId: HQ }),
    );
    expect(badgeTexts(element, ALAN)).toEqual(['Economic Buyer']);
  });

  it('bulk add role: only rows that change are sent, results per row (one refused)', async () => {
    saveMock.mockImplementation(({ changes }): Promise<RelationshipSaveResponse> =>
      Promise.resolve({
        results: changes.map((change) =>
          change.id === JAMES
            ? { id: change.id, status: 'failed', message: 'Validation rule: consultants cannot be buyers' }
            : { id: change.id, status: 'saved', row: { ...rowById(change.id), roles: change.roles ?? [] } },
        ),
        usage: USAGE,
      }),
    );
    const element = await render();
    const all = q(element, 'input.select-all') as HTMLInputElement | null;
    if (!all) throw new Error('no select-all');
    all.checked = true;
    all.dispatchEvent(new CustomEvent('change'));
    await settle();
    // Zoe's row is read-only: not selectable.
    expect(qa(element, '[role="row"][aria-selected="true"]').map((r) => r.dataset.id)).toEqual([
      ALAN,
      JAMES,
      LEUNG,
    ]);
    q(element, '[data-id="bulk-add-role"]')?.dispatchEvent(
      new CustomEvent('select', { detail: { value: 'Economic Buyer' } }),
    );
    await settle();
    const sent = saveMock.mock.calls[0]?.[0].changes.map((c) => c.id);
    expect(sent).toEqual([JAMES, LEUNG]);
    const results = q(element, 'c-relationship-results') as
      (HTMLElement & { results: { id: string; status: string }[] }) | null;
    expect(results?.results.map((r) => [r.id, r.status])).toEqual([
      [JAMES, 'failed'],
      [LEUNG, 'saved'],
    ]);
    expect(badgeTexts(element, JAMES)).toEqual(['Influencer']);
    expect(badgeTexts(element, LEUNG)).toEqual(['Economic Buyer', 'Technical Buyer']);
  });

  it('bulk end: inactive with end date today', async () => {
    saveMock.mockResolvedValue({ results: [], usage: USAGE });
    const element = await render();
    q(element, `[role="row"][data-id="${JAMES}"] .col-select input`)?.click();
    await settle();
    q(element, '[data-id="bulk-end"]')?.click();
    await settle();
    expect(saveMock.mock.calls[0]?.[0].changes).toEqual([
      {
        id: JAMES,
        lastModifiedDate: rowById(JAMES).lastModifiedDate,
        fields: ['IsActive', 'EndDate'],
        isActive: false,
        endDate: '2026-12-03',
      },
    ]);
  });

  it('removes an indirect relationship after the confirmation; the direct one says why not', async () => {
    removeMock.mockResolvedValue({ id: JAMES, status: 'removed' });
    const element = await render();
    must(cell(element, ALAN, 'actions').querySelector('button')).click();
    await settle();
    const directRemove = q(element, '[role="menuitem"][data-key="remove"]');
    expect(directRemove?.getAttribute('aria-disabled')).toBe('true');
    expect(q(element, '.menu-description')?.textContent).toBe('c.AR_RelatedContacts_Grid_DirectNotRemovable');
    key(must(q(element, '[data-id="row-menu"]')), 'Escape');
    await settle();
    must(cell(element, JAMES, 'actions').querySelector('button')).click();
    await settle();
    q(element, '[role="menuitem"][data-key="remove"]')?.click();
    await settle();
    expect(removeDialog.opened).toBe(1);
    q(element, 'c-relationship-remove-dialog')?.dispatchEvent(new CustomEvent('confirm'));
    await settle();
    expect(removeMock).toHaveBeenCalledWith({
      relationshipId: JAMES,
      lastModifiedDate: rowById(JAMES).lastModifiedDate,
    });
    expect(rowIds(element)).not.toContain(JAMES);
  });

  it('read-only rows show no edit affordances', async () => {
    const element = await render();
    expect(cell(element, ZOE, 'select').querySelector('input')).toBeNull();
    expect(cell(element, ZOE, 'roles').querySelector('.edit-button')).toBeNull();
    expect(cell(element, ZOE, 'actions').querySelector('button')).toBeNull();
    expect(cell(element, ZOE, 'roles').getAttribute('aria-readonly')).toBe('true');
    cell(element, ZOE, 'roles').dispatchEvent(new FocusEvent('focus'));
    key(grid(element), 'Enter');
    await settle();
    expect(q(element, 'c-role-picker')).toBeNull();
  });
});

describe('coverage', () => {
  it('shows present and missing key roles; a missing one opens the add dialog with it chosen', async () => {
    const element = await render();
    const missing = qa(element, '.coverage-item.is-missing');
    expect(missing.map((m) => m.textContent.trim())).toEqual(['No Executive Sponsor']);
    missing[0]?.click();
    await settle();
    expect(openCalls).toEqual([{ accountId: HQ, initialRoles: ['Executive Sponsor'] }]);
  });
});

describe('modes and size', () => {
  const EAST = '001000000000002AAA';

  it('hierarchy mode: this account first, then the accounts the hierarchy loader finds, in one list', async () => {
    const [alan, , , , zoe] = rows();
    findTopMock.mockResolvedValue({
      topReached: true,
      topAccountId: HQ,
      ancestorIds: [HQ],
      rows: [{ id: HQ, name: 'Get Cloudy Consulting', values: {} }],
      columns: [],
      droppedColumns: [],
      usage: USAGE,
    });
    loadChildrenMock.mockResolvedValue({
      rows: [{ id: EAST, parentId: HQ, name: 'Get Cloudy East', values: {} }],
      columns: [],
      droppedColumns: [],
      usage: USAGE,
    });
    loadMock.mockImplementation(({ recordIds }) =>
      Promise.resolve({
        rows: recordIds.includes(EAST) ? (zoe ? [zoe] : []) : alan ? [alan] : [],
        usage: USAGE,
      }),
    );
    const element = await render({ mode: 'hierarchy' });
    expect(loadMock.mock.calls.map(([request]) => request.recordIds)).toEqual([[HQ], [EAST]]);
    expect(findTopMock).toHaveBeenCalledWith({ recordId: HQ, columns: [], startFromId: null });
    expect(rowIds(element)).toEqual([ALAN, ZOE]);
    // The account column shows in hierarchy mode; East has no key role covered.
    expect(q(element, `[role="row"][data-id="${ZOE}"] .col-account`)?.textContent).toContain(
      'Get Cloudy East',
    );
    expect(q(element, '[data-id="hierarchy-gaps"]')).not.toBeNull();
    expect(grid(element).getAttribute('data-state')).toBe('ready');
  });

  it('keeps only the rows in view in the DOM, and renders others as the user scrolls', async () => {
    const many: ContactRelationship[] = Array.from({ length: 1000 }, (_, i) => ({
      ...rowById(LEUNG),
      id: `07k${String(i).padStart(12, '0')}AAA`,
      contactName: `Contact ${String(i).padStart(4, '0')}`,
    }));
    loadMock.mockResolvedValue({ rows: many, usage: USAGE });
    const element = await render();
    expect(grid(element).getAttribute('aria-rowcount')).toBe('1001');
    const first = rowIds(element);
    expect(first.length).toBeLessThan(30);
    const viewport = must(q(element, '[data-id="viewport"]'));
    viewport.scrollTop = 48 * 500;
    viewport.dispatchEvent(new CustomEvent('scroll'));
    await settle();
    const rendered = qa(element, '[role="row"][data-id]');
    expect(rendered.length).toBeLessThan(30);
    expect(rendered.map((r) => Number(r.getAttribute('aria-rowindex')))).toContain(502);
  });

  it('adds the row the add dialog added and publishes it; "show existing" brings a hidden row into view', async () => {
    const element = await render();
    const added = { ...rowById(JAMES), id: '07k000000000009AAA', contactName: 'Aaron New' };
    must(q(element, 'c-relationship-add-dialog')).dispatchEvent(
      new CustomEvent('added', { detail: { row: added } }),
    );
    await settle();
    expect(rowIds(element)[0]).toBe('07k000000000009AAA');
    expect(publishMock).toHaveBeenCalledWith(
      undefined,
      expect.anything(),
      expect.objectContaining({ action: 'added' }),
    );
    must(q(element, 'c-relationship-add-dialog')).dispatchEvent(
      new CustomEvent('showexisting', { detail: { relationshipId: '07k000000000004AAA' } }),
    );
    await settle();
    expect(rowIds(element)).toContain('07k000000000004AAA');
    expect(focusedCell(element)?.closest('[role="row"]')?.getAttribute('data-id')).toBe('07k000000000004AAA');
  });

  it('reactivates an ended relationship from its row menu', async () => {
    saveMock.mockResolvedValue({ results: [{ id: '07k000000000004AAA', status: 'saved' }], usage: USAGE });
    const element = await render();
    qa(element, '[data-id="status-filter"] button')
      .find((b) => b.dataset.value === 'past')
      ?.click();
    await settle();
    must(cell(element, '07k000000000004AAA', 'actions').querySelector('button')).click();
    await settle();
    expect(qa(element, '[role="menuitem"]').map((item) => item.dataset.key)).toEqual([
      'reactivate',
      'remove',
    ]);
    must(q(element, '[role="menuitem"][data-key="reactivate"]')).click();
    await settle();
    expect(saveMock.mock.calls[0]?.[0].changes[0]).toMatchObject({ isActive: true, endDate: null });
    // Saved: no longer past.
    expect(rowIds(element)).toEqual([]);
  });
});

describe('accessibility', () => {
  // axe takes seconds on a busy machine: a longer timeout than Jest's default 5 s.
  it('is accessible', async () => {
    const element = await render();
    await expect(element).toBeAccessible();
  }, 30_000);
});
