/**
 * Per-call governor bounds of AccountHierarchyController.findTop / .loadChildren on large
 * hierarchies generated in memory (no files), loaded the way the component loads them (findTop,
 * then HierarchyLoader: the path's siblings, then five levels per request): every call must stay
 * within a quarter of each synchronous limit (100 queries, 50,000 rows, 10 s CPU, 6 MB heap),
 * however big the hierarchy and however long its values; and the round trips stay few: the
 * current account shows after the findTop calls, the whole of a balanced 100,000 in ≤ 60 calls
 * (15 s at 150 ms a call), the bottom of a 1,000-level chain in ≤ 15 calls (3 s).
 */
import type { GovernorUsage, HierarchyChildrenPage, HierarchyRow, HierarchyTop } from '@contract';
import { HierarchyLoader, HierarchyTree } from 'c/hierarchyModel';
import type { DatasetBundle, TreeRecord } from '../dataset';
import { SampleOrg } from '../sampleOrg';
import { invokeApex } from '../apex/registry';
import { seededRandom } from '../../../../force-app/test/seededRandom';

/** A quarter of each synchronous limit. */
const BOUND: GovernorUsage = { queries: 25, queryRows: 12_500, cpuTimeMs: 2_500, heapBytes: 1_500_000 };
/** As the component asks: the server's most parents, rows and levels per call. */
const PARENT_BATCH = 2000;
const PAGE_SIZE = 5000;
const LEVELS = 5;
/** The workbench's simulated round trip the targets are measured at (the bench's latency=150). */
const LATENCY_MS = 150;

function account(n: number, parent: number | null): TreeRecord {
  const record: TreeRecord = {
    attributes: { type: 'Account', referenceId: `Acc${n}` },
    Name: `Stratus ${n}`,
    Type: 'Customer - Direct',
    Industry: ['Consulting', 'Technology', 'Retail'][n % 3],
    BillingCity: ['Boulder', 'Toronto', 'Berlin', 'Tokyo'][n % 4],
    AnnualRevenue: 1_000_000 + n,
    NumberOfEmployees: 10 + (n % 500),
  };
  if (parent !== null) record.ParentId = `@Acc${parent}`;
  return record;
}

/** A dataset bundle of generated accounts (parents always before their children), one rep user. */
function bundle(name: string, records: TreeRecord[]): DatasetBundle {
  return {
    name,
    plan: [{ sobject: 'Account', saveRefs: true, resolveRefs: true, files: ['Account.json'] }],
    files: { 'Account.json': { records } },
    org: {
      currentUser: 'rep',
      features: { ContactsToMultipleAccounts: true, AccountTeams: true },
      users: [
        {
          key: 'rep',
          name: 'Rita Reyes',
          permissionSets: ['AccountRelationships_User'],
          objectAccess: { Account: ['read', 'create', 'edit'] },
        },
      ],
    },
  };
}

const chain = (n: number): DatasetBundle =>
  bundle(
    `deep-${n}`,
    Array.from({ length: n }, (_, i) => account(i, i === 0 ? null : i - 1)),
  );

const EMOJI = '\u{1F600}'; // 😀: four bytes in UTF-8, two UTF-16 code units

/**
 * Every text value as long as its field allows, in emoji where the field takes any text: a field's
 * length is taken to count UTF-16 code units, as String.length() does (two for an emoji), so a
 * 255-character field holds 127 emoji and one more character.
 */
function fullLength(n: number, parent: number | null): TreeRecord {
  const text = (length: number): string => {
    const start = `${n} `;
    const emoji = EMOJI.repeat(Math.max(0, Math.floor((length - start.length) / EMOJI.length)));
    return (start + emoji).padEnd(length, 'x').slice(0, length);
  };
  return {
    ...account(n, parent),
    Name: text(255),
    Type: text(255),
    Industry: text(255),
    Rating: text(255),
    Ownership: text(255),
    AccountSource: text(255),
    Website: text(255),
    BillingStreet: text(255),
    ShippingStreet: text(255),
    YearStarted: text(4),
  };
}

