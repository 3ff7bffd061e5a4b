import { HierarchyTree, csvCell, foldForSearch, isRollable } from 'c/hierarchyModel';
import type { CsvOptions } from 'c/hierarchyModel';
import type { HierarchyColumn, HierarchyRow } from '@contract';
import { CANADA, COLUMNS, DENVER, EAST, HQ, QUEBEC, ROWS, TOP, WEST } from './getCloudyFixture';

/** The Get Cloudy family, loaded at once. */
function getCloudyTree(): HierarchyTree {
  const tree = new HierarchyTree(COLUMNS);
  tree.addRows([TOP, ...ROWS]);
  return tree;
}

const CSV_OPTIONS: CsvOptions = {
  header: { level: 'Level', name: 'Account Name' },
  rollupHeader: (label) => `${label} (subtree total)`,
};

/** The CSV's lines, without the BOM and the final line end. */
function csvLines(csv: string): string[] {
  return csv.slice(1, -2).split('\r\n');
}

describe('HierarchyTree: search', () => {
  it('finds accounts by part of their name, ignoring case, in tree order (children by name)', () => {
    const tree = getCloudyTree();

    expect(tree.search('CLOUDY')).toEqual([HQ, CANADA, QUEBEC, EAST, WEST, DENVER]);
    expect(tree.search('  west ')).toEqual([WEST]);
  });

  it('ignores accents both ways: "societe" finds "Société", "Montreal" finds "Montréal"', () => {
    const tree = getCloudyTree();

    expect(tree.search('societe')).toEqual([QUEBEC]);
    expect(tree.search('SOCIÉTÉ')).toEqual([QUEBEC]);
    expect(tree.search('montreal')).toEqual([CANADA]);
  });

  it('looks in the name and every text column, but not in numbers, booleans or dates', () => {
    const tree = getCloudyTree();

    expect(tree.search('boulder')).toEqual([HQ]);
    expect(tree.search('consulting')).toHaveLength(6);
    expect(tree.search('5000000')).toEqual([]);
    expect(tree.search('true')).toEqual([]);
    expect(tree.search('2025-03-14')).toEqual([]);
  });

  it('does not match across two fields or two accounts, nor with the separators themselves', () => {
    const tree = new HierarchyTree([]);
    tree.addRows([
      { id: 'A', parentId: null, name: 'Alpha', values: {} },
      { id: 'B', parentId: 'A', name: 'Bravo', values: {} },
    ]);

    expect(getCloudyTree().search('west consulting')).toEqual([]);
    expect(tree.search('alphabravo')).toEqual([]);
    expect(tree.search('alpha\u0002bravo')).toEqual([]);
    expect(tree.search('\u0001')).toEqual([]);
    expect(tree.search('bravo')).toEqual(['B']);
  });

  it('lists an account once however often it matches, and finds matches at the very start and end', () => {
    const tree = new HierarchyTree([{ fieldPath: 'Description', label: 'Description', type: 'text' }]);
    tree.addRows([
      { id: 'A', parentId: null, name: 'Echo echo', values: { Description: 'echo' } },
      { id: 'B', parentId: 'A', name: 'Foxtrot', values: { Description: 'Echo' } },
      { id: 'C', parentId: 'A', name: 'Golf', values: { Description: 'Hotel' } },
    ]);

    expect(tree.search('echo')).toEqual(['A', 'B']);
    expect(tree.search('hotel')).toEqual(['C']);
    expect(tree.search('e')).toEqual(['A', 'B', 'C']);
  });

  it('finds accounts in collapsed branches too (the UI then expands the path to them)', () => {
    const tree = getCloudyTree();
    tree.collapseAll();

    const [match] = tree.search('denver');
    expect(match).toBe(DENVER);
    expect(tree.indexOfVisible(DENVER)).toBe(-1);
    tree.expandPathTo(DENVER);
    expect(tree.indexOfVisible(DENVER)).toBe(4);
  });

  it('searches thousands of accounts that arrived page by page, some before their parent, in tree order', () => {
    const rows = Array.from({ length: 2500 }, (_, n) => ({
      id: `A${String(n).padStart(4, '0')}`,
      parentId: n === 0 ? null : `A${String(Math.floor((n - 1) / 7)).padStart(4, '0')}`,
      name: n % 11 === 0 ? `Lyon ${n}` : `Account ${n}`,
      values: {},
    }));
    const tree = new HierarchyTree([]);
    // Pages of 300 in reverse order: most rows wait for their parent, then join with it.
    for (let end = rows.length; end > 0; end -= 300) {
      tree.addRows(rows.slice(Math.max(0, end - 300), end));
    }
    // The expected answer, the slow way: every account in tree order, names tested one by one.
    const inTreeOrder: string[] = [];
    const stack = ['A0000'];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      inTreeOrder.push(id);
      stack.push(...tree.childIds(id).reverse());
    }
    const expected = inTreeOrder.filter((id) => tree.name(id)?.startsWith('Lyon'));

    expect(tree.size).toBe(2500);
    expect(tree.search('lyon')).toEqual(expected);
    expect(expected).toHaveLength(228);
    // Account 2496 is not a "Lyon"; 2497 (= 11 × 227) is.
    expect(tree.search('lyon 2496')).toEqual([]);
    expect(tree.search('lyon 2497')).toEqual(['A2497']);
    tree.prepareSearch();
    expect(tree.search('account 1')).toEqual(
      inTreeOrder.filter((id) => tree.name(id)?.toLowerCase().includes('account 1')),
    );
  });

  it('finds nothing for a blank query', () => {
    expect(getCloudyTree().search('   ')).toEqual([]);
  });

  it('finds accounts that arrived after an earlier search', () => {
    const tree = getCloudyTree();
    expect(tree.search('kicks')).toEqual([]);

    tree.addRows([{ id: 'CK', parentId: EAST, name: 'Cloud Kicks', values: {} }]);

    expect(tree.search('kicks')).toEqual(['CK']);
  });

  it('folds text for search as lower case without accents', () => {
    expect(foldForSearch('Société Générale À Zürich')).toBe('societe generale a zurich');
    expect(foldForSearch('Get Cloudy')).toBe('get cloudy');
  });
});

