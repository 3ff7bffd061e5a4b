import { HierarchyLoader, HierarchyTree } from 'c/hierarchyModel';
import type { VisibleRow } from 'c/hierarchyModel';
import type { HierarchyRow } from '@contract';
import { CANADA, COLUMNS, DENVER, EAST, HQ, PAGES, QUEBEC, TOP, WEST } from './getCloudyFixture';

/** The item at `index`, which the test knows is there. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new RangeError(`no item at ${index}`);
  }
  return item;
}

function account(id: string, parentId: string | null, name: string): HierarchyRow {
  return { id, parentId, name, values: {} };
}

/** A deterministic pseudo-random sequence in [0, 1), so every run sees the same data. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

/** `count` accounts numbered breadth-first, each parent with `fanOut` children, names shuffled. */
function generatedHierarchy(count: number, fanOut: number): HierarchyRow[] {
  const random = seededRandom(3);
  return Array.from({ length: count }, (_, n) =>
    account(
      `A${n}`,
      n === 0 ? null : `A${Math.floor((n - 1) / fanOut)}`,
      `Account ${Math.floor(random() * 500)}`,
    ),
  );
}

/** The Get Cloudy family loaded page by page, as the component does. */
function loadGetCloudy(options: ConstructorParameters<typeof HierarchyTree>[1] = {}) {
  const tree = new HierarchyTree(COLUMNS, { topId: HQ, ...options });
  const loader = new HierarchyLoader({ pageSize: 2 });
  tree.addRows([TOP]);
  loader.start(TOP);
  for (const page of PAGES) {
    if (loader.nextRequest() === null) {
      break;
    }
    const accepted = loader.accept(page);
    tree.addRows(accepted.rows);
    tree.markChildrenComplete(accepted.completedParentIds);
  }
  return tree;
}

/** What the treegrid shows: one "level name" line per visible row. */
function outline(tree: HierarchyTree): string[] {
  return tree.visibleRows(0, tree.visibleCount).map((row) => `${'  '.repeat(row.level - 1)}${row.name}`);
}

/** The visible ids, recomputed from scratch (children and expansion only) as a reference. */
function expectedVisibleIds(tree: HierarchyTree, topIds: string[]): string[] {
  const ids: string[] = [];
  const stack = [...topIds].reverse();
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    ids.push(id);
    if (tree.isExpanded(id)) {
      stack.push(...tree.childIds(id).reverse());
    }
  }
  return ids;
}