const wide = (n: number): DatasetBundle =>
  bundle(
    `wide-${n}`,
    Array.from({ length: n }, (_, i) => account(i, i === 0 ? null : 0)),
  );

/** One root, uneven fan-out (4–7 regions, then 0–12 children, narrowing with depth), breadth-first. */
function balanced(n: number): DatasetBundle {
  const rand = seededRandom(1);
  const records = [account(0, null)];
  let level = [0];
  for (let depth = 1; records.length < n; depth++) {
    const next: number[] = [];
    for (const parent of level) {
      const leaf = depth > 1 && rand() < 0.25;
      const fanOut = leaf
        ? 0
        : depth === 1
          ? 4 + Math.floor(rand() * 4)
          : 1 + Math.floor(rand() * (depth <= 3 ? 12 : 8));
      for (let k = 0; k < fanOut && records.length < n; k++) {
        next.push(records.length);
        records.push(account(records.length, parent));
      }
    }
    if (next.length === 0) {
      next.push(records.length);
      records.push(account(records.length, level[0] ?? 0));
    }
    level = next;
  }
  return bundle(`balanced-${n}`, records);
}

interface Figures {
  calls: number;
  queries: number;
  queryRows: number;
  cpuTimeMs: number;
  heapBytes: number;
}

class Meter {
  readonly max: Figures = { calls: 0, queries: 0, queryRows: 0, cpuTimeMs: 0, heapBytes: 0 };

  constructor(private readonly org: SampleOrg) {}

  call(method: string, params: Record<string, unknown>): { usage: GovernorUsage } {
    const user = this.org.user('rep');
    if (!user) throw new Error('no rep');
    const result = invokeApex(`AccountHierarchyController.${method}`, params, {
      org: this.org,
      user,
      describe: this.org.describeFor(user),
    }) as { usage: GovernorUsage };
    this.max.calls++;
    for (const key of ['queries', 'queryRows', 'cpuTimeMs', 'heapBytes'] as const) {
      this.max[key] = Math.max(this.max[key], result.usage[key]);
      expect(result.usage[key]).toBeLessThanOrEqual(BOUND[key]);
    }
    return result;
  }
}

interface Opened {
  /** Calls until the current account could be shown: the findTop calls. */
  revealCalls: number;
  /** Calls until everything was loaded. */
  loadCalls: number;
  /** Every account received, in order of arrival (the path first). */
  loaded: string[];
  /** The tree as the component builds it. */
  tree: HierarchyTree;
  /** Whether the current account was in the tree, on a visible row, right after findTop. */
  shownAfterFindTop: boolean;
  findTop: Figures;
  loadChildren: Figures;
}

/**
 * Opens the hierarchy at `recordId` as the component does: findTop until the top (collecting the
 * path's rows), the path into the tree, then the loader's requests until it is done.
 */
