import { createElement } from 'lwc';
import AccountTeamAssistant from 'c/accountTeamAssistant';
import getAccountTeamContext from '@salesforce/apex/AccountTeamController.getAccountTeamContext';
import previewTeam from '@salesforce/apex/AccountTeamController.previewTeam';
import applyTeam from '@salesforce/apex/AccountTeamController.applyTeam';
import getRun from '@salesforce/apex/AccountTeamController.getRun';
import listRuns from '@salesforce/apex/AccountTeamController.listRuns';
import loadChildren from '@salesforce/apex/AccountHierarchyController.loadChildren';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { AccountTeamContext, TeamPreview, TeamRun, TeamRunList, TeamRunPage } from '@contract';
import contextData from './data/getAccountTeamContext.json';
import previewData from './data/previewTeam.json';
import applyAccountData from './data/applyTeam-account.json';
import runAccountData from './data/getRun-account.json';
import applyHierarchyData from './data/applyTeam-hierarchy.json';
import runRunningData from './data/getRun-hierarchy-running.json';
import runDoneData from './data/getRun-hierarchy-done.json';
import listRunsData from './data/listRuns.json';
import childrenData from './data/loadChildren.json';

jest.mock(
  '@salesforce/apex/AccountTeamController.getAccountTeamContext',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/AccountTeamController.previewTeam',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/AccountTeamController.applyTeam',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/apex/AccountTeamController.getRun', () => ({ __esModule: true, default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/AccountTeamController.listRuns',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/AccountHierarchyController.loadChildren',
  () => ({ __esModule: true, default: jest.fn() }),
  {
    virtual: true,
  },
);
// Real texts where the test reads what a placeholder becomes; every other label resolves to its name.
jest.mock(
  '@salesforce/label/c.AR_AccountTeam_ApplyHierarchy',
  () => ({ __esModule: true, default: 'Apply to this account and its {0} descendants' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_AccountTeam_RefusalNotOwnerOrAbove',
  () => ({ __esModule: true, default: 'Only {0}, someone above them, or an admin can change this team.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_AccountTeam_ProgressCounted',
  () => ({ __esModule: true, default: '{0} of {1} accounts, {2} failed' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_AccountTeam_DiffSummary',
  () => ({ __esModule: true, default: '{0} to add, {1} different, {2} already there' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_AccountTeam_ResultFailed',
  () => ({ __esModule: true, default: 'Failed' }),
  {
    virtual: true,
  },
);
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

const contextMock = getAccountTeamContext as jest.MockedFunction<typeof getAccountTeamContext>;
const previewMock = previewTeam as jest.MockedFunction<typeof previewTeam>;
const applyMock = applyTeam as jest.MockedFunction<typeof applyTeam>;
const getRunMock = getRun as jest.MockedFunction<typeof getRun>;
const listRunsMock = listRuns as jest.MockedFunction<typeof listRuns>;
const loadChildrenMock = loadChildren as jest.MockedFunction<typeof loadChildren>;
const notifyMock = notifyRecordUpdateAvailable as jest.MockedFunction<typeof notifyRecordUpdateAvailable>;

const HQ = '001000000000001AAA';
const MARCUS = '005000000000003AAA';
const CONTEXT = contextData as AccountTeamContext;
const EMPTY_PAGE = (run: TeamRun): TeamRunPage => ({ run, results: [] });
const realTimers = jest.requireActual<typeof import('timers')>('timers');

function contextWith(change: (c: AccountTeamContext) => void): AccountTeamContext {
  const copy = JSON.parse(JSON.stringify(CONTEXT)) as AccountTeamContext;
  change(copy);
  return copy;
}

/** Lets pending promises and the re-renders they cause run (works with fake timers too). */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-await-in-loop -- a chain of awaits settles one turn at a time
    await new Promise((resolve) => realTimers.setImmediate(resolve));
  }
}

async function render(): Promise<HTMLElement> {
  const element = createElement('c-account-team-assistant', { is: AccountTeamAssistant });
  element.recordId = HQ;
  document.body.appendChild(element);
  await flush();
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

function texts(element: HTMLElement, selector: string): string[] {
  return [...root(element).querySelectorAll(selector)].map((e) => e.textContent.trim());
}

/** jsdom's Blob has no text(): read it as a browser without it would. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(new Error('unreadable blob'));
    };
    reader.readAsText(blob);
  });
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new CustomEvent('change'));
}

describe('c-account-team-assistant', () => {
  beforeEach(() => {
    contextMock.mockResolvedValue(CONTEXT);
    loadChildrenMock.mockResolvedValue(childrenData);
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows the current team grouped by role, sortable, and the differences from my and the owner’s default team', async () => {
    const element = await render();

    expect(contextMock).toHaveBeenCalledWith({ accountId: HQ });
    // Catalog order: Account Manager (10) before Sales Manager (20).
    expect(texts(element, '[data-id="group-heading"]')).toEqual([
      'c.AR_AccountTeam_GroupCount',
      'c.AR_AccountTeam_GroupCount',
    ]);
    expect(
      [...root(element).querySelectorAll('tbody[data-role]')].map((t) => t.getAttribute('data-role')),
    ).toEqual(['Account Manager', 'Sales Manager']);
    // Contacts are Controlled by Parent: member, role and three access columns.
    expect(root(element).querySelectorAll('thead th[aria-sort]')).toHaveLength(5);

    q<HTMLInputElement>(element, '[data-id="group-by-role"]').click();
    await flush();
    const accountSort = q<HTMLButtonElement>(element, '[data-id="sort"][data-field="account"]');
    accountSort.click();
    await flush();
    expect(accountSort.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    const order = () =>
      [...root(element).querySelectorAll('table[data-id="current-team"] tbody tr[data-user-id]')].map((r) =>
        r.getAttribute('data-user-id'),
      );
    expect(order()[0]).toBe(MARCUS); // Read is the lowest account access
    accountSort.click();
    await flush();
    expect(accountSort.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(order()[2]).toBe(MARCUS);

    expect(q(element, '[data-id="mine"] [data-id="diff-summary"]').textContent).toBe(
      '1 to add, 1 different, 1 already there',
    );
    expect(q(element, '[data-id="owner"] [data-id="diff-summary"]').textContent).toBe(
      '1 to add, 0 different, 0 already there',
    );
    // The descendants are counted by the hierarchy loader (one call: three children, none below).
    expect(loadChildrenMock).toHaveBeenCalledWith({
      parentIds: [HQ],
      afterId: null,
      columns: [],
      pageSize: 5000,
      levels: 5,
    });
    expect(q(element, '[data-id="apply-hierarchy"]').textContent.trim()).toBe(
      'Apply to this account and its 3 descendants',
    );
  });

  it('previews my default team, lets me update one different member and keep the rest, then applies and shows the result', async () => {
    previewMock.mockResolvedValue(previewData as TeamPreview);
    applyMock.mockResolvedValue(applyAccountData as TeamRun);
    getRunMock.mockResolvedValue(runAccountData as TeamRunPage);
    const element = await render();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);

    q<HTMLButtonElement>(element, '[data-id="add-mine"]').click();
    await flush();
    expect(previewMock).toHaveBeenCalledWith({ accountIds: [HQ], source: 'mine' });
    expect(
      [...root(element).querySelectorAll('[data-id="preview"] li')].map((li) => li.getAttribute('data-kind')),
    ).toEqual(['different', 'add', 'same']);
    expect(q(element, '[data-id="outcome"]').textContent).toBe('c.AR_AccountTeam_PreviewOutcome');

    choose(q<HTMLSelectElement>(element, `[data-id="member-choice"][data-user-id="${MARCUS}"]`), 'update');
    await flush();
    q<HTMLButtonElement>(element, '[data-id="apply"]').click();
    await flush();

    expect(applyMock).toHaveBeenCalledWith({
      request: {
        scope: 'account',
        accountId: HQ,
        source: 'mine',
        onDifferent: 'keep',
        choices: [{ userId: MARCUS, choice: 'update' }],
        retryOfRunId: null,
      },
    });
    // The run completed in the call: its results are read at once, no polling.
    expect(getRunMock).toHaveBeenCalledWith({ runId: 'a0R000000000001AAA', afterResultId: null });
    expect(root(element).querySelectorAll('table[data-id="results"] tbody tr')).toHaveLength(1);
    expect(notifyMock).toHaveBeenCalledWith([{ recordId: HQ }]);
    // The page's standard components (the Account Team related list) refresh too.
    expect(refreshed).toHaveBeenCalledTimes(1);
    expect(contextMock).toHaveBeenCalledTimes(2);
  });

  it('updates every different member when the choice for all is Update', async () => {
    previewMock.mockResolvedValue(previewData as TeamPreview);
    applyMock.mockResolvedValue(applyAccountData as TeamRun);
    getRunMock.mockResolvedValue(runAccountData as TeamRunPage);
    const element = await render();
    q<HTMLButtonElement>(element, '[data-id="add-mine"]').click();
    await flush();

    choose(q<HTMLSelectElement>(element, '[data-id="on-different"]'), 'update');
    await flush();
    expect(q<HTMLSelectElement>(element, `[data-id="member-choice"][data-user-id="${MARCUS}"]`).value).toBe(
      'update',
    );
    q<HTMLButtonElement>(element, '[data-id="apply"]').click();
    await flush();

    expect(applyMock.mock.calls[0]?.[0].request).toMatchObject({ onDifferent: 'update', choices: [] });
  });

  it('follows a hierarchy run by polling with back-off, then lists failures first, and stops polling', async () => {
    jest.useFakeTimers();
    applyMock.mockResolvedValue(applyHierarchyData as TeamRun);
    const done = runDoneData as TeamRunPage;
    getRunMock
      .mockResolvedValueOnce(runRunningData as TeamRunPage)
      .mockResolvedValueOnce(done)
      .mockResolvedValue(EMPTY_PAGE(done.run));
    const element = await render();

    q<HTMLButtonElement>(element, '[data-id="apply-hierarchy"]').click();
    await flush();
    expect(q(element, '[data-id="confirm"]')).toBeTruthy();
    q<HTMLButtonElement>(element, '[data-id="start"]').click();
    await flush();
    expect(applyMock).toHaveBeenCalledWith({
      request: {
        scope: 'hierarchy',
        accountId: HQ,
        source: 'mine',
        onDifferent: 'keep',
        choices: [],
        retryOfRunId: null,
      },
    });
    expect(q(element, '[data-id="progress-text"]').textContent).toBe('c.AR_AccountTeam_ProgressStarting');
    expect(getRunMock).not.toHaveBeenCalled();

    jest.advanceTimersByTime(1000);
    await flush();
    expect(getRunMock).toHaveBeenCalledTimes(1);
    expect(getRunMock).toHaveBeenLastCalledWith({ runId: 'a0R000000000002AAA', afterResultId: null });
    expect(q(element, '[data-id="progress"]').getAttribute('aria-valuenow')).toBe('50');
    expect(q(element, '[data-id="progress-text"]').textContent).toBe('2 of 4 accounts, 0 failed');

    // Back-off: the next poll comes 1.5 s later, not 1 s.
    jest.advanceTimersByTime(1000);
    await flush();
    expect(getRunMock).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(500);
    await flush();
    // The poll that saw the end, then one page from its cursor to be sure nothing is left.
    expect(getRunMock).toHaveBeenCalledTimes(3);
    expect(getRunMock.mock.calls[1]?.[0]).toEqual({
      runId: 'a0R000000000002AAA',
      afterResultId: 'a0S000000000012AAA',
    });

    expect(root(element).querySelector('[data-id="progress"]')).toBeNull();
    const rows = [...root(element).querySelectorAll('table[data-id="results"] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['failed', 'done', 'done', 'done']);
    expect(rows[0]?.textContent).toContain('Get Cloudy Canada');

    jest.advanceTimersByTime(60_000);
    await flush();
    expect(getRunMock).toHaveBeenCalledTimes(3);
  });

  it('stops polling when the component leaves the page', async () => {
    jest.useFakeTimers();
    applyMock.mockResolvedValue(applyHierarchyData as TeamRun);
    getRunMock.mockResolvedValue(runRunningData as TeamRunPage);
    const element = await render();
    q<HTMLButtonElement>(element, '[data-id="apply-hierarchy"]').click();
    await flush();
    q<HTMLButtonElement>(element, '[data-id="start"]').click();
    await flush();

    document.body.removeChild(element);
    jest.advanceTimersByTime(60_000);
    await flush();
    expect(getRunMock).not.toHaveBeenCalled();
  });

  it('retries only the failed accounts of a run, and downloads the failures as CSV', async () => {
    listRunsMock.mockResolvedValue(listRunsData as TeamRunList);
    const done = runDoneData as TeamRunPage;
    getRunMock.mockResolvedValue({
      ...done,
      results: [...(runRunningData as TeamRunPage).results, ...done.results],
    });
    applyMock.mockResolvedValue({
      ...(applyAccountData as TeamRun),
      id: 'a0R000000000003AAA',
      retryOfRunId: done.run.id,
    });
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:failures';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const element = await render();

    q<HTMLButtonElement>(element, '[data-id="earlier-runs"]').click();
    await flush();
    q<HTMLButtonElement>(element, '[data-id="open-run"][data-run-id="a0R000000000002AAA"]').click();
    await flush();

    q<HTMLButtonElement>(element, '[data-id="download"]').click();
    expect(click).toHaveBeenCalled();
    const [blob] = created;
    if (!blob) throw new Error('no CSV was made');
    const csv = await readBlob(blob);
    expect(csv).toContain(
      'Get Cloudy Canada,001000000000004AAA,Failed,"Record locked by another user, ""try again""."',
    );
    expect(csv).not.toContain('Get Cloudy West');

    q<HTMLButtonElement>(element, '[data-id="retry"]').click();
    await flush();
    expect(applyMock).toHaveBeenCalledWith({
      request: {
        scope: 'hierarchy',
        accountId: HQ,
        source: 'mine',
        onDifferent: 'keep',
        choices: [],
        retryOfRunId: 'a0R000000000002AAA',
      },
    });
    click.mockRestore();
  });

  it('reopens an earlier run from the list and shows its results', async () => {
    listRunsMock.mockResolvedValue(listRunsData as TeamRunList);
    getRunMock.mockResolvedValue(runAccountData as TeamRunPage);
    const element = await render();

    q<HTMLButtonElement>(element, '[data-id="earlier-runs"]').click();
    await flush();
    expect(root(element).querySelectorAll('[data-id="runs"] tbody tr')).toHaveLength(2);
    q<HTMLButtonElement>(element, '[data-id="open-run"][data-run-id="a0R000000000001AAA"]').click();
    await flush();

    expect(getRunMock).toHaveBeenCalledWith({ runId: 'a0R000000000001AAA', afterResultId: null });
    expect(texts(element, 'table[data-id="results"] tbody th')).toEqual(['Get Cloudy Consulting']);
    expect(root(element).querySelector('[data-id="retry"]')).toBeNull();
  });

  it('tells a user who may not change the team why, naming the owner, and offers no apply buttons', async () => {
    contextMock.mockResolvedValue(
      contextWith((c) => {
        c.canChangeTeam = false;
        c.changeRefusal = 'notOwnerOrAbove';
      }),
    );
    const element = await render();

    expect(q(element, '[data-id="refusal"]').textContent).toContain(
      'Only Olivia Owens, someone above them, or an admin can change this team.',
    );
    expect(root(element).querySelector('[data-id="actions"]')).toBeNull();
    expect(root(element).querySelector('[data-id="add-mine"]')).toBeNull();
    expect(loadChildrenMock).not.toHaveBeenCalled();
    // The team and the differences are still shown.
    expect(root(element).querySelector('table[data-id="current-team"]')).not.toBeNull();
  });

  it('says what to enable when Account Teams are off', async () => {
    contextMock.mockResolvedValue(contextWith((c) => (c.featureEnabled = false)));
    const element = await render();
    expect(q(element, '[data-id="feature-off"]').textContent).toContain('c.AR_AccountTeam_FeatureOff');
    expect(root(element).querySelector('table')).toBeNull();
  });

  it('names the permission set to ask for when the user may not run the controller', async () => {
    contextMock.mockRejectedValue({
      status: 500,
      body: { message: "You do not have access to the Apex class named 'AccountTeamController'." },
    });
    const element = await render();
    expect(texts(element, '[data-id="error"]')).toEqual([
      'Ask your Salesforce admin to assign you the “Account Relationships User” permission set.',
    ]);
  });

  it('says the team cannot be read, rather than that it is empty, for a user without Read on team members', async () => {
    contextMock.mockResolvedValue(
      contextWith((c) => {
        c.canReadTeam = false;
        c.currentTeam = [];
      }),
    );
    const element = await render();
    const text = q(element, '[data-id="team-empty"]').textContent;
    expect(text).toContain('c.AR_AccountTeam_TeamNotReadable');
    expect(text).not.toContain('c.AR_AccountTeam_CurrentTeamEmpty');
  });

  it('says so when the account has no team yet, and offers to add one', async () => {
    contextMock.mockResolvedValue(contextWith((c) => (c.currentTeam = [])));
    const element = await render();
    expect(q(element, '[data-id="team-empty"]').textContent).toContain('c.AR_AccountTeam_CurrentTeamEmpty');
    expect(q(element, '[data-id="mine"] [data-id="diff-summary"]').textContent).toBe(
      '3 to add, 0 different, 0 already there',
    );
    expect(root(element).querySelector('[data-id="add-mine"]')).not.toBeNull();
  });

  it('is accessible, with a preview open', async () => {
    previewMock.mockResolvedValue(previewData as TeamPreview);
    const element = await render();
    q<HTMLButtonElement>(element, '[data-id="add-mine"]').click();
    await flush();
    await expect(element).toBeAccessible();
  });
});
