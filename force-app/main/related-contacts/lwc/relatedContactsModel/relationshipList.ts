/**
 * The relationship list: the loaded rows, the filter and sort the user chose, the rows they show (in
 * order), the counts, and the optimistic side of saving (apply now, roll back or take the server's
 * row when the results come, with a per-row error).
 *
 * Built for 5,000+ rows: the sorted order is kept until the rows or the sort change, so typing in the
 * text filter only filters (and, while the query grows, only the rows the last query showed).
 *
 * Part of `c/relatedContactsModel`; pure TypeScript, no DOM, no platform imports.
 */
import type {
  ContactRelationship,
  RelationshipChange,
  RelationshipResult,
  RelationshipResultStatus,
  RoleOption,
} from '@contract';
import { applyChange } from './relationshipChanges';
import {
  CompiledFilter,
  DEFAULT_FILTER,
  countFacets,
  filterEntries,
  relationshipEntry,
} from './relationshipFilter';
import type { FilterCounts, RelationshipEntry, RelationshipFilter, SearchFields } from './relationshipFilter';
import { DEFAULT_SORT, sortByColumn } from './relationshipSort';
import type { SortState } from './relationshipSort';

/** Why a row shows an error after a save: the server's status and message, and for a conflict who changed it and when. */
export interface RowError {
  status: RelationshipResultStatus;
  message: string | null;
  modifiedByName: string | null;
  modifiedAt: string | null;
}

/** One row's outcome of a save, for the results summary (`c/relationshipResults`). */
export interface SaveOutcome {
  id: string;
  name: string;
  accountName: string;
  status: RelationshipResultStatus;
  message: string | null;
}

export interface RelationshipListOptions {
  /** BCP 47 locale the names sort in. */
  locale?: string;
  /** The role options in catalog order: roles sort (and show) in this order. */
  roleOptions?: readonly RoleOption[];
  /** What the text filter searches (default: the contact's name, title and email). */
  searchFields?: SearchFields;
}

const DONE: ReadonlySet<RelationshipResultStatus> = new Set(['saved', 'added', 'removed']);

export class RelationshipList {
  private readonly entries = new Map<string, RelationshipEntry>();
  /** Load order, for a stable base order. */
  private readonly order: string[] = [];
  private filterValue: RelationshipFilter = DEFAULT_FILTER;
  private compiled = new CompiledFilter(DEFAULT_FILTER);
  private sortValue: SortState = DEFAULT_SORT;
  private readonly collator: Intl.Collator;
  private roleRank = new Map<string, number>();
  private roleLabels = new Map<string, string>();
  /** The sorted entries (all rows), until rows or sort change. */
  private sorted: RelationshipEntry[] | null = null;
  /** The filtered ids, until rows, sort or filter change. */
  private visible: { filter: CompiledFilter; entries: RelationshipEntry[]; ids: string[] } | null = null;
  private countsCache: FilterCounts | null = null;
  private rowRevision = 0;
  private indexCache: Map<string, number> | null = null;
  /** Rows as they were before an optimistic change still waiting for its result. */
  private readonly originals = new Map<string, ContactRelationship>();
  private readonly errors = new Map<string, RowError>();

  private readonly searchFields: SearchFields;

  constructor({ locale, roleOptions = [], searchFields = 'contact' }: RelationshipListOptions = {}) {
    this.searchFields = searchFields;
    this.collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    this.setRoleOptions(roleOptions);
  }

  setRoleOptions(options: readonly RoleOption[]): void {
    this.roleRank = new Map(options.map((option, index) => [option.value, index]));
    this.roleLabels = new Map(options.map((option) => [option.value, option.label]));
    this.rowsChanged();
  }

  /** A row's roles in catalog order (roles the catalog lacks last, as stored). */
  orderedRoles(roles: readonly string[]): string[] {
    const rank = this.roleRank;
    return roles
      .map((role, index) => ({ role, index }))
      .sort((a, b) => (rank.get(a.role) ?? 1e9 + a.index) - (rank.get(b.role) ?? 1e9 + b.index))
      .map(({ role }) => role);
  }

  roleLabel(role: string): string {
    return this.roleLabels.get(role) ?? role;
  }

  // ------------------------------------------------------------------ rows

  get size(): number {
    return this.entries.size;
  }

  /** Adds rows (a page); a row already there is replaced. */
  addRows(rows: readonly ContactRelationship[]): void {
    for (const row of rows) {
      if (!this.entries.has(row.id)) this.order.push(row.id);
      this.entries.set(row.id, this.entryFor(row));
    }
    if (rows.length > 0) this.rowsChanged();
  }

  replaceRow(row: ContactRelationship): void {
    this.addRows([row]);
  }

  removeRow(id: string): void {
    if (!this.entries.delete(id)) return;
    const index = this.order.indexOf(id);
    if (index >= 0) this.order.splice(index, 1);
    this.originals.delete(id);
    this.errors.delete(id);
    this.rowsChanged();
  }

  private entryFor(row: ContactRelationship): RelationshipEntry {
    return relationshipEntry(row, this.searchFields);
  }