function open(org: SampleOrg, recordId: string, columns: string[] | null = null): Opened {
  const findTopMeter = new Meter(org);
  const pathRows = new Map<string, HierarchyRow>();
  const pathIds: string[] = [];
  let startFromId: string | null = null;
  let top: HierarchyTop;
  do {
    top = findTopMeter.call('findTop', { recordId, columns, startFromId }) as HierarchyTop;
    for (const row of top.rows) pathRows.set(row.id, row);
    for (const id of top.ancestorIds) if (pathIds[pathIds.length - 1] !== id) pathIds.push(id);
    startFromId = top.nextStartId ?? null;
  } while (!top.topReached);
  const topRow = pathRows.get(top.topAccountId ?? '');
  if (!topRow) throw new Error('no top row');
  const tree = new HierarchyTree(top.columns, { currentId: recordId, topId: topRow.id });
  tree.addRows([topRow, ...pathRows.values()]);
  const currentIndex = tree.indexOfVisible(recordId);
  const shownAfterFindTop = tree.has(recordId) && currentIndex >= 0;

  const loaded = [...pathRows.keys()];
  const loadMeter = new Meter(org);
  const loader = new HierarchyLoader({ pageSize: PAGE_SIZE, parentBatchSize: PARENT_BATCH, levels: LEVELS });
  loader.start(topRow, [...pathIds].reverse());
  for (let request = loader.nextRequest(); request !== null; request = loader.nextRequest()) {
    const page = loadMeter.call('loadChildren', { ...request, columns }) as HierarchyChildrenPage;
    expect(page.rows.length).toBeLessThanOrEqual(PAGE_SIZE);
    const accepted = loader.accept(page);
    for (const row of accepted.rows) loaded.push(row.id);
    tree.addRows(accepted.rows);
    tree.markChildrenComplete(accepted.completedParentIds);
  }
  return {
    revealCalls: findTopMeter.max.calls,
    loadCalls: findTopMeter.max.calls + loadMeter.max.calls,
    loaded,
    tree,
    shownAfterFindTop,
    findTop: findTopMeter.max,
    loadChildren: loadMeter.max,
  };
}

/** Every account once, and none still waiting for children (a leaf is known to be a leaf). */
function expectCompleteAndUnique(opened: Opened, accounts: number): void {
  expect(opened.loaded).toHaveLength(accounts);
  expect(new Set(opened.loaded).size).toBe(accounts);
  expect(opened.tree.size).toBe(accounts);
  expect(opened.tree.orphanCount).toBe(0);
  expect(opened.loaded.filter((id) => opened.tree.childrenMaybePending(id))).toEqual([]);
}

const table: string[] = [];

afterAll(() => {
  console.log(
    [
      'Max per call (bound: 25 queries, 12,500 rows, 2,500 ms CPU, 1.5 MB heap — a quarter of each limit)',
      '| shape | method | calls | queries | queryRows | cpuTimeMs (est.) | heapBytes (est.) |',
      '|---|---|---:|---:|---:|---:|---:|',
      ...table,
    ].join('\n'),
  );
});

function record(shape: string, method: string, figures: Figures): void {
  const n = (value: number): string => value.toLocaleString('en-US');
  table.push(
    `| ${shape} | ${method} | ${n(figures.calls)} | ${n(figures.queries)} | ${n(figures.queryRows)} | ${n(figures.cpuTimeMs)} | ${n(figures.heapBytes)} |`,
  );
}

