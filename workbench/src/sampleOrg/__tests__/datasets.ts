/**
 * Shared by the sample-org tests (not a test itself: Jest only runs `*.test.ts`): a bundled dataset
 * read from data/<name>/ as the workbench server hands it to the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DatasetBundle, PlanEntry } from '../dataset';

const DATA = path.resolve(__dirname, '../../../../data');

export function loadDataset(name: string): DatasetBundle {
  const dir = path.join(DATA, name);
  const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const plan = read(`${name}-plan.json`) as PlanEntry[];
  const files = Object.fromEntries(plan.flatMap((step) => step.files).map((file) => [file, read(file)]));
  return { name, plan, files, org: orgConfig(name) } as DatasetBundle;
}

/** org.json as the server gives it: `extends` takes another dataset's and replaces its top-level keys. */
function orgConfig(name: string): Record<string, unknown> {
  const own = JSON.parse(fs.readFileSync(path.join(DATA, name, 'org.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  if (typeof own.extends !== 'string') return own;
  const { extends: base, ...rest } = own;
  return { ...orgConfig(base), ...rest };
}
