/**
 * Shared by the hierarchyModel tests (not a test itself: Jest only runs `*.test.ts`): the Get
 * Cloudy family as findTop / loadChildren return it, and the ids of its accounts.
 */
import type { ChildrenPage } from 'c/hierarchyModel';
import type { HierarchyColumn, HierarchyRow } from '@contract';
import getCloudy from './data/getCloudyHierarchy.json';

export const COLUMNS = getCloudy.columns as HierarchyColumn[];
export const TOP = getCloudy.top as HierarchyRow;
export const PAGES = getCloudy.pages as ChildrenPage[];
export const ROWS = PAGES.flatMap((page) => page.rows);

/** Get Cloudy Consulting (HQ) with East, West (Denver below) and Canada (Québec below). */
export const [HQ, WEST, EAST, CANADA, QUEBEC, DENVER] = [1, 2, 3, 4, 5, 6].map(
  (n) => `00100000000000${n}AAA`,
) as [string, string, string, string, string, string];
