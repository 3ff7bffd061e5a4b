// @ts-check
/**
 * `npm run bench`: the Account Hierarchy viewer against the standard `lightning-tree-grid`, on the
 * same generated hierarchies, in the same run, in the workbench's production build in headless
 * Chromium. Each figure is the median of RUNS fresh page loads.
 *
 * Metrics (milliseconds are wall-clock, from the action to the next painted frame):
 *   paint_ms       the last page of data handed to the component → its rows painted
 *                  (tree-grid: the whole tree handed over at once, every branch expanded)
 *   toggle_ms      collapse, then expand, the top node with everything expanded (the slower of the two)
 *   search_ms      typing a query → matches counted, the first shown and painted (ours only; the
 *                  search index is built in idle time after loading, as it is for a user)
 *   expand_all_ms  "Expand all" from everything collapsed → painted
 *   dom_nodes      nodes in the page's document once painted: elements, text and comments, shadow
 *                  trees included (the workbench, like Lightning, runs synthetic shadow, so they are
 *                  in the document; native shadow roots are walked too). Not Chromium's
 *                  Performance.getMetrics "Nodes", which also counts nodes outside the document
 *                  (LWC's cached template fragments, nodes not yet collected): ~1,650 more here,
 *                  constant while scrolling and toggling.
 *   heap_mb        JS heap used after a forced garbage collection, in MB
 *
 * Round trips at latency (the workbench's `latency=150`: every Apex call waits 150 ms, as a call
 * to an org does), ours only, from the moment the component is put in the page:
 *   load_calls     Apex calls (window.__workbench.apexCalls) until everything is loaded (the
 *                  treegrid's aria-busy back to "false" with rows shown): balanced, opened at a leaf
 *   load_ms        the same, in milliseconds
 *   reveal_calls   Apex calls until the current account's row is in the viewport, selected
 *                  (aria-selected) and the grid's focus position (tabindex 0): a chain of LATENCY_CHAIN
 *                  levels opened at its deepest account
 *   reveal_ms      the same, in milliseconds
 *
 * Default Account Team assistant (c-account-team-assistant), on the same balanced hierarchy, opened
 * at its top account (the generated dataset gives its user a default team; `--only teams`):
 *   longest_frame_ms  the longest main-thread task (Chromium's long-task timing: tasks over 50 ms;
 *                     0 when none was that long) from clicking "Apply to this account and its N
 *                     descendants" (then Start) until the per-account results are shown
 *   apply_ms          the same span in wall-clock milliseconds (the run's polling included)
 * Skipped with a note while the sample org does not implement AccountTeamController.
 *
 * Writes bench/results.json ({component, rows, metric, median}[]), prints the same as a table and
 * checks the targets (TARGETS; the exit code is 1 when one fails).
 * Options: --runs N (default 5), --sizes 2000,10000,100000, --tree-grid-sizes 2000,10000 (or none),
 * --team-rows 2000 (or none), --only speed|latency|teams (one group of metrics: `--only latency` measures load_* and reveal_* in a few
 * minutes, without the tree-grid comparison), --merge (replace only the rows measured in this run in
 * bench/results.json and keep the others; implied by --only), --quick (2 runs, small sizes: to check
 * the harness, not to quote; prints, writes no results.json), --table (print bench/results.json as
 * the table and speed-ups and check the targets, measure nothing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { startWorkbench } from '../workbench/server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? /** @type {string} */ (args[at + 1]) : fallback;
};
const quick = args.includes('--quick');
const RUNS = Number(option('runs', quick ? '2' : '5'));
/** A comma-separated list of row counts; "none" (or anything not a positive number) gives none. */
const sizes = (/** @type {string} */ list) => list.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const SIZES = sizes(option('sizes', quick ? '2000' : '2000,10000,100000'));
const TREE_GRID_SIZES = sizes(option('tree-grid-sizes', quick ? '2000' : '2000,10000'));
const ONLY = option('only', 'all');
if (!['all', 'speed', 'latency', 'teams'].includes(ONLY)) throw new Error(`--only speed|latency|teams, not "${ONLY}"`);
const SPEED = ONLY === 'all' || ONLY === 'speed';
const LATENCY = ONLY === 'all' || ONLY === 'latency';
const TEAMS = ONLY === 'all' || ONLY === 'teams';
/** Merged into bench/results.json rather than replacing it: a partial run must not lose the rest. */
const MERGE = args.includes('--merge') || ONLY !== 'all';
const OURS = 'accountHierarchy';
/** The Default Account Team assistant's rows in the results, and its hierarchy sizes. */
const TEAM_COMPONENT = 'accountTeamAssistant';
const TEAM_ROWS = sizes(option('team-rows', '2000'));
const TREE_GRID = 'lightning-tree-grid';
/** Simulated server time per Apex call for the latency metrics: a typical org round trip. */
const LATENCY_MS = 150;
/** Accounts in the balanced hierarchy opened at a leaf for load_* (the 307 calls / 50 s). */
const LATENCY_LOAD_ROWS = quick ? 2000 : 100000;
/** Levels of the chain opened at its deepest account for reveal_*. */
const LATENCY_CHAIN = quick ? 100 : 1000;

