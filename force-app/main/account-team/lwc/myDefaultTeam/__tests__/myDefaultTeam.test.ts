import { createElement } from 'lwc';
import MyDefaultTeam from 'c/myDefaultTeam';
import getMyDefaultTeam from '@salesforce/apex/DefaultTeamController.getMyDefaultTeam';
import saveMyDefaultTeam from '@salesforce/apex/DefaultTeamController.saveMyDefaultTeam';
import removeFromMyDefaultTeam from '@salesforce/apex/DefaultTeamController.removeFromMyDefaultTeam';
import searchUsers from '@salesforce/apex/DefaultTeamController.searchUsers';
import type { DefaultTeamContext, TeamSaveResponse } from '@contract';
import contextData from './data/getMyDefaultTeam.json';
import usersData from './data/searchUsers.json';
import saveData from './data/saveMyDefaultTeam.json';

jest.mock(
  '@salesforce/apex/DefaultTeamController.getMyDefaultTeam',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/DefaultTeamController.saveMyDefaultTeam',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/DefaultTeamController.removeFromMyDefaultTeam',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/DefaultTeamController.searchUsers',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
// Real texts where the test reads a placeholder; every other label resolves to its name.
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
jest.mock('@salesforce/label/c.AR_AccountTeam_AddUser', () => ({ __esModule: true, default: 'Add {0}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.AR_AccountTeam_ProblemNotAboveDefault',
  () => ({ __esModule: true, default: '{0} too low' }),
  {
    virtual: true,
  },
);

const getMock = getMyDefaultTeam as jest.MockedFunction<typeof getMyDefaultTeam>;
const saveMock = saveMyDefaultTeam as jest.MockedFunction<typeof saveMyDefaultTeam>;
const removeMock = removeFromMyDefaultTeam as jest.MockedFunction<typeof removeFromMyDefaultTeam>;
const searchMock = searchUsers as jest.MockedFunction<typeof searchUsers>;

const CONTEXT = contextData as DefaultTeamContext;
const AIDEN = '005000000000002AAA';
const MARCUS = '005000000000003AAA';

function contextWith(change: (c: DefaultTeamContext) => void): DefaultTeamContext {
  const copy = JSON.parse(JSON.stringify(CONTEXT)) as DefaultTeamContext;
  change(copy);
  return copy;
}

function flushPromises(): Promise<void> {
  return new Promise((resolve) =>
    jest.requireActual<typeof import('timers')>('timers').setImmediate(resolve),
  );
}

async function render(): Promise<HTMLElement> {
  const element = createElement('c-my-default-team', { is: MyDefaultTeam });
  element.searchDelay = 0;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function root(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- typed by the caller, as querySelector is
function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T {
  const found: T | null = root(element).querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function rowOf(element: HTMLElement, userId: string): HTMLElement {
  return q(element, `tr[data-user-id="${userId}"]`);
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new CustomEvent('change'));
}

/** Types into the search box as a user does (the component reads the input's value). */
async function typeSearch(element: HTMLElement, text: string): Promise<void> {
  const input = q<HTMLInputElement>(element, '[data-id="search"]');
  input.focus();
  input.value = text;
  input.dispatchEvent(new CustomEvent('input'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  await flushPromises();
}

describe('c-my-default-team', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('lists my default team with roles and the access levels the org allows, flagging inactive users', async () => {
    getMock.mockResolvedValue(CONTEXT);
    const element = await render();

    const rows = root(element).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    // Contacts are Controlled by Parent: three access columns, and a note why.
    expect(root(element).querySelectorAll('thead th')).toHaveLength(2 + 3 + 1);
    expect(q(element, '[data-id="contact-note"]').textContent).toContain(
      'c.AR_AccountTeam_ContactFollowsAccount',
    );
    const inactiveRow = rowOf(element, '005000000000004AAA');
    expect(inactiveRow.querySelector('[data-id="inactive"]')).not.toBeNull();
    expect(rowOf(element, AIDEN).querySelector('[data-id="inactive"]')).toBeNull();
    // UATM rules against Account Read: only Edit is offered for the account.
    const accountSelect = rowOf(element, AIDEN).querySelector<HTMLSelectElement>(
      'select[data-object="account"]',
    );
    expect([...(accountSelect?.options ?? [])].map((o) => o.value)).toEqual(['Edit']);
    const opportunity = rowOf(element, AIDEN).querySelector<HTMLSelectElement>(
      'select[data-object="opportunity"]',
    );
    expect([...(opportunity?.options ?? [])].map((o) => o.value)).toEqual(['Read', 'Edit']);
  });

  it('adds a member by keyboard only: type, arrow down to the user, Enter, role, levels, save', async () => {
    getMock.mockResolvedValue(CONTEXT);
    searchMock.mockResolvedValue(usersData);
    saveMock.mockResolvedValue(saveData as TeamSaveResponse);
    const element = await render();

    await typeSearch(element, 'mar');
    expect(searchMock).toHaveBeenCalledWith({ term: 'mar' });
    const candidates = root(element).querySelectorAll<HTMLButtonElement>('[data-id="candidate"]');
    expect(candidates).toHaveLength(2);
    // Aiden is already a member: offered but not addable.
    expect(candidates[1]?.disabled).toBe(true);
    expect(candidates[0]?.getAttribute('aria-label')).toBe('Add Marcus Lee');

    q<HTMLInputElement>(element, '[data-id="search"]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown' }),
    );
    expect(root(element).activeElement).toBe(candidates[0]);
    // Enter on a native button is a click.
    candidates[0]?.click();
    await flushPromises();

    const newRow = rowOf(element, MARCUS);
    const role = newRow.querySelector<HTMLSelectElement>('select[data-field="role"]');
    expect(root(element).activeElement).toBe(role);
    expect(newRow.querySelector('[data-id="new"]')).not.toBeNull();
    if (!role) throw new Error('no role select');
    choose(role, 'Account Manager');
    const opportunity = newRow.querySelector<HTMLSelectElement>('select[data-object="opportunity"]');
    if (!opportunity) throw new Error('no opportunity select');
    expect(opportunity.value).toBe('Read');
    choose(opportunity, 'Edit');
    await flushPromises();

    q<HTMLButtonElement>(element, '[data-id="save"]').click();
    await flushPromises();

    expect(saveMock).toHaveBeenCalledWith({
      members: [
        {
          id: null,
          userId: MARCUS,
          role: 'Account Manager',
          accountAccess: 'Edit',
          opportunityAccess: 'Edit',
          caseAccess: 'Read',
          contactAccess: null,
        },
      ],
    });
  });

  it('keeps a refused row as the user left it, with its error beside it, and saves the rest', async () => {
    getMock.mockResolvedValue(CONTEXT);
    saveMock.mockResolvedValue(saveData as TeamSaveResponse);
    const element = await render();

    const caseSelect = rowOf(element, AIDEN).querySelector<HTMLSelectElement>('select[data-object="case"]');
    if (!caseSelect) throw new Error('no case select');
    choose(caseSelect, 'Edit');
    await flushPromises();
    q<HTMLButtonElement>(element, '[data-id="save"]').click();
    await flushPromises();

    const row = rowOf(element, AIDEN);
    expect(row.querySelector('[data-id="row-errors"]')?.textContent).toContain(
      'Opportunity access must be above the org-wide default.',
    );
    expect(row.querySelector<HTMLSelectElement>('select[data-object="case"]')?.value).toBe('Edit');
    // Marcus came back saved from the server.
    expect(rowOf(element, MARCUS).querySelector('[data-id="new"]')).toBeNull();
    expect(q(element, '[data-id="status"]').textContent).toBe('c.AR_AccountTeam_NotSavedCount');
  });

  it('does not send a member whose levels break the rules, and says which level', async () => {
    getMock.mockResolvedValue(
      contextWith((c) => {
        const first = c.members[0];
        if (first) first.access.opportunity = 'None';
        c.grantable.opportunity = ['None', 'Read', 'Edit'];
      }),
    );
    const element = await render();
    const role = rowOf(element, AIDEN).querySelector<HTMLSelectElement>('select[data-field="role"]');
    if (!role) throw new Error('no role select');
    choose(role, 'Account Manager');
    await flushPromises();
    q<HTMLButtonElement>(element, '[data-id="save"]').click();
    await flushPromises();

    expect(saveMock).not.toHaveBeenCalled();
    expect(rowOf(element, AIDEN).querySelector('[data-id="row-errors"]')?.textContent).toContain(
      'c.AR_AccountTeam_ObjectOpportunity too low',
    );
    expect(rowOf(element, AIDEN).querySelector<HTMLSelectElement>('select[data-field="role"]')?.value).toBe(
      'Account Manager',
    );
  });

  it('keeps every edit when the save fails as a whole', async () => {
    getMock.mockResolvedValue(CONTEXT);
    saveMock.mockRejectedValue({ status: 500, body: { message: 'Server unavailable' } });
    const element = await render();
    const role = rowOf(element, AIDEN).querySelector<HTMLSelectElement>('select[data-field="role"]');
    if (!role) throw new Error('no role select');
    choose(role, 'Sales Rep');
    await flushPromises();
    q<HTMLButtonElement>(element, '[data-id="save"]').click();
    await flushPromises();

    expect(q(element, '[data-id="errors"]').textContent).toContain('Server unavailable');
    expect(rowOf(element, AIDEN).querySelector<HTMLSelectElement>('select[data-field="role"]')?.value).toBe(
      'Sales Rep',
    );
    expect(q<HTMLButtonElement>(element, '[data-id="save"]').disabled).toBe(false);
  });

  it('removes a member, and puts an edit back with Undo', async () => {
    getMock.mockResolvedValue(CONTEXT);
    removeMock.mockResolvedValue({ results: [{ userId: AIDEN, status: 'removed' }], members: [] });
    const element = await render();
    const role = rowOf(element, AIDEN).querySelector<HTMLSelectElement>('select[data-field="role"]');
    if (!role) throw new Error('no role select');
    choose(role, 'Sales Rep');
    await flushPromises();
    q<HTMLButtonElement>(element, `tr[data-user-id="${AIDEN}"] [data-id="undo"]`).click();
    await flushPromises();
    expect(rowOf(element, AIDEN).querySelector<HTMLSelectElement>('select[data-field="role"]')?.value).toBe(
      'Sales Manager',
    );

    q<HTMLButtonElement>(element, `tr[data-user-id="${AIDEN}"] [data-id="remove"]`).click();
    await flushPromises();
    expect(removeMock).toHaveBeenCalledWith({ memberIds: ['01M000000000001AAA'] });
    expect(root(element).querySelector(`tr[data-user-id="${AIDEN}"]`)).toBeNull();
  });

  it('says what to enable when Account Teams are off', async () => {
    getMock.mockResolvedValue(contextWith((c) => (c.featureEnabled = false)));
    const element = await render();
    expect(q(element, '[data-id="feature-off"]').textContent).toContain('c.AR_AccountTeam_FeatureOff');
    expect(root(element).querySelector('table')).toBeNull();
  });

  it('names the permission set to ask for when the user may not run the class', async () => {
    getMock.mockRejectedValue({
      status: 500,
      body: { message: "You do not have access to the Apex class named 'DefaultTeamController'." },
    });
    const element = await render();
    expect(q(element, '[data-id="error"]').textContent).toBe(
      'Ask your Salesforce admin to assign you the “Account Relationships User” permission set.',
    );
  });

  it('shows the team read-only, saying whom to ask, to a user who may not edit default teams', async () => {
    getMock.mockResolvedValue(contextWith((c) => (c.canEdit = false)));
    const element = await render();
    expect(q(element, '[data-id="cannot-edit"]').textContent).toContain(
      'c.AR_AccountTeam_CannotEditDefaultTeam',
    );
    expect(root(element).querySelector('select')).toBeNull();
    expect(root(element).querySelector('[data-id="search"]')).toBeNull();
    expect(rowOf(element, AIDEN).textContent).toContain('Sales Manager');
  });

  it('says so when I have no default team yet', async () => {
    getMock.mockResolvedValue(contextWith((c) => (c.members = [])));
    const element = await render();
    expect(q(element, '[data-id="empty"]').textContent).toContain('c.AR_AccountTeam_MyTeamEmpty');
  });

  it('is accessible', async () => {
    getMock.mockResolvedValue(CONTEXT);
    searchMock.mockResolvedValue(usersData);
    const element = await render();
    await typeSearch(element, 'mar');
    await expect(element).toBeAccessible();
  });
});