describe('HierarchyTree: building from pages', () => {
  it('shows the top and its children sorted by name, with levels for aria-level', () => {
    const tree = loadGetCloudy();

    expect(tree.size).toBe(6);
    expect(outline(tree)).toEqual([
      'Get Cloudy Consulting',
      '  Get Cloudy Canada',
      '  Get Cloudy East',
      '  Get Cloudy West',
    ]);
    expect(tree.depth).toBe(3);
  });

  it('describes each visible row for the treegrid (aria-posinset, aria-setsize, aria-expanded)', () => {
    const tree = loadGetCloudy({ currentId: EAST });
    const [top, canada, east, west] = tree.visibleRows(0, 4);

    expect(top).toEqual<VisibleRow>({
      id: HQ,
      name: 'Get Cloudy Consulting',
      parentId: null,
      level: 1,
      expanded: true,
      hasChildren: true,
      childrenPending: false,
      posInSet: 1,
      setSize: 1,
      values: TOP.values,
      isCurrent: false,
    });
    expect(canada).toMatchObject({
      parentId: HQ,
      level: 2,
      posInSet: 1,
      setSize: 3,
      expanded: false,
      hasChildren: true,
    });
    // East has no children and the server said so: a leaf, without an expander.
    expect(east).toMatchObject({
      posInSet: 2,
      setSize: 3,
      expanded: undefined,
      hasChildren: false,
      isCurrent: true,
    });
    expect(west).toMatchObject({ posInSet: 3, setSize: 3, expanded: false, hasChildren: true });
  });

  it('shows an expander while children may still arrive, and drops it once the parent is known to be a leaf', () => {
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows([TOP, account(EAST, HQ, 'Get Cloudy East')]);

    expect(tree.childrenMaybePending(EAST)).toBe(true);
    expect(tree.visibleRows(1, 2)[0]).toMatchObject({
      hasChildren: true,
      childrenPending: true,
      expanded: false,
    });

    tree.markChildrenComplete([EAST]);

    expect(tree.hasChildren(EAST)).toBe(false);
    expect(tree.childrenMaybePending(EAST)).toBe(false);
    expect(tree.visibleRows(1, 2)[0]).toMatchObject({
      hasChildren: false,
      childrenPending: false,
      expanded: undefined,
    });
  });

  it('remembers "children complete" for an account that has not arrived yet', () => {
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows([TOP]);
    tree.markChildrenComplete([WEST]);
    tree.addRows([account(WEST, HQ, 'Get Cloudy West')]);

    expect(tree.childrenMaybePending(WEST)).toBe(false);
    expect(tree.childrenMaybePending('unknown')).toBe(false);
  });

  it("sorts siblings by name for the user's locale, then by Id when names are equal", () => {
    const tree = new HierarchyTree(COLUMNS, { locale: 'fr-FR' });
    tree.addRows([
      account('T', null, 'Top'),
      account('b2', 'T', 'Zeta'),
      account('b1', 'T', 'émile'),
      account('a9', 'T', 'Emile'),
      account('a2', 'T', 'Zeta'),
      account('a1', 'T', 'faure'),
    ]);

    expect(tree.childIds('T')).toEqual(['a9', 'b1', 'a1', 'a2', 'b2']);
  });

  it('keeps siblings sorted as more pages of them arrive', () => {
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows([account('T', null, 'Top')]);
    const random = seededRandom(7);
    const names: string[] = [];
    for (let page = 0; page < 5; page++) {
      const rows = Array.from({ length: 50 }, (_, i) => {
        const name = `Account ${Math.floor(random() * 1000)}`;
        names.push(name);
        return account(`${page}-${i}`, 'T', name);
      });
      tree.addRows(rows);
      // The UI reads the rows after every page.
      expect(tree.visibleCount).toBe(names.length + 1);
    }

    const shown = tree.visibleRows(1, 251).map((row) => row.name);
    expect(shown).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(tree.visibleRows(1, 251).map((row) => row.posInSet)).toEqual(shown.map((_, i) => i + 1));
  });

  it('keeps accounts that arrive before their parent aside, and attaches them when it arrives', () => {
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows([
      account(QUEBEC, CANADA, 'Société Get Cloudy Québec'),
      account(DENVER, WEST, 'Get Cloudy Denver'),
    ]);

    expect(tree.size).toBe(0);
    expect(tree.orphanCount).toBe(2);

    expect(tree.addRows([TOP, account(CANADA, HQ, 'Get Cloudy Canada')])).toBe(3);
    expect(tree.orphanCount).toBe(1);
    expect(tree.parentId(QUEBEC)).toBe(CANADA);
    expect(tree.level(QUEBEC)).toBe(3);
  });

  it('attaches a 1,000-deep chain that arrives bottom-up in one go, without overflowing the stack', () => {
    const chain = generatedHierarchy(1000, 1);
    const tree = new HierarchyTree(COLUMNS);

    expect(tree.addRows([...chain].reverse())).toBe(1000);
    tree.expandAll();

    expect(tree.visibleCount).toBe(1000);
    const deepest = at(chain, 999);
    expect(tree.level(deepest.id)).toBe(1000);
    expect(tree.path(deepest.id)).toEqual(chain.map((row) => row.id));
    expect(tree.visibleRows(999, 1000)[0]).toMatchObject({ id: deepest.id, level: 1000 });
  });

  it('ignores a row whose id is already known: the first one wins', () => {
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows([TOP, account(WEST, HQ, 'Get Cloudy West'), account('X', 'nowhere', 'Waiting')]);

    expect(
      tree.addRows([account(WEST, HQ, 'Renamed'), account(HQ, WEST, 'Top again'), account('X', HQ, 'X')]),
    ).toBe(0);
    expect(tree.name(WEST)).toBe('Get Cloudy West');
    expect(tree.row(HQ)).toBe(TOP);
    expect(tree.size).toBe(2);
    expect(tree.name('X')).toBeUndefined();
  });

  it('ignores rows that would close a cycle: a row that is its own parent, and a parent loop', () => {
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows([
      TOP,
      account('SELF', 'SELF', 'Its own parent'),
      account('A', 'B', 'Loop A'),
      account('B', 'A', 'Loop B'),
      account('C', 'A', 'Below the loop'),
    ]);

    expect(tree.size).toBe(1);
    expect(tree.orphanCount).toBe(4);
    expect(tree.visibleCount).toBe(1);
    expect(tree.search('loop')).toEqual([]);
  });

  it('treats the top named by topId as the top even when its row names an (invisible) parent', () => {
    const tree = new HierarchyTree(COLUMNS, { topId: 'T' });
    tree.addRows([account('C', 'T', 'Child'), account('T', 'HIDDEN', 'Top'), account('', 'T', 'No id')]);

    expect(tree.path('C')).toEqual(['T', 'C']);
    expect(tree.parentId('T')).toBeNull();
    expect(tree.size).toBe(2);
  });

  it('reveals the current account as soon as it arrives, and marks it', () => {
    const tree = new HierarchyTree(COLUMNS, { currentId: QUEBEC });
    tree.addRows([TOP, account(CANADA, HQ, 'Get Cloudy Canada'), account(QUEBEC, CANADA, 'Québec')]);

    expect(tree.isExpanded(CANADA)).toBe(true);
    expect(tree.indexOfVisible(QUEBEC)).toBe(2);
    expect(tree.visibleRows(2, 3)[0]?.isCurrent).toBe(true);
  });
});

