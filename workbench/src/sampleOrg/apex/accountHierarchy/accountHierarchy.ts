/**
 * AccountHierarchyController.findTop and .loadChildren over the sample org. Mirrors
 * force-app/main/account-hierarchy/classes/AccountHierarchyService.cls (with AccountSelector, FieldPath and
 * HierarchyColumnSet):
 * - findTop: the same walk up (an account and four ancestors a query, at most 19 walk queries a call,
 *   fewer when the path's rows at their worst would not fit the heap budget) and one query for the
 *   rows of the accounts walked through (the top's without parent).
 * - loadChildren: the same descendant query (`ParentId IN :parentIds OR Parent.ParentId IN
 *   :parentIds …`, one term per level, `AND Id > :afterId ORDER BY Id LIMIT :n`), read in chunks of
 *   CHUNK_ROWS: before each further chunk the page checks that the chunk at its worst still fits a
 *   quarter of the heap and of the CPU; further queries continue from the last Id read while the
 *   budget lasts, near the heap bound reading only the rows that still fit at their worst. A row is
 *   kept only when the accounts between it and its parent of the request are visible.
 * - The same column validation (relationship cap included) and the same errors
 *   (AccountHierarchyController turns them into AuraHandledExceptions with a label's text).
 *
 * Visibility and access: every query reads through RecordAccess (../access.ts), as a user-mode query:
 * accounts the user's sharing hides are not returned (so the walk up stops below them and the walk down
 * never reaches what is under them); without read access on Account, findTop finds no account
 * (AR_Error_AccountNotFound, as AccountHierarchyService.isAccountId) and loadChildren's query fails
 * (AR_Error_HierarchyLoadFailed); without read access on Account.ParentId no hierarchy can be walked
 * and both say so (AR_Error_HierarchyParentNotReadable, as AccountHierarchyService.assertParentReadable).
 *
 * `usage` is what the Apex would consume for the call, so tests can bound every call by the
 * synchronous governor limits:
 * - queries, queryRows: counted exactly as the Apex issues them (rows read, kept or not).
 * - cpuTimeMs: an estimate, CPU_MS_PER_QUERY per query plus, per row read, CPU_MS_PER_ROW and
 *   CPU_MS_PER_CELL for each column (the Apex loops over the rows and reads each column into a map).
 * - heapBytes: an estimate, HEAP_BYTES_PER_CHAR per UTF-16 code unit of the response's JSON (the
 *   rows the Apex holds until it returns: strings two bytes a code unit, an emoji two units; keys and
 *   punctuation stand for the objects' overhead); while reading, the rows so far plus the objects of
 *   the chunk of queried accounts in hand (CHUNK_OBJECT_BYTES a row; their strings are the rows'
 *   strings, counted once): the call's usage is the peak of the two.
 *   The page's heap check uses the same measure as it goes, where the Apex reads Limits.getHeapSize().
 */
import type {
  GovernorUsage,
  HierarchyCellValue,
  HierarchyChildrenPage,
  HierarchyRow,
  HierarchyTop,
} from '@contract';
import type { SampleOrg, SObjectRecord } from '../../sampleOrg';
import { QueryException, RecordAccess } from '../../access';
import { objectOfKeyPrefix } from '../../schema';
import { AuraHandledException } from '../shared/errors';
import type { ColumnValidation, ResolvedColumn } from './hierarchyColumns';
import { BYTES_PER_CHAR, InvalidColumnsException, readColumn, validateColumns } from './hierarchyColumns';
import type { ApexContext, ApexParams } from '../registry';

