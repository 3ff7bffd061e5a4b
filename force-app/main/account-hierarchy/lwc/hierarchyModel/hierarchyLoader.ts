/**
 * Hierarchy loader: the paging state machine behind the Account Hierarchy viewer's load after
 * `findTop`: the path's siblings first, then breadth-first, several levels per request; which
 * parents to ask `AccountHierarchyController.loadChildren` about next, with which cursor, and when
 * it is done. No I/O: the component makes the calls and hands the pages back.
 *
 * Part of `c/hierarchyModel` (import it from there); pure TypeScript, no DOM, no platform imports.
 */
import type { HierarchyRow } from '@contract';

/**
 * One `loadChildren` call to make: the descendants of `parentIds` down to `levels` levels below
 * them (1: their children only), in Id order after the `afterId` cursor.
 */
export interface ChildrenRequest {
  parentIds: string[];
  afterId: string | null;
  pageSize: number;
  levels: number;
}

/** The part of `HierarchyChildrenPage` the loader needs. */
export interface ChildrenPage {
  rows: HierarchyRow[];
  /** Missing or null: no more children for this batch (a null Apex field may arrive missing). */
  nextAfterId?: string | null;
}

/** What one page brought: the rows never seen before, and the parents now fully loaded. */
export interface AcceptedPage {
  /** New accounts only (duplicates dropped), in page order: pass them to `HierarchyTree.addRows`. */
  rows: HierarchyRow[];
  /** Accounts whose children are all loaded: pass them to `HierarchyTree.markChildrenComplete`. */
  completedParentIds: string[];
}

export interface HierarchyLoaderOptions {
  /** The most rows per `loadChildren` call (the server may return fewer: it fills a page by cost). */
  pageSize: number;
  /** Parents per `loadChildren` call (the size of the `IN :parentIds` list). */
  parentBatchSize?: number;
  /**
   * Levels below the parents one request reads (1 to 5; SOQL filters on at most five parent hops).
   * Default 1: children only.
   */
  levels?: number;
}

/** SOQL reaches five parent hops (`Parent.Parent.Parent.Parent.ParentId`): the most levels a request reads. */
export const MAX_LEVELS_PER_REQUEST = 5;

/**
 * A request's parents, the levels it reads below them, and what its rows so far tell about their depth.
 * Depths are worked out as rows arrive (a row is one below its parent), so that the end of a request
 * that brought the whole hierarchy does not have to walk 100,000 rows at once.
 */
class Batch {
  /** Depth below the parents (the parents are 0) of every account whose depth is known. */
  private readonly depthOf = new Map<string, number>();
  /** Rows whose parent's depth is not known yet, by parent id. */
  private readonly waiting = new Map<string, string[]>();
  /** Rows less than `levels` below the parents: their children all come with this request. */
  private readonly shallow: string[] = [];
  /** Rows `levels` (or more) below the parents: their children are for a later request. */
  private readonly deep: string[] = [];

  constructor(
    readonly parentIds: string[],
    readonly levels: number,
  ) {
    for (const id of parentIds) {
      this.depthOf.set(id, 0);
    }
  }

  /** Takes in a new row of this request (rows come in Id order, all levels mixed). */
  add(row: HierarchyRow): void {
    const parentId = row.parentId ?? '';
    const parentDepth = this.depthOf.get(parentId);
    if (parentDepth === undefined) {
      const siblings = this.waiting.get(parentId);
      if (siblings === undefined) {
        this.waiting.set(parentId, [row.id]);
      } else {
        siblings.push(row.id);
      }
      return;
    }
    // The row's depth is known, and with it that of every row waiting below it (iteratively: a chain
    // may be long).
    const stack: [string, number][] = [[row.id, parentDepth + 1]];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const [id, depth] = next;
      if (this.depthOf.has(id)) {
        continue; // a row that is its own ancestor: it stays where it was put first
      }
      this.depthOf.set(id, depth);
      (depth < this.levels ? this.shallow : this.deep).push(id);
      const below = this.waiting.get(id);
      if (below !== undefined) {
        this.waiting.delete(id);
        for (const child of below) {
          stack.push([child, depth + 1]);
        }
      }
    }
  }

  /** Accounts whose children are all loaded once the request's cursor ran out: its parents and shallow rows. */
  completed(): string[] {
    return [...this.parentIds, ...this.shallow];
  }

  /**
   * Accounts to ask about later: the deep rows, and the rows whose depth cannot be told (their parent is
   * neither a parent of the request nor one of its rows: data changed during the load, or a loop).
   */
  toAskAbout(): string[] {
    const unknown: string[] = [];
    for (const ids of this.waiting.values()) {
      unknown.push(...ids);
    }
    return [...this.deep, ...unknown];
  }
}

/**
 * The paging state machine (no I/O). Use it as: `start(topRow, pathIds)`, then while
 * `nextRequest()` is not null: call Apex with it and `accept()` the page.
 *
 * Order: first the children of the path from the top to the current account (the path itself came
 * with `findTop`; this brings its siblings and the current account's children, one level), then
 * breadth-first from those children, `levels` levels per request. The accounts still to be asked
 * about (the frontier) never include one another's ancestors, so no row comes twice from a sound
 * hierarchy.
 *
 * Completeness: a request's rows come in Id order, all levels mixed, so nothing is known to be
 * complete until its cursor runs out. Then its parents, and every row it brought less than `levels`
 * below them, have all their children loaded; the rows exactly `levels` below join the frontier. A
 * row whose depth cannot be told (its parent is neither a parent of the request nor one of its new
 * rows: data changed during the load, or corrupt data) joins the frontier too: asking again costs a
 * call, marking it complete could hide its children.
 *
 * Every account seen joins the frontier at most once, so corrupt data (a parent loop, a row that is
 * its own parent, a record re-parented during the load) can neither duplicate rows nor load forever.
 */
