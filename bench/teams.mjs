// @ts-check
/**
 * Default Account Team assistant (group `teams`): c-account-team-assistant on the generated balanced
 * hierarchy (hierarchy.mjs), opened at its top account (the generated dataset gives its user a
 * default team):
 *   longest_frame_ms  the longest main-thread task (Chromium's long-task timing: tasks over 50 ms;
 *                     0 when none was that long) from clicking "Apply to this account and its N
 *                     descendants" (then Start) until the per-account results are shown
 *   apply_ms          the same span in wall-clock milliseconds (the run's polling included)
 *   transactions      the sample org's Queueable transactions of the run, and the most one of them
 *   tx_queries, tx_dml_rows, tx_dml_statements   used (a quarter of each limit: 25, 2,500, 37)
 */
import { dataset } from './hierarchy.mjs';
import { NEXT_PAINT, openPage } from './shared.mjs';

const COMPONENT = 'accountTeamAssistant';

/**
 * Installed before the page loads: records Chromium's long tasks (over 50 ms) with their start and
 * duration, so the span from "Apply" to the results can be read afterwards.
 */
function watchLongTasks() {
  const state = { tasks: /** @type {{ start: number, duration: number }[]} */ ([]) };
  Object.assign(window, { __benchLongTasks: state });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * One fresh page load of the assistant on the generated hierarchy's top account: waits until the
 * descendants are counted, clicks "Apply to this account and its N descendants" then Start, and
 * measures until the results table shows.
 * @param {import('playwright-core').Browser} browser @param {string} url @param {number} rows
 * @returns {Promise<Record<string, number>>}
 */
async function measureApply(browser, url, rows) {
  const { context, page } = await openPage(
    browser,
    url,
    { component: 'c-account-team-assistant', dataset: `bench-${rows}`, recordId: 'Acc1', latency: '0' },
    watchLongTasks,
  );
  try {
    const host = `document.querySelector('c-account-team-assistant')?.shadowRoot`;
    // Ready: the hierarchy button names its count; or stopped: an error.
    const state = await page.waitForFunction(
      `(() => {
        const root = ${host};
        if (root?.querySelector('[data-id="error"]')) return 'error:' + root.querySelector('[data-id="error"]').textContent;
        const button = root?.querySelector('[data-id="apply-hierarchy"]');
        return button && !button.disabled && /\\d/.test(button.textContent) ? 'ready' : false;
      })()`,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const outcome = await state.jsonValue();
    if (outcome !== 'ready') throw new Error(`bench: ${COMPONENT} could not start: ${outcome}`);
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
        const failure = root.querySelector('[data-id="error"], [data-id="run-message"]');
        if (failure) return 'error:' + failure.textContent;
        return root.querySelector('[data-id="results"] tbody tr') ? 'shown' : false;
      })()`,
      undefined,
      { timeout: 300_000, polling: 'raf' },
    );
    const result = await shown.jsonValue();
    if (result !== 'shown') throw new Error(`bench: ${COMPONENT} apply failed: ${result}`);
    // The frame that shows the results, then the tasks that ended by then.
    const measured = await page.evaluate(`(async () => {
      await (${NEXT_PAINT})();
      const end = performance.now();
      const tasks = window.__benchLongTasks.tasks.filter((t) => t.start + t.duration >= ${t0} && t.start <= end);
      const chain = window.__workbench.asyncApexTransactions().filter((t) => t.kind === 'queueable');
      const most = (key) => Math.max(0, ...chain.map((t) => t[key]));
      return {
        longest_frame_ms: Math.max(0, ...tasks.map((t) => t.duration)),
        apply_ms: end - ${t0},
        transactions: chain.length,
        tx_queries: most('queries'),
        tx_dml_rows: most('dmlRows'),
        tx_dml_statements: most('dmlStatements'),
      };
    })()`);
    return /** @type {Record<string, number>} */ (measured);
  } finally {
    await context.close();
  }
}

/** @type {import('./shared.mjs').Feature} */
export const teams = {
  groups: {
    teams: ({ teamRows }) =>
      teamRows.map((rows) => ({
        component: COMPONENT,
        rows,
        dataset: dataset(rows),
        measure: (browser, url) => measureApply(browser, url, rows),
      })),
  },
  tables: [
    {
      components: [COMPONENT],
      metrics: ['longest_frame_ms', 'apply_ms', 'transactions', 'tx_queries', 'tx_dml_rows', 'tx_dml_statements'],
    },
  ],
  targets: [
    { component: COMPONENT, metric: 'longest_frame_ms', rows: 2000, max: 100 },
    // A quarter of the synchronous limits per Queueable transaction (100 queries, 10,000 DML rows, 150 DML).
    { component: COMPONENT, metric: 'tx_queries', rows: 2000, max: 25 },
    { component: COMPONENT, metric: 'tx_dml_rows', rows: 2000, max: 2500 },
    { component: COMPONENT, metric: 'tx_dml_statements', rows: 2000, max: 37 },
  ],
};
