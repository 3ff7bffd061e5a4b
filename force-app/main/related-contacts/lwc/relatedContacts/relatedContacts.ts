/**
 * Related Contacts: an account's contacts (or a whole hierarchy's, or a contact's accounts) as a
 * virtualised WAI-ARIA grid with filters and counts, sorting, key-role coverage, inline role editing
 * (optimistic, rolled back with the row's error), bulk actions with a per-row result, and end /
 * reactivate / remove.
 *
 * All list logic (filters, sorting, coverage, change sets, optimistic saving, paging, the rendered
 * window, keyboard moves) lives in `c/relatedContactsModel`; this component fetches, renders the rows
 * in view and handles input. Only the rows in view are in the DOM, so 5,000 rows cost what 20 do.
 */
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { RefreshEvent } from 'lightning/refresh';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { MessageContext, publish } from 'lightning/messageService';
import type { MessageContextValue } from 'lightning/messageService';
import RELATIONSHIPS_CHANGED from '@salesforce/messageChannel/AccountRelationshipsChanged__c';
import getRelatedContactsContext from '@salesforce/apex/RelatedContactsController.getRelatedContactsContext';
import loadRelationships from '@salesforce/apex/RelatedContactsController.loadRelationships';
import saveRelationships from '@salesforce/apex/RelatedContactsController.saveRelationships';
import removeRelationship from '@salesforce/apex/RelatedContactsController.removeRelationship';
import findTop from '@salesforce/apex/AccountHierarchyController.findTop';
import loadChildren from '@salesforce/apex/AccountHierarchyController.loadChildren';
import locale from '@salesforce/i18n/locale';
import { formatLabel, invalidParameterName, isNoApexClassAccess, reduceErrors } from 'c/ldsUtils';
import {
  RelationshipList,
  bulkChanges,
  coverageByAccount,
  coverageOf,
  loadAllRelationships,
  loadHierarchyAccounts,
  moveFocus,
  rangeBetween,
  roleEditChange,
  actionChange,
  scrollTopFor,
  visibleWindow,
} from 'c/relatedContactsModel';
import type {
  BulkAction,
  CellPosition,
  FilterCounts,
  HierarchyAccount,
  KindFilter,
  RowError,
  SaveOutcome,
  SortColumn,
  StatusFilter,
} from 'c/relatedContactsModel';
import type {
  ContactRelationship,
  RelatedContactsContext,
  RelationshipChange,
  RelationshipPage,
  RelationshipResultStatus,
  RoleOption,
} from '@contract';
import { COLUMN_WIDTH, NARROW_COLUMN_WIDTH, SORT_COLUMN_OF, shownColumns } from './gridColumns';
import type { ColumnKey } from './gridColumns';
import { badgeClass, badgeStyle } from 'c/roleBadges';

import titleLabel from '@salesforce/label/c.AR_RelatedContacts_Grid_Title';
import titleContactMode from '@salesforce/label/c.AR_RelatedContacts_Grid_TitleContactMode';
import gridLabelTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_GridLabel';
import colContact from '@salesforce/label/c.AR_RelatedContacts_Grid_ColContact';
import colTitle from '@salesforce/label/c.AR_RelatedContacts_Grid_ColTitle';
import colAccount from '@salesforce/label/c.AR_RelatedContacts_Grid_ColAccount';
import colKind from '@salesforce/label/c.AR_RelatedContacts_Grid_ColKind';
import colRoles from '@salesforce/label/c.AR_RelatedContacts_Grid_ColRoles';
import colActive from '@salesforce/label/c.AR_RelatedContacts_Grid_ColActive';
import colStart from '@salesforce/label/c.AR_RelatedContacts_Grid_ColStart';
import colEnd from '@salesforce/label/c.AR_RelatedContacts_Grid_ColEnd';
import colActions from '@salesforce/label/c.AR_RelatedContacts_Grid_ColActions';
import selectAllLabel from '@salesforce/label/c.AR_RelatedContacts_Grid_SelectAll';
import selectRowTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_SelectRow';
import sortByTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_SortBy';
import direct from '@salesforce/label/c.AR_RelatedContacts_Grid_Direct';
import indirect from '@salesforce/label/c.AR_RelatedContacts_Grid_Indirect';
import yes from '@salesforce/label/c.AR_RelatedContacts_Grid_Yes';
import no from '@salesforce/label/c.AR_RelatedContacts_Grid_No';
import moreRolesTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_MoreRoles';
import noRoles from '@salesforce/label/c.AR_RelatedContacts_Grid_NoRoles';
import editRolesTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_EditRoles';
import rowActionsTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_RowActions';
import statusLegend from '@salesforce/label/c.AR_RelatedContacts_Grid_StatusFilter';
import statusCurrent from '@salesforce/label/c.AR_RelatedContacts_Grid_StatusCurrent';
import statusPast from '@salesforce/label/c.AR_RelatedContacts_Grid_StatusPast';
import statusAll from '@salesforce/label/c.AR_RelatedContacts_Grid_StatusAll';
import kindLegend from '@salesforce/label/c.AR_RelatedContacts_Grid_KindFilter';
import kindAll from '@salesforce/label/c.AR_RelatedContacts_Grid_KindAll';
import rolesLegend from '@salesforce/label/c.AR_RelatedContacts_Grid_RolesFilter';
import textFilterLabel from '@salesforce/label/c.AR_RelatedContacts_Grid_TextFilter';
import textFilterPlaceholder from '@salesforce/label/c.AR_RelatedContacts_Grid_TextFilterPlaceholder';
import textFilterContactPlaceholder from '@salesforce/label/c.AR_RelatedContacts_Grid_TextFilterContactPlaceholder';
import countTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_Count';
import shownTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_Shown';
import loadingLabel from '@salesforce/label/c.AR_RelatedContacts_Grid_Loading';
import loadingProgressTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_LoadingProgress';
import clearFilters from '@salesforce/label/c.AR_RelatedContacts_Grid_ClearFilters';
import noMatches from '@salesforce/label/c.AR_RelatedContacts_Grid_NoMatches';
import emptyAccount from '@salesforce/label/c.AR_RelatedContacts_Grid_EmptyAccount';
import emptyContact from '@salesforce/label/c.AR_RelatedContacts_Grid_EmptyContact';
import addLabel from '@salesforce/label/c.AR_RelatedContacts_Grid_Add';
import coverageLabel from '@salesforce/label/c.AR_RelatedContacts_Grid_Coverage';
import coveredTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_Covered';
import missingTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_Missing';
import missingActionTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_MissingAction';
import hierarchyGapsTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_HierarchyGaps';
import selectedTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_Selected';
import bulkAddRole from '@salesforce/label/c.AR_RelatedContacts_Grid_BulkAddRole';
import bulkRemoveRole from '@salesforce/label/c.AR_RelatedContacts_Grid_BulkRemoveRole';
import bulkEnd from '@salesforce/label/c.AR_RelatedContacts_Grid_BulkEnd';
import bulkReactivate from '@salesforce/label/c.AR_RelatedContacts_Grid_BulkReactivate';
import clearSelection from '@salesforce/label/c.AR_RelatedContacts_Grid_ClearSelection';
import bulkResultsTitle from '@salesforce/label/c.AR_RelatedContacts_Grid_BulkResultsTitle';
import actionEnd from '@salesforce/label/c.AR_RelatedContacts_Grid_ActionEnd';
import actionReactivate from '@salesforce/label/c.AR_RelatedContacts_Grid_ActionReactivate';
import actionRemove from '@salesforce/label/c.AR_RelatedContacts_Grid_ActionRemove';
import directNotRemovable from '@salesforce/label/c.AR_RelatedContacts_Grid_DirectNotRemovable';
import removeTitle from '@salesforce/label/c.AR_RelatedContacts_Grid_RemoveTitle';
import removeMessageTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_RemoveMessage';
import removeConfirm from '@salesforce/label/c.AR_RelatedContacts_Grid_RemoveConfirm';
import conflictTemplate from '@salesforce/label/c.AR_RelatedContacts_Grid_Conflict';
import rowFailed from '@salesforce/label/c.AR_RelatedContacts_Grid_RowFailed';
import readOnlyLabel from '@salesforce/label/c.AR_RelatedContacts_Grid_ReadOnly';
import savingLabel from '@salesforce/label/c.AR_RelatedContacts_Grid_Saving';
import featureOff from '@salesforce/label/c.AR_RelatedContacts_Grid_FeatureOff';
import noReadAccess from '@salesforce/label/c.AR_RelatedContacts_Grid_NoReadAccess';
import recordNotFound from '@salesforce/label/c.AR_RelatedContacts_Grid_RecordNotFound';
import loadFailed from '@salesforce/label/c.AR_RelatedContacts_Grid_LoadFailed';
import retry from '@salesforce/label/c.AR_RelatedContacts_Grid_Retry';
import unknownError from '@salesforce/label/c.AR_Error_Unknown';
import invalidRecordId from '@salesforce/label/c.AR_Error_InvalidRecordId';
import noApexClassAccess from '@salesforce/label/c.AR_Error_NoApexClassAccess';
import permissionSetUser from '@salesforce/label/c.AR_PermissionSet_AccountRelationships_User';

