import { HierarchyLoader } from 'c/hierarchyModel';
import type { ChildrenPage, ChildrenRequest } from 'c/hierarchyModel';
import type { HierarchyRow } from '@contract';
import { CANADA, DENVER, EAST, HQ, PAGES, QUEBEC, TOP, WEST } from './getCloudyFixture';

function account(id: string, parentId: string | null, name: string): HierarchyRow {
  return { id, parentId, name, values: {} };
}

/** Children of one parent served in pages of `pageSize`, as `loadChildren` pages them (by Id). */
function pagesOf(children: HierarchyRow[], pageSize: number): ChildrenPage[] {
  const pages: ChildrenPage[] = [];
  for (let start = 0; start < children.length || start === 0; start += pageSize) {
    const rows = children.slice(start, start + pageSize);
    pages.push({ rows, nextAfterId: rows.length === pageSize ? (rows[pageSize - 1]?.id ?? null) : null });
  }
  return pages;
}

/** Runs the loader against scripted pages, returning the requests it made. */
function drive(loader: HierarchyLoader, pages: ChildrenPage[]) {
  const requests: ChildrenRequest[] = [];
  const completed: string[][] = [];
  const newRows: string[][] = [];
  for (const page of pages) {
    const request = loader.nextRequest();
    if (request === null) {
      break;
    }
    requests.push(request);
    const accepted = loader.accept(page);
    completed.push(accepted.completedParentIds);
    newRows.push(accepted.rows.map((row) => row.id));
  }
  return { requests, completed, newRows };
}

