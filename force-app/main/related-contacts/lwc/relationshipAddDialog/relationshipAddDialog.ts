/**
 * The "Add relationship" dialog: find a contact (by name or email), choose roles, a start date and
 * whether the relationship is active, then add it. An SLDS modal with its own focus trap (not
 * `lightning/modal`, which the workbench may not support); Escape closes it.
 *
 * A contact that cannot be related says why before the user tries: already related (with a way to
 * the existing row), private (no account), or not editable by the user. A refused or failed add keeps
 * the dialog open with everything chosen, so nothing the user typed is lost.
 */
import { LightningElement, api } from 'lwc';
import searchContacts from '@salesforce/apex/RelatedContactsController.searchContacts';
import addRelationship from '@salesforce/apex/RelatedContactsController.addRelationship';
import { reduceErrors } from 'c/ldsUtils';
import { focusableIn, trapTab } from 'c/dialogFocus';
import { format, resultText } from 'c/relationshipStatus';
import type { ContactCandidate, RoleOption } from '@contract';

import title from '@salesforce/label/c.AR_RelatedContacts_Add_Title';
import close from '@salesforce/label/c.AR_RelatedContacts_Dialog_Close';
import cancel from '@salesforce/label/c.AR_RelatedContacts_Dialog_Cancel';
import add from '@salesforce/label/c.AR_RelatedContacts_Add_Save';
import adding from '@salesforce/label/c.AR_RelatedContacts_Add_Saving';
import contactLabel from '@salesforce/label/c.AR_RelatedContacts_Add_Contact';
import contactSearchPlaceholder from '@salesforce/label/c.AR_RelatedContacts_Add_SearchPlaceholder';
import contactSearchHint from '@salesforce/label/c.AR_RelatedContacts_Add_SearchHint';
import searching from '@salesforce/label/c.AR_RelatedContacts_Add_Searching';
import noContacts from '@salesforce/label/c.AR_RelatedContacts_Add_NoContacts';
import moreContacts from '@salesforce/label/c.AR_RelatedContacts_Add_MoreContacts';
import searchFailed from '@salesforce/label/c.AR_RelatedContacts_Add_SearchFailed';
import alreadyRelated from '@salesforce/label/c.AR_RelatedContacts_Add_AlreadyRelated';
import privateContact from '@salesforce/label/c.AR_RelatedContacts_Add_PrivateContact';
import cannotEditContact from '@salesforce/label/c.AR_RelatedContacts_Add_CannotEditContact';
import candidateRelated from '@salesforce/label/c.AR_RelatedContacts_Add_CandidateRelated';
import candidatePrivate from '@salesforce/label/c.AR_RelatedContacts_Add_CandidatePrivate';
import candidateNoEdit from '@salesforce/label/c.AR_RelatedContacts_Add_CandidateNoEdit';
import showExisting from '@salesforce/label/c.AR_RelatedContacts_Add_ShowExisting';
import changeContact from '@salesforce/label/c.AR_RelatedContacts_Add_ChangeContact';
import chosenContact from '@salesforce/label/c.AR_RelatedContacts_Add_ChosenContact';
import roles from '@salesforce/label/c.AR_RelatedContacts_Picker_Roles';
import startDate from '@salesforce/label/c.AR_RelatedContacts_Add_StartDate';
import active from '@salesforce/label/c.AR_RelatedContacts_Add_Active';
import addFailed from '@salesforce/label/c.AR_RelatedContacts_Add_Failed';
import unknownError from '@salesforce/label/c.AR_Error_Unknown';

/** Typing pauses this long before a search goes out (one request per pause, not per key). */
export const SEARCH_DELAY_MS = 300;
/** Fewer characters match too many contacts to be useful (and the server says so anyway). */
const MIN_TERM_LENGTH = 2;

/** Why a contact cannot be related to this account, if it cannot. */
type Obstacle = 'related' | 'private' | 'noEdit' | null;

function obstacleOf(contact: ContactCandidate): Obstacle {
  if (contact.existingRelationshipId != null) return 'related';
  if (contact.canRelate) return null;
  // A contact without an account is private: no user can relate it, whatever their access.
  return contact.accountId == null ? 'private' : 'noEdit';
}

interface CandidateView {
  id: string;
  name: string;
  details: string;
  accountName: string;
  note: string;
}

export default class RelationshipAddDialog extends LightningElement {
  @api accountId = '';
  @api roleOptions: RoleOption[] = [];
  /** Roles chosen when the dialog opens, e.g. the key role coverage found missing. */
  @api initialRoles: string[] | null = [];
  /** Today in the user's time zone (YYYY-MM-DD): the default start date. */
  @api today: string | null = '';

