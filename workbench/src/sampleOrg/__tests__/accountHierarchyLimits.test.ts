/**
 * Per-call governor bounds of AccountHierarchyController.findTop / .loadChildren on large
 * hierarchies generated in memory (no files): every call must stay within a quarter of each
 * synchronous limit (100 queries, 50,000 rows, 10 s CPU, 6 MB heap), however big the hierarchy and
 * however long its values. A page holds what the heap budget holds of rows at their worst case: 576
 * with the default columns (2,600 bytes a row, see AccountHierarchyService).
 */
import type { GovernorUsage, HierarchyChildrenPage, HierarchyTop } from '@contract';
import type { DatasetBundle, TreeRecord } from '../dataset';
import { SampleOrg } from '../sampleOrg';
import { invokeApex } from '../apex/registry';
import { seededRandom } from '../../../../force-app/test/seededRandom';

/** A quarter of each synchronous limit. */
const BOUND: GovernorUsage = { queries: 25, queryRows: 12_500, cpuTimeMs: 2_500, heapBytes: 1_500_000 };
const PARENT_BATCH = 2000;
const PAGE_SIZE = 2000;
/** The default columns' page: 1,500,000 bytes / 2,600 bytes a row at its worst. */
const DEFAULT_COLUMNS_PAGE = 576;

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