describe('HierarchyLoader', () => {
  it('asks for the children of the top, then of each level in turn (breadth-first)', () => {
    const loader = new HierarchyLoader({ pageSize: 2 });
    loader.start(TOP);

    const { requests, completed } = drive(loader, PAGES);

    expect(requests).toEqual([
      { parentIds: [HQ], afterId: null, pageSize: 2 },
      { parentIds: [HQ], afterId: EAST, pageSize: 2 },
      { parentIds: [WEST, EAST, CANADA], afterId: null, pageSize: 2 },
      { parentIds: [QUEBEC, DENVER], afterId: null, pageSize: 2 },
    ]);
    // The top's children are only known to be complete once its last page has arrived.
    expect(completed).toEqual([[], [HQ], [WEST, EAST, CANADA], [QUEBEC, DENVER]]);
    expect(loader.nextRequest()).toBeNull();
    expect(loader.done).toBe(true);
    expect(loader.loadedCount).toBe(6);
  });

  it('pages through many pages of one parent until the cursor runs out', () => {
    const children = Array.from({ length: 25 }, (_, i) => account(`C${i + 10}`, 'T', 'x'));
    const loader = new HierarchyLoader({ pageSize: 4 });
    loader.start(account('T', null, 'Top'));

    const { requests, completed } = drive(loader, [...pagesOf(children, 4), { rows: [], nextAfterId: null }]);

    // 25 children in pages of 4: 7 pages for the top, then one (empty) page for the 25 leaves.
    expect(requests.map((r) => r.afterId)).toEqual([null, 'C13', 'C17', 'C21', 'C25', 'C29', 'C33', null]);
    expect(completed.slice(0, 7)).toEqual([[], [], [], [], [], [], ['T']]);
    expect(requests[7]?.parentIds).toHaveLength(25);
    expect(loader.loadedCount).toBe(26);
    expect(loader.done).toBe(true);
  });

  it('asks about at most parentBatchSize parents at a time, in the order they arrived', () => {
    const children = Array.from({ length: 70 }, (_, i) => account(`C${i + 10}`, 'T', 'x'));
    const loader = new HierarchyLoader({ pageSize: 100, parentBatchSize: 30 });
    loader.start(account('T', null, 'Top'));

    const { requests } = drive(loader, [
      { rows: children, nextAfterId: null },
      ...pagesOf([], 100).concat(pagesOf([], 100), pagesOf([], 100)),
    ]);

    expect(requests.map((r) => r.parentIds.length)).toEqual([1, 30, 30, 10]);
    expect(requests.flatMap((r) => r.parentIds)).toEqual(['T', ...children.map((c) => c.id)]);
    expect(loader.done).toBe(true);
  });

  it('hands over new accounts only: repeated ids are dropped and never asked about twice', () => {
    const loader = new HierarchyLoader({ pageSize: 10 });
    loader.start(account('T', null, 'Top'));

    const { requests, newRows } = drive(loader, [
      {
        rows: [account('A', 'T', 'A'), account('A', 'T', 'A again'), account('B', 'T', 'B')],
        nextAfterId: null,
      },
      // Corrupt data: the top shows up again as a grandchild (a parent loop), and B as its own child.
      {
        rows: [account('T', 'A', 'Top again'), account('B', 'B', 'B again'), account('C', 'A', 'C')],
        nextAfterId: null,
      },
      { rows: [], nextAfterId: null },
      { rows: [], nextAfterId: null },
    ]);

    expect(newRows).toEqual([['A', 'B'], ['C'], []]);
    expect(requests.map((r) => r.parentIds)).toEqual([['T'], ['A', 'B'], ['C']]);
    expect(loader.loadedCount).toBe(4);
    expect(loader.done).toBe(true);
  });

  it('ends a batch whose cursor does not move on instead of asking for the same page forever', () => {
    const loader = new HierarchyLoader({ pageSize: 1 });
    loader.start(account('T', null, 'Top'));

    const stuck = { rows: [account('A', 'T', 'A')], nextAfterId: 'A' };
    const first = drive(loader, [stuck, stuck]);
    expect(first.requests.map((r) => r.afterId)).toEqual([null, 'A']);
    expect(first.completed).toEqual([[], ['T']]);

    // A cursor that comes back after another one is caught too.
    const loader2 = new HierarchyLoader({ pageSize: 1 });
    loader2.start(account('T', null, 'Top'));
    const cycling = drive(loader2, [
      { rows: [], nextAfterId: 'A' },
      { rows: [], nextAfterId: 'B' },
      { rows: [], nextAfterId: 'A' },
    ]);
    expect(cycling.completed).toEqual([[], [], ['T']]);
    expect(loader2.done).toBe(true);
  });

  it('repeats the pending request until a page is accepted, so a failed call can be retried', () => {
    const loader = new HierarchyLoader({ pageSize: 2 });
    loader.start(TOP);
    const first = loader.nextRequest();

    expect(loader.nextRequest()).toEqual(first);
    expect(loader.done).toBe(false);
  });

  it('does nothing before start, and refuses a page nobody asked for', () => {
    const loader = new HierarchyLoader({ pageSize: 2 });

    expect(loader.nextRequest()).toBeNull();
    expect(loader.done).toBe(false);
    expect(loader.loadedCount).toBe(0);
    expect(() => loader.accept({ rows: [], nextAfterId: null })).toThrow(/without a pending request/);
  });

  it('starts over from a new top on start()', () => {
    const loader = new HierarchyLoader({ pageSize: 2 });
    loader.start(TOP);
    drive(loader, PAGES.slice(0, 2));

    loader.start(account('X', null, 'Other top'));

    expect(loader.loadedCount).toBe(1);
    expect(loader.nextRequest()).toEqual({ parentIds: ['X'], afterId: null, pageSize: 2 });
  });

  it('rejects page and batch sizes that are not positive whole numbers', () => {
    expect(() => new HierarchyLoader({ pageSize: 0 })).toThrow(RangeError);
    expect(() => new HierarchyLoader({ pageSize: 2.5 })).toThrow(RangeError);
    expect(() => new HierarchyLoader({ pageSize: 10, parentBatchSize: 0 })).toThrow(RangeError);
    expect(new HierarchyLoader({ pageSize: 10 }).parentBatchSize).toBe(500);
  });

  it('ends a batch when the cursor arrives missing rather than null (as Apex nulls may)', () => {
    const loader = new HierarchyLoader({ pageSize: 10 });
    loader.start(account('T', null, 'Top'));
    loader.nextRequest();

    // What `{ rows, nextAfterId: null }` looks like once the platform dropped the null field.
    const accepted = loader.accept({ rows: [account('C1', 'T', 'Child')] });

    expect(accepted.completedParentIds).toEqual(['T']);
    // The next call asks about the child, not about the top again with an `undefined` cursor.
    expect(loader.nextRequest()).toEqual({ parentIds: ['C1'], afterId: null, pageSize: 10 });
  });
});
