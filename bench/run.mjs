// @ts-check
/**
 * `npm run bench`: the package's components against the standard components they replace, on the
 * same generated data, in the same run, in the workbench's production build in headless Chromium.
 * Each figure is the median of RUNS fresh page loads. One module per feature holds its datasets,
 * pages, measurements, tables, speed-up ratios and targets:
 *   hierarchy.mjs  the account hierarchy vs lightning-tree-grid (`speed`), and at latency (`latency`)
 *   contacts.mjs   Related Contacts vs lightning-datatable (`contacts`)
 *   teams.mjs      the Default Account Team assistant's apply (`teams`)
 * shared.mjs holds the generated datasets, the page setup and the helpers that run in the page.
 *
 * This file: the options (USAGE), the plan, the runs, the medians, bench/results.json
 * ({component, rows, metric, median}[]), the tables and the targets (the exit code is 1 when one
 * fails).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { startWorkbench } from '../workbench/server.mjs';
import { contacts } from './contacts.mjs';
import { hierarchy } from './hierarchy.mjs';
import { ROOT } from './shared.mjs';
import { teams } from './teams.mjs';

const USAGE = `Usage: node bench/run.mjs [options]   (npm run bench -- [options])

  --runs N                 page loads per figure (default 5; --quick: 2)
  --sizes 2000,10000,100000
                           accounts in the balanced hierarchies of the account hierarchy
  --tree-grid-sizes 2000,10000
                           the same for lightning-tree-grid (or none)
  --relationships 5000     relationships on the Related Contacts account (or none)
  --team-rows 2000         accounts in the hierarchy of the team assistant (or none)
  --only speed|latency|contacts|teams
                           one group of metrics: speed (hierarchy vs lightning-tree-grid), latency
                           (load_* and reveal_*, a few minutes, no tree-grid), contacts (Related
                           Contacts vs lightning-datatable), teams (the team assistant's apply)
  --merge                  replace only the rows measured in this run in bench/results.json and keep
                           the others (implied by --only)
  --quick                  2 runs, small sizes (2,000 accounts, 1,000 relationships; latency: 2,000
                           accounts and a 100-level chain): to check the harness, not to quote;
                           prints, writes no bench/results.json
  --table                  print bench/results.json as the tables and speed-ups and check the targets;
                           measure nothing
  --help                   print this`;

/** In display order: tables, speed-ups and targets are printed feature by feature. */
const FEATURES = [hierarchy, contacts, teams];
/** The --only groups, in the order they are measured. */
const PLAN_ORDER = ['teams', 'speed', 'latency', 'contacts'];
/** @type {Record<string, (options: import('./shared.mjs').Options) => import('./shared.mjs').PlanEntry[]>} */
const GROUPS = Object.assign({}, ...FEATURES.map((f) => f.groups));

const args = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? /** @type {string} */ (args[at + 1]) : fallback;
};
const quick = args.includes('--quick');
const RUNS = Number(option('runs', quick ? '2' : '5'));
/** A comma-separated list of row counts; "none" (or anything not a positive number) gives none. */
const sizes = (/** @type {string} */ list) => list.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const ONLY = option('only', 'all');
if (ONLY !== 'all' && !Object.hasOwn(GROUPS, ONLY)) throw new Error(`--only speed|latency|contacts|teams, not "${ONLY}"`);
/** Merged into bench/results.json rather than replacing it: a partial run must not lose the rest. */
const MERGE = args.includes('--merge') || ONLY !== 'all';

/** @typedef {import('./shared.mjs').Result} Result */

