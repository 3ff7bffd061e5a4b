/**
 * My default team: the current user's default account team (UserAccountTeamMember), edited in
 * place. Find an active user, pick a role and access levels (only the levels valid against the
 * org-wide defaults and grantable by the user are offered), change members inline, remove them,
 * save; per-row errors keep what was typed. Native controls throughout, so every step works by
 * keyboard. The rules live in `c/accountTeamModel`.
 *
 * Used on App and Home pages, and inside the account team assistant (which listens for `saved`).
 */
import { LightningElement, api } from 'lwc';
import getMyDefaultTeam from '@salesforce/apex/DefaultTeamController.getMyDefaultTeam';
import saveMyDefaultTeam from '@salesforce/apex/DefaultTeamController.saveMyDefaultTeam';
import removeFromMyDefaultTeam from '@salesforce/apex/DefaultTeamController.removeFromMyDefaultTeam';
import searchUsers from '@salesforce/apex/DefaultTeamController.searchUsers';
import locale from '@salesforce/i18n/locale';
import { isNoApexClassAccess, reduceErrors } from 'c/ldsUtils';
import {
  accessFrom,
  compareRoleOptions,
  formatLabel,
  initialAccess,
  levelOf,
  memberFailures,
  offeredLevels,
  roleBadge,
  settableObjects,
  sortMembers,
  toMemberInput,
  validateAccess,
} from 'c/accountTeamModel';
import type { AccessObject, AccessProblem } from 'c/accountTeamModel';
import type {
  DefaultTeamContext,
  TeamAccessLevel,
  TeamMember,
  TeamMemberResult,
  TeamSaveResponse,
  UserCandidate,
} from '@contract';
import { accessProblemText, levelLabel, memberStatusText, objectLabel } from 'c/accountTeamLabels';

import title from '@salesforce/label/c.AR_AccountTeam_MyTeamTitle';
import loading from '@salesforce/label/c.AR_AccountTeam_Loading';
import errorTitle from '@salesforce/label/c.AR_AccountTeam_ErrorTitle';
import unknownError from '@salesforce/label/c.AR_Error_Unknown';
import noApexClassAccess from '@salesforce/label/c.AR_Error_NoApexClassAccess';
import permissionSetUser from '@salesforce/label/c.AR_PermissionSet_AccountRelationships_User';
import featureOff from '@salesforce/label/c.AR_AccountTeam_FeatureOff';
import cannotEdit from '@salesforce/label/c.AR_AccountTeam_CannotEditDefaultTeam';
import emptyTeam from '@salesforce/label/c.AR_AccountTeam_MyTeamEmpty';
import memberHeader from '@salesforce/label/c.AR_AccountTeam_Member';
import roleHeader from '@salesforce/label/c.AR_AccountTeam_Role';
import actionsHeader from '@salesforce/label/c.AR_AccountTeam_Actions';
import noRole from '@salesforce/label/c.AR_AccountTeam_NoRole';
import inactive from '@salesforce/label/c.AR_AccountTeam_Inactive';
import inactiveHint from '@salesforce/label/c.AR_AccountTeam_InactiveHint';
import findUser from '@salesforce/label/c.AR_AccountTeam_FindUser';
import findUserHint from '@salesforce/label/c.AR_AccountTeam_FindUserHint';
import searching from '@salesforce/label/c.AR_AccountTeam_Searching';
import noUsersFound from '@salesforce/label/c.AR_AccountTeam_NoUsersFound';
import addUser from '@salesforce/label/c.AR_AccountTeam_AddUser';
import alreadyMember from '@salesforce/label/c.AR_AccountTeam_AlreadyMember';
import removeLabel from '@salesforce/label/c.AR_AccountTeam_Remove';
import undoLabel from '@salesforce/label/c.AR_AccountTeam_Undo';
import save from '@salesforce/label/c.AR_AccountTeam_Save';
import cancel from '@salesforce/label/c.AR_AccountTeam_Cancel';
import saved from '@salesforce/label/c.AR_AccountTeam_Saved';
import unsavedChanges from '@salesforce/label/c.AR_AccountTeam_UnsavedChanges';
import notSavedCount from '@salesforce/label/c.AR_AccountTeam_NotSavedCount';
import newMember from '@salesforce/label/c.AR_AccountTeam_NewMember';
import contactFollowsAccount from '@salesforce/label/c.AR_AccountTeam_ContactFollowsAccount';
import accessFieldLabel from '@salesforce/label/c.AR_AccountTeam_AccessFieldLabel';
import roleFieldLabel from '@salesforce/label/c.AR_AccountTeam_RoleFieldLabel';
import removeMemberLabel from '@salesforce/label/c.AR_AccountTeam_RemoveMember';
import tableCaption from '@salesforce/label/c.AR_AccountTeam_MyTeamCaption';