describe('round trips and governor usage per call on generated hierarchies', () => {
  // 19 walk queries of 5 accounts a call, each next call re-reading the highest account reached:
  // 95 + 10 × 94 ≥ 1,000 accounts → 11 calls, each bringing the rows it walked through.
  it('shows the bottom of a 1,000-level chain after 11 findTop calls (≤ 15, ≤ 3 s at 150 ms)', () => {
    const org = new SampleOrg(chain(1000));
    const bottom = org.resolveId('Acc999') ?? '';

    const opened = open(org, bottom);

    expect(opened.revealCalls).toBe(11);
    expect(opened.revealCalls * LATENCY_MS).toBeLessThanOrEqual(3000);
    expect(opened.shownAfterFindTop).toBe(true);
    const shownAt = opened.tree.indexOfVisible(bottom);
    expect(opened.tree.visibleRows(shownAt, shownAt + 1)[0]).toMatchObject({
      id: bottom,
      level: 1000,
      isCurrent: true,
    });
    // Nothing left but the path's children: one call (the chain has none besides the path).
    expect(opened.loadCalls).toBe(12);
    expectCompleteAndUnique(opened, 1000);
    expect(opened.findTop.queries).toBe(20);
    record('deep, 1,000 levels', 'findTop from the bottom', opened.findTop);
    record('deep, 1,000 levels', 'loadChildren (rest of the load)', opened.loadChildren);
  });

  it('loads a 1,000-level chain opened at its top in 1 + ⌈999 / 5⌉ calls', () => {
    const org = new SampleOrg(chain(1000));
    const opened = open(org, org.resolveId('Acc0') ?? '');
    expectCompleteAndUnique(opened, 1000);
    expect(opened.loadCalls).toBe(1 + 200);
  });

  it('pages 50,000 children of one parent by what the rows cost, within a quarter of every limit', () => {
    const org = new SampleOrg(wide(50_001));
    const opened = open(org, org.resolveId('Acc0') ?? '');

    expectCompleteAndUnique(opened, 50_001);
    // 50,000 rows of ~430 bytes in pages of a quarter of the heap: far fewer calls than the 87 of
    // worst-case pages of 576; the leaves are asked about once, five levels at a time, in batches.
    expect(opened.loadCalls).toBeLessThanOrEqual(50);
    record('wide, 1 parent × 50,000 children', 'loadChildren (full load)', opened.loadChildren);
  });

  it('fills a page with full-length values (emoji included) up to the heap budget, never past it', () => {
    const columns = [
      'Type',
      'Industry',
      'Rating',
      'Ownership',
      'AccountSource',
      'Website',
      'BillingStreet',
      'ShippingStreet',
      'Parent.Name',
    ];
    const org = new SampleOrg(
      bundle(
        'wide-full-length',
        Array.from({ length: 2001 }, (_, i) => fullLength(i, i === 0 ? null : 0)),
      ),
    );
    const meter = new Meter(org);
    const parentIds = [org.resolveId('Acc0') ?? ''];

    const page = meter.call('loadChildren', {
      parentIds,
      afterId: null,
      columns,
      pageSize: 10_000,
      levels: 5,
    }) as HierarchyChildrenPage;

    expect(page.droppedColumns).toEqual([]);
    expect(page.rows[0]?.name).toHaveLength(255);
    expect(page.rows[0]?.name).toContain(EMOJI);
    expect(page.rows[0]?.values.ShippingStreet).toHaveLength(255);
    // The budget, not the data, ends the page: a whole page, as full as a quarter of the heap allows
    // with the next chunk reserved at its worst (5,904 bytes a row), and never past it.
    expect(page.nextAfterId).not.toBeNull();
    expect(page.rows.length).toBeLessThan(2000);
    expect(page.usage.heapBytes).toBeLessThanOrEqual(BOUND.heapBytes);
    expect(page.usage.heapBytes).toBeGreaterThan(BOUND.heapBytes * 0.75);

    // The whole hierarchy of full-length values, every call within bounds.
    const opened = open(org, org.resolveId('Acc1') ?? '', columns);
    expectCompleteAndUnique(opened, 2001);
    record('wide, 2,000 full-length children', 'one page, 9 long text columns', { calls: 1, ...page.usage });
    record('wide, 2,000 full-length children', 'loadChildren (full load)', opened.loadChildren);
  });

  it('loads 100,000 balanced accounts opened at a leaf in ≤ 60 calls (≤ 15 s at 150 ms)', () => {
    const started = performance.now();
    const org = new SampleOrg(balanced(100_000));
    const built = performance.now();
    const leaf = org.resolveId('Acc99999') ?? '';

    const opened = open(org, leaf);

    expect(opened.revealCalls).toBe(1);
    expect(opened.shownAfterFindTop).toBe(true);
    expectCompleteAndUnique(opened, 100_000);
    expect(opened.loadCalls).toBeLessThanOrEqual(60);
    expect(opened.loadCalls * LATENCY_MS).toBeLessThanOrEqual(15_000);
    record('balanced, 100,000', 'findTop from a leaf', opened.findTop);
    record(
      'balanced, 100,000',
      `loadChildren (full load: ${opened.loadCalls} calls in all)`,
      opened.loadChildren,
    );
    console.log(
      `balanced 100,000: SampleOrg built in ${Math.round(built - started)} ms (incl. generating the bundle), ` +
        `full load in ${Math.round(performance.now() - built)} ms, ${opened.loadCalls} calls`,
    );
  });
});
