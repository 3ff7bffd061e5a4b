/**
 * Deep hierarchies: a 40-level chain stays readable. Indentation stops at MAX_INDENTED_LEVEL, deeper
 * rows say their level ("L40") and give their path as the name's title and, for the focused row, as
 * a screen-reader description.
 */
import { createElement } from 'lwc';
import AccountHierarchy from 'c/accountHierarchy';
import findTop from '@salesforce/apex/AccountHierarchyController.findTop';
import loadChildren from '@salesforce/apex/AccountHierarchyController.loadChildren';
import type { HierarchyChildrenPage, HierarchyRow, HierarchyTop } from '@contract';
import top from './data/findTop.json';
import level2 from './data/loadChildren-level2.json';
import {
  INDENT_REM,
  LEVEL_MARKER_REM,
  MAX_INDENTED_LEVEL,
  elidePath,
  indentRem,
  showsLevel,
} from '../rowDepth';

jest.mock(
  '@salesforce/apex/AccountHierarchyController.findTop',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/AccountHierarchyController.loadChildren',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
// The English texts, so the tests read what a user reads (other labels stay their names).
jest.mock('@salesforce/label/c.AR_Hierarchy_LevelMarker', () => ({ __esModule: true, default: 'L{0}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.AR_Hierarchy_LevelPath',
  () => ({ __esModule: true, default: 'Level {0}: {1}' }),
  { virtual: true },
);

const findTopMock = findTop as jest.MockedFunction<typeof findTop>;
const loadChildrenMock = loadChildren as jest.MockedFunction<typeof loadChildren>;

const DEPTH = 40;
const idAt = (level: number): string => `001${String(level).padStart(12, '0')}AAA`;
/** A chain: "Deep 1" at the top, each account the parent of the next, "Deep 40" at the bottom. */
const CHAIN: HierarchyRow[] = Array.from({ length: DEPTH }, (_, i) => ({
  id: idAt(i + 1),
  parentId: i === 0 ? null : idAt(i),
  name: `Deep ${i + 1}`,
  values: {},
}));

/** The server: findTop walks the whole chain up and returns its rows; loadChildren finds nothing new. */
function serveChain(): void {
  findTopMock.mockResolvedValue({
    ...(top as HierarchyTop),
    topAccountId: idAt(1),
    ancestorIds: CHAIN.map((row) => row.id).reverse(),
    rows: [...CHAIN].reverse(),
    droppedColumns: [],
  });
  loadChildrenMock.mockImplementation(({ parentIds, levels }: { parentIds: string[]; levels: number }) => {
    // The descendants of the parents down to `levels`, as the server's multi-level query reads them.
    const found: HierarchyRow[] = [];
    const within = new Set(parentIds);
    for (let depth = 1; depth <= levels; depth++) {
      const next = CHAIN.filter(
        (row) => row.parentId != null && within.has(row.parentId) && !within.has(row.id),
      );
      found.push(...next);
      next.forEach((row) => within.add(row.id));
    }
    return Promise.resolve({ ...(level2 as HierarchyChildrenPage), rows: found });
  });
}

async function settle(): Promise<void> {
  // One page per level of the chain.
  for (let i = 0; i < DEPTH * 3; i++) {
    // eslint-disable-next-line no-await-in-loop -- each page resolves after the previous one
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

async function render(recordId: string): Promise<HTMLElement> {
  const element = createElement('c-account-hierarchy', { is: AccountHierarchy });
  Object.assign(element, { recordId });
  document.body.appendChild(element);
  await settle();
  return element;
}

function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function rowAt(element: HTMLElement, level: number): HTMLElement {
  const row = shadow(element).querySelector<HTMLElement>(`[role="row"][data-id="${idAt(level)}"]`);
  if (!row) throw new Error(`the row at level ${level} is not rendered`);
  return row;
}

function indentOf(row: HTMLElement): string {
  return row.querySelector<HTMLElement>('.indent')?.getAttribute('style') ?? '';
}

describe('c-account-hierarchy at depth', () => {
  beforeEach(serveChain);

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('opens at level 40 with the name, expander, level and badge of the account, indented no further than level 6', async () => {
    const element = await render(idAt(DEPTH));

    const current = rowAt(element, DEPTH);
    expect(current.getAttribute('aria-level')).toBe('40');
    expect(indentOf(current)).toBe(indentOf(rowAt(element, DEPTH - 5)));
    expect(indentOf(current)).toBe('width: 3.75rem;');
    expect(current.querySelector('.level-marker')?.textContent).toBe('L40');
    expect(current.querySelector('.level-marker')?.getAttribute('aria-hidden')).toBe('true');
    const name = current.querySelector('a.name-link');
    expect(name?.textContent).toBe('Deep 40');
    expect(name?.getAttribute('title')).toBe('Level 40: Deep 1 › Deep 2 › … › Deep 38 › Deep 39 › Deep 40');
    expect(current.querySelector('.toggle')).not.toBeNull();
    expect(current.querySelector('.current-badge')?.textContent).toBe('c.AR_Hierarchy_CurrentAccount');
  });

  it('describes the focused deep row by its level and path, and follows the focus', async () => {
    const element = await render(idAt(DEPTH));
    const description = shadow(element).querySelector<HTMLElement>('[data-id="row-path"]');

    const current = rowAt(element, DEPTH);
    expect(current.getAttribute('aria-describedby')).toBe(description?.id);
    expect(description?.textContent).toBe('Level 40: Deep 1 › Deep 2 › … › Deep 38 › Deep 39 › Deep 40');
    expect(description?.classList.contains('slds-assistive-text')).toBe(true);

    shadow(element)
      .querySelector('[role="treegrid"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    await settle();

    expect(rowAt(element, DEPTH).getAttribute('aria-describedby')).toBeNull();
    expect(rowAt(element, DEPTH - 1).getAttribute('aria-describedby')).toBe(description?.id);
    expect(description?.textContent).toBe('Level 39: Deep 1 › Deep 2 › … › Deep 37 › Deep 38 › Deep 39');
  });

  it('indents rows up to level 6 by their level, without a marker or a description', async () => {
    const element = await render(idAt(MAX_INDENTED_LEVEL));

    for (let level = 1; level <= MAX_INDENTED_LEVEL; level++) {
      const row = rowAt(element, level);
      expect(indentOf(row)).toBe(`width: ${(level - 1) * INDENT_REM}rem;`);
      expect(row.querySelector('.level-marker')).toBeNull();
      expect(row.querySelector('a.name-link')?.getAttribute('title')).toBe(`Deep ${level}`);
      expect(row.getAttribute('aria-describedby')).toBeNull();
    }
    expect(shadow(element).querySelector('[data-id="row-path"]')?.textContent).toBe('');
  });

  it('is accessible at depth', async () => {
    const element = await render(idAt(DEPTH));

    await expect(element).toBeAccessible();
  });
});

describe('rowDepth', () => {
  it("indents up to MAX_INDENTED_LEVEL and puts the level marker at the end of deeper rows' indentation", () => {
    const deepest = (MAX_INDENTED_LEVEL - 1) * INDENT_REM;
    expect([1, 2, MAX_INDENTED_LEVEL].map(indentRem)).toEqual([0, INDENT_REM, deepest]);
    expect([MAX_INDENTED_LEVEL + 1, 600].map(indentRem)).toEqual([
      deepest - LEVEL_MARKER_REM,
      deepest - LEVEL_MARKER_REM,
    ]);
    expect([MAX_INDENTED_LEVEL, MAX_INDENTED_LEVEL + 1].map(showsLevel)).toEqual([false, true]);
  });

  it('keeps short paths whole and elides the middle of long ones and long names', () => {
    expect(elidePath(['HQ', 'East', 'Boston'])).toBe('HQ › East › Boston');
    expect(elidePath(['1', '2', '3', '4', '5', '6'])).toBe('1 › 2 › 3 › 4 › 5 › 6');
    expect(elidePath(['1', '2', '3', '4', '5', '6', '7'])).toBe('1 › 2 › … › 5 › 6 › 7');
    expect(elidePath(['x'.repeat(255)])).toBe(`${'x'.repeat(39)}…`);
  });
});
