import { createElement } from 'lwc';
import AccountHierarchy from 'c/accountHierarchy';
import findTop from '@salesforce/apex/AccountHierarchyController.findTop';
import loadChildren from '@salesforce/apex/AccountHierarchyController.loadChildren';
import { navigate } from '../../../../../test/jest-mocks/lightning/navigation';
import type { HierarchyChildrenPage, HierarchyRow, HierarchyTop } from '@contract';
import top from './data/findTop.json';
import level2 from './data/loadChildren-level2.json';
import level3 from './data/loadChildren-level3.json';

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

// The message naming the permission set to ask for, with its real text so the name shows; every
// other label resolves to its name (e.g. "c.AR_Hierarchy_LoadFailed").
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

const findTopMock = findTop as jest.MockedFunction<typeof findTop>;
const loadChildrenMock = loadChildren as jest.MockedFunction<typeof loadChildren>;
const navigateMock = navigate;

const HQ = '001000000000001AAA';
const EAST = '001000000000002AAA';
const WEST = '001000000000003AAA';
const BOSTON = '001000000000004AAA';
const CHILDREN = [...(level2 as HierarchyChildrenPage).rows, ...(level3 as HierarchyChildrenPage).rows];

const ACCOUNTS = [...(top as HierarchyTop).rows, ...CHILDREN];

function accountById(id: string): HierarchyRow {
  const row = ACCOUNTS.find((r) => r.id === id);
  if (!row) throw new Error(`no account ${id}`);
  return row;
}

/** The server's findTop: the path from the record up, with its rows, in one call. */
function serveTop(accounts: HierarchyRow[]) {
  return ({ recordId }: { recordId: string }): Promise<HierarchyTop> => {
    const path: HierarchyRow[] = [];
    for (let row = accounts.find((r) => r.id === recordId); row;) {
      path.push(row);
      const parentId = row.parentId;
      row = accounts.find((r) => r.id === parentId);
    }
    const last = path[path.length - 1];
    return Promise.resolve({
      ...(top as HierarchyTop),
      topAccountId: last?.id ?? null,
      ancestorIds: path.map((r) => r.id),
      rows: path,
    });
  };
}

/**
 * The server's loadChildren: the descendants of the requested parents down to `levels`, in one page. Its
 * null fields are missing, as the platform may deliver them (the mock data under data/ leaves them out too).
 */
function serveChildren(accounts: HierarchyRow[]) {
  return ({ parentIds, levels }: { parentIds: string[]; levels: number }): Promise<HierarchyChildrenPage> => {
    const found = new Set<string>();
    let level = new Set(parentIds);
    for (let depth = 1; depth <= levels; depth++) {
      const next = new Set<string>();
      for (const row of accounts) {
        if (row.parentId != null && level.has(row.parentId)) next.add(row.id);
      }
      next.forEach((id) => found.add(id));
      level = next;
    }
    return Promise.resolve({
      ...(level2 as HierarchyChildrenPage),
      rows: accounts.filter((r) => found.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1)),
    });
  };
}