/** A generated hierarchy of `rows` accounts (made once, git-ignored): balanced, or one chain. */
function dataset(/** @type {number} */ rows, shape = 'balanced') {
  const name = shape === 'balanced' ? `bench-${rows}` : `bench-${shape}-${rows}`;
  const dir = join(ROOT, 'data', 'generated', name);
  if (!existsSync(join(dir, `${name}-plan.json`))) {
    execFileSync('node', ['scripts/generate-hierarchy.mjs', '--accounts', String(rows), '--shape', shape, '--out', dir], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  return { name, dir };
}

/** Resolves after the next frame has been painted. Runs in the page. */
const NEXT_PAINT = `() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))`;

/**
 * Installed before the page loads: records when the component's rows are first painted.
 * c-account-hierarchy: the treegrid is done loading (aria-busy="false") and shows rows;
 * tree-grid harness: the data was handed over and the grid shows rows.
 */
function watchFirstPaint() {
  /** @param {Element | ShadowRoot | Document | null | undefined} root @param {string} selector @returns {Element[]} */
  const deepAll = (root, selector) => {
    if (!root) return [];
    const found = [...root.querySelectorAll(selector)];
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) found.push(...deepAll(element.shadowRoot, selector));
    }
    return found;
  };
  const state = { paintedAt: /** @type {number | null} */ (null), handedAt: /** @type {number | null} */ (null) };
  Object.assign(window, { __benchPaint: state, __deepAll: deepAll });
  const tick = () => {
    const ours = document.querySelector('c-account-hierarchy');
    let done = false;
    if (ours) {
      const grid = ours.shadowRoot?.querySelector('[role="treegrid"]');
      done = grid?.getAttribute('aria-busy') === 'false' && (ours.shadowRoot?.querySelectorAll('[role="row"][data-id]').length ?? 0) > 0;
      if (done) {
        const calls = /** @type {{ __workbench: { apexCalls: { resolvedAt: number }[] } }} */ (/** @type {unknown} */ (window)).__workbench.apexCalls;
        state.handedAt = calls[calls.length - 1]?.resolvedAt ?? null;
      }
    }
    const harness = document.querySelector('bench-tree-grid-bench');
    const bench = /** @type {{ __bench?: { handedAt: number | null } }} */ (/** @type {unknown} */ (window)).__bench;
    if (harness && bench?.handedAt) {
      done = deepAll(harness.shadowRoot, 'tbody tr').length > 0;
      state.handedAt = bench.handedAt;
    }
    if (done) {
      setTimeout(() => {
        state.paintedAt = performance.now();
      }, 0);
    } else {
      requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
}

/** Measures one action in the page: from just before it to the next painted frame. */
async function timeAction(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ action) {
  return page.evaluate(`(async () => {
    const deepAll = window.__deepAll;
    const t0 = performance.now();
    ${action}
    await (${NEXT_PAINT})();
    return performance.now() - t0;
  })()`);
}

/** Nodes in the document (see dom_nodes above). Runs in the page. */
function countDocumentNodes() {
  let count = 0;
  /** @param {Node} root */
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node = /** @type {Node | null} */ (walker.currentNode); node; node = walker.nextNode()) {
      count++;
      const shadow = node instanceof Element ? node.shadowRoot : null;
      // Synthetic shadow roots are views of nodes already in the document.
      if (shadow && !(/** @type {{ synthetic?: boolean }} */ (/** @type {unknown} */ (shadow)).synthetic)) walk(shadow);
    }
  };
  walk(document);
  return count;
}

