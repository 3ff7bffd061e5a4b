import {
  HierarchyWalkError,
  batches,
  loadAllRelationships,
  loadHierarchyAccounts,
  moveFocus,
  rangeBetween,
  scrollTopFor,
  visibleWindow,
} from 'c/relatedContactsModel';
import type { RelationshipPageLike, RelationshipPageRequest } from 'c/relatedContactsModel';
import type { ContactRelationship, HierarchyChildrenPage, HierarchyRow, HierarchyTop } from '@contract';
import { generateRows } from './relationshipFixture';

/** The server's loadRelationships: rows of the requested accounts by Id after the cursor, `pageSize` at a time. */
function server(rows: ContactRelationship[]) {
  const calls: RelationshipPageRequest[] = [];
  const loadPage = (request: RelationshipPageRequest): Promise<RelationshipPageLike> => {
    calls.push(request);
    const ids = new Set(request.recordIds);
    const matching = rows
      .filter((r) => ids.has(r.accountId) && (request.afterId === null || r.id > request.afterId))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const page = matching.slice(0, request.pageSize);
    const more = matching.length > request.pageSize;
    return Promise.resolve(more ? { rows: page, nextAfterId: page[page.length - 1]?.id } : { rows: page });
  };
  return { calls, loadPage };
}

describe('paged loading', () => {
  it('loads every page by the Id cursor and hands each over as it arrives', async () => {
    const rows = generateRows(2500);
    const { calls, loadPage } = server(rows);
    const pages: number[] = [];
    const count = await loadAllRelationships({
      mode: 'account',
      recordIds: ['001000000000001AAA'],
      pageSize: 1000,
      loadPage,
      onRows: (page) => pages.push(page.length),
    });
    expect(count).toBe(2500);
    expect(pages).toEqual([1000, 1000, 500]);
    expect(calls.map((c) => c.afterId)).toEqual([null, rows[999]?.id, rows[1999]?.id]);
  });

  it('uses the first page already asked for, and stops on a cursor that does not move', async () => {
    const [row] = generateRows(1);
    if (!row) throw new Error('no row');
    const loadPage = jest.fn((request: RelationshipPageRequest) =>
      Promise.resolve({ rows: [row], nextAfterId: request.afterId ?? 'cursor-1' }),
    );
    const onRows = jest.fn();
    const count = await loadAllRelationships({
      mode: 'contact',
      recordIds: ['003000000000001AAA'],
      loadPage,
      onRows,
      firstPage: Promise.resolve({ rows: [row], nextAfterId: 'cursor-1' }),
    });
    expect(count).toBe(1);
    expect(onRows).toHaveBeenCalledTimes(1);
    expect(loadPage).toHaveBeenCalledTimes(1);
    expect(loadPage.mock.calls[0]?.[0]).toMatchObject({ afterId: 'cursor-1', pageSize: 2000 });
  });

  it('asks for at most 2,000 account ids per call', async () => {
    const ids = Array.from({ length: 4500 }, (_, i) => `001${String(i).padStart(15, '0')}`);
    const { calls, loadPage } = server([]);
    await loadAllRelationships({ mode: 'account', recordIds: ids, loadPage, onRows: jest.fn() });
    expect(calls.map((c) => c.recordIds.length)).toEqual([2000, 2000, 500]);
    expect(batches([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});

describe('hierarchy accounts', () => {
  const account = (id: string, parentId: string | null): HierarchyRow => ({
    id,
    parentId,
    name: id,
    values: {},
  });
  const ACCOUNTS = [
    account('A-HQ', null),
    account('B-EAST', 'A-HQ'),
    account('C-WEST', 'A-HQ'),
    account('D-BOSTON', 'B-EAST'),
  ];
  const usage = { queries: 1, queryRows: 1, cpuTimeMs: 1, heapBytes: 1 };

  function findTopFrom(startCalls: number) {
    let calls = 0;
    return jest.fn((): Promise<HierarchyTop> => {
      calls++;
      if (calls < startCalls) {
        return Promise.resolve({
          topReached: false,
          nextStartId: `step-${calls}`,
          ancestorIds: [`step-${calls - 1}`],
          rows: [],
          columns: [],
          droppedColumns: [],
          usage,
        });
      }
      return Promise.resolve({
        topReached: true,
        topAccountId: 'A-HQ',
        ancestorIds: ['D-BOSTON', 'B-EAST', 'A-HQ'],
        rows: ACCOUNTS.filter((a) => a.id !== 'C-WEST'),
        columns: [],
        droppedColumns: [],
        usage,
      });
    });
  }

  const loadChildren = jest.fn(({ parentIds }: { parentIds: string[] }): Promise<HierarchyChildrenPage> => {
    const found: HierarchyRow[] = [];
    let level = new Set(parentIds);
    for (let depth = 0; depth < 5; depth++) {
      const parents = level;
      const next = ACCOUNTS.filter((a) => a.parentId != null && parents.has(a.parentId));
      found.push(...next);
      level = new Set(next.map((a) => a.id));
    }
    return Promise.resolve({ rows: found, columns: [], droppedColumns: [], usage });
  });

  it('walks the hierarchy with the hierarchy loader: the top first, then everyone below', async () => {
    const seen: string[] = [];
    const accounts = await loadHierarchyAccounts({
      recordId: 'D-BOSTON',
      findTop: findTopFrom(2),
      loadChildren,
      onAccounts: (page) => seen.push(...page.map((a) => a.id)),
    });
    expect(accounts.map((a) => a.id)).toEqual(['A-HQ', 'B-EAST', 'C-WEST', 'D-BOSTON']);
    expect(seen).toEqual(accounts.map((a) => a.id));
    expect(loadChildren).toHaveBeenCalledWith(
      expect.objectContaining({ parentIds: ['A-HQ'], columns: [], levels: 5 }),
    );
  });

  it('stops when the walk up goes round in a loop', async () => {
    const findTop = jest.fn(() =>
      Promise.resolve({
        topReached: false,
        nextStartId: 'X',
        ancestorIds: ['X'],
        rows: [],
        columns: [],
        droppedColumns: [],
        usage,
      } satisfies HierarchyTop),
    );
    await expect(loadHierarchyAccounts({ recordId: 'X', findTop, loadChildren })).rejects.toBeInstanceOf(
      HierarchyWalkError,
    );
  });
});

describe('virtualisation and keyboard', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 40, rowCount: 5000 })).toEqual({
      first: 0,
      last: 15,
    });
    expect(
      visibleWindow({ scrollTop: 4000, viewportHeight: 400, rowHeight: 40, rowCount: 5000, overscan: 2 }),
    ).toEqual({ first: 98, last: 113 });
    expect(visibleWindow({ scrollTop: 1e9, viewportHeight: 400, rowHeight: 40, rowCount: 10 }).last).toBe(10);
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 40, rowCount: 0 })).toEqual({
      first: 0,
      last: 0,
    });
  });

  it('scrolls just enough to show a row', () => {
    const view = { scrollTop: 400, viewportHeight: 400, rowHeight: 40 };
    expect(scrollTopFor(12, view)).toBe(400);
    expect(scrollTopFor(2, view)).toBe(80);
    expect(scrollTopFor(30, view)).toBe(840);
  });

  it('moves focus between cells as the grid pattern says', () => {
    const shape = { rowCount: 50, colCount: 8, pageRows: 10 };
    expect(moveFocus({ row: 1, col: 0 }, 'ArrowDown', shape)).toEqual({ row: 2, col: 0 });
    expect(moveFocus({ row: 1, col: 0 }, 'ArrowUp', shape)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowUp', shape)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 50, col: 7 }, 'ArrowDown', shape)).toEqual({ row: 50, col: 7 });
    expect(moveFocus({ row: 3, col: 7 }, 'ArrowRight', shape)).toEqual({ row: 3, col: 7 });
    expect(moveFocus({ row: 3, col: 0 }, 'ArrowLeft', shape)).toEqual({ row: 3, col: 0 });
    expect(moveFocus({ row: 3, col: 4 }, 'Home', shape)).toEqual({ row: 3, col: 0 });
    expect(moveFocus({ row: 3, col: 4 }, 'End', shape)).toEqual({ row: 3, col: 7 });
    expect(moveFocus({ row: 3, col: 4 }, 'Home', shape, true)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 3, col: 4 }, 'End', shape, true)).toEqual({ row: 50, col: 7 });
    expect(moveFocus({ row: 45, col: 2 }, 'PageDown', shape)).toEqual({ row: 50, col: 2 });
    expect(moveFocus({ row: 5, col: 2 }, 'PageUp', shape)).toEqual({ row: 1, col: 2 });
    expect(moveFocus({ row: 0, col: 2 }, 'PageDown', shape)).toEqual({ row: 11, col: 2 });
    expect(moveFocus({ row: 3, col: 2 }, 'Enter', shape)).toBeNull();
  });

  it('selects a range between the anchor and the clicked row, either way', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(rangeBetween(ids, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(ids, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(ids, null, 'c')).toEqual(['c']);
    expect(rangeBetween(ids, 'gone', 'c')).toEqual(['c']);
    expect(rangeBetween(ids, 'a', 'gone')).toEqual([]);
  });
});
