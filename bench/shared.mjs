// @ts-check
/**
 * Shared by the feature benchmarks (hierarchy.mjs, contacts.mjs, teams.mjs): generated datasets, a
 * fresh page per measurement, and the helpers that run in the page (next paint, deep query, first
 * paint, timed actions, memory). bench/run.mjs drives them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

/** @typedef {{ component: string, rows: number, metric: string, median: number }} Result */
/** @typedef {Record<string, number>} Measured one page load's figures, by metric */
/**
 * One line of the plan: a component at a size, measured RUNS times on fresh page loads.
 * @typedef {{
 *   component: string,
 *   rows: number,
 *   note?: string,
 *   dataset: { name: string, dir: string },
 *   measure: (browser: import('playwright-core').Browser, url: string) => Promise<Measured>,
 * }} PlanEntry
 */
/**
 * The options of bench/run.mjs a feature plans with.
 * @typedef {{ quick: boolean, sizes: number[], treeGridSizes: number[], relationships: number[], teamRows: number[] }} Options
 */
/**
 * An issue target, checked on the medians: `max` caps a metric of a component of ours at a size (any
 * size when rows is omitted); `minRatio` asks the standard component's median (the feature's
 * `speedUp.theirs`) over ours to be at least that.
 * @typedef {{ component: string, metric: string, rows?: number, max?: number, minRatio?: number }} Target
 */
/**
 * What a feature module exports for bench/run.mjs.
 * @typedef {{
 *   groups: Record<string, (options: Options) => PlanEntry[]>,
 *   tables: { components: string[], metrics: string[] }[],
 *   speedUp?: { ours: string, theirs: string, metrics: string[] },
 *   targets: Target[],
 * }} Feature
 */

/**
 * A generated dataset in data/generated/<name> (git-ignored), made by `script` when missing or older
 * than the script: a dataset left by an earlier version of the generator (say, one without the
 * default team the teams benchmark applies) would measure something else without a word.
 */
export function generated(/** @type {string} */ name, /** @type {string} */ script, /** @type {string[]} */ args) {
  const dir = join(ROOT, 'data', 'generated', name);
  const plan = join(dir, `${name}-plan.json`);
  if (!existsSync(plan) || statSync(plan).mtimeMs < statSync(join(ROOT, script)).mtimeMs) {
    execFileSync('node', [script, ...args, '--out', dir], { cwd: ROOT, stdio: 'inherit' });
  }
  return { name, dir };
}

/**
 * A fresh browser context and page, `init` installed before the page loads, opened at the workbench
 * with `params` (component, dataset, recordId, latency…).
 * @param {import('playwright-core').Browser} browser @param {string} url
 * @param {Record<string, string>} params @param {string | (() => void)} init
 */
export async function openPage(browser, url, params, init) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(init);
  await page.goto(new URL(`?${new URLSearchParams(params)}`, url).href);
  return { context, page };
}

/** Resolves after the next frame has been painted. Runs in the page. */
export const NEXT_PAINT = `() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))`;

/** Installed before the page loads: `window.__deepAll(root, selector)`, querySelectorAll through every shadow root. */
function installDeepAll() {
  /** @param {Element | ShadowRoot | Document | null | undefined} root @param {string} selector @returns {Element[]} */
  const deepAll = (root, selector) => {
    if (!root) return [];
    const found = [...root.querySelectorAll(selector)];
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) found.push(...deepAll(element.shadowRoot, selector));
    }
    return found;
  };
  Object.assign(window, { __deepAll: deepAll });
}

/**
 * @typedef {(deepAll: (root: Element | ShadowRoot | Document | null | undefined, selector: string) => Element[]) =>
 *   { handedAt: number | null } | null} DetectPainted
 * Runs in the page once a frame: null until the component shows its rows, then when its data was
 * handed over (the last Apex call's resolvedAt, or the harness's handedAt).
 */

/**
 * Installed before the page loads (after installDeepAll): records in `window.__benchPaint` when the
 * component's rows are first painted (the frame after `detect` sees them) and its data handed over.
 */
function watchFirstPaint(/** @type {DetectPainted} */ detect) {
  const deepAll = /** @type {{ __deepAll: Parameters<DetectPainted>[0] }} */ (/** @type {unknown} */ (window)).__deepAll;
  const state = { paintedAt: /** @type {number | null} */ (null), handedAt: /** @type {number | null} */ (null) };
  Object.assign(window, { __benchPaint: state });
  const tick = () => {
    const painted = detect(deepAll);
    if (painted) {
      state.handedAt = painted.handedAt;
      setTimeout(() => {
        state.paintedAt = performance.now();
      }, 0);
    } else {
      requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
}

/** The init script for a page measured from first paint: deep query, then watchFirstPaint(detect). */
export function firstPaintScript(/** @type {DetectPainted} */ detect) {
  return `(${installDeepAll})();\n(${watchFirstPaint})(${detect});`;
}

/** Waits for the first paint (firstPaintScript) and returns paint_ms: data handed over → painted. */
export async function paintMs(/** @type {import('playwright-core').Page} */ page) {
  await page.waitForFunction(() => /** @type {{ __benchPaint?: { paintedAt: number | null } }} */ (/** @type {unknown} */ (window)).__benchPaint?.paintedAt != null, undefined, { timeout: 0, polling: 100 });
  const { paintedAt, handedAt } = await page.evaluate(() => /** @type {{ __benchPaint: { paintedAt: number, handedAt: number } }} */ (/** @type {unknown} */ (window)).__benchPaint);
  return paintedAt - handedAt;
}

/** Measures one action in the page (`deepAll` in scope): from just before it to the next painted frame. */
export async function timeAction(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ action) {
  return page.evaluate(`(async () => {
    const deepAll = window.__deepAll;
    const t0 = performance.now();
    ${action}
    await (${NEXT_PAINT})();
    return performance.now() - t0;
  })()`);
}

/**
 * Nodes in the document (dom_nodes): elements, text and comments, shadow trees included (the
 * workbench, like Lightning, runs synthetic shadow, so they are in the document; native shadow roots
 * are walked too). Not Chromium's Performance.getMetrics "Nodes", which also counts nodes outside the
 * document (LWC's cached template fragments, nodes not yet collected): ~1,650 more here, constant
 * while scrolling and toggling. Runs in the page.
 */
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

/** dom_nodes (countDocumentNodes), and heap_mb: the JS heap used after a forced garbage collection, in MB. */
export async function memory(/** @type {import('playwright-core').Page} */ page) {
  const domNodes = await page.evaluate(countDocumentNodes);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  await cdp.detach();
  return { dom_nodes: domNodes, heap_mb: metric('JSHeapUsedSize') / 1e6 };
}