/** Walk queries per findTop call: MAX_QUERIES_PER_FIND_TOP - 1 (the last one reads the path's rows). */
export const MAX_QUERIES_PER_FIND_TOP = 20;
export const MAX_WALK_QUERIES = MAX_QUERIES_PER_FIND_TOP - 1;
/** One walk query reads an account and four ancestors, and the Id of the fifth. */
export const LEVELS_PER_QUERY = 5;
/** Rows per page at most when the client does not say, and the most it may ask for. */
export const DEFAULT_PAGE_SIZE = 5000;
export const MAX_PAGE_SIZE = 10_000;
export const MAX_PARENT_IDS = 2000;
/** SOQL filters on at most five parent hops: the most levels one request reads. */
export const MAX_LEVELS = 5;
/** A quarter of each synchronous limit: what one call may use. */
export const HEAP_BUDGET_BYTES = 6_000_000 / 4;
export const CPU_BUDGET_MS = 10_000 / 4;
export const QUERY_BUDGET = 100 / 4;
export const QUERY_ROW_BUDGET = 50_000 / 4;
/** Rows a SOQL for loop hands over at a time. */
export const CHUNK_ROWS = 200;
/** Fewer rows than this are not worth another query near the heap bound (each query has its cost). */
export const MIN_ROWS_PER_QUERY = 50;
/** The most CPU the Apex reserves for one chunk (AccountHierarchyService.CPU_MS_PER_CHUNK). */
export const CPU_MS_PER_CHUNK = 500;
/**
 * The Apex's worst case of a row (AccountHierarchyService): ROW_BYTES plus each column's worst
 * case (see hierarchyColumns.ts). ROW_BYTES: the objects a row makes, its id and parent id twice (18
 * characters), its name at Account.Name's length (255) once.
 */
export const ROW_OBJECT_BYTES = 200;
export const ID_BYTES = 18 * BYTES_PER_CHAR;
export const ACCOUNT_NAME_LENGTH = 255;
export const ROW_BYTES = ROW_OBJECT_BYTES + 4 * ID_BYTES + BYTES_PER_CHAR * ACCOUNT_NAME_LENGTH;

export const CPU_MS_PER_QUERY = 2;
export const CPU_MS_PER_ROW = 0.05;
export const CPU_MS_PER_CELL = 0.01;
export const HEAP_BYTES_PER_CHAR = 2;
/** A queried account in hand, without its strings (shared with its row): the object, id and parent id. */
export const CHUNK_OBJECT_BYTES = ROW_OBJECT_BYTES + 2 * ID_BYTES;

/** English text of the labels these methods use, when the context gives no label function. */
const ENGLISH_LABELS: Readonly<Record<string, string>> = {
  AR_Error_AccountNotFound: "This account doesn't exist or you don't have access to it.",
  AR_Error_HierarchyLoadFailed:
    'The account hierarchy could not be loaded. Try again, and if it keeps failing, tell your Salesforce admin.',
  AR_Error_HierarchyParentNotReadable:
    'To see the hierarchy, you need read access to the Parent Account field. Ask your admin.',
};

function labelFunction(context: ApexContext): (name: string) => string {
  return (name) => context.label?.(name) ?? ENGLISH_LABELS[name] ?? name;
}

/** The start account does not exist or the user cannot see it (AccountHierarchyService). */
class AccountNotFoundException extends Error {}
/** No parents or too many (AccountHierarchyService). */
class InvalidRequestException extends Error {}
/** The user cannot read Account.ParentId: no hierarchy can be walked (AccountHierarchyService). */
class ParentNotReadableException extends Error {}

/**
 * AccountHierarchyController: every failure of the service becomes an AuraHandledException with a
 * label's text (the raw message never reaches the UI). Anything else is a bug of the sample org, not
 * an Apex failure: rethrown as it is, so it stays loud (the platform stand-in logs it).
 */
function rethrowReadable(error: unknown, context: ApexContext): never {
  if (error instanceof AccountNotFoundException) {
    throw new AuraHandledException(labelFunction(context)('AR_Error_AccountNotFound'));
  }
  if (error instanceof ParentNotReadableException) {
    throw new AuraHandledException(labelFunction(context)('AR_Error_HierarchyParentNotReadable'));
  }
  if (
    error instanceof InvalidRequestException ||
    error instanceof InvalidColumnsException ||
    error instanceof QueryException
  ) {
    throw new AuraHandledException(labelFunction(context)('AR_Error_HierarchyLoadFailed'));
  }
  throw error;
}

