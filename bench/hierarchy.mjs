// @ts-check
/**
 * Account hierarchy: the viewer (c-account-hierarchy) against the standard `lightning-tree-grid` (the
 * workbench-only harness bench-tree-grid-bench) on the same generated balanced hierarchies (group
 * `speed`), and the viewer's round trips at latency (group `latency`).
 *
 * Metrics (milliseconds are wall-clock, from the action to the next painted frame):
 *   paint_ms       the last page of data handed to the component → its rows painted
 *                  (tree-grid: the whole tree handed over at once, every branch expanded)
 *   toggle_ms      collapse, then expand, the top node with everything expanded (the slower of the two)
 *   search_ms      typing a query → matches counted, the first shown and painted (ours only; the
 *                  search index is built in idle time after loading, as it is for a user)
 *   expand_all_ms  "Expand all" from everything collapsed → painted
 *   dom_nodes      nodes in the page's document once painted (see countDocumentNodes in shared.mjs)
 *   heap_mb        JS heap used after a forced garbage collection, in MB
 *
 * Round trips at latency (the workbench's `latency=150`: every Apex call waits 150 ms, as a call
 * to an org does), ours only, from the moment the component is put in the page:
 *   load_calls     Apex calls (window.__workbench.apexCalls) until everything is loaded (the
 *                  treegrid's aria-busy back to "false" with rows shown): balanced, opened at a leaf
 *   load_ms        the same, in milliseconds
 *   reveal_calls   Apex calls until the current account's row is in the viewport, selected
 *                  (aria-selected) and the grid's focus position (tabindex 0): a chain of
 *                  latencyChain levels opened at its deepest account
 *   reveal_ms      the same, in milliseconds
 */
import { firstPaintScript, generated, memory, openPage, paintMs, timeAction } from './shared.mjs';

export const OURS = 'accountHierarchy';
const TREE_GRID = 'lightning-tree-grid';
/** Simulated server time per Apex call for the latency metrics: a typical org round trip. */
const LATENCY_MS = 150;
/** Accounts in the balanced hierarchy opened at a leaf for load_* (the 307 calls / 50 s). */
const latencyLoadRows = (/** @type {boolean} */ quick) => (quick ? 2000 : 100000);
/** Levels of the chain opened at its deepest account for reveal_*. */
const latencyChain = (/** @type {boolean} */ quick) => (quick ? 100 : 1000);

/** A generated hierarchy of `rows` accounts (made once, git-ignored): balanced, or one chain. */
export function dataset(/** @type {number} */ rows, shape = 'balanced') {
  const name = shape === 'balanced' ? `bench-${rows}` : `bench-${shape}-${rows}`;
  return generated(name, 'scripts/generate-hierarchy.mjs', ['--accounts', String(rows), '--shape', shape]);
}

/**
 * Runs in the page (firstPaintScript): c-account-hierarchy's treegrid is done loading
 * (aria-busy="false") and shows rows; the tree-grid harness was handed the data and shows rows.
 * @type {import('./shared.mjs').DetectPainted}
 */
function detectPainted(deepAll) {
  const ours = document.querySelector('c-account-hierarchy');
  if (ours) {
    const grid = ours.shadowRoot?.querySelector('[role="treegrid"]');
    const done = grid?.getAttribute('aria-busy') === 'false' && (ours.shadowRoot?.querySelectorAll('[role="row"][data-id]').length ?? 0) > 0;
    if (!done) return null;
    const calls = /** @type {{ __workbench: { apexCalls: { resolvedAt: number }[] } }} */ (/** @type {unknown} */ (window)).__workbench.apexCalls;
    return { handedAt: calls[calls.length - 1]?.resolvedAt ?? null };
  }
  const harness = document.querySelector('bench-tree-grid-bench');
  const bench = /** @type {{ __bench?: { handedAt: number | null } }} */ (/** @type {unknown} */ (window)).__bench;
  if (harness && bench?.handedAt && deepAll(harness.shadowRoot, 'tbody tr').length > 0) return { handedAt: bench.handedAt };
  return null;
}

