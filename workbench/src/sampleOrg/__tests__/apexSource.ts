/**
 * Shared by the tests that compare the sample org with the Apex (not a test itself): the source of a
 * package class, found in whichever feature folder holds it (force-app/main/<feature>/classes).
 */
import fs from 'node:fs';
import path from 'node:path';

const PACKAGE_DIR = path.resolve(__dirname, '../../../../force-app');

/** Every `classes/<Name>.cls` under `dir`, by class name. */
function findClasses(dir: string, found: Map<string, string>): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== '__tests__') {
      findClasses(full, found);
    } else if (entry.isFile() && entry.name.endsWith('.cls') && path.basename(dir) === 'classes') {
      found.set(path.basename(entry.name, '.cls'), full);
    }
  }
  return found;
}

const CLASSES = findClasses(PACKAGE_DIR, new Map());

/** The text of the package's Apex class `className`; throws when the package has no such class. */
export function apexSource(className: string): string {
  const file = CLASSES.get(className);
  if (file === undefined) {
    throw new Error(`No Apex class ${className} under ${PACKAGE_DIR}`);
  }
  return fs.readFileSync(file, 'utf8');
}
