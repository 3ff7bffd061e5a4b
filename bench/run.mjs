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
 * Writes bench/results.json ({component, rows, metric, median}[]) and prints the same as a table.
 * Options: --runs N (default 5), --sizes 2000,10000,100000, --tree-grid-sizes 2000,10000 (or none), --quick
 * (2 runs, small sizes: to check the harness, not to quote; prints, writes no results.json), --table (print bench/results.json as
 * the table and speed-ups, measure nothing).
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
const OURS = 'accountHierarchy';
const TREE_GRID = 'lightning-tree-grid';

/** A balanced generated hierarchy of `rows` accounts (made once, git-ignored). */
function dataset(/** @type {number} */ rows) {
  const name = `bench-${rows}`;
  const dir = join(ROOT, 'data', 'generated', name);
  if (!existsSync(join(dir, `${name}-plan.json`))) {
    execFileSync('node', ['scripts/generate-hierarchy.mjs', '--accounts', String(rows), '--shape', 'balanced', '--out', dir], {
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

function median(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? /** @type {number} */ (sorted[middle]) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main() {
  const sizes = [...new Set([...SIZES, ...TREE_GRID_SIZES])].sort((a, b) => a - b);
  const datasets = sizes.map(dataset);
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
    const plan = [
      ...SIZES.map((rows) => ({ component: OURS, rows })),
      ...TREE_GRID_SIZES.map((rows) => ({ component: TREE_GRID, rows })),
    ];
    for (const { component, rows } of plan) {
      /** @type {Record<string, number[]>} */
      const samples = {};
      for (let run = 1; run <= RUNS; run++) {
        const started = Date.now();
        const measured = await measure(browser, workbench.url, component, rows);
        for (const [metric, value] of Object.entries(measured)) (samples[metric] ??= []).push(value);
        console.log(`bench: ${component} ${rows} rows, run ${run}/${RUNS} (${((Date.now() - started) / 1000).toFixed(1)} s): ${JSON.stringify(Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
      }
      for (const [metric, values] of Object.entries(samples)) {
        results.push({ component, rows, metric, median: Math.round(median(values) * 10) / 10 });
      }
    }
  } finally {
    await browser.close();
    await workbench.close();
  }
  if (!quick) {
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  }
  printTable(results);
}

function printTable(/** @type {{ component: string, rows: number, metric: string, median: number }[]} */ results) {
  const metrics = ['paint_ms', 'toggle_ms', 'search_ms', 'expand_all_ms', 'dom_nodes', 'heap_mb'];
  const keys = [...new Set(results.map((r) => `${r.component}|${r.rows}`))];
  const lines = [`| component | rows | ${metrics.join(' | ')} |`, `|---|---:|${metrics.map(() => '---:').join('|')}|`];
  for (const key of keys) {
    const [component, rows] = key.split('|');
    const cells = metrics.map((m) => {
      const found = results.find((r) => `${r.component}|${r.rows}` === key && r.metric === m);
      return found ? found.median.toLocaleString('en-US') : '—';
    });
    lines.push(`| ${component} | ${Number(rows).toLocaleString('en-US')} | ${cells.join(' | ')} |`);
  }
  console.log(`\nMedians${quick ? ' (--quick: not written to bench/results.json)' : ' (bench/results.json)'}:\n${lines.join('\n')}`);
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
  printTable(JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')));
} else {
  await main();
}
