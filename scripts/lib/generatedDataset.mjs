// @ts-check
/**
 * What the dataset generators (scripts/generate-hierarchy.mjs, scripts/generate-relationships.mjs)
 * share: a seeded random number generator, their --help and error exits, and writing a data-tree
 * dataset folder (record files, plan, org.json) the way the workbench and `sf data import tree`
 * read it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, deterministic PRNG. @param {number} seed @returns {() => number} in [0, 1) */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prints the script's header comment as its usage. @param {string} moduleUrl the script's import.meta.url */
export function printUsage(moduleUrl) {
  const text = fs.readFileSync(fileURLToPath(moduleUrl), 'utf8');
  const header = text.slice(text.indexOf('/**') + 3, text.indexOf('*/'));
  process.stdout.write(header.replace(/^ \* ?/gm, '').trim() + '\n');
}

/**
 * The script's way out on bad input: the message, a pointer to --help, exit code 2.
 * @param {string} script e.g. `generate-hierarchy`
 * @returns {(message: string) => never}
 */
export function failure(script) {
  return (message) => {
    process.stderr.write(`${script}: ${message}\nRun with --help for usage.\n`);
    process.exit(2);
  };
}

/**
 * An empty dataset folder at `out`: a folder left by an earlier run (it holds a plan) is replaced;
 * any other non-empty folder is refused rather than overwritten.
 * @param {string} out @param {(message: string) => never} fail
 */
export function emptyDatasetFolder(out, fail) {
  if (fs.existsSync(out)) {
    const existing = fs.readdirSync(out);
    if (existing.length && !existing.some((f) => f.endsWith('-plan.json'))) {
      fail(`${out} exists and is not a dataset folder; refusing to overwrite it.`);
    }
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
}

/**
 * A data-tree record file, one record per line: readable, diff-able, and written in one go even for
 * 100,000 records.
 * @param {string} out @param {string} file @param {readonly unknown[]} records
 */
export function writeRecordFile(out, file, records) {
  const body = records.map((record) => '    ' + JSON.stringify(record)).join(',\n');
  fs.writeFileSync(path.join(out, file), `{\n  "records": [\n${body}\n  ]\n}\n`);
}

/** A JSON file (the plan, org.json), two-space indented. @param {string} out @param {string} file @param {unknown} value */
export function writeJson(out, file, value) {
  fs.writeFileSync(path.join(out, file), JSON.stringify(value, null, 2) + '\n');
}