/** An `Id` parameter as the method receives it: already an 18-character Id or null (./parameters.ts). */
function toId(_org: SampleOrg, value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * AccountHierarchyService.isAccountId: an Account Id (by key prefix, whether or not the record exists)
 * and a user who can read accounts at all.
 */
function isAccountId(id: string | null, context: ApexContext): id is string {
  return (
    id !== null &&
    objectOfKeyPrefix(id.slice(0, 3))?.name === 'Account' &&
    context.describe.canAccessObject('Account', 'read')
  );
}

/**
 * AccountHierarchyService.assertParentReadable: with Account readable but not its ParentId, every
 * query of the hierarchy would fail; say why instead.
 */
function assertParentReadable(context: ApexContext): void {
  if (
    context.describe.canAccessObject('Account', 'read') &&
    !context.describe.fieldReadable('Account', 'ParentId')
  ) {
    throw new ParentNotReadableException('No read access to Account.ParentId');
  }
}

/** The fields every hierarchy query selects or filters on (AccountSelector.ROW_FIELDS). */
const ROW_FIELDS = ['Id', 'Name', 'ParentId'];

/** A user-mode SELECT … FROM Account: fails without read access on Account or a row field. */
function assertCanQueryAccounts(context: ApexContext): void {
  new RecordAccess(context).assertReadable('Account', ROW_FIELDS);
}

/** An account the user can see (object access and sharing), or undefined. */
function visibleAccount(access: RecordAccess, id: string | null): SObjectRecord | undefined {
  return access.visibleRecord('Account', id);
}

function parentIdOf(record: SObjectRecord): string | null {
  return typeof record.ParentId === 'string' && record.ParentId ? record.ParentId : null;
}

function toRow(
  org: SampleOrg,
  account: SObjectRecord,
  columns: ColumnValidation,
  isTop: boolean,
): HierarchyRow {
  const values: Record<string, HierarchyCellValue> = {};
  for (const column of columns.resolved) values[column.column.fieldPath] = readColumn(org, account, column);
  return {
    id: account.Id,
    parentId: isTop ? null : parentIdOf(account),
    name: typeof account.Name === 'string' ? account.Name : '',
    values,
  };
}

/** The heap estimate of a value held by the Apex: HEAP_BYTES_PER_CHAR per UTF-16 code unit of its JSON. */
function heapOf(value: unknown): number {
  return HEAP_BYTES_PER_CHAR * JSON.stringify(value).length;
}

/** CPU estimate of the queries and rows read. */
function cpuOf(queries: number, queryRows: number, columnCount: number): number {
  return queries * CPU_MS_PER_QUERY + queryRows * (CPU_MS_PER_ROW + CPU_MS_PER_CELL * columnCount);
}

/**
 * Fills in `usage` (see the header) once the response is complete; `peakHeap`: the most the call held
 * at once while reading, when more than the response itself.
 */
function withUsage<T extends { usage: GovernorUsage }>(
  response: T,
  queries: number,
  queryRows: number,
  columnCount: number,
  peakHeap = 0,
): T {
  response.usage = {
    queries,
    queryRows,
    cpuTimeMs: Math.ceil(cpuOf(queries, queryRows, columnCount)),
    heapBytes: 0,
  };
  response.usage.heapBytes = Math.max(heapOf(response), peakHeap);
  return response;
}

/** The state of one findTop call's walk up (AccountHierarchyService.Walk). */
class Walk {
  readonly ancestorIds: string[] = [];
  readonly seen = new Set<string>();
  topId: string | null = null;

  constructor(private readonly access: RecordAccess) {}

  /** Climbs the levels one walk query read; returns the Id to start the next query from, or null at the top. */
  climb(root: SObjectRecord): string | null {
    let level = root;
    for (let depth = 0; depth < LEVELS_PER_QUERY; depth++) {
      if (this.seen.has(level.Id)) {
        // Corrupt data: the parents loop. The last new account is the top.
        this.topId = this.lastAncestorId();
        return null;
      }
      this.seen.add(level.Id);
      this.ancestorIds.push(level.Id);
      const parentId = parentIdOf(level);
      if (parentId === null) {
        this.topId = level.Id;
        return null;
      }
      // Beyond this query's reach: the next query starts from the parent (not yet known to be visible).
      if (depth === LEVELS_PER_QUERY - 1) return parentId;
      const parent = visibleAccount(this.access, parentId);
      if (!parent) {
        // The parent exists but the user cannot see it (or it is gone): this account is the top.
        this.topId = level.Id;
        return null;
      }
      level = parent;
    }
    return null;
  }

  lastAncestorId(): string | null {
    return this.ancestorIds[this.ancestorIds.length - 1] ?? null;
  }
}

/**
 * findTop(recordId, columns, startFromId): walks up from `startFromId ?? recordId`, an account and
 * four ancestors per query, at most walkQueriesFor(…) queries, then reads the rows of the accounts
 * walked through in one query (`rows`, in walk order; the top's without parent). When the top is not
 * reached, `nextStartId` is the highest account reached: the next call starts from it again (so its
 * ancestorIds and rows start with that account). A repeated Id (a loop) stops the walk: the last new
 * account is the top; across calls the record itself counts as seen.
 */
export function findTop(params: ApexParams, context: ApexContext): HierarchyTop {
  try {
    return walkUp(params, context);
  } catch (error) {
    rethrowReadable(error, context);
  }
}

function walkUp(params: ApexParams, context: ApexContext): HierarchyTop {
  const { org } = context;
  const columns = validateColumns(params.columns, context.describe);
  const recordId = toId(org, params.recordId);
  const startFromId = toId(org, params.startFromId);
  const startId = startFromId ?? recordId;
  if (!isAccountId(startId, context) || (recordId !== null && !isAccountId(recordId, context))) {
    throw new AccountNotFoundException(`Not an account id: ${String(startId)}`);
  }
  assertParentReadable(context);
  const access = new RecordAccess(context);

  const walk = new Walk(access);
  // The record is below this call's start: reaching it again means the parents loop.
  if (recordId !== null && startFromId !== null && recordId !== startFromId) walk.seen.add(recordId);
  let rootId: string | null = startId;
  let walkQueries = 0;
  let queryRows = 0;
  const maxWalkQueries = walkQueriesFor(worstCaseRowBytes(columns.resolved));
  while (walk.topId === null && walkQueries < maxWalkQueries) {
    assertCanQueryAccounts(context);
    const root = visibleAccount(access, rootId); // AccountSelector.selectAncestorChain(rootId)
    walkQueries++;
    if (root) {
      queryRows++;
      rootId = walk.climb(root);
    } else if (walk.ancestorIds.length === 0) {
      throw new AccountNotFoundException(`No visible account with id ${startId}`);
    } else {
      walk.topId = walk.lastAncestorId();
    }
  }

  const response: HierarchyTop = {
    topReached: false,
    topAccountId: null,
    nextStartId: null,
    ancestorIds: walk.ancestorIds,
    rows: [],
    columns: columns.columns,
    droppedColumns: columns.droppedColumns,
    usage: { queries: 0, queryRows: 0, cpuTimeMs: 0, heapBytes: 0 },
  };
  // AccountSelector.selectRows(ancestorIds, columns): the one query kept back from the walk.
  const queries = walkQueries + 1;
  for (const id of walk.ancestorIds) {
    const account = visibleAccount(access, id);
    if (!account) continue; // Deleted since the walk read it.
    queryRows++;
    response.rows.push(toRow(org, account, columns, id === walk.topId));
  }
  if (walk.topId === null) {
    response.nextStartId = walk.lastAncestorId();
  } else {
    if (!visibleAccount(access, walk.topId)) {
      throw new AccountNotFoundException(`The top account was deleted: ${walk.topId}`);
    }
    response.topReached = true;
    response.topAccountId = walk.topId;
  }
  return withUsage(response, queries, queryRows, columns.columns.length);
}

/**
 * Walk queries of one findTop call: MAX_WALK_QUERIES, fewer when the path's rows (five a query) at
 * their worst would not fit the heap budget; at least one.
 */
export function walkQueriesFor(rowBytes: number): number {
  const pathRows = Math.trunc(HEAP_BUDGET_BYTES / rowBytes);
  return Math.max(1, Math.min(MAX_WALK_QUERIES, Math.trunc(pathRows / LEVELS_PER_QUERY)));
}

/** The rows of one page at most: pageSize (DEFAULT_PAGE_SIZE when null) clamped to 1..MAX_PAGE_SIZE. */
export function maxRows(pageSize: number | null): number {
  return pageSize === null ? DEFAULT_PAGE_SIZE : Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
}

/** The levels one request reads: 1 when null, clamped to 1..MAX_LEVELS. */
export function levelsOf(levels: number | null): number {
  return levels === null ? 1 : Math.max(1, Math.min(levels, MAX_LEVELS));
}

/** The most heap one row with these columns can take: ROW_BYTES plus each column's worst case. */
export function worstCaseRowBytes(columns: readonly ResolvedColumn[]): number {
  return columns.reduce((bytes, column) => bytes + column.worstCaseBytes, ROW_BYTES);
}

/** A descendant as the descendant query returns it: the account, and whether it is reached through visible accounts. */
interface Descendant {
  account: SObjectRecord;
  reachedThroughVisible: boolean;
}

/**
 * What the descendant query matches, in Id order: the accounts the user can see with an ancestor
 * among the parents at most `levels` hops up (`ParentId IN :p OR Parent.ParentId IN :p …`), each
 * marked as AccountHierarchyService.reachedThroughVisible does: the nearest such parent is reached
 * through visible accounts only. A parent reached again from below (a loop) is matched too, as SOQL
 * would.
 */
function descendantsInIdOrder(
  org: SampleOrg,
  access: RecordAccess,
  parents: ReadonlySet<string>,
  levels: number,
  userKey: string,
): Descendant[] {
  const childrenByParent = org.groupedBy('Account', 'ParentId');
  // The pages of one request ask the same question again: keep the last answers, for as long as the
  // org keeps its ParentId index (it drops it on insert and delete).
  const key = `${userKey}|${levels}|${[...parents].join(',')}`;
  let cache = answersByIndex.get(childrenByParent);
  if (!cache) {
    cache = new Map();
    answersByIndex.set(childrenByParent, cache);
  }
  const cached = cache.get(key);
  if (cached) return cached;
  const answer = readDescendants(access, childrenByParent, parents, levels);
  if (cache.size >= CACHED_ANSWERS) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, answer);
  return answer;
}