const APEX_CLASSES = ['RelatedContactsController', 'AccountHierarchyController'];
const DEFAULT_PAGE_SIZE = 2000;
const MAX_PAGE_SIZE = 2000;
const DEFAULT_HEIGHT = 480;
/** Two lines: the name, and under it the row's error (or, at phone width, the title). */
const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 36;
/** Badges shown in a roles cell before "+N". */
const MAX_BADGES = 3;
/** Below this width (px) the grid keeps only contact, roles and actions. */
const NARROW_WIDTH = 480;
const EDITABLE_ROLE_FIELD = 'Roles';

/** A positive number from an App Builder property, or the default. */
function positive(value: unknown, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

/** The platform's "record not found" answers (a deleted or invisible record). */
function isNotFound(error: unknown): boolean {
  return reduceErrors(error).some((message) =>
    /\b(not found|does not exist|deleted|ENTITY_IS_DELETED|INVALID_CROSS_REFERENCE_KEY)\b/i.test(message),
  );
}

/** What the alert says after a failed load, and whether trying again may help. */
function describeFailure(error: unknown): { messages: string[]; canRetry: boolean } {
  if (isNoApexClassAccess(error, APEX_CLASSES)) {
    return { messages: [formatLabel(noApexClassAccess, permissionSetUser)], canRetry: true };
  }
  if (invalidParameterName(error) === 'recordId') {
    return { messages: [invalidRecordId], canRetry: false };
  }
  if (isNotFound(error)) {
    return { messages: [recordNotFound], canRetry: false };
  }
  const messages = reduceErrors(error);
  return {
    messages: [...new Set([loadFailed, ...(messages.length > 0 ? messages : [unknownError])])],
    canRetry: true,
  };
}

const COLUMN_LABEL: Readonly<Record<ColumnKey, string>> = {
  select: selectAllLabel,
  contact: colContact,
  title: colTitle,
  account: colAccount,
  kind: colKind,
  roles: colRoles,
  active: colActive,
  startDate: colStart,
  endDate: colEnd,
  actions: colActions,
};

type Mode = 'account' | 'hierarchy' | 'contact';

interface BadgeView {
  key: string;
  label: string;
  className: string;
  style: string;
}

interface CellView {
  key: string;
  colIndex: number;
  ariaColIndex: number;
  className: string;
  tabIndex: string;
  isSelect: boolean;
  isLink: boolean;
  isRoles: boolean;
  isActions: boolean;
  isText: boolean;
  text: string;
  subText: string;
  subClass: string;
  url: string;
  linkId: string;
  linkObject: string;
  editable: boolean;
  badges: BadgeView[];
  moreText: string;
  rolesTitle: string;
  editLabel: string;
  actionsLabel: string;
  selectLabel: string;
  ariaReadOnly: string | null;
}

interface RowView {
  id: string;
  rowIndex: number;
  className: string;
  style: string;
  ariaSelected: string | null;
  selected: boolean;
  canSelect: boolean;
  cells: CellView[];
}

interface HeaderView {
  key: string;
  colIndex: number;
  ariaColIndex: number;
  label: string;
  className: string;
  ariaSort: string | null;
  sortable: boolean;
  isSelect: boolean;
  isPlain: boolean;
  tabIndex: string;
  sortTitle: string;
  sortIcon: string;
}

interface MenuItem {
  key: string;
  label: string;
  description: string;
  disabled: boolean;
  ariaDisabled: string;
  tabIndex: string;
}

interface CoverageItem {
  key: string;
  text: string;
  role: string;
  missing: boolean;
  title: string;
}

interface ChoiceView {
  value: string;
  label: string;
  pressed: string;
  className: string;
}

interface ResultItem {
  id: string;
  name: string;
  accountName?: string | null;
  status: RelationshipResultStatus;
  message?: string | null;
}

export default class RelatedContacts extends NavigationMixin(LightningElement) {
  @api recordId?: string;
  /** Set by record pages: `Contact` shows the contact's accounts. */
  @api objectApiName?: string;
  /** App Builder: `account` (this account) or `hierarchy` (the whole hierarchy); contact pages ignore it. */
  @api mode = 'account';
  @api pageSize: number = DEFAULT_PAGE_SIZE;
  /** App Builder: the data columns shown, comma-separated (title, account, kind, roles, active, startDate, endDate). */
  @api columns?: string;
  @api height: number = DEFAULT_HEIGHT;

  @wire(MessageContext) messageContext?: MessageContextValue;

  labels = {
    addLabel,
    textFilterLabel,
    statusLegend,
    kindLegend,
    rolesLegend,
    coverageLabel,
    clearFilters,
    bulkAddRole,
    bulkRemoveRole,
    bulkEnd,
    bulkReactivate,
    clearSelection,
    retry,
    removeTitle,
    removeConfirm,
    bulkResultsTitle,
    savingLabel,
  };

  context: RelatedContactsContext | null = null;
  errorMessages: string[] = [];
  /** A message that replaces the list (feature off, no access): what to enable or ask for. */
  blockingMessage = '';
  canRetry = true;
  isLoading = false;
  /** Every page is in: the grid's data-state turns "ready". */
  isComplete = false;
  /**
   * Bumped after every change of the list, which itself is not reactive: the template reads it (the
   * container's data-version), so a bump re-renders and every getter reads the list again.
   */
  version = 0;
  textValue = '';
  topRow = 0;
  focus: CellPosition = { row: 1, col: 1 };
  selectedIds: string[] = [];
  editingId: string | null = null;
  menuRowId: string | null = null;
  menuIndex = 0;
  results: ResultItem[] | null = null;
  pendingRemoveId: string | null = null;
  addInitialRoles: string[] = [];
  addAccountId = '';
  savingCount = 0;
  isNarrow = false;
  hierarchyAccounts: HierarchyAccount[] = [];

  private list = new RelationshipList({ locale });
  private selectionAnchor: string | null = null;
  private pendingFocus = false;
  private pendingScrollTop: number | null = null;
  private readonly coverageMemo: {
    revision: number;
    context: RelatedContactsContext | null;
    items: CoverageItem[];
  } = {
    revision: -1,
    context: null,
    items: [],
  };
  private readonly gapsMemo: { revision: number; context: RelatedContactsContext | null; text: string } = {
    revision: -1,
    context: null,
    text: '',
  };
  private scrollTop = 0;
  private resizeObserver?: ResizeObserver;
  private loadSequence = 0;

  override connectedCallback(): void {
    this.load().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.loadSequence++;
  }

  override renderedCallback(): void {
    this.observeWidth();
    if (this.pendingScrollTop !== null) {
      const viewport = this.template?.querySelector<HTMLElement>('[data-id="viewport"]');
      if (viewport) viewport.scrollTop = this.pendingScrollTop;
      this.pendingScrollTop = null;
    }
    if (this.pendingFocus) {
      this.pendingFocus = false;
      this.focusTarget()?.focus();
    }
  }

  private observeWidth(): void {
    if (this.resizeObserver || typeof ResizeObserver !== 'function') return;
    const container = this.template?.querySelector<HTMLElement>('[data-id="container"]');
    if (!container) return;
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      const narrow = width > 0 && width <= NARROW_WIDTH;
      if (narrow !== this.isNarrow) {
        this.isNarrow = narrow;
        this.focus = { row: this.focus.row, col: Math.min(this.focus.col, this.columnKeys.length - 1) };
      }
    });
    this.resizeObserver.observe(container);
  }

  // ------------------------------------------------------------------ loading

  get effectiveMode(): Mode {
    const id = this.recordId ?? '';
    if (this.objectApiName === 'Contact' || this.context?.recordKind === 'contact' || id.startsWith('003')) {
      return 'contact';
    }
    return this.mode === 'hierarchy' ? 'hierarchy' : 'account';
  }

  private get effectivePageSize(): number {
    return Math.min(MAX_PAGE_SIZE, Math.max(50, Math.floor(positive(this.pageSize, DEFAULT_PAGE_SIZE))));
  }

  /**
   * The context and the first page are asked for at once (each call is a round trip); then the other
   * pages, and in hierarchy mode the hierarchy's accounts and their relationships.
   */
  private async load(): Promise<void> {
    const recordId = this.recordId;
    if (!recordId || this.isLoading) return;
    const sequence = ++this.loadSequence;
    this.isLoading = true;
    this.isComplete = false;
    this.errorMessages = [];
    this.blockingMessage = '';
    const mode = this.effectiveMode;
    let apexMode: 'account' | 'contact' = mode === 'contact' ? 'contact' : 'account';
    const pageSize = this.effectivePageSize;
    const contextCall = getRelatedContactsContext({ recordId });
    // The mode is guessed from the page (objectApiName, the Id's key prefix) so both calls go out at once.
    let firstPage: Promise<RelationshipPage> | undefined = loadRelationships({
      mode: apexMode,
      recordIds: [recordId],
      afterId: null,
      pageSize,
    });
    // Seen by the loader below; a failure before that (feature off) must not go unhandled.
    firstPage.catch(() => undefined);
    try {
      const context = await contextCall;
      if (sequence !== this.loadSequence) return;
      this.context = context;
      const kind = context.recordKind === 'contact' ? 'contact' : 'account';
      if (kind !== apexMode) {
        // The guess was wrong (the page gave no object name): ask again in the record's own mode.
        apexMode = kind;
        firstPage = undefined;
      }
      if (!context.featureEnabled) {
        this.blockingMessage = featureOff;
        return;
      }
      if (!context.access.canRead) {
        this.blockingMessage = noReadAccess;
        return;
      }
      this.list = new RelationshipList({
        locale,
        roleOptions: context.roleOptions,
        searchFields: this.effectiveMode === 'contact' ? 'account' : 'contact',
      });
      const onRows = (rows: ContactRelationship[]): void => {
        if (sequence !== this.loadSequence) return;
        this.list.addRows(rows);
        this.refresh();
      };
      await loadAllRelationships({
        mode: apexMode,
        recordIds: [recordId],
        pageSize,
        loadPage: (request) => loadRelationships(request),
        onRows,
        firstPage,
      });
      this.refresh();
      if (this.effectiveMode === 'hierarchy') {
        const accounts = await loadHierarchyAccounts({ recordId, findTop, loadChildren });
        if (sequence !== this.loadSequence) return;
        this.hierarchyAccounts = accounts;
        await loadAllRelationships({
          mode: 'account',
          recordIds: accounts.map((account) => account.id).filter((id) => id !== recordId),
          pageSize,
          loadPage: (request) => loadRelationships(request),
          onRows,
        });
      }
      if (sequence === this.loadSequence) this.isComplete = true;
    } catch (error: unknown) {
      if (sequence !== this.loadSequence) return;
      ({ messages: this.errorMessages, canRetry: this.canRetry } = describeFailure(error));
    } finally {
      if (sequence === this.loadSequence) {
        this.isLoading = false;
        this.refresh();
      }
    }
  }

  handleRetry(): void {
    this.load().catch(() => undefined);
  }

  private refresh(): void {
    this.version++;
  }

  // ------------------------------------------------------------------ view state

  get cardTitle(): string {
    const name = this.context?.recordName ?? '';
    return this.effectiveMode === 'contact'
      ? formatLabel(titleContactMode, name)
      : formatLabel(titleLabel, name);
  }

  get gridLabel(): string {
    return formatLabel(gridLabelTemplate, this.context?.recordName ?? '');
  }

  get gridState(): string {
    return this.isComplete ? 'ready' : 'loading';
  }

  get ariaBusy(): string {
    return this.isLoading ? 'true' : 'false';
  }

  get showList(): boolean {
    return this.context !== null && !this.blockingMessage;
  }

  get hasErrors(): boolean {
    return this.errorMessages.length > 0;
  }

  get canAdd(): boolean {
    return this.effectiveMode !== 'contact' && (this.context?.access.canCreate ?? false);
  }

  private get canEditRoles(): boolean {
    const access = this.context?.access;
    return (access?.canEdit ?? false) && access?.editableFields.includes(EDITABLE_ROLE_FIELD) === true;
  }

  private get canEndOrReactivate(): boolean {
    const access = this.context?.access;
    return (
      (access?.canEdit ?? false) &&
      access?.editableFields.includes('IsActive') === true &&
      access.editableFields.includes('EndDate')
    );
  }

  private get canEditAnything(): boolean {
    return this.canEditRoles || this.canEndOrReactivate;
  }

  get columnKeys(): ColumnKey[] {
    const keys = shownColumns(this.columns, this.effectiveMode, this.isNarrow);
    return this.canEditAnything || (this.context?.access.canDelete ?? false)
      ? keys
      : keys.filter((key) => key !== 'select' && key !== 'actions');
  }

  get containerClass(): string {
    return this.isNarrow ? 'container is-narrow' : 'container';
  }

  get viewportHeight(): number {
    return positive(this.height, DEFAULT_HEIGHT);
  }

  get viewportStyle(): string {
    return `max-height: ${this.viewportHeight}px;`;
  }

  get gridStyle(): string {
    const tracks = this.columnKeys
      .map((key) => (this.isNarrow ? (NARROW_COLUMN_WIDTH[key] ?? COLUMN_WIDTH[key]) : COLUMN_WIDTH[key]))
      .join(' ');
    return `--rc-columns: ${tracks}; --rc-row-height: ${ROW_HEIGHT}px;`;
  }

  get bodyStyle(): string {
    return `height: ${this.visibleCount * ROW_HEIGHT}px;`;
  }

  get visibleCount(): number {
    return this.list.visibleCount;
  }

  get gridRowCount(): number {
    return this.visibleCount + 1;
  }

  get gridColCount(): number {
    return this.columnKeys.length;
  }

  private get counts(): FilterCounts {
    return this.list.counts();
  }

  get progressText(): string {
    if (this.isLoading) {
      return this.list.size > 0 ? formatLabel(loadingProgressTemplate, this.list.size) : loadingLabel;
    }
    return formatLabel(shownTemplate, this.visibleCount, this.list.size);
  }

  get isEmpty(): boolean {
    return !this.isLoading && this.list.size === 0 && !this.hasErrors;
  }

  get emptyText(): string {
    return this.effectiveMode === 'contact' ? emptyContact : emptyAccount;
  }

  get hasNoMatches(): boolean {
    return this.list.size > 0 && this.visibleCount === 0;
  }

  get noMatchesText(): string {
    return noMatches;
  }

  get textPlaceholder(): string {
    return this.effectiveMode === 'contact' ? textFilterContactPlaceholder : textFilterPlaceholder;
  }

  // ------------------------------------------------------------------ filters

  private choice<T extends string>(value: T, label: string, count: number, current: T): ChoiceView {
    const pressed = value === current;
    return {
      value,
      label: formatLabel(countTemplate, label, count),
      pressed: String(pressed),
      className: pressed ? 'slds-button slds-button_brand choice' : 'slds-button slds-button_neutral choice',
    };
  }

  get statusChoices(): ChoiceView[] {
    const counts = this.counts;
    const current = this.list.filter.status;
    return [
      this.choice<StatusFilter>('current', statusCurrent, counts.status.current, current),
      this.choice<StatusFilter>('past', statusPast, counts.status.past, current),
      this.choice<StatusFilter>('all', statusAll, counts.status.all, current),
    ];
  }

  get kindChoices(): ChoiceView[] {
    const counts = this.counts;
    const current = this.list.filter.kind;
    return [
      this.choice<KindFilter>('all', kindAll, counts.kind.all, current),
      this.choice<KindFilter>('direct', direct, counts.kind.direct, current),
      this.choice<KindFilter>('indirect', indirect, counts.kind.indirect, current),
    ];
  }

  get roleChoices(): ChoiceView[] {
    const counts = this.counts;
    const chosen = new Set(this.list.filter.roles);
    return this.roleOptions.map((option) => {
      const pressed = chosen.has(option.value);
      return {
        value: option.value,
        label: formatLabel(countTemplate, option.label, counts.roles[option.value] ?? 0),
        pressed: String(pressed),
        className: pressed
          ? 'slds-button slds-button_brand choice'
          : 'slds-button slds-button_neutral choice',
      };
    });
  }

  get today(): string {
    return this.context?.today ?? '';
  }

  get roleOptions(): RoleOption[] {
    return this.context?.roleOptions ?? [];
  }

  get hasRoleOptions(): boolean {
    return this.roleOptions.length > 0;
  }

  get hasActiveFilters(): boolean {
    const filter = this.list.filter;
    return (
      filter.status !== 'current' || filter.kind !== 'all' || filter.roles.length > 0 || filter.text !== ''
    );
  }

  handleStatusChoice(event: MouseEvent): void {
    const value = (event.currentTarget as HTMLElement).dataset.value as StatusFilter;
    this.list.setFilter({ status: value });
    this.afterFilter();
  }

  handleKindChoice(event: MouseEvent): void {
    const value = (event.currentTarget as HTMLElement).dataset.value as KindFilter;
    this.list.setFilter({ kind: value });
    this.afterFilter();
  }

  handleRoleChoice(event: MouseEvent): void {
    const value = (event.currentTarget as HTMLElement).dataset.value ?? '';
    const roles = new Set(this.list.filter.roles);
    if (roles.has(value)) roles.delete(value);
    else roles.add(value);
    this.list.setFilter({ roles: [...roles] });
    this.afterFilter();
  }

  handleTextInput(event: Event): void {
    this.textValue = (event.target as HTMLInputElement).value;
    this.list.setFilter({ text: this.textValue });
    this.afterFilter();
  }

  handleClearFilters(): void {
    this.textValue = '';
    this.list.setFilter({ status: 'current', kind: 'all', roles: [], text: '' });
    this.afterFilter();
  }

  private afterFilter(): void {
    // Back to the top. Writing scrollTop forces a layout, so only when the viewport had scrolled.
    if (this.scrollTop !== 0) this.pendingScrollTop = 0;
    this.topRow = 0;
    this.scrollTop = 0;
    this.focus = { row: Math.min(this.focus.row, Math.max(1, this.list.visibleCount)), col: this.focus.col };
    this.refresh();
  }

  // ------------------------------------------------------------------ coverage

  private get coverageRows(): ContactRelationship[] {
    const rows = this.list.allRows();
    return this.effectiveMode === 'hierarchy' ? rows.filter((row) => row.accountId === this.recordId) : rows;
  }

  get showCoverage(): boolean {
    return this.effectiveMode !== 'contact' && (this.context?.keyRoles.length ?? 0) > 0;
  }

  /**
   * The coverage strip, computed again only when the rows or the context change: a render after
   * typing a filter should not walk every row to recount roles. Kept in a plain object, not a
   * reactive field, because it is written while the template renders.
   */
  get coverageItems(): CoverageItem[] {
    const context = this.context;
    if (!context) return [];
    const memo = this.coverageMemo;
    if (memo.revision !== this.list.revision || memo.context !== context) {
      memo.revision = this.list.revision;
      memo.context = context;
      memo.items = this.computeCoverageItems(context);
    }
    return memo.items;
  }

  private computeCoverageItems(context: RelatedContactsContext): CoverageItem[] {
    const coverage = coverageOf(this.coverageRows, context.keyRoles, context.roleOptions);
    return [
      ...coverage.present.map((item) => ({
        key: `present-${item.role}`,
        text: formatLabel(coveredTemplate, item.label, item.count),
        role: item.role,
        missing: false,
        title: '',
      })),
      ...coverage.missing.map((item) => ({
        key: `missing-${item.role}`,
        text: formatLabel(missingTemplate, item.label),
        role: item.role,
        missing: true,
        title: formatLabel(missingActionTemplate, item.label),
      })),
    ];
  }

  /** How many other accounts of the hierarchy lack a key role; memoised as the coverage strip is. */
  get hierarchyGapsText(): string {
    const context = this.context;
    if (this.effectiveMode !== 'hierarchy' || !context || !this.isComplete) return '';
    const memo = this.gapsMemo;
    if (memo.revision !== this.list.revision || memo.context !== context) {
      memo.revision = this.list.revision;
      memo.context = context;
      const gaps = coverageByAccount(
        this.list.allRows(),
        context.keyRoles,
        context.roleOptions,
        this.hierarchyAccounts,
      ).filter((account) => account.accountId !== this.recordId && account.missing.length > 0);
      memo.text = gaps.length > 0 ? formatLabel(hierarchyGapsTemplate, gaps.length) : '';
    }
    return memo.text;
  }

  get canAddFromCoverage(): boolean {
    return this.canAdd;
  }

  handleMissingRole(event: MouseEvent): void {
    const role = (event.currentTarget as HTMLElement).dataset.role ?? '';
    this.openAddDialog([role]);
  }

  handleAdd(): void {
    this.openAddDialog([]);
  }

  private openAddDialog(roles: string[]): void {
    if (!this.canAdd || !this.recordId) return;
    this.addInitialRoles = roles;
    this.addAccountId = this.recordId;
    // The dialog reads its properties when it opens: let them reach it first.
    Promise.resolve()
      .then(() => {
        this.template?.querySelector<HTMLElement & { open: () => void }>('c-relationship-add-dialog')?.open();
      })
      .catch(() => undefined);
  }

  handleAdded(event: CustomEvent<{ row: ContactRelationship | null }>): void {
    const row = event.detail.row;
    if (!row) return;
    this.list.addRows([row]);
    this.refresh();
    this.afterSave('added', [row]);
  }

  handleShowExisting(event: CustomEvent<{ relationshipId: string }>): void {
    const id = event.detail.relationshipId;
    if (this.list.indexOf(id) < 0) {
      // Hidden by the filters: show everything so the row can be shown.
      this.handleClearFilters();
      this.list.setFilter({ status: 'all' });
    }
    const index = this.list.indexOf(id);
    if (index >= 0) this.focusCell({ row: index + 1, col: this.columnIndex('contact', 'account') });
  }

  handleAddClose(): void {
    // The dialog returns the focus itself.
  }

  // ------------------------------------------------------------------ sorting

  get headers(): HeaderView[] {
    const sort = this.list.sort;
    return this.columnKeys.map((key, colIndex) => {
      const sortColumn = SORT_COLUMN_OF[key];
      const sorted = sortColumn !== undefined && sort.column === sortColumn;
      const focused = this.focus.row === 0 && this.focus.col === colIndex;
      return {
        key,
        colIndex,
        ariaColIndex: colIndex + 1,
        label: COLUMN_LABEL[key],
        className: `cell header-cell col-${key}`,
        ariaSort: sorted ? sort.direction : null,
        sortable: sortColumn !== undefined,
        isSelect: key === 'select',
        isPlain: sortColumn === undefined && key !== 'select',
        tabIndex: focused ? '0' : '-1',
        sortTitle: formatLabel(sortByTemplate, COLUMN_LABEL[key]),
        sortIcon: sorted
          ? sort.direction === 'ascending'
            ? 'sort-icon is-ascending'
            : 'sort-icon is-descending'
          : 'sort-icon',
      };
    });
  }

  handleSort(event: MouseEvent): void {
    const key = (event.currentTarget as HTMLElement).dataset.key as ColumnKey;
    this.sortBy(key);
    const col = this.columnKeys.indexOf(key);
    this.focus = { row: 0, col };
  }

  private sortBy(key: ColumnKey): void {
    const column: SortColumn | undefined = SORT_COLUMN_OF[key];
    if (!column) return;
    const current = this.list.sort;
    const direction =
      current.column === column && current.direction === 'ascending' ? 'descending' : 'ascending';
    this.list.setSort({ column, direction });
    this.refresh();
  }

  get allSelected(): boolean {
    const count = this.visibleCount;
    return (
      count > 0 &&
      this.selectedIds.length >= count &&
      this.list.visibleIds().every((id) => this.selectedSet.has(id))
    );
  }

  handleSelectAll(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.selectedIds = checked
      ? this.list.visibleIds().filter((id) => this.list.row(id)?.canEdit === true)
      : [];
  }

  // ------------------------------------------------------------------ rows

  private selectedCache: { source: string[]; set: Set<string> } = { source: [], set: new Set() };

  private get selectedSet(): Set<string> {
    if (this.selectedCache.source !== this.selectedIds) {
      this.selectedCache = { source: this.selectedIds, set: new Set(this.selectedIds) };
    }
    return this.selectedCache.set;
  }

  /** The rows in (and just around) the viewport: the only rows in the DOM. */
  get renderedRows(): RowView[] {
    const { first, last } = visibleWindow({
      scrollTop: this.topRow * ROW_HEIGHT,
      viewportHeight: this.viewportHeight,
      rowHeight: ROW_HEIGHT,
      rowCount: this.list.visibleCount,
    });
    const keys = this.columnKeys;
    return this.list.visibleRows(first, last).map((row, offset) => this.rowView(row, first + offset, keys));
  }

  private rowView(row: ContactRelationship, index: number, keys: ColumnKey[]): RowView {
    const selected = this.selectedSet.has(row.id);
    const error = this.list.rowError(row.id);
    const classes = ['row', 'data-row'];
    if (selected) classes.push('is-selected');
    if (error) classes.push('has-error');
    if (this.list.isPending(row.id)) classes.push('is-pending');
    if (!row.isActive) classes.push('is-inactive');
    const rowNumber = index + 1;
    return {
      id: row.id,
      rowIndex: rowNumber + 1,
      className: classes.join(' '),
      style: `transform: translateY(${index * ROW_HEIGHT}px);`,
      ariaSelected: row.canEdit ? String(selected) : null,
      selected,
      canSelect: row.canEdit,
      cells: keys.map((key, colIndex) => this.cellView(row, key, rowNumber, colIndex, error)),
    };
  }

  private cellView(
    row: ContactRelationship,
    key: ColumnKey,
    rowNumber: number,
    colIndex: number,
    error: RowError | undefined,
  ): CellView {
    const focused = this.focus.row === rowNumber && this.focus.col === colIndex;
    const cell: CellView = {
      key,
      colIndex,
      ariaColIndex: colIndex + 1,
      className: `cell col-${key}`,
      tabIndex: focused ? '0' : '-1',
      isSelect: false,
      isLink: false,
      isRoles: false,
      isActions: false,
      isText: false,
      text: '',
      subText: '',
      subClass: 'sub-text slds-truncate',
      url: '',
      linkId: '',
      linkObject: '',
      editable: false,
      badges: [],
      moreText: '',
      rolesTitle: '',
      editLabel: '',
      actionsLabel: '',
      selectLabel: '',
      ariaReadOnly: null,
    };
    switch (key) {
      case 'select':
        cell.isSelect = row.canEdit;
        cell.selectLabel = formatLabel(selectRowTemplate, row.contactName);
        break;
      case 'contact':
      case 'account': {
        const linkToAccount = key === 'account';
        const primary = (key === 'contact') === (this.effectiveMode !== 'contact');
        cell.isLink = true;
        cell.text = linkToAccount ? row.accountName : row.contactName;
        cell.linkId = linkToAccount ? row.accountId : row.contactId;
        cell.linkObject = linkToAccount ? 'Account' : 'Contact';
        cell.url = `/lightning/r/${linkToAccount ? 'Account' : 'Contact'}/${cell.linkId}/view`;
        if (primary) {
          if (error) {
            cell.subText = this.errorText(error);
            cell.subClass = 'sub-text row-error slds-truncate';
          } else if (this.isNarrow) {
            cell.subText = [row.title ?? '', row.isActive ? '' : statusPast].filter(Boolean).join(' · ');
          }
        }
        break;
      }
      case 'title':
        cell.isText = true;
        cell.text = row.title ?? '';
        break;
      case 'kind':
        cell.isText = true;
        cell.text = row.isDirect ? direct : indirect;
        break;
      case 'roles': {
        cell.isRoles = true;
        const roles = this.list.orderedRoles(row.roles);
        const optionByValue = this.optionByValue;
        // At phone width one badge and "+N" fit; the cell's title lists them all.
        const maxBadges = this.isNarrow ? 1 : MAX_BADGES;
        cell.badges = roles.slice(0, maxBadges).map((role) => {
          const option = optionByValue.get(role);
          return {
            key: role,
            label: option?.label ?? role,
            // The shared colours (as the picker and the role catalog show them); `role-badge` sizes it in a cell.
            className: `${badgeClass(option?.badgeColor)} role-badge`,
            style: badgeStyle(option?.badgeColor),
          };
        });
        cell.moreText =
          roles.length > maxBadges ? formatLabel(moreRolesTemplate, roles.length - maxBadges) : '';
        const labels = roles.map((role) => optionByValue.get(role)?.label ?? role);
        cell.rolesTitle = labels.length > 0 ? labels.join(', ') : noRoles;
        cell.editLabel = formatLabel(editRolesTemplate, row.contactName);
        cell.editable = row.canEdit && this.canEditRoles;
        cell.ariaReadOnly = cell.editable ? null : 'true';
        break;
      }
      case 'active':
        cell.isText = true;
        cell.text = row.isActive ? yes : no;
        break;
      case 'startDate':
        cell.isText = true;
        cell.text = this.formatDate(row.startDate);
        break;
      case 'endDate':
        cell.isText = true;
        cell.text = this.formatDate(row.endDate);
        break;
      default:
        // 'actions'
        cell.isActions = row.canEdit && this.rowMenuItems(row).length > 0;
        cell.actionsLabel = formatLabel(rowActionsTemplate, row.contactName);
        break;
    }
    return cell;
  }

  private optionCache: { source: RoleOption[]; map: Map<string, RoleOption> } = {
    source: [],
    map: new Map(),
  };

  private get optionByValue(): Map<string, RoleOption> {
    const options = this.roleOptions;
    if (this.optionCache.source !== options) {
      this.optionCache = { source: options, map: new Map(options.map((option) => [option.value, option])) };
    }
    return this.optionCache.map;
  }

  private dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  private dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  private formatDate(value: string | null | undefined): string {
    if (value == null || value === '') return '';
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : this.dateFormat.format(date);
  }

  private errorText(error: RowError): string {
    if (error.status === 'conflict') {
      const at = error.modifiedAt ? new Date(error.modifiedAt) : null;
      const when = at && !Number.isNaN(at.getTime()) ? this.dateTimeFormat.format(at) : '';
      return formatLabel(conflictTemplate, error.modifiedByName ?? '', when);
    }
    return error.message ?? rowFailed;
  }

  // ------------------------------------------------------------------ scrolling and focus

  handleScroll(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    this.scrollTop = target.scrollTop;
    // The sticky header covers the body's first HEADER_HEIGHT pixels of the view: body row i is at the
    // top of what shows once scrollTop reaches i * ROW_HEIGHT.
    const topRow = Math.floor(Math.max(0, target.scrollTop) / ROW_HEIGHT);
    if (topRow !== this.topRow) this.topRow = topRow;
  }

  private columnIndex(...keys: ColumnKey[]): number {
    const columns = this.columnKeys;
    for (const key of keys) {
      const index = columns.indexOf(key);
      if (index >= 0) return index;
    }
    return 0;
  }

  private focusTarget(): HTMLElement | null {
    const { row, col } = this.focus;
    if (row === 0) {
      return this.template?.querySelector<HTMLElement>(`[data-header-col="${col}"]`) ?? null;
    }
    const id = this.list.visibleIds()[row - 1];
    if (!id) return null;
    return (
      this.template?.querySelector<HTMLElement>(`[role="row"][data-id="${id}"] [data-col="${col}"]`) ?? null
    );
  }

  /** Moves the roving focus to a cell, scrolling its row into view. */
  private focusCell(position: CellPosition): void {
    this.focus = position;
    if (position.row > 0) {
      const index = position.row - 1;
      // Body rows show below the sticky header: the body's visible band is [scrollTop, scrollTop + height - header).
      const next = scrollTopFor(index, {
        scrollTop: this.scrollTop,
        viewportHeight: this.viewportHeight - HEADER_HEIGHT,
        rowHeight: ROW_HEIGHT,
      });
      if (next !== this.scrollTop) {
        this.scrollTop = next;
        this.topRow = Math.floor(next / ROW_HEIGHT);
        this.pendingScrollTop = next;
      }
    }
    this.pendingFocus = true;
    this.refresh();
  }

  handleCellFocus(event: FocusEvent): void {
    const target = event.currentTarget as HTMLElement;
    const col = Number(target.dataset.col ?? target.dataset.headerCol);
    const rowId = target.closest<HTMLElement>('[role="row"]')?.dataset.id;
    const row = rowId ? this.list.indexOf(rowId) + 1 : 0;
    if (Number.isInteger(col) && (row !== this.focus.row || col !== this.focus.col)) {
      this.focus = { row, col };
    }
  }

  private get pageRows(): number {
    return Math.max(1, Math.floor((this.viewportHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  }

  private focusedRow(): ContactRelationship | undefined {
    if (this.focus.row < 1) return undefined;
    const id = this.list.visibleIds()[this.focus.row - 1];
    return id ? this.list.row(id) : undefined;
  }

  handleGridKeyDown(event: KeyboardEvent): void {
    if (this.editingId || this.menuRowId) return;
    const target = event.target as HTMLElement;
    if (target.closest('[data-id="editor"]') || target.closest('[data-id="row-menu"]')) return;
    const moved = moveFocus(
      this.focus,
      event.key,
      { rowCount: this.list.visibleCount, colCount: this.columnKeys.length, pageRows: this.pageRows },
      event.ctrlKey || event.metaKey,
    );
    if (moved) {
      event.preventDefault();
      this.focusCell(moved);
      return;
    }
    const key = this.columnKeys[this.focus.col];
    const row = this.focusedRow();
    if (event.key === 'Enter' || event.key === 'F2') {
      if (this.focus.row === 0) {
        if (key) this.sortBy(key);
        event.preventDefault();
        return;
      }
      if (!row) return;
      event.preventDefault();
      if (key === 'roles') this.startEdit(row.id);
      else if (key === 'contact') this.navigateTo(row.contactId, 'Contact');
      else if (key === 'account') this.navigateTo(row.accountId, 'Account');
      else if (key === 'actions') this.openMenu(row.id);
      else if (key === 'select') this.toggleSelection(row.id, event.shiftKey);
    } else if (event.key === ' ' || event.key === 'Spacebar') {
      if (this.focus.row === 0) {
        if (key === 'select') return; // the checkbox toggles itself
        if (key) this.sortBy(key);
        event.preventDefault();
        return;
      }
      if (row) {
        event.preventDefault();
        this.toggleSelection(row.id, event.shiftKey);
      }
    }
  }

  // ------------------------------------------------------------------ selection

  private toggleSelection(id: string, range: boolean): void {
    const row = this.list.row(id);
    if (!row?.canEdit) return;
    const selected = new Set(this.selectedIds);
    if (range && this.selectionAnchor) {
      const ids = rangeBetween(this.list.visibleIds(), this.selectionAnchor, id).filter(
        (rangeId) => this.list.row(rangeId)?.canEdit === true,
      );
      ids.forEach((rangeId) => selected.add(rangeId));
    } else if (selected.has(id)) {
      selected.delete(id);
      this.selectionAnchor = id;
    } else {
      selected.add(id);
      this.selectionAnchor = id;
    }
    this.selectedIds = [...selected];
  }

  handleSelectClick(event: MouseEvent): void {
    // Our selection decides (shift-click selects a range), but the click is not cancelled: a cancelled
    // click puts the box back after this handler and after the re-render, so it showed unchecked while
    // the row was selected. The box is set to the selection instead.
    event.stopPropagation();
    const input = event.currentTarget as HTMLInputElement;
    const id = input.dataset.rowId ?? '';
    this.toggleSelection(id, event.shiftKey);
    input.checked = this.selectedIds.includes(id);
    this.focusCell({ row: this.list.indexOf(id) + 1, col: this.columnIndex('select') });
  }

  handleCellClick(event: MouseEvent): void {
    const target = event.currentTarget as HTMLElement;
    const col = Number(target.dataset.col);
    const id = target.closest<HTMLElement>('[role="row"]')?.dataset.id;
    if (!id || !Number.isInteger(col)) return;
    if (event.shiftKey && this.columnKeys[col] !== 'select') {
      event.preventDefault();
      this.toggleSelection(id, true);
    }
    this.focus = { row: this.list.indexOf(id) + 1, col };
  }

  get hasSelection(): boolean {
    return this.selectedIds.length > 0;
  }

  get selectionText(): string {
    return formatLabel(selectedTemplate, this.selectedIds.length);
  }

  get removableRoleOptions(): RoleOption[] {
    const present = new Set<string>();
    for (const id of this.selectedIds) this.list.row(id)?.roles.forEach((role) => present.add(role));
    return this.roleOptions.filter((option) => present.has(option.value));
  }

  get hasNoRemovableRoles(): boolean {
    return this.removableRoleOptions.length === 0;
  }

  get showBulkRoleActions(): boolean {
    return this.canEditRoles;
  }

  get showBulkEndActions(): boolean {
    return this.canEndOrReactivate;
  }

  handleClearSelection(): void {
    this.selectedIds = [];
    this.selectionAnchor = null;
  }

  handleBulkAddRole(event: CustomEvent<{ value: string }>): void {
    this.runBulk({ type: 'addRole', role: event.detail.value }).catch(() => undefined);
  }

  handleBulkRemoveRole(event: CustomEvent<{ value: string }>): void {
    this.runBulk({ type: 'removeRole', role: event.detail.value }).catch(() => undefined);
  }

  handleBulkEnd(): void {
    this.runBulk({ type: 'end', today: this.context?.today ?? '' }).catch(() => undefined);
  }

  handleBulkReactivate(): void {
    this.runBulk({ type: 'reactivate' }).catch(() => undefined);
  }

  private async runBulk(action: BulkAction): Promise<void> {
    const rows = this.selectedIds
      .map((id) => this.list.row(id))
      .filter((row): row is ContactRelationship => row !== undefined);
    const set = bulkChanges(rows, action);
    const readOnly: ResultItem[] = set.readOnlyIds.map((id) => {
      const row = this.list.row(id);
      return {
        id,
        name: row?.contactName ?? id,
        accountName: row?.accountName ?? null,
        status: 'noAccess',
        message: readOnlyLabel,
      };
    });
    const outcomes = await this.save(set.changes);
    this.results = [...outcomes, ...readOnly];
  }

  handleResultsClose(): void {
    this.results = null;
    this.pendingFocus = true;
  }

  get showResults(): boolean {
    return this.results !== null;
  }

  // ------------------------------------------------------------------ saving

  get isSaving(): boolean {
    return this.savingCount > 0;
  }

  /**
   * Shows the changes at once, saves them, and takes in the results: saved rows as the server has
   * them, conflicts with the current row and who changed it, failures rolled back with their reason.
   */
  private async save(changes: RelationshipChange[]): Promise<SaveOutcome[]> {
    if (changes.length === 0) return [];
    this.list.applyOptimistic(changes);
    this.savingCount++;
    this.refresh();
    try {
      const response = await saveRelationships({ changes });
      const outcomes = this.list.mergeSaveResults(changes, response.results);
      const saved = outcomes.filter((outcome) => outcome.status === 'saved');
      if (saved.length > 0) {
        this.afterSave(
          'saved',
          saved
            .map((outcome) => this.list.row(outcome.id))
            .filter((row): row is ContactRelationship => row !== undefined),
        );
      }
      return outcomes;
    } catch (error: unknown) {
      const message = this.callFailureText(error);
      const ids = changes.map((change) => change.id);
      this.list.rollback(ids, { status: 'failed', message });
      return ids.map((id) => {
        const row = this.list.row(id);
        return {
          id,
          name: row?.contactName ?? id,
          accountName: row?.accountName ?? '',
          status: 'failed',
          message,
        };
      });
    } finally {
      this.savingCount--;
      this.refresh();
    }
  }

  private callFailureText(error: unknown): string {
    if (isNoApexClassAccess(error, APEX_CLASSES)) return formatLabel(noApexClassAccess, permissionSetUser);
    const messages = reduceErrors(error);
    return messages.length > 0 ? messages.join(' ') : unknownError;
  }

  /** Tells the page (standard related lists included) and our other components what changed. */
  private afterSave(action: 'saved' | 'added' | 'removed', rows: ContactRelationship[]): void {
    this.dispatchEvent(new RefreshEvent());
    const relationshipIds = rows.map((row) => row.id);
    const accountIds = [...new Set(rows.map((row) => row.accountId))];
    const contactIds = [...new Set(rows.map((row) => row.contactId))];
    const recordIds = [...new Set([...relationshipIds, ...accountIds, ...contactIds])];
    notifyRecordUpdateAvailable(recordIds.map((recordId) => ({ recordId }))).catch(() => undefined);
    publish(this.messageContext, RELATIONSHIPS_CHANGED, {
      source: 'relatedContacts',
      recordId: this.recordId ?? null,
      action,
      relationshipIds,
      accountIds,
      contactIds,
    });
  }

  // ------------------------------------------------------------------ inline role edit

  private startEdit(id: string): void {
    const row = this.list.row(id);
    if (!row?.canEdit || !this.canEditRoles) return;
    this.editingId = id;
    Promise.resolve()
      .then(() => {
        this.template?.querySelector<HTMLElement & { focus: () => void }>('c-role-picker')?.focus();
      })
      .catch(() => undefined);
  }

  handleRolesCellDblClick(event: MouseEvent): void {
    const id = (event.currentTarget as HTMLElement).closest<HTMLElement>('[role="row"]')?.dataset.id;
    if (id) this.startEdit(id);
  }

  handleEditClick(event: MouseEvent): void {
    event.stopPropagation();
    const id = (event.currentTarget as HTMLElement).dataset.rowId;
    if (id) {
      this.focus = { row: this.list.indexOf(id) + 1, col: this.columnIndex('roles') };
      this.startEdit(id);
    }
  }

  get editingRow(): ContactRelationship | null {
    return this.editingId ? (this.list.row(this.editingId) ?? null) : null;
  }

  get editorLabel(): string {
    return formatLabel(editRolesTemplate, this.editingRow?.contactName ?? '');
  }

  get editorSelected(): string[] {
    return this.editingRow ? [...this.editingRow.roles] : [];
  }

  /** Under the edited row, in the viewport's scrolling coordinates. */
  get editorStyle(): string {
    const index = this.editingId ? this.list.indexOf(this.editingId) : 0;
    return `top: ${HEADER_HEIGHT + (index + 1) * ROW_HEIGHT}px;`;
  }

  handleEditSave(event: CustomEvent<{ selected: string[] }>): void {
    const row = this.editingRow;
    this.closeEditor();
    if (!row) return;
    const change = roleEditChange(row, event.detail.selected);
    if (change) this.save([change]).catch(() => undefined);
  }

  handleEditCancel(): void {
    this.closeEditor();
  }

  handleEditorKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closeEditor();
    }
  }

  private closeEditor(): void {
    this.editingId = null;
    this.pendingFocus = true;
    this.refresh();
  }

  // ------------------------------------------------------------------ row actions

  private rowMenuItems(row: ContactRelationship): MenuItem[] {
    const items: MenuItem[] = [];
    if (this.canEndOrReactivate) {
      if (row.isActive) items.push(this.menuItem('end', actionEnd, '', false));
      if (!row.isActive || row.endDate != null)
        items.push(this.menuItem('reactivate', actionReactivate, '', false));
    }
    if (this.context?.access.canDelete) {
      items.push(
        row.isDirect
          ? this.menuItem('remove', actionRemove, directNotRemovable, true)
          : this.menuItem('remove', actionRemove, '', false),
      );
    }
    return items;
  }

  private menuItem(key: string, label: string, description: string, disabled: boolean): MenuItem {
    return { key, label, description, disabled, ariaDisabled: String(disabled), tabIndex: '-1' };
  }

  get menuItems(): MenuItem[] {
    const row = this.menuRowId ? this.list.row(this.menuRowId) : undefined;
    if (!row) return [];
    return this.rowMenuItems(row).map((item, index) => ({
      ...item,
      tabIndex: index === this.menuIndex ? '0' : '-1',
    }));
  }

  get menuLabel(): string {
    const row = this.menuRowId ? this.list.row(this.menuRowId) : undefined;
    return formatLabel(rowActionsTemplate, row?.contactName ?? '');
  }

  get menuStyle(): string {
    const index = this.menuRowId ? this.list.indexOf(this.menuRowId) : 0;
    return `top: ${HEADER_HEIGHT + (index + 1) * ROW_HEIGHT}px;`;
  }

  handleActionsClick(event: MouseEvent): void {
    event.stopPropagation();
    const id = (event.currentTarget as HTMLElement).dataset.rowId;
    if (id) {
      this.focus = { row: this.list.indexOf(id) + 1, col: this.columnIndex('actions') };
      this.openMenu(id);
    }
  }

  private openMenu(id: string): void {
    const row = this.list.row(id);
    if (!row?.canEdit || this.rowMenuItems(row).length === 0) return;
    this.menuRowId = id;
    this.menuIndex = 0;
    this.focusMenuItem();
  }

  private focusMenuItem(): void {
    Promise.resolve()
      .then(() => {
        this.template?.querySelectorAll<HTMLElement>('[role="menuitem"]')[this.menuIndex]?.focus();
      })
      .catch(() => undefined);
  }

  private closeMenu(): void {
    this.menuRowId = null;
    this.pendingFocus = true;
    this.refresh();
  }

  handleMenuKeyDown(event: KeyboardEvent): void {
    const count = this.menuItems.length;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        this.menuIndex = (this.menuIndex + 1) % count;
        this.focusMenuItem();
        break;
      case 'ArrowUp':
        this.menuIndex = (this.menuIndex - 1 + count) % count;
        this.focusMenuItem();
        break;
      case 'Escape':
      case 'Tab':
        this.closeMenu();
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  handleMenuSelect(event: MouseEvent): void {
    event.stopPropagation();
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const row = this.menuRowId ? this.list.row(this.menuRowId) : undefined;
    const item = row ? this.rowMenuItems(row).find((candidate) => candidate.key === key) : undefined;
    if (!row || !item || item.disabled) return;
    this.closeMenu();
    if (key === 'remove') {
      this.pendingRemoveId = row.id;
      Promise.resolve()
        .then(() => {
          this.template
            ?.querySelector<HTMLElement & { open: () => void }>('c-relationship-remove-dialog')
            ?.open();
        })
        .catch(() => undefined);
      return;
    }
    const action: BulkAction =
      key === 'end' ? { type: 'end', today: this.context?.today ?? '' } : { type: 'reactivate' };
    const change = actionChange(row, action);
    if (change) this.save([change]).catch(() => undefined);
  }

  get removeMessage(): string {
    const row = this.pendingRemoveId ? this.list.row(this.pendingRemoveId) : undefined;
    return formatLabel(removeMessageTemplate, row?.contactName ?? '', row?.accountName ?? '');
  }

  handleRemoveConfirm(): void {
    const id = this.pendingRemoveId;
    this.pendingRemoveId = null;
    const row = id ? this.list.row(id) : undefined;
    if (row) this.remove(row).catch(() => undefined);
  }

  handleRemoveCancel(): void {
    this.pendingRemoveId = null;
    this.pendingFocus = true;
  }

  private async remove(row: ContactRelationship): Promise<void> {
    this.savingCount++;
    try {
      const result = await removeRelationship({
        relationshipId: row.id,
        lastModifiedDate: row.lastModifiedDate,
      });
      if (result.status === 'removed') {
        this.selectedIds = this.selectedIds.filter((id) => id !== row.id);
        this.list.removeRow(row.id);
        this.afterSave('removed', [row]);
      } else {
        if (result.status === 'conflict' && result.row) this.list.replaceRow(result.row);
        this.list.setRowError(row.id, {
          status: result.status,
          message:
            result.status === 'directNotRemovable'
              ? (result.message ?? directNotRemovable)
              : (result.message ?? null),
          modifiedByName: result.row?.lastModifiedByName ?? null,
          modifiedAt: result.row?.lastModifiedDate ?? null,
        });
      }
    } catch (error: unknown) {
      this.list.setRowError(row.id, {
        status: 'failed',
        message: this.callFailureText(error),
        modifiedByName: null,
        modifiedAt: null,
      });
    } finally {
      this.savingCount--;
      this.refresh();
    }
  }

  // ------------------------------------------------------------------ navigation

  handleLinkClick(event: MouseEvent): void {
    event.preventDefault();
    event.stopPropagation();
    const target = event.currentTarget as HTMLElement;
    const id = target.dataset.recordId;
    const objectApiName = target.dataset.object === 'Account' ? 'Account' : 'Contact';
    if (id) this.navigateTo(id, objectApiName);
  }

  private navigateTo(recordId: string, objectApiName: 'Account' | 'Contact'): void {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName, actionName: 'view' },
    });
  }
}
