/**
 * Default Account Team assistant (Account record page): the account's current team, how it differs
 * from my default team and the owner's, and applying either: to this account after a preview with a
 * keep-or-update choice per member, or to the account and everything below it / every account I own
 * as a run followed live (polling with back-off), then its results (failures first, CSV, retry
 * failed), and earlier runs reopened. A user who may not change the team is told why and whom to ask.
 *
 * Rules and bookkeeping live in `c/accountTeamModel`; the descendants are counted by the hierarchy
 * viewer's own loader (`c/hierarchyModel`), so there is one walk of a hierarchy in the package.
 */
import { LightningElement, api } from 'lwc';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { RefreshEvent } from 'lightning/refresh';
import getAccountTeamContext from '@salesforce/apex/AccountTeamController.getAccountTeamContext';
import previewTeam from '@salesforce/apex/AccountTeamController.previewTeam';
import applyTeam from '@salesforce/apex/AccountTeamController.applyTeam';
import getRun from '@salesforce/apex/AccountTeamController.getRun';
import listRuns from '@salesforce/apex/AccountTeamController.listRuns';
import loadChildren from '@salesforce/apex/AccountHierarchyController.loadChildren';
import locale from '@salesforce/i18n/locale';
import { isNoApexClassAccess, reduceErrors } from 'c/ldsUtils';
import { HierarchyLoader } from 'c/hierarchyModel';
import {
  DifferenceChoices,
  RunPolling,
  RunResults,
  changedObjects,
  countDiffs,
  countResults,
  diffTeam,
  failuresCsv,
  formatLabel,
  groupByRole,
  isContactSettable,
  isFailure,
  levelOf,
  orderResults,
  roleBadge,
  runProgress,
  settableObjects,
  sortMembers,
} from 'c/accountTeamModel';
import type { AccessObject, MemberSortField, SortDirection } from 'c/accountTeamModel';
import { levelLabel, objectLabel, refusalText, resultStatusText, runStatusText } from 'c/accountTeamLabels';
import type {
  AccountTeamContext,
  AccountTeamDiff,
  TeamAccountResult,
  TeamApplyRequest,
  TeamDifferenceChoice,
  TeamMember,
  TeamMemberDiff,
  TeamRun,
  TeamRunPage,
  TeamScope,
  TeamSource,
} from '@contract';