const DEFAULT_SEARCH_DELAY_MS = 300;
const MIN_SEARCH_LENGTH = 2;
const CLASS_NAME = 'DefaultTeamController';

type Levels = Record<AccessObject, TeamAccessLevel | null>;

/** A member as the table edits it: the saved state, what the user changed, and what went wrong. */
interface EditableRow {
  key: string;
  id: string | null;
  userId: string;
  userName: string;
  userTitle: string | null;
  userActive: boolean;
  role: string;
  access: Levels;
  /** The member as saved (null for a new one): to tell what changed and to undo. */
  saved: { role: string; access: Levels } | null;
  removing: boolean;
  errors: string[];
}

interface OptionView {
  value: string;
  label: string;
  selected: boolean;
}

interface CellView {
  object: AccessObject;
  id: string;
  label: string;
  options: OptionView[];
  text: string;
}

function levelsOf(member: TeamMember): Levels {
  return {
    account: member.access.account,
    opportunity: member.access.opportunity,
    case: levelOf(member.access, 'case'),
    contact: member.access.contact ?? null,
  };
}

function rowOf(member: TeamMember): EditableRow {
  const access = levelsOf(member);
  const role = member.role ?? '';
  return {
    key: member.id ?? `new-${member.userId}`,
    id: member.id ?? null,
    userId: member.userId,
    userName: member.userName,
    userTitle: member.userTitle ?? null,
    userActive: member.userActive,
    role,
    access,
    saved: { role, access: { ...access } },
    removing: false,
    errors: [],
  };
}

/** The levels of a row that passed validation (every settable level is set; contact may be left out). */
function completeAccess(row: EditableRow): TeamMember['access'] {
  const access = accessFrom(row.access);
  if (!access.account || !access.opportunity || levelOf(access, 'case') === null) {
    throw new Error(`Default team member ${row.userId}: a level is missing after validation`);
  }
  return access as TeamMember['access'];
}

function isChanged(row: EditableRow): boolean {
  if (!row.saved) return true;
  return (
    row.role !== row.saved.role ||
    (Object.keys(row.access) as AccessObject[]).some(
      (object) => row.access[object] !== row.saved?.access[object],
    )
  );
}

export default class MyDefaultTeam extends LightningElement {
  /** Milliseconds after the last key before searching users (App Builder property). */
  @api searchDelay: number | string = DEFAULT_SEARCH_DELAY_MS;

  labels = {
    title,
    loading,
    errorTitle,
    emptyTeam,
    memberHeader,
    roleHeader,
    actionsHeader,
    inactive,
    findUser,
    findUserHint,
    searching,
    noUsersFound,
    save,
    cancel,
    contactFollowsAccount,
    tableCaption,
    newMember,
  };

  context?: DefaultTeamContext;
  rows: EditableRow[] = [];
  errors: string[] = [];
  isLoading = false;
  isSaving = false;
  /** Set after a save: "Saved" or how many were not saved (announced in a live region). */
  statusMessage = '';
  searchTerm = '';
  candidates: UserCandidate[] = [];
  isSearching = false;
  searchDone = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchSequence = 0;

  override connectedCallback(): void {
    this.load().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    clearTimeout(this.searchTimer);
  }

  // ------------------------------------------------------------------ loading and saving

  private async load(): Promise<void> {
    this.isLoading = true;
    this.errors = [];
    try {
      const context = await getMyDefaultTeam();
      this.context = context;
      this.rows = this.mergeRows(sortMembers(context.members, 'name', 'asc', [], locale).map(rowOf), []);
    } catch (error: unknown) {
      this.errors = this.describe(error);
    } finally {
      this.isLoading = false;
    }
  }

  /** The server's members, with the rows it did not take (new or failed) kept as the user left them. */
  private mergeRows(serverRows: EditableRow[], keep: EditableRow[]): EditableRow[] {
    const kept = new Map(keep.map((row) => [row.userId, row]));
    const merged = serverRows.map((row) => {
      const local = kept.get(row.userId);
      if (local) {
        kept.delete(row.userId);
        return { ...local, id: row.id, key: row.key, saved: row.saved };
      }
      return row;
    });
    return [...merged, ...kept.values()];
  }