  labels = {
    title,
    close,
    cancel,
    contact: contactLabel,
    contactSearchPlaceholder,
    contactSearchHint,
    showExisting,
    changeContact,
    chosenContact,
    roles,
    startDate,
    active,
  };

  /** The role picker inside shows no Save / Cancel of its own: the dialog's footer saves. */
  readonly pickerActions = false;

  isOpen = false;
  term = '';
  candidates: ContactCandidate[] = [];
  moreMatch = false;
  isSearching = false;
  searchError = '';
  contact: ContactCandidate | null = null;
  selectedRoles: string[] = [];
  start = '';
  isActive = true;
  isSaving = false;
  /** Why the last add did not happen; the values stay as they were. */
  errorMessage = '';
  /** The relationship the add was refused for (a duplicate found by the server). */
  refusedExistingId: string | null = null;

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to earlier searches are dropped: only the latest term's results are shown. */
  private searchSequence = 0;
  private focusOnRender = false;
  /** Where the focus was when the dialog opened: it goes back there when the dialog closes. */
  private returnFocusTo: HTMLElement | null = null;

  /** Opens the dialog with nothing chosen but `initialRoles`, starting today, active. */
  @api
  open(): void {
    this.cancelSearch();
    this.term = '';
    this.candidates = [];
    this.moreMatch = false;
    this.isSearching = false;
    this.searchError = '';
    this.contact = null;
    this.selectedRoles = [...(this.initialRoles ?? [])];
    this.start = this.today ?? '';
    this.isActive = true;
    this.isSaving = false;
    this.errorMessage = '';
    this.refusedExistingId = null;
    const focused = document.activeElement;
    this.returnFocusTo = focused instanceof HTMLElement && focused !== document.body ? focused : null;
    this.isOpen = true;
    this.focusOnRender = true;
  }

  override disconnectedCallback(): void {
    this.cancelSearch();
  }

  override renderedCallback(): void {
    if (this.isOpen && this.focusOnRender) {
      this.focusOnRender = false;
      this.template?.querySelector<HTMLElement>('input.contact-search')?.focus();
    }
  }

  get hasCandidates(): boolean {
    return this.candidates.length > 0;
  }

  get candidateViews(): CandidateView[] {
    const notes: Record<Exclude<Obstacle, null>, string> = {
      related: candidateRelated,
      private: candidatePrivate,
      noEdit: candidateNoEdit,
    };
    return this.candidates.map((candidate) => {
      const obstacle = obstacleOf(candidate);
      return {
        id: candidate.id,
        name: candidate.name,
        details: [candidate.title, candidate.email].filter((part) => part != null && part !== '').join(' · '),
        accountName: candidate.accountName ?? '',
        note: obstacle ? notes[obstacle] : '',
      };
    });
  }

  /** What the search area says: searching, nothing found, more to narrow down, or it failed. */
  get searchStatus(): string {
    if (this.searchError) return this.searchError;
    if (this.isSearching) return searching;
    const term = this.term.trim();
    if (term.length < MIN_TERM_LENGTH) return '';
    if (this.candidates.length === 0) return format(noContacts, term);
    return this.moreMatch ? moreContacts : '';
  }

  get contactDetails(): string {
    const contact = this.contact;
    if (!contact) return '';
    return [contact.title, contact.email, contact.accountName]
      .filter((part) => part != null && part !== '')
      .join(' · ');
  }

  /** Why the chosen contact cannot be related, if it cannot. */
  get contactObstacle(): string {
    const contact = this.contact;
    if (!contact) return '';
    switch (obstacleOf(contact)) {
      case 'related':
        return format(alreadyRelated, contact.name);
      case 'private':
        return format(privateContact, contact.name);
      case 'noEdit':
        return format(cannotEditContact, contact.name);
      default:
        return '';
    }
  }

  /** The existing relationship to show: the chosen contact's, or the one the server found. */
  get existingId(): string | null {
    return this.contact?.existingRelationshipId ?? this.refusedExistingId;
  }

  /** No contact to add yet, or one that cannot be related. */
  get cannotSave(): boolean {
    return !this.contact || this.contactObstacle !== '';
  }

  /**
   * While adding, the button only says it is busy: a disabled button would drop the focus to the page,
   * and Escape and Tab would no longer reach the dialog.
   */
  get savingState(): string {
    return String(this.isSaving);
  }