import title from '@salesforce/label/c.AR_AccountTeam_AssistantTitle';
import loading from '@salesforce/label/c.AR_AccountTeam_Loading';
import errorTitle from '@salesforce/label/c.AR_AccountTeam_ErrorTitle';
import unknownError from '@salesforce/label/c.AR_Error_Unknown';
import noApexClassAccess from '@salesforce/label/c.AR_Error_NoApexClassAccess';
import permissionSetUser from '@salesforce/label/c.AR_PermissionSet_AccountRelationships_User';
import featureOff from '@salesforce/label/c.AR_AccountTeam_FeatureOff';
import currentTeamHeading from '@salesforce/label/c.AR_AccountTeam_CurrentTeam';
import currentTeamEmpty from '@salesforce/label/c.AR_AccountTeam_CurrentTeamEmpty';
import teamNotReadable from '@salesforce/label/c.AR_AccountTeam_TeamNotReadable';
import currentTeamCaption from '@salesforce/label/c.AR_AccountTeam_CurrentTeamCaption';
import memberHeader from '@salesforce/label/c.AR_AccountTeam_Member';
import roleHeader from '@salesforce/label/c.AR_AccountTeam_Role';
import noRole from '@salesforce/label/c.AR_AccountTeam_NoRole';
import inactive from '@salesforce/label/c.AR_AccountTeam_Inactive';
import groupByRoleLabel from '@salesforce/label/c.AR_AccountTeam_GroupByRole';
import sortBy from '@salesforce/label/c.AR_AccountTeam_SortBy';
import groupCount from '@salesforce/label/c.AR_AccountTeam_GroupCount';
import diffMineHeading from '@salesforce/label/c.AR_AccountTeam_DiffMine';
import diffOwnerHeading from '@salesforce/label/c.AR_AccountTeam_DiffOwner';
import diffSummary from '@salesforce/label/c.AR_AccountTeam_DiffSummary';
import diffEmptyTeam from '@salesforce/label/c.AR_AccountTeam_DiffEmptyTeam';
import kindAdd from '@salesforce/label/c.AR_AccountTeam_KindAdd';
import kindSame from '@salesforce/label/c.AR_AccountTeam_KindSame';
import kindDifferent from '@salesforce/label/c.AR_AccountTeam_KindDifferent';
import addMine from '@salesforce/label/c.AR_AccountTeam_AddMine';
import addOwner from '@salesforce/label/c.AR_AccountTeam_AddOwner';
import applyHierarchy from '@salesforce/label/c.AR_AccountTeam_ApplyHierarchy';
import applyHierarchyUncounted from '@salesforce/label/c.AR_AccountTeam_ApplyHierarchyUncounted';
import countingDescendants from '@salesforce/label/c.AR_AccountTeam_CountingDescendants';
import applyOwned from '@salesforce/label/c.AR_AccountTeam_ApplyOwned';
import editMyTeam from '@salesforce/label/c.AR_AccountTeam_EditMyTeam';
import closeEditor from '@salesforce/label/c.AR_AccountTeam_CloseEditor';
import previewHeading from '@salesforce/label/c.AR_AccountTeam_PreviewHeading';
import previewOutcome from '@salesforce/label/c.AR_AccountTeam_PreviewOutcome';
import previewNothing from '@salesforce/label/c.AR_AccountTeam_PreviewNothing';
import onDifferentLabel from '@salesforce/label/c.AR_AccountTeam_OnDifferent';
import choiceKeep from '@salesforce/label/c.AR_AccountTeam_ChoiceKeep';
import choiceUpdate from '@salesforce/label/c.AR_AccountTeam_ChoiceUpdate';
import memberChoiceLabel from '@salesforce/label/c.AR_AccountTeam_MemberChoice';
import nowHas from '@salesforce/label/c.AR_AccountTeam_NowHas';
import willHave from '@salesforce/label/c.AR_AccountTeam_WillHave';
import apply from '@salesforce/label/c.AR_AccountTeam_Apply';
import cancel from '@salesforce/label/c.AR_AccountTeam_Cancel';
import confirmHierarchy from '@salesforce/label/c.AR_AccountTeam_ConfirmHierarchy';
import confirmOwned from '@salesforce/label/c.AR_AccountTeam_ConfirmOwned';
import sourceLabel from '@salesforce/label/c.AR_AccountTeam_Source';
import sourceMine from '@salesforce/label/c.AR_AccountTeam_SourceMine';
import sourceOwner from '@salesforce/label/c.AR_AccountTeam_SourceOwner';
import start from '@salesforce/label/c.AR_AccountTeam_Start';
import progressCounted from '@salesforce/label/c.AR_AccountTeam_ProgressCounted';
import progressStarting from '@salesforce/label/c.AR_AccountTeam_ProgressStarting';
import progressLabel from '@salesforce/label/c.AR_AccountTeam_ProgressLabel';
import pollingLost from '@salesforce/label/c.AR_AccountTeam_PollingLost';
import resultsHeading from '@salesforce/label/c.AR_AccountTeam_ResultsHeading';
import resultsSummary from '@salesforce/label/c.AR_AccountTeam_ResultsSummary';
import resultsCaption from '@salesforce/label/c.AR_AccountTeam_ResultsCaption';
import accountHeader from '@salesforce/label/c.AR_AccountTeam_AccountHeader';
import statusHeader from '@salesforce/label/c.AR_AccountTeam_StatusHeader';
import addedHeader from '@salesforce/label/c.AR_AccountTeam_AddedHeader';
import updatedHeader from '@salesforce/label/c.AR_AccountTeam_UpdatedHeader';
import unchangedHeader from '@salesforce/label/c.AR_AccountTeam_UnchangedHeader';
import messageHeader from '@salesforce/label/c.AR_AccountTeam_MessageHeader';
import accountIdHeader from '@salesforce/label/c.AR_AccountTeam_AccountIdHeader';
import downloadFailures from '@salesforce/label/c.AR_AccountTeam_DownloadFailures';
import retryFailed from '@salesforce/label/c.AR_AccountTeam_RetryFailed';
import showMore from '@salesforce/label/c.AR_AccountTeam_ShowMore';
import shownOf from '@salesforce/label/c.AR_AccountTeam_ShownOf';
import close from '@salesforce/label/c.AR_AccountTeam_Close';
import earlierRuns from '@salesforce/label/c.AR_AccountTeam_EarlierRuns';
import earlierRunsEmpty from '@salesforce/label/c.AR_AccountTeam_EarlierRunsEmpty';
import earlierRunsCaption from '@salesforce/label/c.AR_AccountTeam_EarlierRunsCaption';
import openRun from '@salesforce/label/c.AR_AccountTeam_OpenRun';
import openRunOf from '@salesforce/label/c.AR_AccountTeam_OpenRunOf';
import startedHeader from '@salesforce/label/c.AR_AccountTeam_StartedHeader';
import scopeHeader from '@salesforce/label/c.AR_AccountTeam_ScopeHeader';
import scopeAccount from '@salesforce/label/c.AR_AccountTeam_ScopeAccount';
import scopeHierarchy from '@salesforce/label/c.AR_AccountTeam_ScopeHierarchy';
import scopeOwned from '@salesforce/label/c.AR_AccountTeam_ScopeOwned';
import retryOf from '@salesforce/label/c.AR_AccountTeam_RetryOf';
import accessSummary from '@salesforce/label/c.AR_AccountTeam_AccessSummary';