  /** The entry of an id the list holds (ids come from `order` or the views, which only hold such ids). */
  private entryOf(id: string): RelationshipEntry {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`RelationshipList: no row ${id}`);
    return entry;
  }

  row(id: string): ContactRelationship | undefined {
    return this.entries.get(id)?.row;
  }

  allRows(): ContactRelationship[] {
    return this.order.map((id) => this.entryOf(id).row);
  }

  /** Grows whenever a row is added, replaced or removed (not on filter or sort): a key for caches of row-derived views. */
  get revision(): number {
    return this.rowRevision;
  }

  private rowsChanged(): void {
    this.rowRevision++;
    this.sorted = null;
    this.visible = null;
    this.countsCache = null;
    this.indexCache = null;
  }

  // ------------------------------------------------------------------ filter and sort

  get filter(): RelationshipFilter {
    return this.filterValue;
  }

  setFilter(change: Partial<RelationshipFilter>): void {
    this.filterValue = { ...this.filterValue, ...change };
    this.compiled = new CompiledFilter(this.filterValue);
    this.countsCache = null;
    this.indexCache = null;
    // `visible` stays: `visibleIds` narrows it when only the text grew.
  }

  get sort(): SortState {
    return this.sortValue;
  }

  setSort(sort: SortState): void {
    this.sortValue = sort;
    this.sorted = null;
    this.visible = null;
    this.indexCache = null;
  }

  private sortedEntries(): RelationshipEntry[] {
    if (!this.sorted) {
      const base = this.order.map((id) => this.entryOf(id));
      this.sorted = sortByColumn(
        base,
        (entry) => entry.row,
        this.sortValue,
        this.collator,
        (roles) =>
          this.orderedRoles(roles)
            .map((role) => this.roleLabel(role))
            .join(', '),
      );
    }
    return this.sorted;
  }

  /** The ids of the rows the filter shows, in sort order. */
  visibleIds(): string[] {
    const compiled = this.compiled;
    const last = this.visible;
    if (last?.filter === compiled) return last.ids;
    // While the user types on, the rows the last query showed hold every row the new one can.
    const source = last?.filter.isNarrowedByTextTo(compiled) ? last.entries : this.sortedEntries();
    const entries = filterEntries(source, compiled);
    this.visible = { filter: compiled, entries, ids: entries.map((entry) => entry.row.id) };
    this.indexCache = null;
    return this.visible.ids;
  }

  get visibleCount(): number {
    return this.visibleIds().length;
  }

  /** Position of the row among the visible ones, or -1. */
  indexOf(id: string): number {
    if (!this.indexCache) {
      const ids = this.visibleIds();
      this.indexCache = new Map(ids.map((rowId, index) => [rowId, index]));
    }
    return this.indexCache.get(id) ?? -1;
  }

  /** The visible rows from `first` to `last` (exclusive). */
  visibleRows(first: number, last: number): ContactRelationship[] {
    return this.visibleIds()
      .slice(first, last)
      .map((id) => this.entryOf(id).row);
  }

  counts(): FilterCounts {
    this.countsCache ??= countFacets(this.sortedEntries(), this.compiled);
    return this.countsCache;
  }

  // ------------------------------------------------------------------ optimistic saving

  /** Shows the changes at once (keeping the rows as they were, for a rollback); clears their errors. */
  applyOptimistic(changes: readonly RelationshipChange[]): void {
    for (const change of changes) {
      const row = this.row(change.id);
      if (!row) continue;
      if (!this.originals.has(change.id)) this.originals.set(change.id, row);
      this.errors.delete(change.id);
      const next = applyChange(row, change);
      this.entries.set(change.id, this.entryFor(next));
    }
    if (changes.length > 0) this.rowsChanged();
  }

  /** Puts the rows back as they were before their optimistic change; an error (the call failed) is shown on each. */
  rollback(ids: readonly string[], error?: Omit<RowError, 'modifiedByName' | 'modifiedAt'>): void {
    for (const id of ids) {
      const original = this.originals.get(id);
      this.originals.delete(id);
      if (original && this.entries.has(id)) this.entries.set(id, this.entryFor(original));
      if (error) this.errors.set(id, { ...error, modifiedByName: null, modifiedAt: null });
    }
    if (ids.length > 0) this.rowsChanged();
  }

  /** Whether the row shows a change not confirmed yet. */
  isPending(id: string): boolean {
    return this.originals.has(id);
  }

  /**
   * Takes in `saveRelationships` results (one per change, same order): a saved row is replaced by the
   * server's; a conflict shows the server's current row with who changed it and when; any other
   * refusal puts the row back as it was, with the server's message. Returns each row's outcome.
   */
  mergeSaveResults(
    changes: readonly RelationshipChange[],
    results: readonly RelationshipResult[],
  ): SaveOutcome[] {
    const outcomes: SaveOutcome[] = [];
    changes.forEach((change, index) => {
      const result: RelationshipResult = results[index] ?? { id: change.id, status: 'failed' };
      const id = change.id;
      const before = this.originals.get(id) ?? this.row(id);
      this.originals.delete(id);
      if (DONE.has(result.status)) {
        this.errors.delete(id);
        if (result.row) this.entries.set(id, this.entryFor(result.row));
      } else if (result.status === 'conflict' && result.row) {
        this.entries.set(id, this.entryFor(result.row));
        this.errors.set(id, {
          status: 'conflict',
          message: result.message ?? null,
          modifiedByName: result.row.lastModifiedByName ?? null,
          modifiedAt: result.row.lastModifiedDate,
        });
      } else {
        if (before && this.entries.has(id)) this.entries.set(id, this.entryFor(before));
        this.errors.set(id, {
          status: result.status,
          message: result.message ?? null,
          modifiedByName: null,
          modifiedAt: null,
        });
      }
      const shown = this.row(id) ?? before;
      outcomes.push({
        id,
        name: shown?.contactName ?? id,
        accountName: shown?.accountName ?? '',
        status: result.status,
        message: result.message ?? null,
      });
    });
    this.rowsChanged();
    return outcomes;
  }

  rowError(id: string): RowError | undefined {
    return this.errors.get(id);
  }

  clearRowError(id: string): void {
    this.errors.delete(id);
  }

  setRowError(id: string, error: RowError): void {
    this.errors.set(id, error);
  }
}
