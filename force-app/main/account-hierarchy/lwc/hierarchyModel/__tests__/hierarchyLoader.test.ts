import { HierarchyLoader } from 'c/hierarchyModel';
import type { ChildrenPage, ChildrenRequest } from 'c/hierarchyModel';
import type { HierarchyRow } from '@contract';
import { seededRandom } from '../../../../../test/seededRandom';
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
      { parentIds: [HQ], afterId: null, pageSize: 2, levels: 1 },
      { parentIds: [HQ], afterId: EAST, pageSize: 2, levels: 1 },
      { parentIds: [WEST, EAST, CANADA], afterId: null, pageSize: 2, levels: 1 },
      { parentIds: [QUEBEC, DENVER], afterId: null, pageSize: 2, levels: 1 },
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
    expect(loader.nextRequest()).toEqual({ parentIds: ['X'], afterId: null, pageSize: 2, levels: 1 });
  });

  it('rejects page and batch sizes that are not positive whole numbers', () => {
    expect(() => new HierarchyLoader({ pageSize: 0 })).toThrow(RangeError);
    expect(() => new HierarchyLoader({ pageSize: 2.5 })).toThrow(RangeError);
    expect(() => new HierarchyLoader({ pageSize: 10, parentBatchSize: 0 })).toThrow(RangeError);
    expect(new HierarchyLoader({ pageSize: 10 }).parentBatchSize).toBe(500);
    expect(() => new HierarchyLoader({ pageSize: 10, levels: 0 })).toThrow(RangeError);
    expect(() => new HierarchyLoader({ pageSize: 10, levels: 6 })).toThrow(RangeError);
    expect(new HierarchyLoader({ pageSize: 10 }).levels).toBe(1);
  });
});

/**
 * loadChildren as the server answers it: the accounts with an ancestor among the parents at most
 * `levels` hops up, in Id order after the cursor, at most pageSize read a call; an account below a
 * hidden one is read but not returned (its branch is cut); the cursor is the last Id read, null once
 * nothing more matches.
 */
class DescendantServer {
  readonly requests: ChildrenRequest[] = [];
  private readonly children = new Map<string, HierarchyRow[]>();

  constructor(
    readonly accounts: readonly HierarchyRow[],
    readonly hidden: ReadonlySet<string> = new Set(),
  ) {
    for (const row of accounts) {
      const siblings = this.children.get(row.parentId ?? '') ?? [];
      siblings.push(row);
      this.children.set(row.parentId ?? '', siblings);
    }
  }

  childrenOf(id: string): HierarchyRow[] {
    return this.children.get(id) ?? [];
  }

  load(request: ChildrenRequest): ChildrenPage {
    this.requests.push(request);
    const matched = new Map<string, { row: HierarchyRow; kept: boolean }>();
    let level = request.parentIds.map((id) => ({ id, visible: true }));
    for (let depth = 1; depth <= request.levels; depth++) {
      const next: { id: string; visible: boolean }[] = [];
      for (const { id, visible } of level) {
        for (const child of this.childrenOf(id)) {
          if (matched.has(child.id)) continue;
          const childVisible = !this.hidden.has(child.id);
          if (childVisible) matched.set(child.id, { row: child, kept: visible });
          next.push({ id: child.id, visible: visible && childVisible });
        }
      }
      level = next;
    }
    const after = [...matched.values()]
      .sort((a, b) => (a.row.id < b.row.id ? -1 : 1))
      .filter(({ row }) => request.afterId === null || row.id > request.afterId);
    const read = after.slice(0, request.pageSize);
    return {
      rows: read.filter(({ kept }) => kept).map(({ row }) => row),
      nextAfterId: after.length > read.length ? (read[read.length - 1]?.row.id ?? null) : null,
    };
  }
}

/** Ids that sort like Salesforce's: fixed width. */
const idOf = (n: number): string => `A${String(n).padStart(6, '0')}`;

/**
 * A seeded tree: `count` accounts, each (but the first) under an earlier one, with Ids in an order
 * unrelated to the tree's (so pages mix levels and branches, as Salesforce Ids do).
 */