const CLASS_NAMES = ['AccountTeamController', 'AccountHierarchyController'];
/** Results rows rendered at first, and added by "Show more": a 2,000-account run stays one quick render. */
const RESULTS_PAGE = 50;
/** The hierarchy loader's request sizes, as the hierarchy viewer uses them (no columns: only Ids). */
const COUNT_PAGE_SIZE = 5000;
const COUNT_PARENT_BATCH = 2000;
const COUNT_LEVELS = 5;

type Mode = 'idle' | 'preview' | 'confirm' | 'run';

const SCOPE_LABELS: Record<TeamScope, string> = {
  account: scopeAccount,
  hierarchy: scopeHierarchy,
  owned: scopeOwned,
};
const KIND_LABELS: Record<TeamMemberDiff['kind'], string> = {
  add: kindAdd,
  same: kindSame,
  different: kindDifferent,
};
const KIND_CLASSES: Record<TeamMemberDiff['kind'], string> = {
  add: 'slds-badge slds-theme_success',
  same: 'slds-badge slds-badge_lightest',
  different: 'slds-badge slds-theme_warning',
};

/** A true/false App Builder property that defaults to true (LWC public booleans must default to false). */
function flag(value: unknown): boolean {
  return value !== false && value !== 'false';
}

export default class AccountTeamAssistant extends LightningElement {
  @api recordId?: string;

  /** Show the difference from the owner's default team and offer to add it (App Builder property). */
  @api
  get showOwnerTeam(): boolean {
    return this.ownerTeamShown;
  }
  set showOwnerTeam(value: boolean) {
    this.ownerTeamShown = flag(value);
  }
  private ownerTeamShown = true;

  /** Offer "Apply to all accounts I own" (App Builder property). */
  @api
  get offerOwnedRuns(): boolean {
    return this.ownedRunsOffered;
  }
  set offerOwnedRuns(value: boolean) {
    this.ownedRunsOffered = flag(value);
  }
  private ownedRunsOffered = true;

  labels = {
    title,
    loading,
    errorTitle,
    currentTeamHeading,
    currentTeamEmpty,
    teamNotReadable,
    currentTeamCaption,
    memberHeader,
    roleHeader,
    inactive,
    groupByRoleLabel,
    addMine,
    editMyTeam,
    closeEditor,
    previewHeading,
    previewNothing,
    onDifferentLabel,
    choiceKeep,
    choiceUpdate,
    apply,
    cancel,
    sourceLabel,
    sourceMine,
    sourceOwner,
    start,
    progressLabel,
    resultsHeading,
    resultsCaption,
    accountHeader,
    statusHeader,
    addedHeader,
    updatedHeader,
    unchangedHeader,
    messageHeader,
    downloadFailures,
    retryFailed,
    showMore,
    close,
    earlierRuns,
    earlierRunsEmpty,
    earlierRunsCaption,
    startedHeader,
    scopeHeader,
    diffEmptyTeam,
  };

  context?: AccountTeamContext;
  errors: string[] = [];
  isLoading = false;
  isBusy = false;
  mode: Mode = 'idle';
  showEditor = false;

  sortField: MemberSortField = 'name';
  sortDirection: SortDirection = 'asc';
  grouped = true;

  /** Accounts below this one, counted by the hierarchy loader; null until counted (or if it could not be). */
  descendantCount: number | null = null;
  isCounting = false;

  preview: { source: TeamSource; account: AccountTeamDiff } | null = null;
  private choices = new DifferenceChoices('keep');

  confirm: { scope: TeamScope; source: TeamSource; onDifferent: TeamDifferenceChoice } | null = null;

  run: TeamRun | null = null;
  private runResults = new RunResults();
  /** The results read so far, replaced (not changed) as pages arrive so the template follows. */
  resultList: TeamAccountResult[] = [];
  resultsShown = RESULTS_PAGE;
  runMessage = '';
  private polling: RunPolling | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  runs: TeamRun[] | null = null;
  showRuns = false;

  override connectedCallback(): void {
    this.connected = true;
    this.load().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    // No poll may outlive the component (it would call the server for a page nobody sees).
    this.connected = false;
    this.stopPolling();
  }

  // ------------------------------------------------------------------ loading

  private async load(): Promise<void> {
    if (!this.recordId) return;
    this.isLoading = true;
    this.errors = [];
    try {
      await this.loadContext();
    } catch (error: unknown) {
      this.errors = this.describe(error);
    } finally {
      this.isLoading = false;
    }
    if (this.context?.featureEnabled && this.context.canChangeTeam) {
      this.countDescendants().catch(() => undefined);
    }
  }