function median(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? /** @type {number} */ (sorted[middle]) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main() {
  /** @type {import('./shared.mjs').Options} */
  const options = {
    quick,
    sizes: sizes(option('sizes', quick ? '2000' : '2000,10000,100000')),
    treeGridSizes: sizes(option('tree-grid-sizes', quick ? '2000' : '2000,10000')),
    relationships: sizes(option('relationships', quick ? '1000' : '5000')),
    teamRows: sizes(option('team-rows', '2000')),
  };
  // Planning generates the datasets a run needs (once: they are kept in data/generated/).
  const plan = PLAN_ORDER.filter((group) => ONLY === 'all' || ONLY === group).flatMap((group) => GROUPS[group]?.(options) ?? []);
  const dataPaths = [...new Set(plan.map((p) => p.dataset.dir))];
  console.log(`bench: production build of the workbench…`);
  const workbench = await startWorkbench({
    port: 0,
    production: true,
    quiet: true,
    outDir: join(ROOT, 'bench', 'dist'),
    dataPaths,
  });
  const browser = await launchChromium();
  /** @type {Result[]} */
  const results = [];
  try {
    for (const { component, rows, note = '', measure } of plan) {
      /** @type {Record<string, number[]>} */
      const samples = {};
      for (let run = 1; run <= RUNS; run++) {
        const started = Date.now();
        const measured = await measure(browser, workbench.url);
        for (const [metric, value] of Object.entries(measured)) (samples[metric] ??= []).push(value);
        console.log(`bench: ${component} ${rows} rows, ${note}run ${run}/${RUNS} (${((Date.now() - started) / 1000).toFixed(1)} s): ${JSON.stringify(Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
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
 * @param {Result[]} earlier @param {Result[]} measured
 */
function mergeResults(earlier, measured) {
  const key = (/** @type {{ component: string, rows: number, metric: string }} */ r) => `${r.component}|${r.rows}|${r.metric}`;
  const fresh = new Map(measured.map((r) => [key(r), r]));
  const merged = earlier.map((r) => fresh.get(key(r)) ?? r);
  const kept = new Set(earlier.map(key));
  return [...merged, ...measured.filter((r) => !kept.has(key(r)))];
}

/** The standard component each of ours is compared with (the features' speedUp). */
const VERSUS = new Map(FEATURES.flatMap((f) => (f.speedUp ? [[f.speedUp.ours, f.speedUp.theirs]] : [])));

/** Prints each target met or missed (a target without results is skipped); exit code 1 on a miss. */
function checkTargets(/** @type {Result[]} */ results) {
  const lines = [];
  let missed = 0;
  for (const target of FEATURES.flatMap((f) => f.targets)) {
    const ours = results.filter((r) => r.component === target.component && r.metric === target.metric && (target.rows === undefined || r.rows === target.rows));
    const versus = VERSUS.get(target.component);
    for (const row of ours) {
      const where = `${target.component} ${target.metric} at ${row.rows.toLocaleString('en-US')}`;
      if (target.max !== undefined) {
        const ok = row.median <= target.max;
        missed += ok ? 0 : 1;
        lines.push(`${ok ? 'met   ' : 'MISSED'} ${where}: ${row.median.toLocaleString('en-US')} (≤ ${target.max.toLocaleString('en-US')})`);
      }
      const theirs = results.find((r) => r.component === versus && r.rows === row.rows && r.metric === target.metric);
      if (target.minRatio !== undefined && theirs && row.median > 0) {
        const ratio = theirs.median / row.median;
        const ok = ratio >= target.minRatio;
        missed += ok ? 0 : 1;
        lines.push(`${ok ? 'met   ' : 'MISSED'} ${where}: ${Math.round(ratio).toLocaleString('en-US')}× ${versus} (≥ ${target.minRatio}×)`);
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
function table(/** @type {Result[]} */ results, /** @type {string[]} */ metrics) {
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

/**
 * "Speed-up over <theirs>": their median over ours, per metric (outer) and per size of theirs that
 * both have (in the order of the results).
 * @param {Result[]} results @param {{ ours: string, theirs: string, metrics: string[] }} speedUp
 */
function speedUps(results, { ours, theirs, metrics }) {
  /** @type {string[]} */
  const ratios = [];
  for (const metric of metrics) {
    for (const rows of [...new Set(results.filter((r) => r.component === theirs).map((r) => r.rows))]) {
      const medianOf = (/** @type {string} */ component) =>
        results.find((r) => r.component === component && r.rows === rows && r.metric === metric)?.median;
      const their = medianOf(theirs);
      const our = medianOf(ours);
      if (their !== undefined && our) {
        ratios.push(`${metric} at ${rows.toLocaleString('en-US')}: ${Math.round(their / our).toLocaleString('en-US')}×`);
      }
    }
  }
  return ratios.length > 0 ? `\nSpeed-up over ${theirs} (ratio of medians): ${ratios.join('; ')}.` : '';
}

function printTable(/** @type {Result[]} */ results) {
  const tables = FEATURES.flatMap((f) =>
    f.tables.map(({ components, metrics }) => table(results.filter((r) => components.includes(r.component)), metrics)),
  );
  const where = quick ? ' (--quick: not written to bench/results.json)' : ' (bench/results.json)';
  console.log(`\nMedians${where}:\n${tables.filter(Boolean).join('\n\n')}`);
  for (const feature of FEATURES) {
    const line = feature.speedUp ? speedUps(results, feature.speedUp) : '';
    if (line) console.log(line);
  }
}

if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
} else if (args.includes('--table')) {
  const results = JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8'));
  printTable(results);
  checkTargets(results);
} else {
  await main();
}