/** The last few descendant queries answered, per ParentId index (see descendantsInIdOrder). */
const answersByIndex = new WeakMap<object, Map<string, Descendant[]>>();
const CACHED_ANSWERS = 4;

function readDescendants(
  access: RecordAccess,
  childrenByParent: ReadonlyMap<string, readonly SObjectRecord[]>,
  parents: ReadonlySet<string>,
  levels: number,
): Descendant[] {
  const matched = new Map<string, Descendant>();
  // Breadth-first from the parents, so each account is first reached at its nearest parent.
  let level: { id: string; visibleChain: boolean }[] = [...parents].map((id) => ({ id, visibleChain: true }));
  for (let depth = 1; depth <= levels && level.length > 0; depth++) {
    const next: { id: string; visibleChain: boolean }[] = [];
    for (const { id, visibleChain } of level) {
      for (const child of childrenByParent.get(id) ?? []) {
        if (matched.has(child.Id)) continue;
        const visible = visibleAccount(access, child.Id) !== undefined;
        // A hidden account is not returned; what is below it is, but cut (its Parent is null).
        if (visible) matched.set(child.Id, { account: child, reachedThroughVisible: visibleChain });
        next.push({ id: child.Id, visibleChain: visibleChain && visible });
      }
    }
    level = next;
  }
  return [...matched.values()].sort((a, b) =>
    a.account.Id < b.account.Id ? -1 : a.account.Id > b.account.Id ? 1 : 0,
  );
}

