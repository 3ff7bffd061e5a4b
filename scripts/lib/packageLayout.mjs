// @ts-check
/**
 * Where things live in the package directory, for the scripts, the Jest config and the workbench
 * build. force-app/main holds one folder per feature (setup-check, account-hierarchy, …), each with
 * its own classes/ and lwc/, and shared/ for what the features share: labels and translations,
 * permission sets, custom permissions, shared Apex and components (README, "Project layout").
 *
 * Metadata is found by its type folder (`lwc`, `classes`, `permissionsets`, …) anywhere under
 * force-app, as `sf` finds it, so a new feature folder needs no change here. Labels and
 * translations are the exception: one file each, in shared/ (check-metadata refuses others).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The package directory (sfdx-project.json's default `packageDirectories` entry). */
export const PACKAGE_DIR = join(ROOT, 'force-app');
/** What the features share; the custom labels and their translations live only here. */
export const SHARED_DIR = join(PACKAGE_DIR, 'main', 'shared');

/**
 * Every folder named `name` under `dir`, sorted (dot folders, node_modules and `__tests__` skipped;
 * nothing below a match is searched).
 * @param {string} name e.g. `lwc`, `classes`, `permissionsets`
 * @param {string} [dir]
 * @returns {string[]}
 */
export function typeFolders(name, dir = PACKAGE_DIR) {
  if (!existsSync(dir)) return [];
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name === 'node_modules' || entry.name === '__tests__') continue;
    const path = join(dir, entry.name);
    if (entry.name === name) found.push(path);
    else found.push(...typeFolders(name, path));
  }
  return found.sort();
}

/**
 * Every component bundle (a folder of an `lwc` folder), sorted by path. Names should be unique:
 * the `c` namespace is flat (check-metadata reports duplicates).
 * @param {string} [dir]
 * @returns {{ name: string, dir: string }[]}
 */
export function componentBundles(dir = PACKAGE_DIR) {
  return typeFolders('lwc', dir).flatMap((lwc) =>
    readdirSync(lwc, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => ({ name: entry.name, dir: join(lwc, entry.name) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  );
}

/**
 * The files of one metadata type, in every folder of that type under `dir`, sorted by path.
 * @param {string} folder e.g. `classes`
 * @param {string} suffix e.g. `.cls`
 * @param {string} [dir]
 * @returns {string[]}
 */
export function metadataFiles(folder, suffix, dir = PACKAGE_DIR) {
  return typeFolders(folder, dir).flatMap((typeDir) =>
    readdirSync(typeDir)
      .filter((name) => name.endsWith(suffix))
      .sort()
      .map((name) => join(typeDir, name)),
  );
}

/**
 * The package's Apex classes: class name → file.
 * @param {string} [dir]
 * @returns {Map<string, string>}
 */
export function apexClassFiles(dir = PACKAGE_DIR) {
  return new Map(metadataFiles('classes', '.cls', dir).map((file) => [basename(file, '.cls'), file]));
}