function randomTree(count: number, seed: number): HierarchyRow[] {
  const random = seededRandom(seed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const idAt = (n: number): string => idOf(order[n] ?? 0);
  const rows = [account(idAt(0), null, 'top')];
  for (let n = 1; n < count; n++) {
    // Mostly recent parents, so the tree gets deep as well as wide.
    const parent = Math.max(0, n - 1 - Math.floor(random() * Math.min(n, 40)));
    rows.push(account(idAt(n), idAt(parent), `n${n}`));
  }
  return rows;
}

interface LoadRun {
  delivered: string[];
  completed: string[];
  /** Accounts marked complete while one of their (visible) children had not arrived yet. */
  completedEarly: string[];
  calls: number;
}

/** Runs the loader against the server until it is done, checking each completion as it comes. */
function loadAll(
  server: DescendantServer,
  loader: HierarchyLoader,
  topId: string,
  path: string[] = [],
): LoadRun {
  const byId = new Map(server.accounts.map((row) => [row.id, row]));
  const top = byId.get(topId);
  if (!top) throw new Error('no top');
  loader.start(top, path);
  const delivered = new Set([topId, ...path]);
  const run: LoadRun = {
    delivered: [topId, ...path.filter((id) => id !== topId)],
    completed: [],
    completedEarly: [],
    calls: 0,
  };
  for (let request = loader.nextRequest(); request !== null; request = loader.nextRequest()) {
    run.calls++;
    if (run.calls > 10_000) throw new Error('the load does not end');
    const accepted = loader.accept(server.load(request));
    for (const row of accepted.rows) {
      run.delivered.push(row.id);
      delivered.add(row.id);
    }
    for (const id of accepted.completedParentIds) {
      run.completed.push(id);
      if (
        server
          .childrenOf(id)
          .some((child) => byId.has(child.id) && !delivered.has(child.id) && reachable(child.id))
      ) {
        run.completedEarly.push(id);
      }
    }
  }
  return run;

  /** Visible, and below the top through visible accounts only. */
  function reachable(id: string): boolean {
    for (let row = byId.get(id); row; row = byId.get(row.parentId ?? '')) {
      if (server.hidden.has(row.id)) return false;
      if (row.id === topId) return true;
    }
    return false;
  }
}

describe('HierarchyLoader, several levels a request', () => {
  it('asks for the path’s other children first (one level), then five levels at a time from them', () => {
    // T → A → B (the current account); T also has S, A has S2, B has C; S has a deep branch.
    const rows = [
      account('T', null, 'T'),
      account('A', 'T', 'A'),
      account('S', 'T', 'S'),
      account('B', 'A', 'B'),
      account('S2', 'A', 'S2'),
      account('C', 'B', 'C'),
      account('S3', 'S', 'S3'),
    ];
    const server = new DescendantServer(rows);
    const loader = new HierarchyLoader({ pageSize: 100, levels: 5 });

    const run = loadAll(server, loader, 'T', ['T', 'A', 'B']);

    expect(server.requests.map((r) => [r.parentIds, r.levels])).toEqual([
      [['T', 'A', 'B'], 1],
      [['C', 'S', 'S2'], 5],
    ]);
    expect(run.delivered).toEqual(['T', 'A', 'B', 'C', 'S', 'S2', 'S3']);
    expect(new Set(run.completed)).toEqual(new Set(rows.map((r) => r.id)));
    expect(run.completedEarly).toEqual([]);
  });

  it.each([
    [
      'deep (a 60-level chain)',
      Array.from({ length: 60 }, (_, i) => account(idOf(i), i ? idOf(i - 1) : null, `c${i}`)),
    ],
    [
      'wide (300 children of the top)',
      Array.from({ length: 301 }, (_, i) => account(idOf(i), i ? idOf(0) : null, `w${i}`)),
    ],
    ['balanced (2,000 accounts, seeded)', randomTree(2000, 7)],
  ])(
    'loads a %s hierarchy: every account once, each marked complete only after all its children',
    (_, rows) => {
      for (const [pageSize, parentBatchSize] of [
        [7, 13],
        [50, 500],
        [1, 3],
      ] as const) {
        const server = new DescendantServer(rows);
        const loader = new HierarchyLoader({ pageSize, parentBatchSize, levels: 5 });
        const current = rows[rows.length - 1]?.id ?? '';
        const path: string[] = [];
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (let row = byId.get(current); row; row = byId.get(row.parentId ?? '')) path.unshift(row.id);

        const run = loadAll(server, loader, rows[0]?.id ?? '', path);

        expect(run.delivered).toHaveLength(rows.length);
        expect(new Set(run.delivered).size).toBe(rows.length);
        expect(new Set(run.completed).size).toBe(rows.length);
        expect(run.completedEarly).toEqual([]);
        expect(loader.done).toBe(true);
      }
    },
  );

  it('reads a 60-level chain in a fifth of the requests one level at a time takes', () => {
    const rows = Array.from({ length: 60 }, (_, i) => account(idOf(i), i ? idOf(i - 1) : null, `c${i}`));
    const oneLevel = loadAll(new DescendantServer(rows), new HierarchyLoader({ pageSize: 100 }), idOf(0));
    const fiveLevels = loadAll(
      new DescendantServer(rows),
      new HierarchyLoader({ pageSize: 100, levels: 5 }),
      rows[0]?.id ?? '',
    );
    expect(oneLevel.calls).toBe(60);
    expect(fiveLevels.calls).toBe(12);
  });

  it('cuts the branch below an account the user cannot see, and still ends with every visible account complete', () => {
    const rows = randomTree(500, 3);
    const hidden = new Set([5, 77, 200].map((n) => rows[n]?.id ?? ''));
    const server = new DescendantServer(rows, hidden);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const belowHidden = (id: string): boolean => {
      for (let row = byId.get(id); row; row = byId.get(row.parentId ?? ''))
        if (hidden.has(row.id)) return true;
      return false;
    };

    const run = loadAll(
      server,
      new HierarchyLoader({ pageSize: 11, parentBatchSize: 17, levels: 5 }),
      rows[0]?.id ?? '',
    );

    const visible = rows.filter((row) => !belowHidden(row.id)).map((row) => row.id);
    expect(new Set(run.delivered)).toEqual(new Set(visible));
    expect(run.delivered).toHaveLength(visible.length);
    expect(new Set(run.completed)).toEqual(new Set(visible));
    expect(run.completedEarly).toEqual([]);
  });

  it('ends on a parent loop through the top, each account once', () => {
    // T's row names X as its parent (the walk up stopped at the loop); X's parent is T.
    const rows = [account('T', 'X', 'T'), account('X', 'T', 'X'), account('Y', 'X', 'Y')];
    const server = new DescendantServer(rows);

    const run = loadAll(server, new HierarchyLoader({ pageSize: 1, levels: 5 }), 'T');

    expect(run.delivered).toEqual(['T', 'X', 'Y']);
    expect(new Set(run.completed)).toEqual(new Set(['T', 'X', 'Y']));
  });

  it('asks again about a row whose parent it cannot place rather than calling it complete', () => {
    const loader = new HierarchyLoader({ pageSize: 10, levels: 5 });
    loader.start(account('T', null, 'T'));
    loader.nextRequest();
    // Q's parent P never came (re-parented during the load, or corrupt data): its depth is unknown.
    const accepted = loader.accept({
      rows: [account('A', 'T', 'A'), account('Q', 'P', 'Q')],
      nextAfterId: null,
    });

    expect(accepted.completedParentIds).toEqual(['T', 'A']);
    expect(loader.nextRequest()).toMatchObject({ parentIds: ['Q'], levels: 5 });
  });

  it('ends a batch when the cursor arrives missing rather than null (as Apex nulls may)', () => {
    const loader = new HierarchyLoader({ pageSize: 10 });
    loader.start(account('T', null, 'Top'));
    loader.nextRequest();

    // What `{ rows, nextAfterId: null }` looks like once the platform dropped the null field.
    const accepted = loader.accept({ rows: [account('C1', 'T', 'Child')] });

    expect(accepted.completedParentIds).toEqual(['T']);
    // The next call asks about the child, not about the top again with an `undefined` cursor.
    expect(loader.nextRequest()).toEqual({ parentIds: ['C1'], afterId: null, pageSize: 10, levels: 1 });
  });
});