describe('HierarchyTree: expanding and collapsing', () => {
  it('opens the top and its children by default, or as many levels as asked', () => {
    expect(loadGetCloudy().visibleCount).toBe(4);
    expect(loadGetCloudy({ visibleLevels: 1 }).visibleCount).toBe(1);
    expect(loadGetCloudy({ visibleLevels: 3 }).visibleCount).toBe(6);
  });

  it('shows and hides a branch with expand, collapse and toggle', () => {
    const tree = loadGetCloudy();

    tree.expand(CANADA);
    expect(outline(tree)).toEqual([
      'Get Cloudy Consulting',
      '  Get Cloudy Canada',
      '    Société Get Cloudy Québec',
      '  Get Cloudy East',
      '  Get Cloudy West',
    ]);

    tree.toggle(WEST);
    expect(tree.indexOfVisible(DENVER)).toBe(5);
    tree.toggle(WEST);
    expect(tree.indexOfVisible(DENVER)).toBe(-1);

    tree.collapse(HQ);
    expect(outline(tree)).toEqual(['Get Cloudy Consulting']);
    expect(tree.isExpanded(CANADA)).toBe(true);

    // Expanding the top again brings back the branch that was open below it.
    tree.expand(HQ);
    expect(tree.visibleCount).toBe(5);
  });

  it('restores a collapsed branch as it is now when expanded again, whatever changed in between', () => {
    const tree = loadGetCloudy();
    tree.expand(CANADA);
    const expanded = outline(tree);

    // Nothing else changed: the same rows come back.
    tree.collapse(HQ);
    tree.expand(HQ);
    expect(outline(tree)).toEqual(expanded);

    // A hidden branch was collapsed meanwhile.
    tree.collapse(HQ);
    tree.collapse(CANADA);
    tree.expand(HQ);
    expect(tree.indexOfVisible(QUEBEC)).toBe(-1);
    expect(tree.visibleCount).toBe(4);

    // Rows arrived meanwhile.
    tree.collapse(HQ);
    tree.addRows([account('NEW', EAST, 'Get Cloudy Boston')]);
    tree.expand(EAST);
    tree.expand(HQ);
    expect(tree.indexOfVisible('NEW')).toBe(3);

    // Another branch was collapsed and expanded meanwhile.
    tree.collapse(EAST);
    tree.collapse(HQ);
    tree.expand(WEST);
    tree.expand(HQ);
    expect(tree.visibleRows(0, tree.visibleCount).map((row) => row.id)).toEqual(
      expectedVisibleIds(tree, [HQ]),
    );
  });

  it('does nothing for unknown accounts or accounts already in the asked state', () => {
    const tree = loadGetCloudy();
    tree.expand('unknown');
    tree.collapse('unknown');
    tree.expand(HQ);
    tree.collapse(EAST);
    tree.toggle('unknown');

    expect(tree.visibleCount).toBe(4);
    expect(tree.isExpanded('unknown')).toBe(false);
  });

  it('expands everything, collapses everything but the top, or opens a number of levels', () => {
    const tree = loadGetCloudy();

    tree.expandAll();
    expect(tree.visibleCount).toBe(6);

    tree.collapseAll();
    expect(outline(tree)).toEqual(['Get Cloudy Consulting']);

    tree.expandToLevel(2);
    expect(tree.visibleCount).toBe(4);
    expect(tree.isExpanded(CANADA)).toBe(false);
  });

  it('applies the last "expand all / collapse all / to level" to accounts that arrive later', () => {
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows([TOP]);
    tree.expandAll();
    tree.addRows([account(CANADA, HQ, 'Canada'), account(QUEBEC, CANADA, 'Québec')]);
    expect(tree.visibleCount).toBe(3);

    tree.collapseAll();
    tree.addRows([account(WEST, HQ, 'West')]);
    expect(tree.isExpanded(WEST)).toBe(false);
    expect(tree.visibleCount).toBe(1);
  });

  it('expands the path to an account (a search match) so that it becomes visible', () => {
    const tree = loadGetCloudy({ visibleLevels: 1 });

    expect(tree.indexOfVisible(QUEBEC)).toBe(-1);
    expect(tree.expandPathTo(QUEBEC)).toBe(true);
    expect(tree.indexOfVisible(QUEBEC)).toBe(2);
    expect(tree.isExpanded(QUEBEC)).toBe(false);
    expect(tree.expandPathTo(QUEBEC)).toBe(true);
    expect(tree.expandPathTo('unknown')).toBe(false);
  });

  it('keeps the visible rows right through any sequence of toggles and arrivals', () => {
    const rows = generatedHierarchy(2000, 4);
    const top = at(rows, 0);
    const tree = new HierarchyTree(COLUMNS);
    tree.addRows(rows.slice(0, 1000));
    const random = seededRandom(5);
    const pick = () => at(rows, Math.floor(random() * 1000)).id;

    for (let step = 0; step < 300; step++) {
      if (step === 150) {
        tree.addRows(rows.slice(1000));
      }
      const action = random();
      if (action < 0.7) {
        tree.toggle(pick());
      } else if (action < 0.75) {
        tree.expandPathTo(pick());
      } else if (action < 0.8) {
        tree.expandToLevel(1 + Math.floor(random() * 5));
      }
      expect(tree.visibleRows(0, tree.visibleCount).map((row) => row.id)).toEqual(
        expectedVisibleIds(tree, [top.id]),
      );
    }
  });
});