  private async loadContext(): Promise<void> {
    if (!this.recordId) return;
    this.context = await getAccountTeamContext({ accountId: this.recordId });
  }

  /**
   * Counts the accounts below this one with the hierarchy viewer's loader (breadth-first pages of
   * Ids, five levels per request). A failure leaves the count unknown: the button then names no number.
   */
  private async countDescendants(): Promise<void> {
    const context = this.context;
    if (!context) return;
    this.isCounting = true;
    try {
      const loader = new HierarchyLoader({
        pageSize: COUNT_PAGE_SIZE,
        parentBatchSize: COUNT_PARENT_BATCH,
        levels: COUNT_LEVELS,
      });
      loader.start({ id: context.accountId, parentId: null, name: context.accountName ?? '', values: {} });
      for (let request = loader.nextRequest(); request; request = loader.nextRequest()) {
        // eslint-disable-next-line no-await-in-loop -- breadth-first: each page says what to ask next
        const page = await loadChildren({
          parentIds: request.parentIds,
          afterId: request.afterId,
          columns: [],
          pageSize: request.pageSize,
          levels: request.levels,
        });
        loader.accept(page);
      }
      this.descendantCount = loader.loadedCount - 1;
    } catch {
      this.descendantCount = null;
    } finally {
      this.isCounting = false;
    }
  }

  private describe(error: unknown): string[] {
    if (isNoApexClassAccess(error, CLASS_NAMES)) {
      return [formatLabel(noApexClassAccess, permissionSetUser)];
    }
    const messages = reduceErrors(error);
    return messages.length > 0 ? messages : [unknownError];
  }

  // ------------------------------------------------------------------ preview and apply (one account)

  async handlePreview(event: Event): Promise<void> {
    const source = (event.currentTarget as HTMLElement).dataset.source as TeamSource;
    if (!this.recordId || this.isBusy) return;
    this.isBusy = true;
    this.errors = [];
    try {
      const result = await previewTeam({ accountIds: [this.recordId], source });
      const account = result.accounts[0];
      if (!account) throw new Error(unknownError);
      this.preview = { source, account: { ...account, members: [...account.members] } };
      this.choices = new DifferenceChoices('keep');
      this.mode = 'preview';
    } catch (error: unknown) {
      this.errors = this.describe(error);
    } finally {
      this.isBusy = false;
    }
  }

  handleOnDifferentChange(event: Event): void {
    const choices = this.choices.copy();
    choices.setAll((event.target as HTMLSelectElement).value as TeamDifferenceChoice);
    this.choices = choices;
  }

  handleMemberChoiceChange(event: Event): void {
    const target = event.target as HTMLSelectElement;
    const userId = target.dataset.userId;
    if (!userId) return;
    const choices = this.choices.copy();
    choices.set(userId, target.value as TeamDifferenceChoice);
    this.choices = choices;
  }

  async handleApplyPreview(): Promise<void> {
    const preview = this.preview;
    if (!preview || !this.recordId) return;
    await this.startRun({
      scope: 'account',
      accountId: this.recordId,
      source: preview.source,
      onDifferent: this.choices.onDifferent,
      choices: this.choices.choices(),
      retryOfRunId: null,
    });
  }

  // ------------------------------------------------------------------ runs over many accounts

  handleConfirm(event: Event): void {
    const scope = (event.currentTarget as HTMLElement).dataset.scope as TeamScope;
    this.confirm = { scope, source: 'mine', onDifferent: 'keep' };
    this.mode = 'confirm';
  }

  handleConfirmSource(event: Event): void {
    if (this.confirm)
      this.confirm = { ...this.confirm, source: (event.target as HTMLSelectElement).value as TeamSource };
  }

  handleConfirmOnDifferent(event: Event): void {
    if (this.confirm) {
      this.confirm = {
        ...this.confirm,
        onDifferent: (event.target as HTMLSelectElement).value as TeamDifferenceChoice,
      };
    }
  }

  async handleStart(): Promise<void> {
    const confirm = this.confirm;
    if (!confirm) return;
    await this.startRun({
      scope: confirm.scope,
      accountId: confirm.scope === 'owned' ? null : (this.recordId ?? null),
      source: confirm.source,
      onDifferent: confirm.onDifferent,
      choices: [],
      retryOfRunId: null,
    });
  }

  async handleRetry(): Promise<void> {
    const run = this.run;
    if (!run) return;
    // The server takes scope, source and choices from the earlier run; only its failed accounts are applied.
    await this.startRun({
      scope: run.scope,
      accountId: run.accountId ?? null,
      source: run.source,
      onDifferent: 'keep',
      choices: [],
      retryOfRunId: run.id,
    });
  }

