/**
 * Account Hierarchy: the whole hierarchy around an account, as a virtualised WAI-ARIA treegrid.
 * It loads progressively (the top first, then breadth-first pages of children) and stays usable
 * while pages arrive; only the rows in view are in the DOM, so cost does not grow with size.
 *
 * All tree logic (paging state, flattening, search, roll-ups, CSV) lives in `c/hierarchyModel`;
 * this component fetches, renders the visible window and handles keyboard and pointer input.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import findTop from '@salesforce/apex/AccountHierarchyController.findTop';
import loadChildren from '@salesforce/apex/AccountHierarchyController.loadChildren';
import locale from '@salesforce/i18n/locale';
import currencyCode from '@salesforce/i18n/currency';
import { formatLabel, invalidParameterName, isNoApexClassAccess, reduceErrors } from 'c/ldsUtils';
import { HierarchyLoader, HierarchyTree, isRollable } from 'c/hierarchyModel';
import type { VisibleRow } from 'c/hierarchyModel';
import type {
  DroppedColumn,
  DroppedColumnReason,
  HierarchyCellValue,
  HierarchyColumn,
  HierarchyRow,
} from '@contract';
import { elidePath, indentRem, showsLevel } from './rowDepth';

import title from '@salesforce/label/c.AR_Hierarchy_Title';
import gridLabelTemplate from '@salesforce/label/c.AR_Hierarchy_GridLabel';
import accountName from '@salesforce/label/c.AR_Hierarchy_AccountName';
import levelHeader from '@salesforce/label/c.AR_Hierarchy_Level';
import loadingTop from '@salesforce/label/c.AR_Hierarchy_LoadingTop';
import loadingProgress from '@salesforce/label/c.AR_Hierarchy_LoadingProgress';
import loadedCount from '@salesforce/label/c.AR_Hierarchy_LoadedCount';
import searchLabel from '@salesforce/label/c.AR_Hierarchy_SearchLabel';
import searchPlaceholder from '@salesforce/label/c.AR_Hierarchy_SearchPlaceholder';
import matchPositionTemplate from '@salesforce/label/c.AR_Hierarchy_MatchPosition';
import noMatches from '@salesforce/label/c.AR_Hierarchy_NoMatches';
import nextMatch from '@salesforce/label/c.AR_Hierarchy_NextMatch';
import previousMatch from '@salesforce/label/c.AR_Hierarchy_PreviousMatch';
import expandAll from '@salesforce/label/c.AR_Hierarchy_ExpandAll';
import collapseAll from '@salesforce/label/c.AR_Hierarchy_CollapseAll';
import expandToLevel from '@salesforce/label/c.AR_Hierarchy_ExpandToLevel';
import levelN from '@salesforce/label/c.AR_Hierarchy_LevelN';
import exportCsv from '@salesforce/label/c.AR_Hierarchy_Export';
import exportAll from '@salesforce/label/c.AR_Hierarchy_ExportAll';
import exportBranch from '@salesforce/label/c.AR_Hierarchy_ExportBranch';
import rollupHeader from '@salesforce/label/c.AR_Hierarchy_RollupHeader';
import rollupPrefix from '@salesforce/label/c.AR_Hierarchy_RollupPrefix';
import expandRow from '@salesforce/label/c.AR_Hierarchy_Expand';
import collapseRow from '@salesforce/label/c.AR_Hierarchy_Collapse';
import currentAccount from '@salesforce/label/c.AR_Hierarchy_CurrentAccount';
import droppedColumnsTemplate from '@salesforce/label/c.AR_Hierarchy_DroppedColumns';
import droppedUnknownField from '@salesforce/label/c.AR_Hierarchy_DroppedUnknownField';
import droppedNotReadable from '@salesforce/label/c.AR_Hierarchy_DroppedNotReadable';
import droppedUnsupportedType from '@salesforce/label/c.AR_Hierarchy_DroppedUnsupportedType';
import droppedTooDeep from '@salesforce/label/c.AR_Hierarchy_DroppedTooDeep';
import droppedTooManyRelationships from '@salesforce/label/c.AR_Hierarchy_DroppedTooManyRelationships';
import loadFailed from '@salesforce/label/c.AR_Hierarchy_LoadFailed';
import retry from '@salesforce/label/c.AR_Hierarchy_Retry';
import yes from '@salesforce/label/c.AR_Hierarchy_Yes';
import no from '@salesforce/label/c.AR_Hierarchy_No';
import unknownError from '@salesforce/label/c.AR_Error_Unknown';
import invalidRecordId from '@salesforce/label/c.AR_Error_InvalidRecordId';
import noApexClassAccess from '@salesforce/label/c.AR_Error_NoApexClassAccess';
import permissionSetUser from '@salesforce/label/c.AR_PermissionSet_AccountRelationships_User';
import levelMarker from '@salesforce/label/c.AR_Hierarchy_LevelMarker';
import levelPath from '@salesforce/label/c.AR_Hierarchy_LevelPath';

const DEFAULT_COLUMNS = 'Type, Industry, BillingCity, Owner.Name, AnnualRevenue, NumberOfEmployees';
const DEFAULT_PAGE_SIZE = 5000;
/** The server's most rows per call; a page usually ends sooner, when a quarter of the server's limits is spent. */
const MAX_PAGE_SIZE = 10_000;
/** The server's most parents per call. */
const PARENT_BATCH_SIZE = 2000;
/** Levels per request: as many as SOQL reaches in one query. */
const LEVELS_PER_REQUEST = 5;
const DEFAULT_HEIGHT = 480;
const DEFAULT_INITIAL_DEPTH = 2;
const ROW_HEIGHT = 36;
const ROW_HEIGHT_WITH_ROLLUPS = 48;
/** Rows rendered above and below the viewport, so fast scrolling shows no blank band. */
const OVERSCAN = 4;
const MAX_LEVEL_OPTIONS = 10;
/** The hidden element that describes the focused deep row (its level and path) to screen readers. */
const ROW_PATH_ID = 'row-path';
/** Path texts kept for rows already rendered; a path never changes once its row is loaded. */
const MAX_CACHED_PATHS = 2000;
const NUMERIC_TYPES = new Set(['number', 'currency', 'percent']);

