/**
 * Paged loading of relationships: every page of `loadRelationships` (an `ORDER BY Id` cursor) until
 * the cursor runs out, handing each page over as it arrives so the list paints progressively; and in
 * hierarchy mode, first the hierarchy's account ids through the Account Hierarchy's own loader
 * (`HierarchyLoader` of `c/hierarchyModel`: the same walk, not a second one), then their
 * relationships in batches of at most 2,000 account ids per call.
 *
 * No platform imports: the component passes the Apex calls in, so tests and the benchmark drive the
 * same code with stand-ins.
 *
 * Part of `c/relatedContactsModel`; pure TypeScript, no DOM, no platform imports.
 */
import type {
  ContactRelationship,
  HierarchyChildrenPage,
  HierarchyTop,
  RelationshipMode,
  RelationshipPage,
} from '@contract';
import { HierarchyLoader } from 'c/hierarchyModel';

/** The most account ids one `loadRelationships` call takes (the server's `IN :recordIds` bound). */
export const MAX_RECORD_IDS_PER_CALL = 2000;
/** The server's default and most rows per page. */
export const DEFAULT_RELATIONSHIP_PAGE_SIZE = 2000;

export interface RelationshipPageRequest {
  mode: RelationshipMode;
  recordIds: string[];
  afterId: string | null;
  pageSize: number;
}

/** The part of a `RelationshipPage` the loader reads (a null cursor may arrive missing). */
export type RelationshipPageLike = Pick<RelationshipPage, 'rows'> & { nextAfterId?: string | null };

export type LoadRelationshipPage = (request: RelationshipPageRequest) => Promise<RelationshipPageLike>;

export interface LoadAllOptions {
  mode: RelationshipMode;
  recordIds: readonly string[];
  pageSize?: number;
  loadPage: LoadRelationshipPage;
  /** Called with each page's rows as it arrives (new rows only: a row seen before is dropped). */
  onRows: (rows: ContactRelationship[]) => void;
  /**
   * The first page of the first batch when its call was already made (in parallel with the context):
   * it must be the answer to `{ mode, recordIds: first batch, afterId: null, pageSize }`.
   */
  firstPage?: Promise<RelationshipPageLike>;
}

/** `ids` in consecutive batches of at most `size`. */
export function batches<T>(ids: readonly T[], size: number = MAX_RECORD_IDS_PER_CALL): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < ids.length; i += size) result.push(ids.slice(i, i + size));
  return result;
}

/**
 * Loads every page of the relationships of `recordIds` (in batches of ≤ 2,000 ids), page by page.
 * A cursor that does not move on ends its batch (it would ask for the same page forever).
 * @returns the number of rows handed over
 */
export async function loadAllRelationships(options: LoadAllOptions): Promise<number> {
  const { mode, loadPage, onRows } = options;
  const pageSize = options.pageSize ?? DEFAULT_RELATIONSHIP_PAGE_SIZE;
  const seen = new Set<string>();
  let firstPage = options.firstPage;
  let count = 0;
  for (const recordIds of batches([...new Set(options.recordIds)])) {
    let afterId: string | null = null;
    const usedCursors = new Set<string>();
    for (;;) {
      const request: RelationshipPageRequest = { mode, recordIds, afterId, pageSize };
      // eslint-disable-next-line no-await-in-loop -- each page continues after the previous one's cursor
      const page: RelationshipPageLike = await (firstPage ?? loadPage(request));
      firstPage = undefined;
      const rows = page.rows.filter((row) => !seen.has(row.id));
      rows.forEach((row) => seen.add(row.id));
      count += rows.length;
      if (rows.length > 0) onRows(rows);
      const next = page.nextAfterId;
      if (next == null || next === afterId || usedCursors.has(next)) break;
      usedCursors.add(next);
      afterId = next;
    }
  }
  return count;
}

export interface HierarchyAccount {
  id: string;
  name: string;
}

export interface LoadHierarchyOptions {
  recordId: string;
  findTop: (params: {
    recordId: string;
    columns: string[];
    startFromId: string | null;
  }) => Promise<HierarchyTop>;
  loadChildren: (params: {
    parentIds: string[];
    afterId: string | null;
    columns: string[];
    pageSize: number;
    levels: number;
  }) => Promise<HierarchyChildrenPage>;
  pageSize?: number;
  /** Called with the accounts of each page as they arrive (the top first). */
  onAccounts?: (accounts: HierarchyAccount[]) => void;
}

/** Thrown when the walk up never reaches a top (a parent loop longer than one call). */
export class HierarchyWalkError extends Error {}

/**
 * The accounts of the hierarchy around `recordId` (top first, then breadth-first), walked exactly as
 * the Account Hierarchy walks it: `findTop` up, then `HierarchyLoader` pages of `loadChildren` down.
 * No columns: only ids and names are needed.
 */
export async function loadHierarchyAccounts(options: LoadHierarchyOptions): Promise<HierarchyAccount[]> {
  const { recordId, findTop, loadChildren, onAccounts } = options;
  const accounts: HierarchyAccount[] = [];
  const take = (rows: readonly { id: string; name: string }[]): void => {
    const found = rows.map(({ id, name }) => ({ id, name }));
    accounts.push(...found);
    if (found.length > 0) onAccounts?.(found);
  };
  const seen = new Set<string>();
  let startFromId: string | null = null;
  for (;;) {
    // eslint-disable-next-line no-await-in-loop -- each call continues where the previous one stopped
    const top: HierarchyTop = await findTop({ recordId, columns: [], startFromId });
    if (top.topReached) {
      const topRow = top.rows.find((row) => row.id === top.topAccountId);
      if (!topRow) throw new HierarchyWalkError('top account not returned');
      take([topRow]);
      const loader = new HierarchyLoader({
        pageSize: options.pageSize ?? 5000,
        parentBatchSize: 2000,
        levels: 5,
      });
      loader.start(topRow);
      for (let request = loader.nextRequest(); request; request = loader.nextRequest()) {
        // eslint-disable-next-line no-await-in-loop -- breadth-first: each page depends on the last
        const page = await loadChildren({ ...request, columns: [] });
        take(loader.accept(page).rows);
      }
      return accounts;
    }
    const next = top.nextStartId;
    if (next == null || seen.has(next)) throw new HierarchyWalkError('the walk up did not reach a top');
    top.ancestorIds.forEach((id) => seen.add(id));
    startFromId = next;
  }
}
