import { createElement } from 'lwc';
import RelationshipAddDialog from 'c/relationshipAddDialog';
import searchContacts from '@salesforce/apex/RelatedContactsController.searchContacts';
import addRelationship from '@salesforce/apex/RelatedContactsController.addRelationship';
import type { ContactRelationship, ContactSearchResponse, RelationshipResult, RoleOption } from '@contract';
import searchData from './data/searchContacts.json';
import addedData from './data/addRelationship-added.json';
import roleOptions from '../../rolePicker/__tests__/data/roleOptions.json';

jest.mock(
  '@salesforce/apex/RelatedContactsController.searchContacts',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/RelatedContactsController.addRelationship',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);

// Labels that name the contact, with their real text so the test sees the name; every other label
// resolves to its name (e.g. "c.AR_RelatedContacts_Outcome_NoAccess").
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Add_AlreadyRelated',
  () => ({ __esModule: true, default: '{0} is already related to this account.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Add_PrivateContact',
  () => ({ __esModule: true, default: '{0} is a private contact.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Add_CannotEditContact',
  () => ({ __esModule: true, default: 'You can’t edit {0}.' }),
  { virtual: true },
);

const searchMock = searchContacts as jest.MockedFunction<typeof searchContacts>;
const addMock = addRelationship as jest.MockedFunction<typeof addRelationship>;
const SEARCH = searchData as ContactSearchResponse;
const ADDED = addedData as RelationshipResult;
const ACCOUNT = '001000000000001AAA';
const LEUNG = '003000000000001AAA';
const ALAN = '003000000000002AAA';
const PRIVATE = '003000000000003AAA';
const LOCKED = '003000000000004AAA';

interface DialogElement extends HTMLElement {
  accountId: string;
  roleOptions: RoleOption[];
  initialRoles: string[];
  today: string;
  open(): void;
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-await-in-loop -- renders and Apex answers resolve one after another
    await Promise.resolve();
  }
}

async function render(initialRoles: string[] = []): Promise<DialogElement> {
  const element = createElement('c-relationship-add-dialog', { is: RelationshipAddDialog }) as DialogElement;
  element.accountId = ACCOUNT;
  element.roleOptions = roleOptions as RoleOption[];
  element.initialRoles = initialRoles;
  element.today = '2026-12-03';
  document.body.appendChild(element);
  element.open();
  await flush();
  return element;
}

function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function find(element: HTMLElement, selector: string): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function text(element: HTMLElement, selector: string): string {
  return (shadow(element).querySelector(selector)?.textContent ?? '').trim();
}

function picker(element: HTMLElement): HTMLElement {
  return find(element, 'c-role-picker');
}

/** Types into the contact search and lets the debounce run out. */
async function searchFor(element: HTMLElement, term: string): Promise<void> {
  const box = find(element, 'input.contact-search') as HTMLInputElement;
  box.value = term;
  box.dispatchEvent(new CustomEvent('input'));
  jest.advanceTimersByTime(300);
  await flush();
}

async function choose(element: HTMLElement, contactId: string): Promise<void> {
  find(element, `button.candidate[data-id="${contactId}"]`).click();
  await flush();
}

function listen<T>(element: HTMLElement, name: string): T[] {
  const details: T[] = [];
  element.addEventListener(name, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

describe('c-relationship-add-dialog', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    searchMock.mockResolvedValue(SEARCH);
    addMock.mockResolvedValue(ADDED);
  });

  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows nothing until opened, then a modal dialog with the search focused, today’s date and active checked', async () => {
    const element = createElement('c-relationship-add-dialog', {
      is: RelationshipAddDialog,
    }) as DialogElement;
    document.body.appendChild(element);
    expect(shadow(element).querySelector('[role="dialog"]')).toBeNull();
    element.remove();

    const opened = await render(['Economic Buyer']);
    const dialog = find(opened, 'section[role="dialog"]');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(shadow(opened).activeElement).toBe(find(opened, 'input.contact-search'));
    expect((find(opened, 'input.start-date') as HTMLInputElement).value).toBe('2026-12-03');
    expect((find(opened, 'input.is-active') as HTMLInputElement).checked).toBe(true);
    expect((picker(opened) as HTMLElement & { selected: string[] }).selected).toEqual(['Economic Buyer']);
    expect((find(opened, 'button.save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches once typing pauses, with at least two characters, and lists name, title, email and account', async () => {
    const element = await render();
    const box = find(element, 'input.contact-search') as HTMLInputElement;
    for (const term of ['l', 'le', 'leu']) {
      box.value = term;
      box.dispatchEvent(new CustomEvent('input'));
      jest.advanceTimersByTime(100);
    }
    await flush();
    expect(searchMock).not.toHaveBeenCalled();
    expect(text(element, '.search-status')).toBe('c.AR_RelatedContacts_Add_Searching');
    jest.advanceTimersByTime(300);
    await flush();

    expect(searchMock).toHaveBeenCalledTimes(1);
    expect(searchMock).toHaveBeenCalledWith({ accountId: ACCOUNT, term: 'leu' });
    const first = find(element, `button.candidate[data-id="${LEUNG}"]`);
    expect(first.textContent).toContain('Leung Chan');
    expect(first.textContent).toContain('CTO · leung@example.com');
    expect(first.textContent).toContain('Global Media');
    expect(text(element, '.search-status')).toBe('c.AR_RelatedContacts_Add_MoreContacts');
    // Long names are cut on one line, with the whole name in the title.
    const longName = find(element, `button.candidate[data-id="${ALAN}"] .candidate-name`);
    expect(longName.getAttribute('title')).toBe(longName.textContent);
    expect(longName.classList).toContain('slds-truncate');
    // Contacts that cannot be related say so in the list already.
    expect(text(element, `button.candidate[data-id="${ALAN}"] .candidate-note`)).toBe(
      'c.AR_RelatedContacts_Add_CandidateRelated',
    );
    expect(text(element, `button.candidate[data-id="${PRIVATE}"] .candidate-note`)).toBe(
      'c.AR_RelatedContacts_Add_CandidatePrivate',
    );
    expect(text(element, `button.candidate[data-id="${LOCKED}"] .candidate-note`)).toBe(
      'c.AR_RelatedContacts_Add_CandidateNoEdit',
    );
  });

  it('shows only the answer to the latest search when an earlier one answers late', async () => {
    let answerFirst: (value: ContactSearchResponse) => void = () => undefined;
    searchMock
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce({ contacts: [], more: false });
    const element = await render();

    await searchFor(element, 'le');
    await searchFor(element, 'nobody');
    answerFirst(SEARCH);
    await flush();

    expect(shadow(element).querySelectorAll('button.candidate')).toHaveLength(0);
    expect(text(element, '.search-status')).toBe('c.AR_RelatedContacts_Add_NoContacts');
  });

  it('says why the search failed', async () => {
    searchMock.mockRejectedValue({ body: { message: 'Search is down' } });
    const element = await render();

    await searchFor(element, 'leu');

    expect(text(element, '.search-status')).toBe('c.AR_RelatedContacts_Add_SearchFailed Search is down');
  });

  it('explains an already related contact and offers its existing row', async () => {
    const element = await render();
    const shown = listen<{ relationshipId: string }>(element, 'showexisting');
    await searchFor(element, 'alan');
    await choose(element, ALAN);

    expect(text(element, '.obstacle p')).toBe(
      'Alan Smith-Worthington-Featherstonehaugh the Third of Upper Middle Wallop is already related to this account.',
    );
    expect((find(element, 'button.save') as HTMLButtonElement).disabled).toBe(true);

    find(element, '.obstacle button.show-existing').click();
    await flush();
    expect(shown).toEqual([{ relationshipId: '07k000000000002AAA' }]);
    expect(shadow(element).querySelector('[role="dialog"]')).toBeNull();
  });

  it('explains a private contact and a contact the user cannot edit', async () => {
    const element = await render();
    await searchFor(element, 'pat');
    await choose(element, PRIVATE);
    expect(text(element, '.obstacle')).toBe('Pat Private is a private contact.');
    expect((find(element, 'button.save') as HTMLButtonElement).disabled).toBe(true);

    find(element, 'button.change-contact').click();
    await flush();
    expect(shadow(element).activeElement).toBe(find(element, 'input.contact-search'));
    await searchFor(element, 'nora');
    await choose(element, LOCKED);
    expect(text(element, '.obstacle')).toBe('You can’t edit Nora Locked.');
    expect((find(element, 'button.save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('adds the relationship with the chosen roles, start date and active flag, then reports the row and closes', async () => {
    const element = await render(['Economic Buyer']);
    const added = listen<{ row: ContactRelationship }>(element, 'added');
    await searchFor(element, 'leu');
    await choose(element, LEUNG);
    expect(text(element, '.contact-name')).toBe('Leung Chan');

    const businessUser = shadow(picker(element)).querySelector<HTMLInputElement>(
      'input[data-value="Business User"]',
    );
    businessUser?.click();
    const start = find(element, 'input.start-date') as HTMLInputElement;
    start.value = '2026-11-01';
    start.dispatchEvent(new CustomEvent('change'));
    (find(element, 'input.is-active') as HTMLInputElement).click();
    await flush();
    find(element, 'button.save').click();
    await flush();

    expect(addMock).toHaveBeenCalledWith({
      accountId: ACCOUNT,
      contactId: LEUNG,
      roles: ['Business User', 'Economic Buyer'],
      startDate: '2026-11-01',
      isActive: false,
    });
    expect(added).toEqual([{ row: ADDED.row }]);
    expect(shadow(element).querySelector('[role="dialog"]')).toBeNull();
  });

  it('sends an emptied start date as null and the active flag even when left as it was', async () => {
    const element = await render();
    await searchFor(element, 'leu');
    await choose(element, LEUNG);
    const start = find(element, 'input.start-date') as HTMLInputElement;
    start.value = '';
    start.dispatchEvent(new CustomEvent('change'));
    find(element, 'button.save').click();
    await flush();

    expect(addMock).toHaveBeenCalledWith({
      accountId: ACCOUNT,
      contactId: LEUNG,
      roles: [],
      startDate: null,
      isActive: true,
    });
  });

  it('on a duplicate, shows the server’s message and a way to the existing row', async () => {
    addMock.mockResolvedValue({
      status: 'duplicate',
      message: 'Leung is already here.',
      existingId: '07k000000000003AAA',
    });
    const element = await render();
    const shown = listen<{ relationshipId: string }>(element, 'showexisting');
    await searchFor(element, 'leu');
    await choose(element, LEUNG);
    find(element, 'button.save').click();
    await flush();

    expect(text(element, '.error p')).toBe('Leung is already here.');
    find(element, '.error button.show-existing').click();
    expect(shown).toEqual([{ relationshipId: '07k000000000003AAA' }]);
  });

  it('on another refusal without a message, says what the status means', async () => {
    addMock.mockResolvedValue({ status: 'noAccess' });
    const element = await render();
    await searchFor(element, 'leu');
    await choose(element, LEUNG);
    find(element, 'button.save').click();
    await flush();

    expect(text(element, '.error p')).toBe('c.AR_RelatedContacts_Outcome_NoAccess');
    expect(shadow(element).querySelector('.error button.show-existing')).toBeNull();
  });

  it('when the add fails, says why and keeps everything the user chose', async () => {
    addMock.mockRejectedValue({ body: { message: 'Unable to lock row' } });
    const element = await render(['Decision Maker']);
    const closed = listen<null>(element, 'close');
    await searchFor(element, 'leu');
    await choose(element, LEUNG);
    const start = find(element, 'input.start-date') as HTMLInputElement;
    start.value = '2026-10-10';
    start.dispatchEvent(new CustomEvent('change'));
    (find(element, 'input.is-active') as HTMLInputElement).click();
    find(element, 'button.save').click();
    await flush();

    expect(text(element, '.error p')).toBe('c.AR_RelatedContacts_Add_Failed Unable to lock row');
    expect(find(element, '[role="dialog"]')).toBeTruthy();
    expect(closed).toEqual([]);
    expect(text(element, '.contact-name')).toBe('Leung Chan');
    expect((picker(element) as HTMLElement & { selected: string[] }).selected).toEqual(['Decision Maker']);
    expect((find(element, 'input.start-date') as HTMLInputElement).value).toBe('2026-10-10');
    expect((find(element, 'input.is-active') as HTMLInputElement).checked).toBe(false);
    expect((find(element, 'button.save') as HTMLButtonElement).disabled).toBe(false);

    addMock.mockResolvedValue(ADDED);
    find(element, 'button.save').click();
    await flush();
    expect(addMock).toHaveBeenLastCalledWith({
      accountId: ACCOUNT,
      contactId: LEUNG,
      roles: ['Decision Maker'],
      startDate: '2026-10-10',
      isActive: false,
    });
  });

  it('while adding, keeps the focus on the busy Add button, adds once, and still lets Escape close', async () => {
    let answer: (value: RelationshipResult) => void = () => undefined;
    addMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const element = await render();
    const closed = listen<null>(element, 'close');
    await searchFor(element, 'leu');
    await choose(element, LEUNG);
    const save = find(element, 'button.save');
    save.focus();
    save.click();
    await flush();

    // A disabled button would lose the focus to the page, out of the dialog's reach.
    expect((save as HTMLButtonElement).disabled).toBe(false);
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(save.textContent.trim()).toBe('c.AR_RelatedContacts_Add_Saving');
    expect(shadow(element).activeElement).toBe(save);
    save.click();
    expect(addMock).toHaveBeenCalledTimes(1);

    save.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closed).toHaveLength(1);
    answer(ADDED);
    await flush();
  });

  it('closes on Escape (also from inside the role picker) and on Cancel, firing close', async () => {
    const element = await render();
    const closed = listen<null>(element, 'close');
    const reachedPage: string[] = [];
    document.body.addEventListener('keydown', (event) => reachedPage.push(event.key));

    const pickerSearch = shadow(picker(element)).querySelector('input.search');
    pickerSearch?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await flush();
    expect(closed).toHaveLength(1);
    expect(shadow(element).querySelector('[role="dialog"]')).toBeNull();
    expect(reachedPage).toEqual([]);

    element.open();
    await flush();
    find(element, 'button.cancel').click();
    await flush();
    expect(closed).toHaveLength(2);
  });

  it('keeps Tab inside the dialog', async () => {
    const element = await render();
    const tab = (target: HTMLElement, shiftKey = false): KeyboardEvent => {
      const event = new KeyboardEvent('keydown', {
        key: 'Tab',
        shiftKey,
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      target.dispatchEvent(event);
      return event;
    };
    const closeButton = find(element, 'button.close-x');
    const cancel = find(element, 'button.cancel');

    // The Add button is disabled until a contact is chosen: Cancel is the last control then.
    cancel.focus();
    expect(tab(cancel).defaultPrevented).toBe(true);
    expect(shadow(element).activeElement).toBe(closeButton);
    expect(tab(closeButton, true).defaultPrevented).toBe(true);
    expect(shadow(element).activeElement).toBe(cancel);
    // In the middle, the browser's own order applies.
    const search = find(element, 'input.contact-search');
    search.focus();
    expect(tab(search).defaultPrevented).toBe(false);
  });

  it('is accessible, while searching and with a contact chosen', async () => {
    const element = await render(['Economic Buyer']);
    await searchFor(element, 'leu');
    // sa11y runs on real timers only.
    jest.useRealTimers();
    await expect(element).toBeAccessible();

    await choose(element, ALAN);
    await expect(element).toBeAccessible();
  });
});