describe('HierarchyTree: window and keyboard navigation', () => {
  it('returns any window of the visible rows, clipped to what exists', () => {
    const tree = loadGetCloudy();

    expect(tree.visibleRows(2, 100).map((row) => row.id)).toEqual([EAST, WEST]);
    expect(tree.visibleRows(-5, 1).map((row) => row.id)).toEqual([HQ]);
    expect(tree.visibleRows(10, 20)).toEqual([]);
  });

  it('gives parent, first child, path and level for arrow-key moves and breadcrumbs', () => {
    const tree = loadGetCloudy();

    expect(tree.parentId(QUEBEC)).toBe(CANADA);
    expect(tree.parentId(HQ)).toBeNull();
    expect(tree.parentId('unknown')).toBeNull();
    expect(tree.firstChildId(HQ)).toBe(CANADA);
    expect(tree.firstChildId(EAST)).toBeNull();
    expect(tree.firstChildId('unknown')).toBeNull();
    expect(tree.childIds(HQ)).toEqual([CANADA, EAST, WEST]);
    expect(tree.childIds('unknown')).toEqual([]);
    expect(tree.path(QUEBEC)).toEqual([HQ, CANADA, QUEBEC]);
    expect(tree.path('unknown')).toEqual([]);
    expect(tree.level(QUEBEC)).toBe(3);
    expect(tree.level('unknown')).toBe(0);
    expect(tree.has(QUEBEC)).toBe(true);
    expect(tree.indexOfVisible('unknown')).toBe(-1);
  });

  it('starts empty', () => {
    const tree = new HierarchyTree([]);

    expect(tree.visibleCount).toBe(0);
    expect(tree.depth).toBe(0);
    expect(tree.visibleRows(0, 60)).toEqual([]);
  });
});