/** Every text value as long as its field allows (ASCII: the sample org's heap estimate counts UTF-8). */
function fullLength(n: number, parent: number | null): TreeRecord {
  const text = (length: number): string => `${n} `.padEnd(length, 'x');
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

/** findTop from `recordId` until the top is reached: the calls it took. */
function walkUp(meter: Meter, recordId: string): { top: HierarchyTop; calls: number; ancestors: string[] } {
  let startFromId: string | null = null;
  const ancestors: string[] = [];
  for (let calls = 1; ; calls++) {
    const top: HierarchyTop = meter.call('findTop', { recordId, columns: null, startFromId }) as HierarchyTop;
    ancestors.push(...(startFromId === null ? top.ancestorIds : top.ancestorIds.slice(1)));
    if (top.topReached) return { top, calls, ancestors };
    expect(top.rows).toEqual([]);
    startFromId = top.nextStartId ?? null;
  }
}

/** The whole hierarchy breadth-first, parents in batches of PARENT_BATCH, pages of PAGE_SIZE. */
function loadAll(meter: Meter, topId: string): string[] {
  const loaded = [topId];
  for (let head = 0; head < loaded.length;) {
    const parentIds = loaded.slice(head, head + PARENT_BATCH);
    head += parentIds.length;
    let afterId: string | null = null;
    do {
      const page = meter.call('loadChildren', {
        parentIds,
        afterId,
        columns: null,
        pageSize: PAGE_SIZE,
      }) as HierarchyChildrenPage;
      expect(page.rows.length).toBeLessThanOrEqual(PAGE_SIZE);
      for (const row of page.rows) loaded.push(row.id);
      afterId = page.nextAfterId ?? null;
    } while (afterId !== null);
  }
  return loaded;
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

describe('governor usage per call on generated hierarchies', () => {
  // AccountHierarchyService: 19 walk queries of 5 accounts a call, each next call re-reading the
  // highest account reached: 95 + 10 × 94 ≥ 1,000 accounts → 11 calls (20 queries at most a call).
  it('walks a 1,000-deep chain from the bottom in 11 findTop calls of at most 20 queries', () => {
    const org = new SampleOrg(chain(1000));
    const meter = new Meter(org);
    const bottom = org.resolveId('Acc999') ?? '';

    const { top, calls, ancestors } = walkUp(meter, bottom);

    expect(calls).toBe(11);
    expect(top.topAccountId).toBe(org.resolveId('Acc0'));
    expect(top.rows.map((r) => r.id)).toEqual([org.resolveId('Acc0')]);
    expect(ancestors).toHaveLength(1000);
    expect(ancestors[0]).toBe(bottom);
    expect(new Set(ancestors).size).toBe(1000);
    // Calls 1–10 walk 19 queries each; the 11th reaches the top in fewer and reads its row.
    expect(meter.max.queries).toBe(19);
    expect(meter.max.queryRows).toBe(19);
    record('deep, 1,000 levels', 'findTop from the bottom', meter.max);
  });

  it('pages 50,000 children of one parent 576 at a time (the default columns at their worst)', () => {
    const org = new SampleOrg(wide(50_001));
    const meter = new Meter(org);
    const root = org.resolveId('Acc0') ?? '';

    const loaded = loadAll(meter, root);

    expect(loaded).toHaveLength(50_001);
    expect(new Set(loaded).size).toBe(50_001);
    expect(meter.max.queries).toBe(1);
    expect(meter.max.queryRows).toBe(DEFAULT_COLUMNS_PAGE + 1);
    // ⌈50,000 / 576⌉ = 87 pages of children (the last one ends the cursor), then one empty page per
    // batch of 2,000 leaves.
    expect(meter.max.calls).toBe(87 + 25);
    record('wide, 1 parent × 50,000 children', 'loadChildren (full load)', meter.max);
  });

  it('cuts a page of long text columns shorter than one of narrow columns, both within bounds', () => {
    const org = new SampleOrg(
      bundle(
        'wide-full-length',
        Array.from({ length: 2001 }, (_, i) => fullLength(i, i === 0 ? null : 0)),
      ),
    );
    const meter = new Meter(org);
    const parentIds = [org.resolveId('Acc0') ?? ''];
    // 854 + 8 × (255 × 2 + 40) + (255 × 2 + 40 + 100) = 5,904 bytes a row at its worst: 254 rows.
    const longText = [
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
    // 854 + 2 × (32 + 40) + (28 + 40) + (56 + 40) + (4 × 2 + 40) = 1,210 bytes: 1,239 rows.
    const narrow = ['AnnualRevenue', 'NumberOfEmployees', 'LastActivityDate', 'CreatedDate', 'YearStarted'];

    const page = (columns: string[]): HierarchyChildrenPage =>
      meter.call('loadChildren', {
        parentIds,
        afterId: null,
        columns,
        pageSize: 5000,
      }) as HierarchyChildrenPage;
    const longPage = page(longText);
    const narrowPage = page(narrow);

    expect(longPage.droppedColumns).toEqual([]);
    expect(longPage.rows).toHaveLength(254);
    expect(narrowPage.rows).toHaveLength(1239);
    expect(longPage.rows[0]?.values.Website).toHaveLength(255);
    // Meter.call has checked both against a quarter of each limit; the long page comes closest.
    expect(longPage.usage.heapBytes).toBeGreaterThan(narrowPage.usage.heapBytes);
    record('wide, 2,000 full-length children', 'loadChildren, 9 long text columns', {
      calls: 1,
      ...longPage.usage,
    });
  });

  it('loads 100,000 balanced accounts breadth-first within a quarter of every limit per call', () => {
    const started = performance.now();
    const org = new SampleOrg(balanced(100_000));
    const built = performance.now();
    const meter = new Meter(org);

    const { top, calls: findTopCalls } = walkUp(meter, org.resolveId('Acc99999') ?? '');
    expect(findTopCalls).toBe(1);
    const findTopMax = { ...meter.max };
    const loadMeter = new Meter(org);
    const loaded = loadAll(loadMeter, top.topAccountId ?? '');

    expect(loaded).toHaveLength(100_000);
    expect(new Set(loaded).size).toBe(100_000);
    expect(loadMeter.max.queries).toBe(1);
    expect(loadMeter.max.queryRows).toBeLessThanOrEqual(DEFAULT_COLUMNS_PAGE + 1);
    // A page holds at most 576 accounts: at least ⌈99,999 / 576⌉ = 174 calls; and every account is a
    // parent once, in batches of 2,000, whose last page is short.
    expect(loadMeter.max.calls).toBeGreaterThanOrEqual(174);
    expect(loadMeter.max.calls).toBeLessThan(250);
    record('balanced, 100,000', 'findTop from a leaf', findTopMax);
    record('balanced, 100,000', 'loadChildren (full load)', loadMeter.max);
    console.log(
      `balanced 100,000: SampleOrg built in ${Math.round(built - started)} ms (incl. generating the bundle), ` +
        `full load in ${Math.round(performance.now() - built)} ms`,
    );
  });
});