/**
 * One fresh page load of one component on one dataset: every speed metric once.
 * @param {import('playwright-core').Browser} browser @param {string} url @param {string} component @param {number} rows
 */
async function measure(browser, url, component, rows) {
  const { context, page } = await openPage(
    browser,
    url,
    {
      component: component === OURS ? 'c-account-hierarchy' : 'bench-tree-grid-bench',
      dataset: `bench-${rows}`,
      recordId: 'Acc1',
      latency: '0',
      ...(component === OURS ? { 'p.initialDepth': '1000' } : {}),
    },
    firstPaintScript(detectPainted),
  );
  /** @type {Record<string, number>} */
  const result = { paint_ms: await paintMs(page), ...(await memory(page)) };

  if (component === OURS) {
    const host = `document.querySelector('c-account-hierarchy').shadowRoot`;
    const topToggle = `${host}.querySelector('[role="row"][aria-level="1"] .toggle').click();`;
    const button = (/** @type {string} */ label) =>
      `[...${host}.querySelectorAll('lightning-button')].find((b) => b.label === ${JSON.stringify(label)}).click();`;
    const collapse = await timeAction(page, topToggle);
    const expand = await timeAction(page, topToggle);
    result.toggle_ms = Math.max(collapse, expand);
    result.search_ms = await timeAction(
      page,
      `const input = deepAll(${host}.querySelector('lightning-input').shadowRoot, 'input')[0];
       input.value = 'lyon';
       input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));`,
    );
    await timeAction(page, button('Collapse all'));
    result.expand_all_ms = await timeAction(page, button('Expand all'));
  } else {
    const collapse = await timeAction(page, `window.__bench.toggleTop();`);
    const expand = await timeAction(page, `window.__bench.toggleTop();`);
    result.toggle_ms = Math.max(collapse, expand);
    // Above 2,000 rows tree-grid's expand-all takes minutes per run; paint and toggle tell the story.
    if (rows <= 2000) {
      await timeAction(page, `window.__bench.collapseAll();`);
      result.expand_all_ms = await timeAction(page, `window.__bench.expandAll();`);
    }
  }
  await context.close();
  return result;
}

/**
 * Installed before the page loads, for the latency metrics: from the moment c-account-hierarchy is
 * in the page, records the Apex calls and time until everything is loaded (`loadedAt`) and until the
 * current account's row is revealed (`revealedAt`). Polls once a frame: 16 ms against 150 ms calls.
 */