/** First index in `sorted` (ascending by Id) whose Id is greater than `afterId`. */
function firstDescendantAfter(sorted: readonly Descendant[], afterId: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.account.Id ?? '') <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * loadChildren(parentIds, afterId, columns, pageSize, levels): the descendants of the parents down
 * to `levels` below them, in Id order after `afterId`, read in chunks and queries while a quarter of
 * each limit lasts (see the header); `nextAfterId` = the last Id read, or null once a query found
 * nothing more. parentIds must hold 1..MAX_PARENT_IDS Ids (duplicates and nulls removed after the
 * length check).
 */
export function loadChildren(params: ApexParams, context: ApexContext): HierarchyChildrenPage {
  try {
    return loadPage(params, context);
  } catch (error) {
    rethrowReadable(error, context);
  }
}

function loadPage(params: ApexParams, context: ApexContext): HierarchyChildrenPage {
  const { org } = context;
  const rawParentIds = params.parentIds;
  if (!Array.isArray(rawParentIds) || rawParentIds.length > MAX_PARENT_IDS) {
    throw new InvalidRequestException(`parentIds must hold 1 to ${MAX_PARENT_IDS} ids`);
  }
  const parents = new Set<string>();
  for (const value of rawParentIds) {
    const id = toId(org, value);
    if (id !== null) parents.add(id);
  }
  if (parents.size === 0) throw new InvalidRequestException('parentIds must hold at least one id');
  const columns = validateColumns(params.columns, context.describe);
  const columnCount = columns.columns.length;
  const pageLimit = maxRows(typeof params.pageSize === 'number' ? Math.trunc(params.pageSize) : null);
  const levels = levelsOf(typeof params.levels === 'number' ? Math.trunc(params.levels) : null);
  const rowBytes = worstCaseRowBytes(columns.resolved);
  assertParentReadable(context);
  assertCanQueryAccounts(context);
  const access = new RecordAccess(context);

  const matched = descendantsInIdOrder(org, access, parents, levels, context.user.key);
  const afterId = toId(org, params.afterId);
  let next = afterId === null ? 0 : firstDescendantAfter(matched, afterId);
  let cursor = afterId;
  const rows: HierarchyRow[] = [];
  let queries = 0;
  let queryRows = 0;
  // Limits.getHeapSize(), estimated: the response without rows, then each row kept (and its comma).
  let rowsHeap = heapOf({ columns: columns.columns, droppedColumns: columns.droppedColumns });
  let peakHeap = 0;
  const heapUsed = (chunkBytes: number): number => rowsHeap + chunkBytes;
  const cpuUsed = (): number => cpuOf(queries, queryRows, columnCount);
  /** PageBudget.rowsForNextQuery: the next query's LIMIT, 0 when the budget is spent. */
  const rowsForNextQuery = (): number => {
    if (queries + 1 > QUERY_BUDGET || cpuUsed() + CPU_MS_PER_CHUNK > CPU_BUDGET_MS) return 0;
    let limit = Math.min(pageLimit - rows.length, QUERY_ROW_BUDGET - queryRows);
    const fitInHeap = Math.trunc((HEAP_BUDGET_BYTES - heapUsed(0)) / rowBytes);
    if (fitInHeap < CHUNK_ROWS) limit = Math.min(limit, fitInHeap);
    return limit >= Math.min(MIN_ROWS_PER_QUERY, pageLimit - rows.length) ? limit : 0;
  };

  let exhausted = false;
  for (let limit = Math.max(1, rowsForNextQuery()); limit > 0 && !exhausted;) {
    queries++;
    let read = 0;
    let stopped = false;
    while (read < limit) {
      // One chunk of the SOQL for loop.
      const chunk = matched.slice(next, next + Math.min(CHUNK_ROWS, limit - read));
      if (chunk.length === 0) break;
      next += chunk.length;
      read += chunk.length;
      queryRows += chunk.length;
      const chunkBytes = chunk.length * CHUNK_OBJECT_BYTES;
      for (const descendant of chunk) {
        cursor = descendant.account.Id;
        if (descendant.reachedThroughVisible) {
          const row = toRow(org, descendant.account, columns, false);
          rows.push(row);
          rowsHeap += heapOf(row) + HEAP_BYTES_PER_CHAR;
        }
      }
      peakHeap = Math.max(peakHeap, heapUsed(chunkBytes));
      // PageReader.accept: a full chunk may be followed by another, which must fit at its worst.
      if (
        chunk.length === CHUNK_ROWS &&
        (heapUsed(chunkBytes) + CHUNK_ROWS * rowBytes > HEAP_BUDGET_BYTES ||
          cpuUsed() + CPU_MS_PER_CHUNK > CPU_BUDGET_MS)
      ) {
        stopped = true;
        break;
      }
    }
    exhausted = !stopped && read < limit;
    limit = exhausted ? 0 : rowsForNextQuery();
  }

  const response: HierarchyChildrenPage = {
    rows,
    nextAfterId: exhausted ? null : cursor,
    columns: columns.columns,
    droppedColumns: columns.droppedColumns,
    usage: { queries: 0, queryRows: 0, cpuTimeMs: 0, heapBytes: 0 },
  };
  return withUsage(response, queries, queryRows, columnCount, peakHeap);
}