/** DOM nodes, and the JS heap after a forced garbage collection. */
async function memory(/** @type {import('playwright-core').Page} */ page) {
  const domNodes = await page.evaluate(countDocumentNodes);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  await cdp.detach();
  return { dom_nodes: domNodes, heap_mb: metric('JSHeapUsedSize') / 1e6 };
}

/** One fresh page load of one component on one dataset: every metric once. */
async function measure(browser, url, component, rows) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(watchFirstPaint);
  const tag = component === OURS ? 'c-account-hierarchy' : 'bench-tree-grid-bench';
  const query = new URLSearchParams({
    component: tag,
    dataset: `bench-${rows}`,
    recordId: 'Acc1',
    latency: '0',
    ...(component === OURS ? { 'p.initialDepth': '1000' } : {}),
  });
  await page.goto(new URL(`?${query}`, url).href);
  await page.waitForFunction(() => /** @type {{ __benchPaint?: { paintedAt: number | null } }} */ (/** @type {unknown} */ (window)).__benchPaint?.paintedAt != null, undefined, { timeout: 0, polling: 100 });
  const { paintedAt, handedAt } = await page.evaluate(() => /** @type {{ __benchPaint: { paintedAt: number, handedAt: number } }} */ (/** @type {unknown} */ (window)).__benchPaint);
  /** @type {Record<string, number>} */
  const result = { paint_ms: paintedAt - handedAt, ...(await memory(page)) };

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
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(watchLatency);
  const query = new URLSearchParams({
    component: 'c-account-hierarchy',
    dataset: kind === 'load' ? `bench-${rows}` : `bench-deep-${rows}`,
    recordId: `Acc${rows}`,
    latency: String(LATENCY_MS),
  });
  await page.goto(new URL(`?${query}`, url).href);
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

// ------------------------------------------------------------------ Default Account Team assistant

/** Why the assistant's rows are missing from a run: printed instead of failing the whole bench. */
const TEAM_SKIPPED =
  'the sample org does not implement AccountTeamController yet (it comes with the sample-org work for the ' +
  'Default Account Team); run `npm run bench -- --only teams` once it does.';

/**
 * Installed before the page loads: records Chromium's long tasks (over 50 ms) with their start and
 * duration, so the span from "Apply" to the results can be read afterwards.
 */
function watchLongTasks() {
  const state = { tasks: /** @type {{ start: number, duration: number }[]} */ ([]), notImplemented: false };
  Object.assign(window, { __benchLongTasks: state });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The workbench says so in the console when a component calls an Apex method the sample org lacks.
  const error = console.error.bind(console);
  console.error = (...parts) => {
    if (parts.some((part) => typeof part === 'string' && part.includes('does not implement Apex method'))) state.notImplemented = true;
    error(...parts);
  };
}

/**
 * One fresh page load of the assistant on the generated hierarchy's top account: waits until the
 * descendants are counted, clicks "Apply to this account and its N descendants" then Start, and
 * measures until the results table shows. Null when the sample org cannot run it (see TEAM_SKIPPED).
 * @param {import('playwright-core').Browser} browser @param {string} url @param {number} rows
 * @returns {Promise<Record<string, number> | null>}
 */