function watchLatency() {
  const state = {
    openedAt: /** @type {number | null} */ (null),
    busySeen: false,
    loaded: /** @type {{ at: number, calls: number } | null} */ (null),
    revealed: /** @type {{ at: number, calls: number } | null} */ (null),
  };
  Object.assign(window, { __benchLatency: state });
  const calls = () =>
    /** @type {{ __workbench?: { apexCalls: unknown[] } }} */ (/** @type {unknown} */ (window)).__workbench?.apexCalls.length ?? 0;
  const tick = () => {
    const now = performance.now();
    const root = document.querySelector('c-account-hierarchy')?.shadowRoot;
    if (root && state.openedAt === null) state.openedAt = now;
    const grid = root?.querySelector('[role="treegrid"]');
    if (grid && !state.loaded) {
      const busy = grid.getAttribute('aria-busy') === 'true';
      state.busySeen ||= busy;
      if (state.busySeen && !busy && root?.querySelector('[role="row"][data-id]')) state.loaded = { at: now, calls: calls() };
    }
    const row = root?.querySelector('[role="row"][data-id].is-current');
    const viewport = root?.querySelector('[data-id="viewport"]');
    const header = root?.querySelector('.header');
    if (row && viewport && header && !state.revealed) {
      const box = row.getBoundingClientRect();
      const inView =
        box.top >= header.getBoundingClientRect().bottom - 1 && box.bottom <= viewport.getBoundingClientRect().bottom + 1;
      if (inView && row.getAttribute('aria-selected') === 'true' && row.getAttribute('tabindex') === '0') {
        state.revealed = { at: now, calls: calls() };
      }
    }
    if (!state.loaded || !state.revealed) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * One fresh page load at LATENCY_MS per call. "load": balanced, opened at its last (deepest) account,
 * a leaf, until everything is loaded; "reveal": a chain opened at its deepest account, until that
 * account is revealed.
 * @param {import('playwright-core').Browser} browser @param {string} url @param {'load' | 'reveal'} kind @param {number} rows
 */
async function measureLatency(browser, url, kind, rows) {
  const { context, page } = await openPage(
    browser,
    url,
    {
      component: 'c-account-hierarchy',
      dataset: kind === 'load' ? `bench-${rows}` : `bench-deep-${rows}`,
      recordId: `Acc${rows}`,
      latency: String(LATENCY_MS),
    },
    watchLatency,
  );
  const key = kind === 'load' ? 'loaded' : 'revealed';
  await page.waitForFunction(
    (k) => /** @type {{ __benchLatency?: Record<string, unknown> }} */ (/** @type {unknown} */ (window)).__benchLatency?.[k] != null,
    key,
    { timeout: 0, polling: 100 },
  );
  const { openedAt, ...state } = await page.evaluate(
    () => /** @type {{ __benchLatency: { openedAt: number, loaded: { at: number, calls: number }, revealed: { at: number, calls: number } } }} */ (/** @type {unknown} */ (window)).__benchLatency,
  );
  const { at, calls } = state[key];
  await context.close();
  return { [`${kind}_calls`]: calls, [`${kind}_ms`]: at - openedAt };
}

/** @type {import('./shared.mjs').Feature} */
export const hierarchy = {
  groups: {
    speed: ({ sizes, treeGridSizes }) =>
      [...sizes.map((rows) => ({ component: OURS, rows })), ...treeGridSizes.map((rows) => ({ component: TREE_GRID, rows }))].map(
        ({ component, rows }) => ({
          component,
          rows,
          dataset: dataset(rows),
          measure: (browser, url) => measure(browser, url, component, rows),
        }),
      ),
    latency: ({ quick }) =>
      [
        { kind: /** @type {const} */ ('load'), rows: latencyLoadRows(quick), shape: 'balanced' },
        { kind: /** @type {const} */ ('reveal'), rows: latencyChain(quick), shape: 'deep' },
      ].map(({ kind, rows, shape }) => ({
        component: OURS,
        rows,
        note: `${kind} at ${LATENCY_MS} ms per call, `,
        dataset: dataset(rows, shape),
        measure: (browser, url) => measureLatency(browser, url, kind, rows),
      })),
  },
  tables: [
    { components: [OURS, TREE_GRID], metrics: ['paint_ms', 'toggle_ms', 'search_ms', 'expand_all_ms', 'dom_nodes', 'heap_mb'] },
    { components: [OURS, TREE_GRID], metrics: ['load_calls', 'load_ms', 'reveal_calls', 'reveal_ms'] },
  ],
  speedUp: { ours: OURS, theirs: TREE_GRID, metrics: ['paint_ms', 'toggle_ms'] },
  targets: [
    { component: OURS, metric: 'paint_ms', rows: 100000, max: 100 },
    { component: OURS, metric: 'toggle_ms', rows: 100000, max: 30 },
    { component: OURS, metric: 'search_ms', rows: 100000, max: 50 },
    { component: OURS, metric: 'dom_nodes', max: 1500 },
    { component: OURS, metric: 'paint_ms', rows: 2000, minRatio: 50 },
    { component: OURS, metric: 'toggle_ms', rows: 2000, minRatio: 50 },
    { component: OURS, metric: 'load_calls', rows: 100000, max: 60 },
    { component: OURS, metric: 'load_ms', rows: 100000, max: 15000 },
    { component: OURS, metric: 'reveal_calls', rows: 1000, max: 15 },
    { component: OURS, metric: 'reveal_ms', rows: 1000, max: 3000 },
  ],
};