  private async startRun(request: TeamApplyRequest): Promise<void> {
    if (this.isBusy) return;
    this.isBusy = true;
    this.errors = [];
    try {
      const run = await applyTeam({ request });
      await this.follow(run);
    } catch (error: unknown) {
      this.errors = this.describe(error);
    } finally {
      this.isBusy = false;
    }
  }

  /** Shows a run: its results at once when it is over, else its progress, polled until it is. */
  private async follow(run: TeamRun): Promise<void> {
    this.stopPolling();
    this.run = run;
    this.runResults = new RunResults();
    this.resultList = [];
    this.resultsShown = RESULTS_PAGE;
    this.runMessage = '';
    this.mode = 'run';
    this.preview = null;
    this.confirm = null;
    if (runProgress(run).finished) {
      await this.readAllResults(run.id);
      this.afterRun();
      return;
    }
    const polling = new RunPolling();
    this.polling = polling;
    this.schedulePoll(polling, polling.firstDelayMs);
  }

  private schedulePoll(polling: RunPolling, delayMs: number): void {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- polling a server-side run with back-off
    this.pollTimer = setTimeout(() => {
      this.poll(polling).catch(() => undefined);
    }, delayMs);
  }

  private async poll(polling: RunPolling): Promise<void> {
    const run = this.run;
    if (!run || polling !== this.polling || polling.stopped) return;
    let page: TeamRunPage;
    try {
      page = await getRun({ runId: run.id, afterResultId: this.runResults.cursor });
    } catch (error: unknown) {
      const step = polling.onError();
      if (step.stop) {
        if (step.reason === 'errors') this.runMessage = [pollingLost, ...this.describe(error)].join(' ');
        return;
      }
      this.schedulePoll(polling, step.delayMs);
      return;
    }
    if (polling !== this.polling) return; // another run was opened meanwhile
    this.acceptPage(page);
    const step = polling.onRun(page.run);
    if (!step.stop) {
      this.schedulePoll(polling, step.delayMs);
      return;
    }
    if (step.reason === 'finished') {
      await this.readAllResults(page.run.id, true);
      this.afterRun();
    }
  }

  /** Reads the run's result pages (from the start, or on from the cursor) until none follow. */
  private async readAllResults(runId: string, fromCursor = false): Promise<void> {
    let cursor = fromCursor ? this.runResults.cursor : null;
    // Even after the last poll read "no more", one page from its cursor tells for sure: the run
    // may have written its last results after that page was read.
    while (this.connected) {
      // eslint-disable-next-line no-await-in-loop -- pages follow a cursor
      const page = await getRun({ runId, afterResultId: cursor });
      this.acceptPage(page);
      if (!this.runResults.morePages) break;
      cursor = this.runResults.cursor;
    }
  }

  private acceptPage(page: TeamRunPage): void {
    this.runResults.accept(page);
    this.run = page.run;
    this.resultList = this.runResults.results;
  }

  private stopPolling(): void {
    clearTimeout(this.pollTimer);
    this.polling?.stop();
    this.polling = null;
  }

  /** The team changed: read it again, and tell the page's record data it may have changed. */
  private afterRun(): void {
    if (!this.connected || !this.recordId) return;
    this.loadContext().catch((error: unknown) => {
      this.errors = this.describe(error);
    });
    // RefreshEvent asks the page to refresh its standard components too (the Account Team related
    // list); notifyRecordUpdateAvailable refreshes the record's cached data (LDS).
    this.dispatchEvent(new RefreshEvent());
    notifyRecordUpdateAvailable([{ recordId: this.recordId }]).catch(() => undefined);
  }

  handleShowMore(): void {
    this.resultsShown += RESULTS_PAGE * 4;
  }