async function measureTeamApply(browser, url, rows) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  const query = new URLSearchParams({
    component: 'c-account-team-assistant',
    dataset: `bench-${rows}`,
    recordId: 'Acc1',
    latency: '0',
  });
  try {
    await page.goto(new URL(`?${query}`, url).href);
    const host = `document.querySelector('c-account-team-assistant')?.shadowRoot`;
    // Ready: the hierarchy button names its count; or stopped: an error or a method the sample org lacks.
    const state = await page.waitForFunction(
      `(() => {
        const root = ${host};
        if (window.__benchLongTasks.notImplemented) return 'notImplemented';
        if (root?.querySelector('[data-id="error"]')) return 'error:' + root.querySelector('[data-id="error"]').textContent;
        const button = root?.querySelector('[data-id="apply-hierarchy"]');
        return button && !button.disabled && /\\d/.test(button.textContent) ? 'ready' : false;
      })()`,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const outcome = await state.jsonValue();
    if (outcome === 'notImplemented') return null;
    if (outcome !== 'ready') throw new Error(`bench: ${TEAM_COMPONENT} could not start: ${outcome}`);
    const t0 = await page.evaluate(`(() => {
      const t0 = performance.now();
      ${host}.querySelector('[data-id="apply-hierarchy"]').click();
      return t0;
    })()`);
    await page.waitForFunction(`!!${host}.querySelector('[data-id="start"]')`, undefined, { polling: 'raf' });
    await page.evaluate(`${host}.querySelector('[data-id="start"]').click()`);
    const shown = await page.waitForFunction(
      `(() => {
        const root = ${host};
        if (window.__benchLongTasks.notImplemented) return 'notImplemented';
        const failure = root.querySelector('[data-id="error"], [data-id="run-message"]');
        if (failure) return 'error:' + failure.textContent;
        return root.querySelector('[data-id="results"] tbody tr') ? 'shown' : false;
      })()`,
      undefined,
      { timeout: 300_000, polling: 'raf' },
    );
    const result = await shown.jsonValue();
    if (result === 'notImplemented') return null;
    if (result !== 'shown') throw new Error(`bench: ${TEAM_COMPONENT} apply failed: ${result}`);
    // The frame that shows the results, then the tasks that ended by then.
    const measured = await page.evaluate(`(async () => {
      await (${NEXT_PAINT})();
      const end = performance.now();
      const tasks = window.__benchLongTasks.tasks.filter((t) => t.start + t.duration >= ${t0} && t.start <= end);
      return { longest_frame_ms: Math.max(0, ...tasks.map((t) => t.duration)), apply_ms: end - ${t0} };
    })()`);
    return /** @type {Record<string, number>} */ (measured);
  } finally {
    await context.close();
  }
}