describe('HierarchyTree: roll-ups', () => {
  it('adds up a currency column over the account and everything below it, skipping empty values', () => {
    const tree = getCloudyTree();

    // HQ 5,000,000 + West 2,000,000 + East (empty) + Canada 1,000,000 + Québec 250,000 + Denver 300,000
    expect(tree.rollup(HQ, 'AnnualRevenue')).toBe(8_550_000);
    expect(tree.rollup(WEST, 'AnnualRevenue')).toBe(2_300_000);
    expect(tree.rollup(CANADA, 'AnnualRevenue')).toBe(1_250_000);
  });

  it('adds up number columns too, and gives no total where no account has a value', () => {
    const tree = getCloudyTree();

    expect(tree.rollup(HQ, 'NumberOfEmployees')).toBe(215);
    // Canada's own employee count is empty; Québec's counts.
    expect(tree.rollup(CANADA, 'NumberOfEmployees')).toBe(8);
    expect(tree.rollup(EAST, 'AnnualRevenue')).toBeNull();
  });

  it('does not add up percentages, texts or unknown columns, nor unknown accounts', () => {
    const tree = getCloudyTree();

    expect(tree.rollup(HQ, 'Growth__c')).toBeNull();
    expect(tree.rollup(HQ, 'BillingCity')).toBeNull();
    expect(tree.rollup(HQ, 'Nope')).toBeNull();
    expect(tree.rollup('unknown', 'AnnualRevenue')).toBeNull();
    expect(COLUMNS.filter(isRollable).map((c) => c.fieldPath)).toEqual([
      'AnnualRevenue',
      'NumberOfEmployees',
    ]);
    expect(tree.rollableColumns).toHaveLength(2);
  });

  it('updates totals when more accounts arrive', () => {
    const tree = getCloudyTree();
    expect(tree.rollup(EAST, 'AnnualRevenue')).toBeNull();

    tree.addRows([
      { id: 'NY2', parentId: EAST, name: 'Get Cloudy Brooklyn', values: { AnnualRevenue: 50_000 } },
    ]);

    expect(tree.rollup(EAST, 'AnnualRevenue')).toBe(50_000);
    expect(tree.rollup(HQ, 'AnnualRevenue')).toBe(8_600_000);
  });

  it('keeps totals right as accounts arrive after a read: orphans joining later, and rows deeper than the incremental limit', () => {
    const row = (id: string, parentId: string | null, revenue?: number): HierarchyRow => ({
      id,
      parentId,
      name: id,
      values: revenue === undefined ? {} : { AnnualRevenue: revenue },
    });
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows([row('T', null, 1)]);
    expect(tree.rollup('T', 'AnnualRevenue')).toBe(1);

    // A grandchild before its parent: it waits, then joins with it.
    tree.addRows([row('G', 'C', 100)]);
    expect(tree.rollup('T', 'AnnualRevenue')).toBe(1);
    tree.addRows([row('C', 'T'), row('D', 'T', 10)]);
    expect(tree.rollup('C', 'AnnualRevenue')).toBe(100);
    expect(tree.rollup('T', 'AnnualRevenue')).toBe(111);

    // A chain of 150 levels below D, a value at every level: past the incremental limit the totals are
    // computed again in one pass, and still add up.
    const chain: HierarchyRow[] = [];
    for (let level = 1, parent = 'D'; level <= 150; parent = `L${level}`, level++) {
      chain.push(row(`L${level}`, parent, 1));
    }
    tree.addRows(chain);
    expect(tree.rollup('D', 'AnnualRevenue')).toBe(160);
    expect(tree.rollup('L100', 'AnnualRevenue')).toBe(51);
    expect(tree.rollup('T', 'AnnualRevenue')).toBe(261);
    tree.addRows([row('E', 'T', 1000)]);
    expect(tree.rollup('T', 'AnnualRevenue')).toBe(1261);
    expect(tree.rollup('E', 'NumberOfEmployees')).toBeNull();
  });
});

