/**
 * Related Contacts model: everything the Related Contacts list knows and decides, without a DOM. This
 * entry file is the bundle's public API (`c/relatedContactsModel`); each job has its own file:
 *
 * - `relationshipFilter.ts`: filters (current/past/all, direct/indirect, roles any-of, text) and
 *   their counts, over precomputed folded search keys;
 * - `relationshipSort.ts`: stable, locale-aware sorting by any column, empty values last;
 * - `relationshipList.ts`: `RelationshipList`, the rows with filter, sort, the visible ids, counts,
 *   optimistic changes with rollback and the merging of save results (per-row errors);
 * - `relationshipChanges.ts`: the change sets of an inline role edit and of the bulk actions;
 * - `relationshipCoverage.ts`: key roles present / missing over active relationships (per account);
 * - `relationshipLoader.ts`: the paged loader (all pages, progressive), hierarchy mode included;
 * - `visibleWindow.ts`: the rendered window of a virtualised list, grid keyboard moves, range selection.
 *
 * Pure TypeScript: no DOM, no platform imports. The component passes in the user's locale and the
 * Apex calls, so this module stays testable and reusable by the workbench and the benchmarks.
 */
export { DEFAULT_FILTER, searchKeyOf, searchTerms } from './relationshipFilter';
export type {
  FilterCounts,
  KindFilter,
  RelationshipFilter,
  SearchFields,
  StatusFilter,
} from './relationshipFilter';
export { DEFAULT_SORT, SORT_COLUMNS } from './relationshipSort';
export type { SortColumn, SortDirection, SortState } from './relationshipSort';
export { RelationshipList } from './relationshipList';
export type { RelationshipListOptions, RowError, SaveOutcome } from './relationshipList';
export { actionChange, applyChange, bulkChanges, roleEditChange } from './relationshipChanges';
export type { BulkAction, ChangeSet } from './relationshipChanges';
export { coverageByAccount, coverageOf } from './relationshipCoverage';
export type { AccountCoverage, CoveredRole, RoleCoverage } from './relationshipCoverage';
export {
  DEFAULT_RELATIONSHIP_PAGE_SIZE,
  HierarchyWalkError,
  MAX_RECORD_IDS_PER_CALL,
  batches,
  loadAllRelationships,
  loadHierarchyAccounts,
} from './relationshipLoader';
export type {
  HierarchyAccount,
  LoadAllOptions,
  LoadHierarchyOptions,
  LoadRelationshipPage,
  RelationshipPageLike,
  RelationshipPageRequest,
} from './relationshipLoader';
export { moveFocus, rangeBetween, scrollTopFor, visibleWindow } from './visibleWindow';
export type { CellPosition, GridShape, WindowInput } from './visibleWindow';