function median(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? /** @type {number} */ (sorted[middle]) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main() {
  /** @type {{ component: string, rows: number, latency?: 'load' | 'reveal' }[]} */
  const plan = [
    ...(TEAMS ? TEAM_ROWS.map((rows) => ({ component: TEAM_COMPONENT, rows })) : []),
    ...(SPEED ? SIZES.map((rows) => ({ component: OURS, rows })) : []),
    ...(SPEED ? TREE_GRID_SIZES.map((rows) => ({ component: TREE_GRID, rows })) : []),
    ...(LATENCY
      ? [
          { component: OURS, rows: LATENCY_LOAD_ROWS, latency: /** @type {const} */ ('load') },
          { component: OURS, rows: LATENCY_CHAIN, latency: /** @type {const} */ ('reveal') },
        ]
      : []),
  ];
  const datasets = [
    ...[...new Set(plan.filter((p) => p.latency !== 'reveal').map((p) => p.rows))].sort((a, b) => a - b).map((rows) => dataset(rows)),
    ...(LATENCY ? [dataset(LATENCY_CHAIN, 'deep')] : []),
  ];
  console.log(`bench: production build of the workbench…`);
  const workbench = await startWorkbench({
    port: 0,
    production: true,
    quiet: true,
    outDir: join(ROOT, 'bench', 'dist'),
    dataPaths: datasets.map((d) => d.dir),
  });
  const browser = await launchChromium();
  /** @type {{ component: string, rows: number, metric: string, median: number }[]} */
  const results = [];
  try {
    for (const { component, rows, latency } of plan) {
      /** @type {Record<string, number[]>} */
      const samples = {};
      for (let run = 1; run <= RUNS; run++) {
        const started = Date.now();
        const measured = latency
          ? await measureLatency(browser, workbench.url, latency, rows)
          : component === TEAM_COMPONENT
            ? await measureTeamApply(browser, workbench.url, rows)
            : await measure(browser, workbench.url, component, rows);
        if (measured === null) {
          console.log(`bench: ${component} skipped: ${TEAM_SKIPPED}`);
          break;
        }
        for (const [metric, value] of Object.entries(measured)) (samples[metric] ??= []).push(value);
        const what = latency ? `${latency} at ${LATENCY_MS} ms per call, ` : '';
        console.log(`bench: ${component} ${rows} rows, ${what}run ${run}/${RUNS} (${((Date.now() - started) / 1000).toFixed(1)} s): ${JSON.stringify(Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
      }
      for (const [metric, values] of Object.entries(samples)) {
        results.push({ component, rows, metric, median: Math.round(median(values) * 10) / 10 });
      }
    }
  } finally {
    await browser.close();
    await workbench.close();
  }
  const file = join(ROOT, 'bench', 'results.json');
  const all = MERGE && existsSync(file) ? mergeResults(JSON.parse(readFileSync(file, 'utf8')), results) : results;
  if (!quick) {
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  }
  printTable(quick ? results : all);
  if (!quick) checkTargets(all);
}

/**
 * The earlier results with the rows of this run in place of the same component, size and metric
 * (new ones appended): `--only latency` updates its rows and keeps the tree-grid comparison.
 * @param {{ component: string, rows: number, metric: string, median: number }[]} earlier
 * @param {{ component: string, rows: number, metric: string, median: number }[]} measured
 */
function mergeResults(earlier, measured) {
  const key = (/** @type {{ component: string, rows: number, metric: string }} */ r) => `${r.component}|${r.rows}|${r.metric}`;
  const fresh = new Map(measured.map((r) => [key(r), r]));
  const merged = earlier.map((r) => fresh.get(key(r)) ?? r);
  const kept = new Set(earlier.map(key));
  return [...merged, ...measured.filter((r) => !kept.has(key(r)))];
}

/**
 * The issue targets, checked on the medians: `max` caps a metric of ours (of `component` when given)
 * at a size (any size when rows is omitted); `minRatio` asks tree-grid's median over ours to be at least that.
 * @type {{ component?: string, metric: string, rows?: number, max?: number, minRatio?: number }[]}
 */
const TARGETS = [
  { metric: 'paint_ms', rows: 100000, max: 100 },
  { metric: 'toggle_ms', rows: 100000, max: 30 },
  { metric: 'search_ms', rows: 100000, max: 50 },
  { metric: 'dom_nodes', max: 1500 },
  { metric: 'paint_ms', rows: 2000, minRatio: 50 },
  { metric: 'toggle_ms', rows: 2000, minRatio: 50 },
  { metric: 'load_calls', rows: 100000, max: 60 },
  { metric: 'load_ms', rows: 100000, max: 15000 },
  { metric: 'reveal_calls', rows: 1000, max: 15 },
  { metric: 'reveal_ms', rows: 1000, max: 3000 },
  { component: TEAM_COMPONENT, metric: 'longest_frame_ms', rows: 2000, max: 100 },
];

/** Prints each target met or missed (a target without results is skipped); exit code 1 on a miss. */
function checkTargets(/** @type {{ component: string, rows: number, metric: string, median: number }[]} */ results) {
  const lines = [];
  let missed = 0;
  for (const target of TARGETS) {
    const ours = results.filter((r) => r.component === (target.component ?? OURS) && r.metric === target.metric && (target.rows === undefined || r.rows === target.rows));
    for (const row of ours) {
      const where = `${target.metric} at ${row.rows.toLocaleString('en-US')}`;
      if (target.max !== undefined) {
        const ok = row.median <= target.max;
        missed += ok ? 0 : 1;
        lines.push(`${ok ? 'met   ' : 'MISSED'} ${where}: ${row.median.toLocaleString('en-US')} (≤ ${target.max.toLocaleString('en-US')})`);
      }
      const theirs = results.find((r) => r.component === TREE_GRID && r.rows === row.rows && r.metric === target.metric);
      if (target.minRatio !== undefined && theirs && row.median > 0) {
        const ratio = theirs.median / row.median;
        const ok = ratio >= target.minRatio;
        missed += ok ? 0 : 1;
        lines.push(`${ok ? 'met   ' : 'MISSED'} ${where}: ${Math.round(ratio).toLocaleString('en-US')}× tree-grid (≥ ${target.minRatio}×)`);
      }
    }
  }
  console.log(`\nTargets:\n${lines.join('\n')}`);
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed.`);
    process.exitCode = 1;
  }
}

/** Markdown table of the given metrics, one line per component and size that has any of them. */
function table(/** @type {{ component: string, rows: number, metric: string, median: number }[]} */ results, /** @type {string[]} */ metrics) {
  const keys = [...new Set(results.filter((r) => metrics.includes(r.metric)).map((r) => `${r.component}|${r.rows}`))];
  const lines = [`| component | rows | ${metrics.join(' | ')} |`, `|---|---:|${metrics.map(() => '---:').join('|')}|`];
  for (const key of keys) {
    const [component, rows] = key.split('|');
    const cells = metrics.map((m) => {
      const found = results.find((r) => `${r.component}|${r.rows}` === key && r.metric === m);
      return found ? found.median.toLocaleString('en-US') : '—';
    });
    lines.push(`| ${component} | ${Number(rows).toLocaleString('en-US')} | ${cells.join(' | ')} |`);
  }
  return keys.length > 0 ? lines.join('\n') : '';
}

function printTable(/** @type {{ component: string, rows: number, metric: string, median: number }[]} */ results) {
  const speed = table(results, ['paint_ms', 'toggle_ms', 'search_ms', 'expand_all_ms', 'dom_nodes', 'heap_mb']);
  const latency = table(results, ['load_calls', 'load_ms', 'reveal_calls', 'reveal_ms']);
  const teams = table(results, ['longest_frame_ms', 'apply_ms']);
  const where = quick ? ' (--quick: not written to bench/results.json)' : ' (bench/results.json)';
  console.log(`\nMedians${where}:\n${[speed, latency, teams].filter(Boolean).join('\n\n')}`);
  /** @type {string[]} */
  const ratios = [];
  for (const metric of ['paint_ms', 'toggle_ms']) {
    for (const rows of TREE_GRID_SIZES) {
      const median = (/** @type {string} */ component) =>
        results.find((r) => r.component === component && r.rows === rows && r.metric === metric)?.median;
      const theirs = median(TREE_GRID);
      const ours = median(OURS);
      if (theirs !== undefined && ours) {
        ratios.push(`${metric} at ${rows.toLocaleString('en-US')}: ${Math.round(theirs / ours).toLocaleString('en-US')}×`);
      }
    }
  }
  if (ratios.length > 0) console.log(`\nSpeed-up over lightning-tree-grid (ratio of medians): ${ratios.join('; ')}.`);
}

if (args.includes('--table')) {
  const results = JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8'));
  printTable(results);
  checkTargets(results);
} else {
  await main();
}