  get saveLabel(): string {
    return this.isSaving ? adding : add;
  }

  handleTermInput(event: Event): void {
    this.term = (event.target as HTMLInputElement).value;
    this.cancelSearch();
    const term = this.term.trim();
    if (term.length < MIN_TERM_LENGTH) {
      this.candidates = [];
      this.moreMatch = false;
      this.isSearching = false;
      this.searchError = '';
      return;
    }
    this.isSearching = true;
    // Debounce: the platform offers no other way to wait for a pause in typing.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.searchTimer = setTimeout(() => {
      this.searchTimer = undefined;
      // search() handles its own failures.
      this.search(term).catch(() => undefined);
    }, SEARCH_DELAY_MS);
  }

  handleChooseContact(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    this.contact = this.candidates.find((candidate) => candidate.id === id) ?? null;
    this.errorMessage = '';
    this.refusedExistingId = null;
    this.focusSoon('button.change-contact');
  }

  handleChangeContact(): void {
    this.contact = null;
    this.errorMessage = '';
    this.refusedExistingId = null;
    this.focusSoon('input.contact-search');
  }

  handleShowExisting(): void {
    const relationshipId = this.existingId;
    if (!relationshipId) return;
    // The user leaves the dialog for the existing row: the grid shows it.
    this.dispatchEvent(new CustomEvent('showexisting', { detail: { relationshipId } }));
    this.hide();
  }

  handleRolesChange(event: CustomEvent<{ selected: string[] }>): void {
    this.selectedRoles = event.detail.selected;
  }

  handleStartChange(event: Event): void {
    this.start = (event.target as HTMLInputElement).value;
  }

  handleActiveChange(event: Event): void {
    this.isActive = (event.target as HTMLInputElement).checked;
  }

  handleCancel(): void {
    this.cancelSearch();
    this.hide();
    this.dispatchEvent(new CustomEvent('close'));
  }

  handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.handleCancel();
      return;
    }
    const dialog = this.template?.querySelector('section') ?? null;
    trapTab(
      event,
      this.template ? focusableIn(this.template) : [],
      this.template?.activeElement ?? null,
      dialog,
    );
  }

  async handleSave(): Promise<void> {
    const contact = this.contact;
    if (!contact || this.cannotSave || this.isSaving) return;
    this.isSaving = true;
    this.errorMessage = '';
    this.refusedExistingId = null;
    try {
      const result = await addRelationship({
        accountId: this.accountId,
        contactId: contact.id,
        roles: this.selectedRoles,
        startDate: this.start === '' ? null : this.start,
        // IsActive has no documented default: always send it.
        isActive: this.isActive,
      });
      if (result.status === 'added') {
        this.dispatchEvent(new CustomEvent('added', { detail: { row: result.row ?? null } }));
        this.hide();
        return;
      }
      this.errorMessage = resultText(result.status, result.message);
      this.refusedExistingId = result.status === 'duplicate' ? (result.existingId ?? null) : null;
    } catch (error) {
      const messages = reduceErrors(error);
      this.errorMessage = `${addFailed} ${messages.length > 0 ? messages.join(' ') : unknownError}`;
    } finally {
      this.isSaving = false;
    }
  }

  private async search(term: string): Promise<void> {
    const sequence = ++this.searchSequence;
    try {
      const response = await searchContacts({ accountId: this.accountId, term });
      if (sequence !== this.searchSequence) return;
      this.candidates = response.contacts;
      this.moreMatch = response.more;
      this.searchError = '';
    } catch (error) {
      if (sequence !== this.searchSequence) return;
      const messages = reduceErrors(error);
      this.candidates = [];
      this.moreMatch = false;
      this.searchError = `${searchFailed} ${messages.length > 0 ? messages.join(' ') : unknownError}`;
    } finally {
      if (sequence === this.searchSequence) this.isSearching = false;
    }
  }

  private cancelSearch(): void {
    if (this.searchTimer !== undefined) {
      clearTimeout(this.searchTimer);
      this.searchTimer = undefined;
    }
    // An answer still on its way is for a term no longer wanted.
    this.searchSequence++;
  }

  private hide(): void {
    this.isOpen = false;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected) target.focus();
  }

  /** Focuses an element of the next render (the one that replaces what the user just used). */
  private focusSoon(selector: string): void {
    Promise.resolve()
      .then(() => {
        this.template?.querySelector<HTMLElement>(selector)?.focus();
      })
      .catch(() => undefined);
  }
}