  private describe(error: unknown): string[] {
    if (isNoApexClassAccess(error, [CLASS_NAME])) {
      return [formatLabel(noApexClassAccess, permissionSetUser)];
    }
    const messages = reduceErrors(error);
    return messages.length > 0 ? messages : [unknownError];
  }

  async handleSave(): Promise<void> {
    const context = this.context;
    if (!context || this.isSaving) return;
    const changed = this.rows.filter((row) => !row.removing && isChanged(row));
    // Invalid rows are not sent: they get their errors here and keep what was typed.
    const problems = new Map<string, string[]>();
    for (const row of changed) {
      const found = validateAccess(this.accessOf(row), context.orgDefaults, 'defaultTeam', context.grantable);
      const texts = [...(row.userActive ? [] : [inactiveHint]), ...this.problemTexts(found)];
      if (texts.length > 0) problems.set(row.key, texts);
    }
    const valid = changed.filter((row) => !problems.has(row.key));
    this.statusMessage = '';
    this.errors = [];
    this.rows = this.rows.map((row) => ({ ...row, errors: problems.get(row.key) ?? [] }));
    if (valid.length === 0) {
      this.statusMessage = problems.size > 0 ? formatLabel(notSavedCount, problems.size) : '';
      return;
    }
    this.isSaving = true;
    try {
      const response = await saveMyDefaultTeam({
        members: valid.map((row) =>
          toMemberInput(
            { id: row.id, userId: row.userId, role: row.role, access: completeAccess(row) },
            context.orgDefaults,
          ),
        ),
      });
      this.applySave(response, problems);
    } catch (error: unknown) {
      // Nothing was saved: every row keeps what the user typed.
      this.errors = this.describe(error);
    } finally {
      this.isSaving = false;
    }
  }

  private applySave(response: TeamSaveResponse, problems: Map<string, string[]>): void {
    const failures = memberFailures(response.results);
    const keep = this.rows
      .filter((row) => problems.has(row.key) || failures.has(row.userId) || (row.removing && row.id))
      .map((row) => {
        const failure = failures.get(row.userId);
        return failure ? { ...row, errors: [this.resultText(failure)] } : row;
      });
    const serverRows = sortMembers(response.members, 'name', 'asc', [], locale).map(rowOf);
    this.rows = this.mergeRows(serverRows, keep);
    const notSaved = failures.size + problems.size;
    this.statusMessage = notSaved > 0 ? formatLabel(notSavedCount, notSaved) : saved;
    this.dispatchEvent(new CustomEvent('saved', { detail: { members: response.members } }));
  }

  private resultText(result: TeamMemberResult): string {
    const text = memberStatusText(result.status);
    return result.message ? `${text} ${result.message}` : text;
  }

  private problemTexts(problems: AccessProblem[]): string[] {
    return problems.map((problem) => accessProblemText(problem));
  }

  private accessOf(row: EditableRow): Partial<TeamMember['access']> {
    return accessFrom(row.access);
  }

  async handleRemove(event: Event): Promise<void> {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const row = this.rows.find((r) => r.key === key);
    if (!row) return;
    if (!row.id) {
      // Never saved: just drop it.
      this.rows = this.rows.filter((r) => r.key !== key);
      return;
    }
    this.rows = this.rows.map((r) => (r.key === key ? { ...r, removing: true, errors: [] } : r));
    try {
      const response = await removeFromMyDefaultTeam({ memberIds: [row.id] });
      const failure = memberFailures(response.results).get(row.userId);
      if (failure) {
        this.rows = this.rows.map((r) =>
          r.key === key ? { ...r, removing: false, errors: [this.resultText(failure)] } : r,
        );
        return;
      }
      this.rows = this.rows.filter((r) => r.key !== key);
      this.statusMessage = saved;
      this.dispatchEvent(new CustomEvent('saved', { detail: { members: response.members } }));
    } catch (error: unknown) {
      this.rows = this.rows.map((r) =>
        r.key === key ? { ...r, removing: false, errors: this.describe(error) } : r,
      );
    }
  }

  handleUndo(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    this.rows = this.rows.map((row) =>
      row.key === key && row.saved
        ? { ...row, role: row.saved.role, access: { ...row.saved.access }, errors: [] }
        : row,
    );
  }