export class HierarchyLoader {
  readonly pageSize: number;
  readonly parentBatchSize: number;
  readonly levels: number;
  private readonly seen = new Set<string>();
  /** The path's accounts (top first), asked about one level before everything else; then empty. */
  private pathIds: string[] = [];
  /** Accounts whose descendants are still to be asked for, oldest first (breadth-first). */
  private frontier: string[] = [];
  private frontierHead = 0;
  /** The request in progress, or null between batches. */
  private batch: Batch | null = null;
  private afterId: string | null = null;
  /** Cursors already used for this batch: a repeated cursor would loop forever. */
  private readonly usedCursors = new Set<string>();
  private started = false;

  constructor({ pageSize, parentBatchSize = 500, levels = 1 }: HierarchyLoaderOptions) {
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      throw new RangeError(`pageSize must be a positive integer, not ${pageSize}`);
    }
    if (!Number.isInteger(parentBatchSize) || parentBatchSize < 1) {
      throw new RangeError(`parentBatchSize must be a positive integer, not ${parentBatchSize}`);
    }
    if (!Number.isInteger(levels) || levels < 1 || levels > MAX_LEVELS_PER_REQUEST) {
      throw new RangeError(
        `levels must be a whole number from 1 to ${MAX_LEVELS_PER_REQUEST}, not ${levels}`,
      );
    }
    this.pageSize = pageSize;
    this.parentBatchSize = parentBatchSize;
    this.levels = levels;
  }

  /**
   * Starts (or restarts) loading below the top account, as `findTop` returned it. `pathIds`: the
   * accounts from the top down to the current account (`findTop`'s ancestorIds, reversed), already
   * loaded; their other children are asked for first. Without it, loading starts from the top.
   */
  start(topRow: HierarchyRow, pathIds: readonly string[] = []): void {
    this.seen.clear();
    this.seen.add(topRow.id);
    this.pathIds = [];
    for (const id of pathIds) {
      if (id && !this.seen.has(id)) {
        this.seen.add(id);
        this.pathIds.push(id);
      }
    }
    if (this.pathIds.length > 0) {
      // The top's children are asked for with the rest of the path's.
      this.pathIds.unshift(topRow.id);
      this.frontier = [];
    } else {
      this.frontier = [topRow.id];
    }
    this.frontierHead = 0;
    this.batch = null;
    this.afterId = null;
    this.usedCursors.clear();
    this.started = true;
  }

  /** Accounts known so far, the top (and the path) included. */
  get loadedCount(): number {
    return this.seen.size;
  }

  /** True once every loaded account's children have been asked for. */
  get done(): boolean {
    return (
      this.started &&
      this.batch == null &&
      this.pathIds.length === 0 &&
      this.frontierHead >= this.frontier.length
    );
  }

  /**
   * The next `loadChildren` call to make, or null when everything is loaded (or before `start`).
   * Asking again before `accept` returns the same request (so a failed call can be retried).
   */
  nextRequest(): ChildrenRequest | null {
    if (!this.started) {
      return null;
    }
    if (this.batch == null) {
      this.batch = this.nextBatch();
      if (this.batch == null) {
        return null;
      }
      this.afterId = null;
      this.usedCursors.clear();
    }
    return {
      parentIds: [...this.batch.parentIds],
      afterId: this.afterId,
      pageSize: this.pageSize,
      levels: this.batch.levels,
    };
  }

  /** The path's children first (one level), then the frontier, `levels` levels at a time. */
  private nextBatch(): Batch | null {
    if (this.pathIds.length > 0) {
      const parentIds = this.pathIds.splice(0, this.parentBatchSize);
      return new Batch(parentIds, 1);
    }
    if (this.frontierHead >= this.frontier.length) {
      return null;
    }
    const end = Math.min(this.frontier.length, this.frontierHead + this.parentBatchSize);
    const parentIds = this.frontier.slice(this.frontierHead, end);
    this.frontierHead = end;
    this.compactFrontier();
    return new Batch(parentIds, this.levels);
  }

  /** Takes in the answer to the last `nextRequest()`. */
  accept(page: ChildrenPage): AcceptedPage {
    const batch = this.batch;
    if (batch == null) {
      throw new Error('HierarchyLoader.accept() called without a pending request');
    }
    const rows: HierarchyRow[] = [];
    for (const row of page.rows) {
      if (row.id && !this.seen.has(row.id)) {
        this.seen.add(row.id);
        rows.push(row);
        batch.add(row);
      }
    }
    const next = page.nextAfterId;
    // A cursor that does not move on would ask for the same page forever: treat it as the end.
    if (next == null || next === this.afterId || this.usedCursors.has(next)) {
      this.batch = null;
      this.afterId = null;
      return { rows, completedParentIds: this.finish(batch) };
    }
    this.usedCursors.add(next);
    this.afterId = next;
    return { rows, completedParentIds: [] };
  }

  /**
   * The batch's cursor ran out: every descendant down to `levels` below its parents is loaded.
   * Returns the accounts now complete; the deepest rows (and those of unknown depth) join the frontier.
   */
  private finish(batch: Batch): string[] {
    for (const id of batch.toAskAbout()) {
      this.frontier.push(id);
    }
    return batch.completed();
  }

  /** Drops the already requested part of the frontier now and then, to free memory. */
  private compactFrontier(): void {
    if (this.frontierHead > 10_000 && this.frontierHead * 2 > this.frontier.length) {
      this.frontier = this.frontier.slice(this.frontierHead);
      this.frontierHead = 0;
    }
  }
}