  handleDownloadFailures(): void {
    const csv = failuresCsv(
      this.resultList,
      {
        accountName: accountHeader,
        accountId: accountIdHeader,
        status: statusHeader,
        message: messageHeader,
        statusText: resultStatusText,
      },
      locale,
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = `account-team-failures-${this.run?.id ?? 'run'}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  handleClose(): void {
    this.stopPolling();
    this.mode = 'idle';
    this.preview = null;
    this.confirm = null;
    this.run = null;
  }

  // ------------------------------------------------------------------ earlier runs

  async handleToggleRuns(): Promise<void> {
    this.showRuns = !this.showRuns;
    if (!this.showRuns) return;
    try {
      const list = await listRuns();
      this.runs = list.runs;
    } catch (error: unknown) {
      this.errors = this.describe(error);
    }
  }

  async handleOpenRun(event: Event): Promise<void> {
    const runId = (event.currentTarget as HTMLElement).dataset.runId;
    const run = this.runs?.find((r) => r.id === runId);
    if (!run) return;
    this.isBusy = true;
    this.errors = [];
    try {
      await this.follow(run);
    } catch (error: unknown) {
      this.errors = this.describe(error);
    } finally {
      this.isBusy = false;
    }
  }

  // ------------------------------------------------------------------ current team

  handleSort(event: Event): void {
    const field = (event.currentTarget as HTMLElement).dataset.field as MemberSortField;
    if (field === this.sortField) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    } else {
      this.sortField = field;
      this.sortDirection = 'asc';
    }
  }

  handleGroupToggle(event: Event): void {
    this.grouped = (event.target as HTMLInputElement).checked;
  }

  handleToggleEditor(): void {
    this.showEditor = !this.showEditor;
  }

  handleEditorSaved(): void {
    // My default team changed: the differences shown here must follow.
    this.loadContext().catch((error: unknown) => {
      this.errors = this.describe(error);
    });
  }

  // ------------------------------------------------------------------ view

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  get featureOff(): boolean {
    return this.context?.featureEnabled === false;
  }

  get featureOffText(): string {
    return featureOff;
  }

  get ready(): boolean {
    return this.context?.featureEnabled === true;
  }

  get cardTitle(): string {
    return this.context?.accountName ? `${title}: ${this.context.accountName}` : title;
  }

  get canChange(): boolean {
    return this.context?.canChangeTeam === true;
  }

  get refusal(): string {
    const context = this.context;
    return context && !context.canChangeTeam ? refusalText(context.changeRefusal, context.ownerName) : '';
  }

  get isIdle(): boolean {
    return this.mode === 'idle';
  }

  get showActions(): boolean {
    return this.canChange && this.mode === 'idle';
  }

  private get objects(): AccessObject[] {
    return this.context ? settableObjects(this.context.orgDefaults) : [];
  }

  get columns(): {
    field: MemberSortField;
    label: string;
    ariaSort: string;
    buttonLabel: string;
    iconName: string;
  }[] {
    const fields: { field: MemberSortField; label: string }[] = [
      { field: 'name', label: memberHeader },
      { field: 'role', label: roleHeader },
      ...this.objects.map((object) => ({ field: object, label: objectLabel(object) })),
    ];
    return fields.map(({ field, label }) => {
      const active = field === this.sortField;
      return {
        field,
        label,
        ariaSort: active ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none',
        buttonLabel: formatLabel(sortBy, label),
        iconName: active && this.sortDirection === 'desc' ? 'utility:arrowdown' : 'utility:arrowup',
      };
    });
  }

  get columnCount(): number {
    return 2 + this.objects.length;
  }

  /** Why no member is listed: an empty team, or a team the user cannot read (not the same thing). */
  get teamEmptyText(): string {
    return this.context?.canReadTeam === false ? this.labels.teamNotReadable : this.labels.currentTeamEmpty;
  }

  get teamEmpty(): boolean {
    return (this.context?.currentTeam.length ?? 0) === 0;
  }

  private memberView(member: TeamMember) {
    const badge = roleBadge(member.role, this.context?.roleOptions ?? []);
    return {
      key: member.userId,
      userId: member.userId,
      userName: member.userName,
      userTitle: member.userTitle ?? '',
      inactive: !member.userActive,
      hasBadge: badge !== null,
      roleText: badge?.label ?? noRole,
      badgeClass: badge?.badgeClass ?? '',
      badgeStyle: badge?.badgeStyle ?? '',
      levels: this.objects.map((object) => {
        const level = levelOf(member.access, object);
        return { object, text: level ? levelLabel(level) : '' };
      }),
    };
  }

  get teamGroups() {
    const context = this.context;
    if (!context) return [];
    const sorted = sortMembers(
      context.currentTeam,
      this.sortField,
      this.sortDirection,
      context.roleOptions,
      locale,
    );
    if (!this.grouped) {
      return [{ key: 'all', showHeader: false, heading: '', members: sorted.map((m) => this.memberView(m)) }];
    }
    return groupByRole(sorted, context.roleOptions, locale).map((group) => {
      const badge = roleBadge(group.role, context.roleOptions);
      return {
        key: group.role ?? '—none—',
        showHeader: true,
        heading: formatLabel(groupCount, badge?.label ?? noRole, group.members.length),
        members: group.members.map((m) => this.memberView(m)),
      };
    });
  }

  private diffSection(heading: string, team: TeamMember[], key: string) {
    const context = this.context;
    if (!context) return null;
    const diffs = diffTeam(context.currentTeam, team, locale);
    const counts = countDiffs(diffs);
    return {
      key,
      heading,
      empty: team.length === 0,
      summary: formatLabel(diffSummary, counts.add, counts.different, counts.same),
      items: diffs
        .filter((d) => d.kind !== 'same')
        .map((d) => ({
          key: `${key}-${d.userId}`,
          userName: d.userName,
          kindText: KIND_LABELS[d.kind],
          kindClass: KIND_CLASSES[d.kind],
          detail: this.diffDetail(d),
        })),
    };
  }

  get diffSections() {
    const context = this.context;
    if (!context) return [];
    const sections = [this.diffSection(diffMineHeading, context.myDefaultTeam, 'mine')];
    if (this.ownerTeamShown && this.hasOwnerTeam) {
      sections.push(
        this.diffSection(
          formatLabel(diffOwnerHeading, context.ownerName ?? ''),
          context.ownerDefaultTeam,
          'owner',
        ),
      );
    }
    return sections.filter((s) => s !== null);
  }

  /** The owner is someone else: their default team is not mine. */
  get hasOwnerTeam(): boolean {
    const context = this.context;
    return context?.ownerId != null && context.ownerId !== context.currentUserId;
  }

  get showAddOwner(): boolean {
    return this.ownerTeamShown && this.hasOwnerTeam;
  }

  get addOwnerLabel(): string {
    return formatLabel(addOwner, this.context?.ownerName ?? '');
  }

  get hierarchyLabel(): string {
    if (this.isCounting) return countingDescendants;
    return this.descendantCount === null
      ? applyHierarchyUncounted
      : formatLabel(applyHierarchy, new Intl.NumberFormat(locale).format(this.descendantCount));
  }

  get hierarchyDisabled(): boolean {
    return this.isBusy || this.isCounting || this.descendantCount === 0;
  }

  get showOwned(): boolean {
    return this.ownedRunsOffered;
  }

  get applyOwnedLabel(): string {
    return applyOwned;
  }

  get editorButtonLabel(): string {
    return this.showEditor ? closeEditor : editMyTeam;
  }

  private accessText(member: TeamMember): string {
    const role = roleBadge(member.role, this.context?.roleOptions ?? [])?.label ?? noRole;
    const levels = this.objects
      .map((object) => {
        const level = levelOf(member.access, object);
        return level ? `${objectLabel(object)} ${levelLabel(level)}` : '';
      })
      .filter(Boolean)
      .join(', ');
    return formatLabel(accessSummary, role, levels);
  }

  private diffDetail(diff: TeamMemberDiff): string {
    if (diff.kind !== 'different' || !diff.current) {
      return formatLabel(willHave, this.accessText(diff.proposed));
    }
    return `${formatLabel(nowHas, this.accessText(diff.current))} ${formatLabel(willHave, this.accessText(diff.proposed))}`;
  }

  // preview

  get isPreview(): boolean {
    return this.mode === 'preview' && this.preview !== null;
  }

  get previewTitle(): string {
    return this.preview
      ? formatLabel(previewHeading, this.preview.source === 'mine' ? addMine : this.addOwnerLabel)
      : '';
  }

  get previewRefusal(): string {
    const account = this.preview?.account;
    return account && !account.canChange ? refusalText(account.changeRefusal, this.context?.ownerName) : '';
  }

  get previewRows() {
    const account = this.preview?.account;
    if (!account) return [];
    return account.members.map((diff) => ({
      key: diff.userId,
      userId: diff.userId,
      userName: diff.userName,
      kind: diff.kind,
      kindText: KIND_LABELS[diff.kind],
      kindClass: KIND_CLASSES[diff.kind],
      detail: this.diffDetail(diff),
      changed:
        diff.kind === 'different' && diff.current
          ? changedObjects(diff.current.access, diff.proposed.access).map(objectLabel).join(', ')
          : '',
      isDifferent: diff.kind === 'different',
      choiceLabel: formatLabel(memberChoiceLabel, diff.userName),
      choiceOptions: this.choiceOptions(this.choices.choiceFor(diff.userId)),
    }));
  }

  private choiceOptions(selected: TeamDifferenceChoice) {
    return [
      { value: 'keep', label: choiceKeep, selected: selected === 'keep' },
      { value: 'update', label: choiceUpdate, selected: selected === 'update' },
    ];
  }

  get onDifferentOptions() {
    return this.choiceOptions(this.choices.onDifferent);
  }

  get hasDifferent(): boolean {
    return this.preview?.account.members.some((d) => d.kind === 'different') ?? false;
  }

  private get outcome() {
    return this.choices.outcome(this.preview?.account.members ?? []);
  }

  get previewOutcomeText(): string {
    const o = this.outcome;
    return formatLabel(previewOutcome, o.add, o.update, o.keep, o.same);
  }

  get nothingToApply(): boolean {
    const o = this.outcome;
    return o.add + o.update === 0;
  }

  get applyDisabled(): boolean {
    return this.isBusy || this.nothingToApply || !(this.preview?.account.canChange ?? false);
  }

  // confirm

  get isConfirm(): boolean {
    return this.mode === 'confirm' && this.confirm !== null;
  }

  get confirmText(): string {
    const confirm = this.confirm;
    if (!confirm) return '';
    if (confirm.scope === 'owned') return confirmOwned;
    return formatLabel(
      confirmHierarchy,
      this.context?.accountName ?? '',
      new Intl.NumberFormat(locale).format((this.descendantCount ?? 0) + 1),
    );
  }

  get sourceOptions() {
    const source = this.confirm?.source ?? 'mine';
    return [
      { value: 'mine', label: sourceMine, selected: source === 'mine' },
      { value: 'owner', label: sourceOwner, selected: source === 'owner' },
    ];
  }

  get confirmOnDifferentOptions() {
    return this.choiceOptions(this.confirm?.onDifferent ?? 'keep');
  }

  // run

  get isRun(): boolean {
    return this.mode === 'run' && this.run !== null;
  }

  private get progress() {
    return this.run ? runProgress(this.run) : null;
  }

  get runFinished(): boolean {
    return this.progress?.finished ?? false;
  }

  get runRunning(): boolean {
    return this.isRun && !this.runFinished;
  }

  get runHeading(): string {
    const run = this.run;
    if (!run) return '';
    const what = `${SCOPE_LABELS[run.scope]} · ${runStatusText(run.status)}`;
    return run.retryOfRunId ? `${what} · ${retryOf}` : what;
  }

  get progressPercent(): number {
    return this.progress?.percent ?? 0;
  }

  get progressStyle(): string {
    return `width: ${this.progressPercent}%;`;
  }

  get progressText(): string {
    const p = this.progress;
    if (!p) return '';
    if (p.total === null) return progressStarting;
    const format = new Intl.NumberFormat(locale);
    return formatLabel(
      progressCounted,
      format.format(p.processed),
      format.format(p.total),
      format.format(p.failed),
    );
  }

  get runLevelMessage(): string {
    return this.run?.message ?? '';
  }

  private get orderedResults(): TeamAccountResult[] {
    return orderResults(this.resultList, locale);
  }

  get resultsSummaryText(): string {
    const run = this.run;
    if (!run) return '';
    const counts = countResults(this.resultList);
    const format = new Intl.NumberFormat(locale);
    // The run's own counters are the authority; the results read so far fill in what it lacks.
    return formatLabel(
      resultsSummary,
      format.format(run.accountsDone),
      format.format(run.accountsFailed),
      format.format(run.membersAdded),
      format.format(run.membersUpdated),
      format.format(counts.membersUnchanged),
    );
  }

  get resultRows() {
    return this.orderedResults.slice(0, this.resultsShown).map((result) => ({
      key: result.id,
      accountId: result.accountId,
      accountName: result.accountName,
      status: result.status,
      statusText: resultStatusText(result.status),
      statusClass: isFailure(result) ? 'slds-text-color_error' : '',
      added: result.added,
      updated: result.updated,
      unchanged: result.unchanged,
      message: result.message ?? '',
    }));
  }

  get hasResults(): boolean {
    return this.runFinished && this.resultList.length > 0;
  }

  get hasMoreResults(): boolean {
    return this.resultList.length > this.resultsShown;
  }

  get shownOfText(): string {
    const format = new Intl.NumberFormat(locale);
    return formatLabel(
      shownOf,
      format.format(Math.min(this.resultsShown, this.resultList.length)),
      format.format(this.resultList.length),
    );
  }

  get hasFailures(): boolean {
    return this.runFinished && ((this.run?.accountsFailed ?? 0) > 0 || this.resultList.some(isFailure));
  }

  get canRetry(): boolean {
    return this.hasFailures && this.canChange;
  }

  // earlier runs

  get runsEmpty(): boolean {
    return this.runs !== null && this.runs.length === 0;
  }

  get runRows() {
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return (this.runs ?? []).map((run) => {
      const started = dateFormat.format(new Date(run.createdDate));
      const scope = run.accountName
        ? `${SCOPE_LABELS[run.scope]}: ${run.accountName}`
        : SCOPE_LABELS[run.scope];
      return {
        key: run.id,
        id: run.id,
        started,
        scope,
        status: runStatusText(run.status),
        counts: formatLabel(
          progressCounted,
          run.accountsDone + run.accountsFailed,
          run.accountsTotal ?? '?',
          run.accountsFailed,
        ),
        openLabel: formatLabel(openRunOf, scope, started),
        openText: openRun,
      };
    });
  }

  get contactLeftOut(): boolean {
    return this.context !== undefined && !isContactSettable(this.context.orgDefaults);
  }
}
