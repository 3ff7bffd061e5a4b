/**
 * AccountHierarchyController.findTop and .loadChildren over the sample org. Mirrors
 * force-app/main/default/classes/AccountHierarchyService.cls (with AccountSelector, FieldPath and
 * HierarchyColumnSet): the same walk up (an account and four ancestors a query, 19 walk queries and
 * one row query a call at most), the same paging (ParentId IN :parentIds AND Id > :afterId ORDER BY
 * Id LIMIT :rows + 1, rows cut to what the heap budget holds of rows at their worst case, from the
 * columns' describe lengths), the same column validation (relationship cap included) and the same
 * errors (AccountHierarchyController turns them into AuraHandledExceptions with a label's text).
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
 * - queries, queryRows: counted exactly as the Apex issues them. findTop: one query per walk step
 *   (one row, none when the account is not visible) and one for the top account's row when the top
 *   is reached. loadChildren: one query, returning up to rows + 1 rows.
 * - cpuTimeMs: an estimate, CPU_MS_PER_QUERY per query plus, per row returned, CPU_MS_PER_ROW and
 *   CPU_MS_PER_CELL for each column (the Apex loops over the rows and reads each column into a map).
 * - heapBytes: an estimate, HEAP_COPIES × the UTF-8 size of the response's JSON: at its peak the Apex
 *   holds the queried SObjects and the response DTOs, each about as big as its JSON.
 */
import type {
  GovernorUsage,
  HierarchyCellValue,
  HierarchyChildrenPage,
  HierarchyRow,
  HierarchyTop,
} from '@contract';
import type { SampleOrg, SObjectRecord } from '../sampleOrg';
import { QueryException, RecordAccess } from '../access';
import { objectOfKeyPrefix } from '../schema';
import { AuraHandledException } from './errors';
import type { ColumnValidation, ResolvedColumn } from './hierarchyColumns';
import { BYTES_PER_CHAR, InvalidColumnsException, readColumn, validateColumns } from './hierarchyColumns';
import type { ApexContext, ApexParams } from './registry';

/** Walk queries per findTop call: MAX_QUERIES_PER_FIND_TOP - 1 (the last one reads the top's row). */
export const MAX_QUERIES_PER_FIND_TOP = 20;
export const MAX_WALK_QUERIES = MAX_QUERIES_PER_FIND_TOP - 1;
/** One walk query reads an account and four ancestors, and the Id of the fifth. */
export const LEVELS_PER_QUERY = 5;
export const DEFAULT_PAGE_SIZE = 2000;
export const MAX_PAGE_SIZE = 5000;
export const MAX_PARENT_IDS = 2000;
/**
 * The Apex's heap model for a page (AccountHierarchyService): a quarter of the 6,000,000-byte heap
 * limit for rows at their worst case, ROW_BYTES each plus each column's worst case (see
 * hierarchyColumns.ts). ROW_BYTES: the objects a row makes, its id and parent id twice (18
 * characters), its name at Account.Name's length (255) once.
 */
export const HEAP_BUDGET_BYTES = 6_000_000 / 4;
export const ROW_OBJECT_BYTES = 200;
export const ID_BYTES = 18 * BYTES_PER_CHAR;
export const ACCOUNT_NAME_LENGTH = 255;
export const ROW_BYTES = ROW_OBJECT_BYTES + 4 * ID_BYTES + BYTES_PER_CHAR * ACCOUNT_NAME_LENGTH;

export const CPU_MS_PER_QUERY = 2;
export const CPU_MS_PER_ROW = 0.05;
export const CPU_MS_PER_CELL = 0.01;
export const HEAP_COPIES = 2;

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

