/**
 * Hierarchy model: everything the Account Hierarchy viewer knows and decides, without a DOM. This
 * entry file is the bundle's public API (`c/hierarchyModel`); each job has its own file:
 *
 * - `hierarchyLoader.ts`: `HierarchyLoader` drives the load after `findTop`: the path's siblings
 *   first, then breadth-first, several levels per request; which parents to ask
 *   `AccountHierarchyController.loadChildren` about next, with which cursor, and when it is done.
 * - `hierarchyTree.ts`: `HierarchyTree` holds the loaded accounts: children sorted by name,
 *   expansion, the flattened list of visible rows (for a virtualised treegrid), navigation; and
 *   answers search, roll-ups and CSV export in tree order through:
 * - `hierarchySearch.ts`: the folded search keys and their scan;
 * - `hierarchyRollups.ts`: subtree totals of number and currency columns;
 * - `hierarchyCsv.ts`: the CSV text, quoted and with formulas defused.
 *
 * Built for hierarchies of 100,000+ accounts (see each file). Pure TypeScript: no DOM, no platform
 * imports. The component passes in the user's locale and the labels, so this module stays testable
 * and reusable by the workbench and the benchmarks.
 */
export { HierarchyLoader, MAX_LEVELS_PER_REQUEST } from './hierarchyLoader';
export type { AcceptedPage, ChildrenPage, ChildrenRequest, HierarchyLoaderOptions } from './hierarchyLoader';
export { HierarchyTree } from './hierarchyTree';
export type { HierarchyTreeOptions, VisibleRow } from './hierarchyTree';
export { foldForSearch } from './hierarchySearch';
export { isRollable } from './hierarchyRollups';
export { csvCell } from './hierarchyCsv';
export type { CsvOptions } from './hierarchyCsv';