describe('HierarchyTree: CSV export', () => {
  it('exports the whole hierarchy in tree order, with a BOM, CRLF line ends and subtree totals', () => {
    const csv = getCloudyTree().toCsv(CSV_OPTIONS);

    expect(csv.startsWith('\uFEFFLevel,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csvLines(csv)).toEqual([
      'Level,Account Name,Industry,Billing City,Annual Revenue,Employees,Growth,Partner,Last Activity,' +
        'Annual Revenue (subtree total),Employees (subtree total)',
      '1,Get Cloudy Consulting,Consulting,Boulder,5000000,120,12,true,2025-03-14,8550000,215',
      '2,Get Cloudy Canada,Consulting,Montréal,1000000,,,true,,1250000,8',
      '3,Société Get Cloudy Québec,Consulting,Québec,250000,8,3,false,2024-12-24,250000,8',
      '2,Get Cloudy East,Consulting,New York,,35,7,false,2025-02-01,,35',
      '2,Get Cloudy West,Consulting,San Francisco,2000000,40,5,false,,2300000,52',
      '3,Get Cloudy Denver,Consulting,Denver,300000,12,4,false,,300000,12',
    ]);
  });

  it('exports one branch when asked, whatever is expanded', () => {
    const tree = getCloudyTree();
    tree.collapseAll();

    expect(csvLines(tree.toCsv({ ...CSV_OPTIONS, rootId: WEST })).slice(1)).toEqual([
      '2,Get Cloudy West,Consulting,San Francisco,2000000,40,5,false,,2300000,52',
      '3,Get Cloudy Denver,Consulting,Denver,300000,12,4,false,,300000,12',
    ]);
    expect(csvLines(tree.toCsv({ ...CSV_OPTIONS, rootId: 'unknown' }))).toHaveLength(1);
  });

  it('quotes cells with commas, quotes or line breaks (RFC 4180)', () => {
    const tree = new HierarchyTree([{ fieldPath: 'Description', label: 'Notes, "internal"', type: 'text' }]);
    tree.addRows([
      { id: 'T', parentId: null, name: 'Cloud Kicks, Inc.', values: { Description: 'Line 1\nsaid "hi"' } },
    ]);

    expect(csvLines(tree.toCsv(CSV_OPTIONS))).toEqual([
      'Level,Account Name,"Notes, ""internal"""',
      '1,"Cloud Kicks, Inc.","Line 1\nsaid ""hi"""',
    ]);
  });

  it('defuses cells a spreadsheet would run as a formula, but leaves plain numbers alone', () => {
    const columns: HierarchyColumn[] = [
      { fieldPath: 'A', label: 'A', type: 'text' },
      { fieldPath: 'B', label: 'B', type: 'text' },
      { fieldPath: 'C', label: 'C', type: 'number' },
    ];
    const tree = new HierarchyTree(columns);
    tree.addRows([
      {
        id: 'T',
        parentId: null,
        name: '=HYPERLINK("http://x")',
        values: { A: '@SUM(1)', B: '-12.5', C: -3 },
      },
    ]);

    expect(csvLines(tree.toCsv(CSV_OPTIONS))[1]).toBe(`1,"'=HYPERLINK(""http://x"")",'@SUM(1),-12.5,-3,-3`);
    expect(['+1', '+cmd', '-x', '\tx', '\rx', '1e5', '-1E-3', '.5'].map(csvCell)).toEqual([
      '+1',
      "'+cmd",
      "'-x",
      "'\tx",
      `"'\rx"`,
      '1e5',
      '-1E-3',
      '.5',
    ]);
    expect([true, false, null, 0].map(csvCell)).toEqual(['true', 'false', '', '0']);
  });
});