/** UTF-8 size of a string (by hand: TextEncoder is not in every test environment). */
function utf8Length(json: string): number {
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Fills in `usage` (see the header) once the response is complete. */
function withUsage<T extends { usage: GovernorUsage }>(
  response: T,
  queries: number,
  queryRows: number,
  columnCount: number,
): T {
  response.usage = {
    queries,
    queryRows,
    cpuTimeMs: Math.ceil(
      queries * CPU_MS_PER_QUERY + queryRows * (CPU_MS_PER_ROW + CPU_MS_PER_CELL * columnCount),
    ),
    heapBytes: 0,
  };
  response.usage.heapBytes = HEAP_COPIES * utf8Length(JSON.stringify(response));
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
 * four ancestors per query, at most MAX_WALK_QUERIES queries. When the top is not reached,
 * `nextStartId` is the highest account reached: the next call starts from it again (so its
 * ancestorIds start with that Id). A repeated Id (a loop) stops the walk: the last new account is
 * the top; across calls the record itself counts as seen.
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
  while (walk.topId === null && walkQueries < MAX_WALK_QUERIES) {
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
  let queries = walkQueries;
  if (walk.topId === null) {
    response.nextStartId = walk.lastAncestorId();
  } else {
    const top = visibleAccount(access, walk.topId); // AccountSelector.selectRows({ topId }, columns)
    queries++;
    if (!top) throw new AccountNotFoundException(`The top account was deleted: ${walk.topId}`);
    queryRows++;
    response.topReached = true;
    response.topAccountId = walk.topId;
    response.rows.push(toRow(org, top, columns, true));
  }
  return withUsage(response, queries, queryRows, columns.columns.length);
}

/** First index in `sorted` (ascending by Id) whose Id is greater than `afterId`. */
function firstAfter(sorted: readonly SObjectRecord[], afterId: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.Id ?? '') <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Rows of one page: pageSize (DEFAULT_PAGE_SIZE when null) clamped to 1..MAX_PAGE_SIZE, then to the heap budget. */
export function rowsPerPage(pageSize: number | null, rowBytes: number): number {
  const requested = pageSize === null ? DEFAULT_PAGE_SIZE : Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
  const fitInHeap = Math.trunc(HEAP_BUDGET_BYTES / rowBytes);
  return Math.max(1, Math.min(requested, fitInHeap));
}

/** The most heap one row with these columns can take: ROW_BYTES plus each column's worst case. */
export function worstCaseRowBytes(columns: readonly ResolvedColumn[]): number {
  return columns.reduce((bytes, column) => bytes + column.worstCaseBytes, ROW_BYTES);
}

/**
 * loadChildren(parentIds, afterId, columns, pageSize): one query, `ParentId IN :parentIds AND
 * Id > :afterId ORDER BY Id LIMIT :rows + 1` (Ids compared as strings, as SOQL orders them); returns
 * up to `rows` (see rowsPerPage) and `nextAfterId` = the last returned Id when more follow, else null.
 * parentIds must hold 1..MAX_PARENT_IDS Ids (duplicates and nulls removed after the length check).
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
  const pageSize = typeof params.pageSize === 'number' ? Math.trunc(params.pageSize) : null;
  const rows = rowsPerPage(pageSize, worstCaseRowBytes(columns.resolved));
  const limit = rows + 1;
  const afterId = toId(org, params.afterId);
  assertParentReadable(context);
  assertCanQueryAccounts(context);
  const access = new RecordAccess(context);

  // Each parent's children are already in Id order: take at most `limit` from each, then merge.
  const childrenByParent = org.groupedBy('Account', 'ParentId');
  const candidates: SObjectRecord[] = [];
  for (const parentId of parents) {
    const children = childrenByParent.get(parentId);
    if (!children) continue;
    const from = afterId === null ? 0 : firstAfter(children, afterId);
    candidates.push(...access.firstVisible(children, from, limit)); // the query's LIMIT counts visible rows
  }
  candidates.sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
  const queried = candidates.slice(0, limit);
  const page = queried.slice(0, rows);
  const response: HierarchyChildrenPage = {
    rows: page.map((account) => toRow(org, account, columns, false)),
    nextAfterId: queried.length > rows ? (page[page.length - 1]?.Id ?? null) : null,
    columns: columns.columns,
    droppedColumns: columns.droppedColumns,
    usage: { queries: 0, queryRows: 0, cpuTimeMs: 0, heapBytes: 0 },
  };
  return withUsage(response, 1, queried.length, columns.columns.length);
}