  handleCancelAll(): void {
    this.rows = this.rows
      .filter((row) => row.saved)
      .map((row) =>
        row.saved ? { ...row, role: row.saved.role, access: { ...row.saved.access }, errors: [] } : row,
      );
    this.statusMessage = '';
  }

  // ------------------------------------------------------------------ editing

  handleRoleChange(event: Event): void {
    const target = event.target as HTMLSelectElement;
    const key = target.dataset.key;
    this.rows = this.rows.map((row) => (row.key === key ? { ...row, role: target.value, errors: [] } : row));
    this.statusMessage = '';
  }

  handleAccessChange(event: Event): void {
    const target = event.target as HTMLSelectElement;
    const key = target.dataset.key;
    const object = target.dataset.object as AccessObject;
    const level = target.value as TeamAccessLevel;
    this.rows = this.rows.map((row) =>
      row.key === key ? { ...row, access: { ...row.access, [object]: level }, errors: [] } : row,
    );
    this.statusMessage = '';
  }

  // ------------------------------------------------------------------ finding users

  handleSearchInput(event: Event): void {
    this.searchTerm = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    const term = this.searchTerm.trim();
    if (term.length < MIN_SEARCH_LENGTH) {
      this.candidates = [];
      this.searchDone = false;
      this.isSearching = false;
      return;
    }
    const delay = Number(this.searchDelay);
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- debounce: one search once typing pauses
    this.searchTimer = setTimeout(
      () => {
        this.search(term).catch(() => undefined);
      },
      Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_SEARCH_DELAY_MS,
    );
  }

  handleSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown') {
      const first = this.template?.querySelector<HTMLButtonElement>('[data-id="candidate"]:not([disabled])');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape') {
      this.clearSearch();
    }
  }

  handleCandidateKeydown(event: KeyboardEvent): void {
    const buttons = [
      ...(this.template?.querySelectorAll<HTMLButtonElement>('[data-id="candidate"]:not([disabled])') ?? []),
    ];
    const index = buttons.indexOf(event.currentTarget as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
      if (next < 0) {
        this.template?.querySelector<HTMLInputElement>('[data-id="search"]')?.focus();
      } else {
        buttons[Math.min(next, buttons.length - 1)]?.focus();
      }
    } else if (event.key === 'Escape') {
      this.clearSearch();
      this.template?.querySelector<HTMLInputElement>('[data-id="search"]')?.focus();
    }
  }

  private async search(term: string): Promise<void> {
    const sequence = ++this.searchSequence;
    this.isSearching = true;
    try {
      const found = await searchUsers({ term });
      if (sequence !== this.searchSequence) return; // a newer search is under way
      this.candidates = found;
      this.searchDone = true;
    } catch (error: unknown) {
      if (sequence === this.searchSequence) this.errors = this.describe(error);
    } finally {
      if (sequence === this.searchSequence) this.isSearching = false;
    }
  }

  private clearSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchSequence++;
    this.searchTerm = '';
    this.candidates = [];
    this.searchDone = false;
    this.isSearching = false;
  }

  handleAddCandidate(event: Event): void {
    const context = this.context;
    const userId = (event.currentTarget as HTMLElement).dataset.userId;
    const candidate = this.candidates.find((c) => c.id === userId);
    if (!context || !candidate || this.rows.some((row) => row.userId === candidate.id)) return;
    const access = initialAccess(context.orgDefaults, 'defaultTeam', context.grantable);
    const row: EditableRow = {
      key: `new-${candidate.id}`,
      id: null,
      userId: candidate.id,
      userName: candidate.name,
      userTitle: candidate.title ?? null,
      userActive: true,
      role: '',
      access,
      saved: null,
      removing: false,
      errors: [],
    };
    this.rows = [...this.rows, row];
    this.clearSearch();
    this.statusMessage = '';
    // Straight to the new row's role, so adding goes on by keyboard.
    this.focusKey = row.key;
  }

  private focusKey: string | null = null;

  override renderedCallback(): void {
    if (this.focusKey) {
      const select = this.template?.querySelector<HTMLSelectElement>(
        `select[data-key="${this.focusKey}"][data-field="role"]`,
      );
      if (select) {
        select.focus();
        this.focusKey = null;
      }
    }
  }

  // ------------------------------------------------------------------ view

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  get isReady(): boolean {
    return this.context !== undefined;
  }

  get featureOff(): boolean {
    return this.context?.featureEnabled === false;
  }

  get featureOffText(): string {
    return featureOff;
  }

  get showTeam(): boolean {
    return this.context?.featureEnabled === true;
  }

  get canEdit(): boolean {
    return this.context?.canEdit === true;
  }

  get cannotEditText(): string {
    return this.context && !this.context.canEdit ? cannotEdit : '';
  }

  get isEmpty(): boolean {
    return this.rows.length === 0;
  }

  get objects(): AccessObject[] {
    return this.context ? settableObjects(this.context.orgDefaults) : [];
  }

  get contactLeftOut(): boolean {
    return this.context !== undefined && !this.objects.includes('contact');
  }

  get accessHeaders(): { object: AccessObject; label: string }[] {
    return this.objects.map((object) => ({ object, label: objectLabel(object) }));
  }

  get hasChanges(): boolean {
    return this.rows.some((row) => !row.removing && isChanged(row));
  }

  get saveDisabled(): boolean {
    return !this.hasChanges || this.isSaving;
  }

  get cancelDisabled(): boolean {
    return !this.hasChanges || this.isSaving;
  }

  get unsavedText(): string {
    return this.hasChanges ? unsavedChanges : '';
  }

  get showCandidates(): boolean {
    return this.candidates.length > 0;
  }

  get showNoUsers(): boolean {
    return this.searchDone && !this.isSearching && this.candidates.length === 0;
  }

  get candidateViews(): {
    id: string;
    name: string;
    title: string;
    label: string;
    disabled: boolean;
    note: string;
  }[] {
    const onTeam = new Set(this.rows.map((row) => row.userId));
    return this.candidates.map((candidate) => {
      const member = candidate.memberId != null || onTeam.has(candidate.id);
      return {
        id: candidate.id,
        name: candidate.name,
        title: candidate.title ?? '',
        label: formatLabel(addUser, candidate.name),
        disabled: member,
        note: member ? alreadyMember : '',
      };
    });
  }

  get roleOptions(): { value: string; label: string }[] {
    const options = [...(this.context?.roleOptions ?? [])].sort(compareRoleOptions);
    return [{ value: '', label: noRole }, ...options.map((o) => ({ value: o.value, label: o.label }))];
  }

  get rowViews() {
    const context = this.context;
    if (!context) return [];
    const roles = this.roleOptions;
    return this.rows.map((row) => {
      const roleOptions = roles.some((o) => o.value === row.role)
        ? roles
        : [...roles, { value: row.role, label: row.role }];
      const badge = roleBadge(row.role, context.roleOptions);
      const cells: CellView[] = this.objects.map((object) => {
        const offered = offeredLevels(object, context.orgDefaults, 'defaultTeam', context.grantable);
        const current = row.access[object];
        // A saved level that is no longer offered still shows (and fails validation) rather than vanish.
        const levels = current && !offered.includes(current) ? [...offered, current] : offered;
        return {
          object,
          id: `${row.key}-${object}`,
          label: formatLabel(accessFieldLabel, objectLabel(object), row.userName),
          options: levels.map((level) => ({
            value: level,
            label: levelLabel(level),
            selected: level === current,
          })),
          text: current ? levelLabel(current) : '',
        };
      });
      return {
        ...row,
        rowClass: row.errors.length > 0 ? 'slds-hint-parent row-error' : 'slds-hint-parent',
        roleLabel: formatLabel(roleFieldLabel, row.userName),
        roleText: badge?.label ?? noRole,
        badgeClass: badge?.badgeClass ?? '',
        badgeStyle: badge?.badgeStyle ?? '',
        hasBadge: badge !== null,
        roleOptions: roleOptions.map((o) => ({ ...o, selected: o.value === row.role })),
        cells,
        isNew: row.id === null,
        isInactive: !row.userActive,
        inactiveText: row.userActive ? '' : inactiveHint,
        hasErrors: row.errors.length > 0,
        errorId: `${row.key}-errors`,
        describedBy: row.errors.length > 0 ? `${row.key}-errors` : null,
        removeLabel: formatLabel(removeMemberLabel, row.userName),
        removeText: removeLabel,
        canUndo: row.saved !== null && isChanged(row),
        undoText: undoLabel,
        disabled: !this.canEdit || row.removing || this.isSaving,
      };
    });
  }
}