/** jsdom's Blob has no text(): read it the older way. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.readAsText(blob);
  });
}

function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    // eslint-disable-next-line no-await-in-loop -- each page resolves after the previous one
    await flushPromises();
  }
}

async function render(recordId = BOSTON): Promise<HTMLElement & { recordId?: string }> {
  const element = createElement('c-account-hierarchy', { is: AccountHierarchy });
  element.recordId = recordId;
  document.body.appendChild(element);
  await settle();
  return element;
}

function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function rows(element: HTMLElement): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[role="row"][data-id]')];
}

function rowNamed(element: HTMLElement, id: string): HTMLElement {
  const row = shadow(element).querySelector<HTMLElement>(`[role="row"][data-id="${id}"]`);
  if (!row) throw new Error(`row ${id} is not rendered`);
  return row;
}

function press(element: HTMLElement, key: string): void {
  shadow(element)
    .querySelector('[role="treegrid"]')
    ?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

describe('c-account-hierarchy', () => {
  beforeEach(() => {
    findTopMock.mockImplementation(serveTop(ACCOUNTS));
    loadChildrenMock.mockImplementation(serveChildren(CHILDREN));
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('opens on the whole hierarchy with the path to the current account expanded and the account highlighted', async () => {
    const element = await render();

    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ, EAST, BOSTON, WEST]);
    const boston = rowNamed(element, BOSTON);
    expect(boston.getAttribute('aria-level')).toBe('3');
    expect(boston.classList.contains('is-current')).toBe(true);
    expect(boston.getAttribute('tabindex')).toBe('0');
    expect(rowNamed(element, EAST).getAttribute('aria-expanded')).toBe('true');
    expect(rowNamed(element, WEST).getAttribute('aria-expanded')).toBeNull();
    expect(rowNamed(element, EAST).getAttribute('aria-posinset')).toBe('1');
    expect(rowNamed(element, EAST).getAttribute('aria-setsize')).toBe('2');
    expect(shadow(element).querySelector('[data-id="progress"]')?.textContent).toContain(
      'c.AR_Hierarchy_LoadedCount',
    );
  });

  it('shows the path to the current account, selected, as soon as findTop answers, before any page of children', async () => {
    // The pages never arrive: what shows comes from findTop alone.
    loadChildrenMock.mockImplementation(() => new Promise<HierarchyChildrenPage>(() => undefined));
    const element = await render();

    expect(findTopMock).toHaveBeenCalledTimes(1);
    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ, EAST, BOSTON]);
    const boston = rowNamed(element, BOSTON);
    expect(boston.classList.contains('is-current')).toBe(true);
    expect(boston.getAttribute('aria-selected')).toBe('true');
    expect(boston.getAttribute('tabindex')).toBe('0');
    expect(shadow(element).querySelector('[role="treegrid"]')?.getAttribute('aria-busy')).toBe('true');
  });

  it('asks the server for the top with the configured columns, then for children breadth-first', async () => {
    const element = createElement('c-account-hierarchy', { is: AccountHierarchy });
    Object.assign(element, { recordId: BOSTON, columns: 'Industry, AnnualRevenue', pageSize: 500 });
    document.body.appendChild(element);
    await settle();

    expect(findTopMock).toHaveBeenCalledWith({
      recordId: BOSTON,
      columns: ['Industry', 'AnnualRevenue'],
      startFromId: null,
    });
    // The path came with findTop: first its other children (one level), then five levels at a time.
    expect(loadChildrenMock.mock.calls.map(([params]) => params)).toEqual([
      {
        parentIds: [HQ, EAST, BOSTON],
        afterId: null,
        columns: ['Industry', 'AnnualRevenue'],
        pageSize: 500,
        levels: 1,
      },
      { parentIds: [WEST], afterId: null, columns: ['Industry', 'AnnualRevenue'], pageSize: 500, levels: 5 },
    ]);
  });

  it('shows each number with the total of the accounts below it', async () => {
    const element = await render();

    const east = rowNamed(element, EAST).textContent;
    expect(east).toContain('12,000,000');
    expect(east).toContain('15,000,000');
    expect(rowNamed(element, BOSTON).querySelector('.rollup')).toBeNull();
  });

  it('says which configured columns it had to leave out, and why', async () => {
    const element = await render();

    expect(shadow(element).querySelector('[data-id="dropped-columns"]')?.textContent).toContain(
      'c.AR_Hierarchy_DroppedColumns',
    );
  });

  it('walks the tree with the arrow keys: down, right into a branch, left back out', async () => {
    const element = await render(HQ);
    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ, EAST, WEST]);
    expect(rowNamed(element, HQ).getAttribute('tabindex')).toBe('0');

    press(element, 'ArrowDown');
    await settle();
    expect(rowNamed(element, EAST).getAttribute('tabindex')).toBe('0');
    expect(rowNamed(element, EAST).getAttribute('aria-expanded')).toBe('false');

    press(element, 'ArrowRight');
    await settle();
    expect(rowNamed(element, EAST).getAttribute('aria-expanded')).toBe('true');
    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ, EAST, BOSTON, WEST]);

    press(element, 'ArrowRight');
    await settle();
    expect(rowNamed(element, BOSTON).getAttribute('tabindex')).toBe('0');

    press(element, 'ArrowLeft');
    await settle();
    expect(rowNamed(element, EAST).getAttribute('tabindex')).toBe('0');

    press(element, 'ArrowLeft');
    await settle();
    expect(rowNamed(element, EAST).getAttribute('aria-expanded')).toBe('false');

    press(element, 'ArrowLeft');
    await settle();
    expect(rowNamed(element, HQ).getAttribute('tabindex')).toBe('0');

    press(element, 'End');
    await settle();
    expect(rowNamed(element, WEST).getAttribute('tabindex')).toBe('0');
    press(element, 'Home');
    await settle();
    expect(rowNamed(element, HQ).getAttribute('tabindex')).toBe('0');
  });

  it('opens the focused account on Enter and a clicked name as a record page', async () => {
    const element = await render();

    press(element, 'Enter');
    const link = rowNamed(element, EAST).querySelector('a');
    link?.click();

    expect(
      navigateMock.mock.calls.map(
        ([ref]) => (ref as { attributes: { recordId: string } }).attributes.recordId,
      ),
    ).toEqual([BOSTON, EAST]);
  });

  it('finds accounts by name, counts the matches and expands the path to them', async () => {
    const element = await render(HQ);
    press(element, 'Home');
    const collapse = [...shadow(element).querySelectorAll('lightning-button')].find(
      (b) => (b as unknown as { label: string }).label === 'c.AR_Hierarchy_CollapseAll',
    );
    collapse?.dispatchEvent(new CustomEvent('click'));
    await settle();
    expect(rows(element)).toHaveLength(1);

    const search = shadow(element).querySelector('lightning-input');
    search?.dispatchEvent(new CustomEvent('change', { detail: { value: 'boston' } }));
    await settle();

    expect(shadow(element).querySelector('[data-id="match-position"]')?.textContent).toBe(
      'c.AR_Hierarchy_MatchPosition',
    );
    expect(rowNamed(element, BOSTON).classList.contains('is-active-match')).toBe(true);
  });

  it('keeps what it loaded and offers to try again when a page fails', async () => {
    loadChildrenMock.mockRejectedValueOnce({
      body: { message: 'The account hierarchy could not be loaded.' },
    });
    const element = await render(HQ);

    const alert = shadow(element).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The account hierarchy could not be loaded.');
    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ]);

    shadow(element).querySelector<HTMLElement>('[role="alert"] lightning-button')?.click();
    await settle();
    expect(shadow(element).querySelector('[role="alert"]')).toBeNull();
    expect(rows(element).length).toBeGreaterThan(1);
  });

  it('asks for each level once when the cursor and the top’s parent arrive missing instead of null', async () => {
    const element = await render();

    // The children of the path's accounts, then the rest five levels at a time: each request once,
    // no follow-up call with an `undefined` cursor.
    expect(loadChildrenMock.mock.calls.map(([params]) => params.afterId)).toEqual([null, null]);
    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ, EAST, BOSTON, WEST]);
  });

  it('stops walking up, with a message, when a call neither reaches the top nor says where to go on', async () => {
    const notYet = { ...(top as HierarchyTop), topReached: false, rows: [], ancestorIds: [BOSTON] };
    // nextStartId missing: the platform dropped its null.
    findTopMock.mockResolvedValueOnce(notYet);
    const element = await render();

    expect(findTopMock).toHaveBeenCalledTimes(1);
    expect(shadow(element).querySelector('[role="alert"]')?.textContent).toContain(
      'c.AR_Hierarchy_LoadFailed',
    );
  });

  it('names the permission set to ask for when the user may not call the hierarchy’s Apex at all', async () => {
    // What the platform answers a user without a permission set that opens the class.
    findTopMock.mockRejectedValueOnce({
      status: 500,
      body: { message: "You do not have access to the Apex class named 'AccountHierarchyController'." },
    });
    const element = await render();

    const messages = [...shadow(element).querySelectorAll('[role="alert"] p')].map((p) => p.textContent);
    expect(messages).toEqual([
      'Ask your Salesforce admin to assign you the “Account Relationships User” permission set.',
    ]);
    expect(rows(element)).toEqual([]);
    expect(loadChildrenMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('says the record Id is not valid when the platform refuses it, in its own words', async () => {
    findTopMock.mockRejectedValueOnce({
      status: 500,
      body: { message: "Value provided is invalid for action parameter 'recordId' of type 'Id'" },
    });
    const element = await render('NoSuchAccount');

    const alert = shadow(element).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('c.AR_Error_InvalidRecordId');
    expect(alert?.textContent).not.toContain('Value provided');
    expect(rows(element)).toEqual([]);
    // Trying again cannot help: the record Id stays what it is.
    expect(alert?.querySelector('lightning-button')).toBeNull();
  });

  it('walks up in several calls when the top is far above, and stops on a parent loop', async () => {
    const notYet = { ...(top as HierarchyTop), topReached: false, rows: [], topAccountId: null };
    const pathRows = (...ids: string[]) => ids.map(accountById);
    findTopMock
      .mockResolvedValueOnce({
        ...notYet,
        ancestorIds: [BOSTON, EAST],
        rows: pathRows(BOSTON, EAST),
        nextStartId: EAST,
      })
      .mockResolvedValueOnce({ ...(top as HierarchyTop), ancestorIds: [EAST, HQ], rows: pathRows(EAST, HQ) });
    const element = await render();

    expect(findTopMock.mock.calls.map(([params]) => params.startFromId)).toEqual([null, EAST]);
    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ, EAST, BOSTON, WEST]);

    document.body.removeChild(element);
    findTopMock.mockReset();
    findTopMock
      .mockResolvedValueOnce({ ...notYet, ancestorIds: [BOSTON, EAST], nextStartId: EAST })
      .mockResolvedValueOnce({ ...notYet, ancestorIds: [EAST, BOSTON], nextStartId: BOSTON });
    const looped = await render();
    expect(shadow(looped).querySelector('[role="alert"]')?.textContent).toContain(
      'c.AR_Hierarchy_LoadFailed',
    );
  });

  it('says once that the hierarchy could not be loaded when the parents loop across calls', async () => {
    // The walk up stops after a call's worth of levels; the next call starting from an account an earlier
    // call already reached means the parents loop back (corrupt data the server cannot see within one call).
    const notYet = { ...(top as HierarchyTop), topReached: false, rows: [], topAccountId: null };
    findTopMock
      .mockResolvedValueOnce({ ...notYet, ancestorIds: [BOSTON, EAST], nextStartId: EAST })
      .mockResolvedValueOnce({ ...notYet, ancestorIds: [EAST, BOSTON], nextStartId: BOSTON });
    const element = await render();

    const messages = [...shadow(element).querySelectorAll('[role="alert"] p')].map((p) => p.textContent);
    expect(messages).toEqual(['c.AR_Hierarchy_LoadFailed']);
  });

  it('shows each message of a failure once, under the load-failed message', async () => {
    loadChildrenMock.mockRejectedValueOnce({
      body: [{ message: 'c.AR_Hierarchy_LoadFailed' }, { message: 'Too many parents' }],
    });
    const element = await render(HQ);

    const messages = [...shadow(element).querySelectorAll('[role="alert"] p')].map((p) => p.textContent);
    expect(messages).toEqual(['c.AR_Hierarchy_LoadFailed', 'Too many parents']);
  });

  it('expands and collapses with the toolbar, the level picker and the row expanders', async () => {
    const element = await render(HQ);
    const button = (label: string) =>
      [...shadow(element).querySelectorAll('lightning-button')].find(
        (b) => (b as unknown as { label: string }).label === label,
      );

    button('c.AR_Hierarchy_ExpandAll')?.dispatchEvent(new CustomEvent('click'));
    await settle();
    expect(rows(element)).toHaveLength(4);

    shadow(element)
      .querySelector('lightning-combobox')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: '1' } }));
    await settle();
    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ]);

    shadow(element).querySelector<HTMLElement>(`.toggle[data-id="${HQ}"]`)?.click();
    await settle();
    expect(rows(element).map((r) => r.dataset.id)).toEqual([HQ, EAST, WEST]);
  });

  it('steps through search matches with the buttons and with Enter / Shift+Enter', async () => {
    const element = await render(HQ);
    shadow(element)
      .querySelector('lightning-input')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'get cloudy' } }));
    await settle();
    const active = () => shadow(element).querySelector('.is-active-match')?.getAttribute('data-id');
    expect(active()).toBe(HQ);

    const [previous, next] = [...shadow(element).querySelectorAll('lightning-button-icon')];
    next?.dispatchEvent(new CustomEvent('click'));
    await settle();
    expect(active()).toBe(EAST);
    previous?.dispatchEvent(new CustomEvent('click'));
    await settle();
    expect(active()).toBe(HQ);

    const search = shadow(element).querySelector('.search');
    search?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(active()).toBe(EAST);
    search?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    await settle();
    expect(active()).toBe(HQ);

    shadow(element)
      .querySelector('lightning-input')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'nowhere' } }));
    await settle();
    expect(shadow(element).querySelector('[data-id="match-position"]')?.textContent).toBe(
      'c.AR_Hierarchy_NoMatches',
    );
  });

  it('exports the hierarchy, or the selected branch, as a CSV file download', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:hierarchy';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const element = await render();

    const menu = shadow(element).querySelector('lightning-button-menu');
    menu?.dispatchEvent(new CustomEvent('select', { detail: { value: 'all' } }));
    menu?.dispatchEvent(new CustomEvent('select', { detail: { value: 'branch' } }));

    expect(clicked).toEqual(['Get Cloudy Consulting.csv', 'Get Cloudy Boston.csv']);
    const [whole, branch] = await Promise.all(blobs.map(readText));
    // (FileReader drops the byte-order mark while decoding; the model's tests and e2e check it.)
    expect(whole?.split('\r\n')[0]).toBe(
      'c.AR_Hierarchy_Level,c.AR_Hierarchy_AccountName,Industry,Annual Revenue,c.AR_Hierarchy_RollupHeader',
    );
    expect(whole?.trimEnd().split('\r\n')).toHaveLength(5);
    expect(branch?.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('renders only the rows near the scroll position', async () => {
    const many: HierarchyRow[] = Array.from({ length: 300 }, (_, i) => ({
      id: `001${String(i).padStart(12, '0')}BBB`,
      parentId: HQ,
      name: `Branch ${String(i).padStart(3, '0')}`,
      values: { Industry: 'Consulting', AnnualRevenue: i },
    }));
    loadChildrenMock.mockImplementation(serveChildren(many));
    const element = await render(HQ);
    expect(rows(element).length).toBeLessThan(40);

    const viewport = shadow(element).querySelector<HTMLElement>('[data-id="viewport"]');
    if (!viewport) throw new Error('no viewport');
    viewport.scrollTop = 200 * 48;
    viewport.dispatchEvent(new CustomEvent('scroll'));
    await settle();
    const names = rows(element).map((r) => r.textContent);
    expect(names.some((n) => n.includes('Branch 199'))).toBe(true);
    expect(names.some((n) => n.includes('Branch 000'))).toBe(false);
  });

  it('keeps the current account on screen while siblings that sort before it arrive above it', async () => {
    // 300 more children of HQ, all named before "Get Cloudy East": they push East and Boston down.
    const many: HierarchyRow[] = Array.from({ length: 300 }, (_, i) => ({
      id: `001${String(i).padStart(12, '0')}BBB`,
      parentId: HQ,
      name: `Branch ${String(i).padStart(3, '0')}`,
      values: { Industry: 'Consulting', AnnualRevenue: i },
    }));
    loadChildrenMock.mockImplementation(serveChildren([...CHILDREN, ...many]));
    const element = await render();

    expect(rows(element).some((r) => r.dataset.id === BOSTON)).toBe(true);
    expect(rowNamed(element, BOSTON).getAttribute('aria-selected')).toBe('true');

    // Once the user scrolls, the viewport stays where they put it.
    const viewport = shadow(element).querySelector<HTMLElement>('[data-id="viewport"]');
    if (!viewport) throw new Error('no viewport');
    viewport.scrollTop = 0;
    viewport.dispatchEvent(new CustomEvent('scroll'));
    await settle();
    expect(rows(element).some((r) => r.dataset.id === BOSTON)).toBe(false);
  });

  it('is accessible', async () => {
    const element = await render();

    await expect(element).toBeAccessible();
  });
});