const DROPPED_REASON_LABEL: Record<DroppedColumnReason, string> = {
  unknownField: droppedUnknownField,
  notReadable: droppedNotReadable,
  unsupportedType: droppedUnsupportedType,
  tooDeep: droppedTooDeep,
  tooManyRelationships: droppedTooManyRelationships,
};

interface TreeSnapshot {
  size: number;
  depth: number;
  visibleCount: number;
}

const EMPTY_SNAPSHOT: TreeSnapshot = { size: 0, depth: 0, visibleCount: 0 };

/** A positive number from an App Builder property, or the default. */
function positive(value: unknown, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

/**
 * What the alert says after a failed load, and whether trying again may help. Messages: the load-failed
 * message, then what the error says (or that the error is unknown), each message once. An error may repeat
 * the load-failed message (the component throws it itself when the parents loop), and the template keys the
 * paragraphs by their text.
 */
function describeFailure(error: unknown): { messages: string[]; canRetry: boolean } {
  if (isNoApexClassAccess(error, ['AccountHierarchyController'])) {
    // No permission set of the user opens the controller: every call fails until one does.
    return { messages: [formatLabel(noApexClassAccess, permissionSetUser)], canRetry: true };
  }
  if (invalidParameterName(error) === 'recordId') {
    // The platform's own text is untranslated and names no record; the Id stays wrong, so no retry.
    return { messages: [invalidRecordId], canRetry: false };
  }
  const messages = reduceErrors(error);
  return {
    messages: [...new Set([loadFailed, ...(messages.length > 0 ? messages : [unknownError])])],
    canRetry: true,
  };
}

interface CellView {
  key: string;
  className: string;
  text: string;
  rollupText: string;
  rollupTitle: string;
}

interface RowView {
  id: string;
  name: string;
  url: string;
  rowIndex: number;
  level: number;
  ariaExpanded: string | null;
  ariaSelected: string;
  setSize: number;
  posInSet: number;
  tabIndex: string;
  className: string;
  style: string;
  indentStyle: string;
  hasChildren: boolean;
  toggleClass: string;
  toggleTitle: string;
  isCurrent: boolean;
  /** Rows deeper than the indentation shows: "L17", and the path as the name's title. */
  showsLevel: boolean;
  levelMarker: string;
  nameTitle: string;
  /** The focused deep row points at the hidden text with its path. */
  describedBy: string | null;
  cells: CellView[];
}

export default class AccountHierarchy extends NavigationMixin(LightningElement) {
  @api recordId?: string;
  /** Account field API names, comma-separated (App Builder property). */
  @api columns: string = DEFAULT_COLUMNS;
  @api pageSize: number = DEFAULT_PAGE_SIZE;
  /** Totals under numbers are on unless turned off (a getter: LWC public boolean fields must default to false). */
  @api
  get showRollups(): boolean {
    return this.rollupsShown;
  }
  set showRollups(value: boolean) {
    this.rollupsShown = value;
  }
  private rollupsShown = true;
  @api initialDepth: number = DEFAULT_INITIAL_DEPTH;
  @api height: number = DEFAULT_HEIGHT;

  labels = {
    title,
    accountName,
    searchLabel,
    searchPlaceholder,
    nextMatch,
    previousMatch,
    expandAll,
    collapseAll,
    expandToLevel,
    exportCsv,
    exportAll,
    exportBranch,
    currentAccount,
    retry,
  };

  /**
   * What the template shows of the tree, replaced (never mutated) after every change: the tree
   * itself is not reactive, so assigning a new snapshot is what re-renders the component.
   */
  view: TreeSnapshot = EMPTY_SNAPSHOT;
  searchQuery = '';
  selectedLevel: string | null = null;
  errorMessages: string[] = [];
  /** Whether trying again may help: not for a record Id the platform refuses, which stays wrong. */
  canRetry = true;
  isLoading = false;
  topName = '';
  resolvedColumns: HierarchyColumn[] = [];
  droppedColumns: DroppedColumn[] = [];
  /**
   * Index of the row at the top of the viewport. Rendering reads this, not the scroll offset, so
   * scrolling within a row re-renders nothing.
   */
  topRow = 0;
  private scrollTop = 0;
  /**
   * Where scrollToRow wants the viewport, applied once the rows are rendered: set before, it would be
   * clamped to the old height (say, a search match in a branch that is just being expanded).
   */
  private pendingScrollTop: number | null = null;
  /** The viewport's scroll offset as last set or reported; setting the same again would cost a layout. */
  private viewportScrollTop = 0;
  focusedId: string | null = null;

  private tree?: HierarchyTree;
  private loader?: HierarchyLoader;
  private matches: string[] = [];
  private activeMatch = -1;
  private foundTop = false;
  private nextStartId: string | null = null;
  /** The rows `findTop` brought of the path from the current account up, until the top is reached. */
  private readonly pathRows = new Map<string, HierarchyRow>();
  /** The path's ids from the current account up, in walk order (each once). */
  private readonly pathIds: string[] = [];
  private pendingFocus = false;
  private numberFormat = new Intl.NumberFormat(locale);
  private currencyFormat = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currencyCode || 'USD',
    maximumFractionDigits: 0,
  });
  private percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  private dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  private dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  override connectedCallback(): void {
    this.load().catch(() => undefined);
  }

  override renderedCallback(): void {
    const scrollTop = this.pendingScrollTop;
    if (scrollTop !== null && scrollTop !== this.viewportScrollTop) {
      const viewport = this.template?.querySelector<HTMLElement>('[data-id="viewport"]');
      if (viewport) {
        viewport.scrollTop = scrollTop;
        // What the browser applied: it clamps to the scrollable height.
        this.viewportScrollTop = viewport.scrollTop;
      }
    }
    this.pendingScrollTop = null;
    if (this.pendingFocus && this.focusedId) {
      const row = this.template?.querySelector<HTMLElement>(`[role="row"][data-id="${this.focusedId}"]`);
      if (row) {
        this.pendingFocus = false;
        row.focus();
      }
    }
  }

  // ------------------------------------------------------------------ loading

  private get columnList(): string[] {
    return (this.columns || DEFAULT_COLUMNS)
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
  }

  private get effectivePageSize(): number {
    const size = positive(this.pageSize, DEFAULT_PAGE_SIZE);
    return Math.min(MAX_PAGE_SIZE, Math.max(100, size));
  }

  /** Finds the top, then loads pages until the whole hierarchy is in; resumable after a failure. */
  private async load(): Promise<void> {
    if (!this.recordId || this.isLoading) {
      return;
    }
    this.isLoading = true;
    this.errorMessages = [];
    try {
      await this.loadTop(this.recordId);
      await this.loadRemainingPages();
    } catch (error: unknown) {
      ({ messages: this.errorMessages, canRetry: this.canRetry } = describeFailure(error));
    } finally {
      this.isLoading = false;
    }
  }

  private async loadTop(recordId: string): Promise<void> {
    // Each call walks up to ~95 levels and brings the rows of the accounts it walked through; a
    // later call restarts from the last account reached. An account coming back from an earlier
    // call means a parent loop longer than one call: stop.
    const seen = new Set<string>();
    while (!this.foundTop) {
      // eslint-disable-next-line no-await-in-loop -- each call continues where the previous stopped
      const result = await findTop({ recordId, columns: this.columnList, startFromId: this.nextStartId });
      this.applyColumns(result.columns, result.droppedColumns);
      for (const row of result.rows) {
        this.pathRows.set(row.id, row);
      }
      for (const id of result.ancestorIds) {
        if (this.pathIds[this.pathIds.length - 1] !== id) {
          this.pathIds.push(id);
        }
      }
      if (!result.topReached) {
        // A null nextStartId may arrive as a missing property: `== null` covers both.
        const next = result.nextStartId;
        if (next == null || seen.has(next)) {
          // Nothing to add to the load-failed message, which describeFailure puts first anyway.
          throw new Error(loadFailed);
        }
        result.ancestorIds.forEach((id) => seen.add(id));
        this.nextStartId = next;
        continue;
      }
      const top = result.topAccountId == null ? undefined : this.pathRows.get(result.topAccountId);
      if (!top) {
        throw new Error(unknownError);
      }
      this.foundTop = true;
      this.topName = top.name;
      this.tree = new HierarchyTree(this.resolvedColumns, {
        currentId: recordId,
        topId: top.id,
        locale,
        visibleLevels: positive(this.initialDepth, DEFAULT_INITIAL_DEPTH),
      });
      // The whole path at once, the top's row first: the current account shows before anything else loads.
      this.tree.addRows([top, ...this.pathRows.values()]);
      this.loader = new HierarchyLoader({
        pageSize: this.effectivePageSize,
        parentBatchSize: PARENT_BATCH_SIZE,
        levels: LEVELS_PER_REQUEST,
      });
      // From the top down to the current account: their other children come first. An account
      // whose row did not come (deleted meanwhile) is left for the load to find, or not.
      this.loader.start(
        top,
        [...this.pathIds].reverse().filter((id) => this.pathRows.has(id)),
      );
      this.pathRows.clear();
      this.revealCurrentAccount();
      this.treeChanged();
    }
  }

  private async loadRemainingPages(): Promise<void> {
    const { tree, loader } = this;
    if (!tree || !loader) {
      return;
    }
    let request = loader.nextRequest();
    while (request) {
      // eslint-disable-next-line no-await-in-loop -- pages are breadth-first: each depends on the last
      const page = await loadChildren({
        parentIds: request.parentIds,
        afterId: request.afterId,
        columns: this.columnList,
        pageSize: request.pageSize,
        levels: request.levels,
      });
      const accepted = loader.accept(page);
      tree.addRows(accepted.rows);
      tree.markChildrenComplete(accepted.completedParentIds);
      this.revealCurrentAccount();
      this.keepCurrentInPlace();
      this.treeChanged();
      request = loader.nextRequest();
    }
    this.prepareSearchWhenIdle(tree);
  }

  /**
   * Once everything is loaded, puts the tree in order for search in idle time, so that the first
   * search is as fast as the next ones (see HierarchyTree.prepareSearch).
   */
  private prepareSearchWhenIdle(tree: HierarchyTree): void {
    if (typeof requestIdleCallback !== 'function') {
      return; // The first search does it instead.
    }
    requestIdleCallback(() => {
      if (tree === this.tree) {
        tree.prepareSearch();
      }
    });
  }

  private currentRevealed = false;

  /** Once the current account's row arrives: open the path to it, focus it and scroll it into view. */
  private revealCurrentAccount(): void {
    const tree = this.tree;
    if (this.currentRevealed || !tree || !this.recordId || !tree.has(this.recordId)) {
      return;
    }
    tree.expandPathTo(this.recordId);
    this.focusedId = this.recordId;
    this.scrollToRow(this.recordId);
    this.currentRevealed = true;
    this.followCurrent = true;
    this.currentOffset = tree.indexOfVisible(this.recordId) * this.rowHeight - this.scrollTop;
  }

  /**
   * The current account shows first and the rest loads around it: siblings sorted before it arrive
   * above it. Until the user scrolls or moves, keep its row where it was shown.
   */
  private followCurrent = false;
  /** The current account's row top, relative to the viewport's, when it was shown. */
  private currentOffset = 0;

  private keepCurrentInPlace(): void {
    const tree = this.tree;
    if (!this.followCurrent || !tree || !this.recordId) {
      return;
    }
    const index = tree.indexOfVisible(this.recordId);
    if (index < 0) {
      return;
    }
    const scrollTop = Math.max(0, index * this.rowHeight - this.currentOffset);
    if (scrollTop !== this.scrollTop) {
      this.setScrollTop(scrollTop);
      this.pendingScrollTop = scrollTop;
    }
  }

  private applyColumns(columns: HierarchyColumn[], dropped: DroppedColumn[]): void {
    this.resolvedColumns = columns;
    this.droppedColumns = dropped;
  }

  /** Takes a new snapshot of the tree for the template. */
  private refreshView(): void {
    const tree = this.tree;
    this.view = tree
      ? { size: tree.size, depth: tree.depth, visibleCount: tree.visibleCount }
      : EMPTY_SNAPSHOT;
  }

  private treeChanged(): void {
    this.refreshView();
    if (this.searchQuery) {
      this.runSearch(false);
    }
  }

  // ------------------------------------------------------------------ view state

  get gridLabel(): string {
    return formatLabel(gridLabelTemplate, this.topName);
  }

  get isLoadingText(): string {
    return this.isLoading ? 'true' : 'false';
  }

  get isTreeEmpty(): boolean {
    return !this.tree;
  }

  get isSearchDisabled(): boolean {
    return !this.tree;
  }

  get hasNoMatches(): boolean {
    return this.matches.length === 0;
  }

  get hasNoFocusedRow(): boolean {
    return !this.focusedId;
  }

  get progressText(): string {
    if (!this.tree) {
      return this.isLoading ? loadingTop : '';
    }
    const count = this.numberFormat.format(this.view.size);
    return this.isLoading ? formatLabel(loadingProgress, count) : formatLabel(loadedCount, count);
  }

  get droppedColumnsText(): string {
    if (this.droppedColumns.length === 0) {
      return '';
    }
    const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const names = list.format(
      this.droppedColumns.map((d) => formatLabel(DROPPED_REASON_LABEL[d.reason], d.fieldPath)),
    );
    return formatLabel(droppedColumnsTemplate, names);
  }

  get matchPosition(): string {
    if (!this.searchQuery) {
      return '';
    }
    if (this.matches.length === 0) {
      return noMatches;
    }
    return formatLabel(matchPositionTemplate, this.activeMatch + 1, this.matches.length);
  }

  get levelOptions(): { label: string; value: string }[] {
    const depth = Math.min(MAX_LEVEL_OPTIONS, Math.max(1, this.view.depth));
    return Array.from({ length: depth }, (_, i) => ({
      label: formatLabel(levelN, i + 1),
      value: String(i + 1),
    }));
  }

  get rowHeight(): number {
    return this.rollupsShown && this.resolvedColumns.some(isRollable) ? ROW_HEIGHT_WITH_ROLLUPS : ROW_HEIGHT;
  }

  private get viewportHeight(): number {
    return positive(this.height, DEFAULT_HEIGHT);
  }

  get viewportStyle(): string {
    return `height: ${this.viewportHeight}px;`;
  }

  get gridStyle(): string {
    const columns = ['minmax(16rem, 2fr)', ...this.resolvedColumns.map(() => 'minmax(8rem, 1fr)')].join(' ');
    return `--hierarchy-columns: ${columns}; --hierarchy-row-height: ${this.rowHeight}px;`;
  }

  get bodyStyle(): string {
    return `height: ${this.view.visibleCount * this.rowHeight}px;`;
  }

  get gridRowCount(): number {
    return this.view.visibleCount + 1;
  }

  get gridColCount(): number {
    return this.resolvedColumns.length + 1;
  }

  get columnHeaders(): { key: string; label: string; className: string }[] {
    return this.resolvedColumns.map((column) => ({
      key: column.fieldPath,
      label: column.label,
      className: NUMERIC_TYPES.has(column.type) ? 'cell numeric' : 'cell',
    }));
  }

  /** The rows in (and just around) the viewport: the only rows in the DOM. */
  get renderedRows(): RowView[] {
    const tree = this.tree;
    if (!tree) {
      return [];
    }
    const height = this.viewportHeight;
    const rowHeight = this.rowHeight;
    const first = Math.max(0, this.topRow - OVERSCAN);
    const last = Math.min(this.view.visibleCount, this.topRow + Math.ceil(height / rowHeight) + 1 + OVERSCAN);
    const activeMatchId = this.matches[this.activeMatch];
    const matchSet = this.matchSet;
    return tree
      .visibleRows(first, last)
      .map((row, offset) =>
        this.rowView(row, first + offset, rowHeight, matchSet.has(row.id), row.id === activeMatchId),
      );
  }

  private matchSetCache: { source: string[]; set: Set<string> } = { source: [], set: new Set() };

  private get matchSet(): Set<string> {
    if (this.matchSetCache.source !== this.matches) {
      this.matchSetCache = { source: this.matches, set: new Set(this.matches) };
    }
    return this.matchSetCache.set;
  }

  private rowView(
    row: VisibleRow,
    index: number,
    rowHeight: number,
    isMatch: boolean,
    isActive: boolean,
  ): RowView {
    const isFocused = row.id === this.focusedId || (!this.focusedId && index === 0);
    const classes = ['row', 'data-row'];
    if (row.isCurrent) classes.push('is-current');
    if (isMatch) classes.push('is-match');
    if (isActive) classes.push('is-active-match');
    if (row.id === this.focusedId) classes.push('is-selected');
    const toggleLabel = row.expanded ? collapseRow : expandRow;
    const deep = showsLevel(row.level);
    return {
      id: row.id,
      name: row.name,
      url: `/lightning/r/Account/${row.id}/view`,
      rowIndex: index + 2,
      level: row.level,
      ariaExpanded: row.hasChildren ? String(row.expanded) : null,
      ariaSelected: String(row.id === this.focusedId),
      setSize: row.setSize,
      posInSet: row.posInSet,
      tabIndex: isFocused ? '0' : '-1',
      className: classes.join(' '),
      style: `transform: translateY(${index * rowHeight}px);`,
      indentStyle: `width: ${indentRem(row.level)}rem;`,
      hasChildren: row.hasChildren,
      toggleClass: row.hasChildren
        ? `toggle ${row.expanded ? 'toggle-open' : 'toggle-closed'}`
        : 'toggle toggle-leaf',
      toggleTitle: row.hasChildren ? formatLabel(toggleLabel, row.name) : '',
      isCurrent: row.isCurrent,
      showsLevel: deep,
      levelMarker: deep ? formatLabel(levelMarker, row.level) : '',
      nameTitle: deep ? this.pathText(row.id, row.level) : row.name,
      describedBy: deep && row.id === this.focusedId ? ROW_PATH_ID : null,
      cells: this.resolvedColumns.map((column) => this.cellView(row, column)),
    };
  }

  private pathCache = new Map<string, string>();

  /**
   * "Level 17: Get Cloudy Consulting › East › … › Boston": walking up is proportional to the depth,
   * so each row's text is made once, when the row is first rendered deep, and kept.
   */
  private pathText(id: string, level: number): string {
    let text = this.pathCache.get(id);
    if (text === undefined) {
      const tree = this.tree;
      const names = tree ? tree.path(id).map((pathId) => tree.name(pathId) ?? '') : [];
      text = formatLabel(levelPath, level, elidePath(names));
      if (this.pathCache.size >= MAX_CACHED_PATHS) {
        this.pathCache.clear();
      }
      this.pathCache.set(id, text);
    }
    return text;
  }

  /** The focused row's level and path for screen readers (rows already have aria-level). */
  get focusedRowPath(): string {
    const tree = this.tree;
    const id = this.focusedId;
    // Reading the snapshot makes the text follow the tree, which itself is not reactive.
    if (!tree || !id || this.view.size === 0) {
      return '';
    }
    const level = tree.level(id);
    return showsLevel(level) ? this.pathText(id, level) : '';
  }

  private cellView(row: VisibleRow, column: HierarchyColumn): CellView {
    const numeric = NUMERIC_TYPES.has(column.type);
    let rollupText = '';
    if (this.rollupsShown && row.hasChildren && isRollable(column)) {
      const total = this.tree?.rollup(row.id, column.fieldPath) ?? null;
      if (total !== null) {
        rollupText = `${rollupPrefix} ${this.formatValue(total, column)}`;
      }
    }
    return {
      key: column.fieldPath,
      className: numeric ? 'cell numeric' : 'cell',
      text: this.formatValue(row.values[column.fieldPath] ?? null, column),
      rollupText,
      rollupTitle: rollupText ? formatLabel(rollupHeader, column.label) : '',
    };
  }

  private formatValue(value: HierarchyCellValue, column: HierarchyColumn): string {
    if (value === null || value === '') {
      return '';
    }
    switch (column.type) {
      case 'currency':
        return typeof value === 'number' ? this.currencyFormat.format(value) : String(value);
      case 'number':
        return typeof value === 'number' ? this.numberFormat.format(value) : String(value);
      case 'percent':
        return typeof value === 'number' ? this.percentFormat.format(value / 100) : String(value);
      case 'date':
        return typeof value === 'string' ? this.dateFormat.format(new Date(value)) : String(value);
      case 'datetime':
        return typeof value === 'string' ? this.dateTimeFormat.format(new Date(value)) : String(value);
      case 'boolean':
        return value === true ? yes : no;
      default:
        return String(value);
    }
  }

  // ------------------------------------------------------------------ scrolling and focus

  handleScroll(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    this.viewportScrollTop = target.scrollTop;
    this.setScrollTop(target.scrollTop);
  }

  /**
   * The user means to scroll (wheel, touch, a press on the scrollbar or a row): from now on leave the
   * viewport where they put it. Scroll events alone cannot tell: the component's own scrolling, and the
   * browser clamping it while rows arrive, fire them too.
   */
  handleScrollIntent(): void {
    this.followCurrent = false;
  }

  private setScrollTop(scrollTop: number): void {
    this.scrollTop = scrollTop;
    this.topRow = Math.floor(scrollTop / this.rowHeight);
  }

  /**
   * Scrolls so the row is in view (centred when it was far away) at the next render; every caller
   * takes a new snapshot of the tree (refreshView), which renders.
   */
  private scrollToRow(id: string): void {
    const tree = this.tree;
    if (!tree) {
      return;
    }
    const index = tree.indexOfVisible(id);
    if (index < 0) {
      return;
    }
    const height = this.viewportHeight;
    const top = index * this.rowHeight;
    const headerHeight = 32;
    let scrollTop = this.scrollTop;
    if (top < scrollTop) {
      scrollTop = top;
    } else if (top + this.rowHeight > scrollTop + height - headerHeight) {
      scrollTop = top + this.rowHeight - (height - headerHeight);
    }
    if (Math.abs(scrollTop - this.scrollTop) > height * 2) {
      scrollTop = Math.max(0, top - height / 2);
    }
    this.setScrollTop(scrollTop);
    this.pendingScrollTop = scrollTop;
  }

  private focusRow(id: string | null): void {
    if (!id) {
      return;
    }
    this.focusedId = id;
    this.pendingFocus = true;
    this.scrollToRow(id);
    this.refreshView();
  }

  // ------------------------------------------------------------------ keyboard (APG treegrid, row focus)

  handleGridKeyDown(event: KeyboardEvent): void {
    this.followCurrent = false;
    const tree = this.tree;
    const id = this.focusedId ?? tree?.visibleRows(0, 1)[0]?.id ?? null;
    if (!tree || !id) {
      return;
    }
    const index = tree.indexOfVisible(id);
    const pageRows = Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
    const at = (i: number): string | null =>
      tree.visibleRows(
        Math.min(Math.max(i, 0), tree.visibleCount - 1),
        Math.min(Math.max(i, 0), tree.visibleCount - 1) + 1,
      )[0]?.id ?? null;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        this.focusRow(at(index + 1));
        break;
      case 'ArrowUp':
        this.focusRow(at(index - 1));
        break;
      case 'PageDown':
        this.focusRow(at(index + pageRows));
        break;
      case 'PageUp':
        this.focusRow(at(index - pageRows));
        break;
      case 'Home':
        this.focusRow(at(0));
        break;
      case 'End':
        this.focusRow(at(tree.visibleCount - 1));
        break;
      case 'ArrowRight':
        if (this.canExpand(id) && !tree.isExpanded(id)) {
          tree.expand(id);
          this.focusRow(id);
        } else if (tree.isExpanded(id)) {
          this.focusRow(tree.firstChildId(id));
        }
        break;
      case 'ArrowLeft':
        if (tree.isExpanded(id)) {
          tree.collapse(id);
          this.focusRow(id);
        } else {
          this.focusRow(tree.parentId(id));
        }
        break;
      case 'Enter':
        this.navigateToAccount(id);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  /** Whether the row has an expander: children loaded, or possibly still to come. */
  private canExpand(id: string): boolean {
    return (this.tree?.hasChildren(id) ?? false) || (this.tree?.childrenMaybePending(id) ?? false);
  }

  // ------------------------------------------------------------------ pointer

  handleRowClick(event: MouseEvent): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (id) {
      this.focusedId = id;
      this.pendingFocus = true;
      this.refreshView();
    }
  }

  handleToggleClick(event: MouseEvent): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (id && this.canExpand(id)) {
      event.stopPropagation();
      this.tree?.toggle(id);
      this.focusRow(id);
    }
  }

  handleNameClick(event: MouseEvent): void {
    event.preventDefault();
    event.stopPropagation();
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (id) {
      this.navigateToAccount(id);
    }
  }

  private navigateToAccount(id: string): void {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: id, objectApiName: 'Account', actionName: 'view' },
    });
  }

  // ------------------------------------------------------------------ toolbar

  handleExpandAll(): void {
    this.tree?.expandAll();
    this.afterStructureChange();
  }

  handleCollapseAll(): void {
    this.tree?.collapseAll();
    this.afterStructureChange();
  }

  handleLevelChange(event: CustomEvent<{ value: string }>): void {
    this.selectedLevel = event.detail.value;
    this.tree?.expandToLevel(Number(event.detail.value));
    this.afterStructureChange();
  }

  private afterStructureChange(): void {
    this.refreshView();
    const tree = this.tree;
    if (tree && this.focusedId && tree.indexOfVisible(this.focusedId) < 0) {
      this.focusedId = null;
    }
    if (this.focusedId) {
      this.scrollToRow(this.focusedId);
    }
  }

  handleSearchChange(event: CustomEvent<{ value: string }>): void {
    this.followCurrent = false;
    this.searchQuery = event.detail.value;
    this.runSearch(true);
  }

  handleSearchKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) {
        this.handlePreviousMatch();
      } else {
        this.handleNextMatch();
      }
    }
  }

  private runSearch(resetPosition: boolean): void {
    const tree = this.tree;
    const query = this.searchQuery.trim();
    this.matches = tree && query ? tree.search(query) : [];
    if (resetPosition || this.activeMatch >= this.matches.length) {
      this.activeMatch = this.matches.length > 0 ? 0 : -1;
      this.showActiveMatch();
    }
    this.refreshView();
  }

  handleNextMatch(): void {
    this.stepMatch(1);
  }

  handlePreviousMatch(): void {
    this.stepMatch(-1);
  }

  private stepMatch(step: number): void {
    if (this.matches.length === 0) {
      return;
    }
    this.activeMatch = (this.activeMatch + step + this.matches.length) % this.matches.length;
    this.showActiveMatch();
    this.refreshView();
  }

  private showActiveMatch(): void {
    const id = this.matches[this.activeMatch];
    if (id && this.tree) {
      this.tree.expandPathTo(id);
      this.focusedId = id;
      this.scrollToRow(id);
    }
  }

  handleExport(event: CustomEvent<{ value: string }>): void {
    const tree = this.tree;
    if (!tree) {
      return;
    }
    const rootId = event.detail.value === 'branch' ? (this.focusedId ?? undefined) : undefined;
    const csv = tree.toCsv({
      rootId,
      header: { level: levelHeader, name: accountName },
      rollupHeader: (label: string) => formatLabel(rollupHeader, label),
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const fileName = (rootId ? tree.name(rootId) : this.topName) ?? '';
    link.download = `${fileName === '' ? 'hierarchy' : fileName}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  handleRetry(): void {
    this.load().catch(() => undefined);
  }
}
