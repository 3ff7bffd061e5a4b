// @ts-check
/**
 * Metadata checks that `sf project convert source` does not make (it accepts malformed XML and
 * bundles whose .js was never compiled), then the conversion itself:
 *   1. every XML file of the project is well-formed;
 *   2. every component bundle has its -meta.xml, and every .ts its up-to-date compiled .js; component
 *      and Apex class names are unique across the feature folders (the `c` namespace and Apex's are
 *      flat), and the labels and translations are in force-app/main/shared only (where the workbench
 *      and these checks read them);
 *   3. every label a component, Apex class or the workbench's sample org names exists, and every label
 *      has a zh_CN translation;
 *   4. label and translation text is exactly what users get: one line, no stray whitespace, within
 *      the platform's lengths (formatters once wrapped it, and an org stores the whitespace);
 *   5. a package with translations is only built on scratch definitions with the Translation
 *      Workbench (an org without it refuses the translations: "Not available for deploy");
 *   6. templates hold no literal user-visible text (it belongs in custom labels);
 *   7. `sf project convert source` succeeds for each package directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  PACKAGE_DIR,
  SHARED_DIR,
  componentBundles,
  metadataFiles,
  typeFolders,
} from './lib/packageLayout.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const PACKAGE_DIRS = ['force-app', 'unpackaged'];
const LABELS = join(SHARED_DIR, 'labels/CustomLabels.labels-meta.xml');
const TRANSLATIONS = join(SHARED_DIR, 'translations');
/**
 * Lengths of the CustomLabel fields (Metadata API CustomLabel and Tooling API ExternalString:
 * value 1,000, categories 255; Setup's custom label form: name and short description 80).
 */
const LABEL_FIELDS = /** @type {const} */ ([
  { field: 'fullName', max: 80, required: true },
  { field: 'shortDescription', max: 80, required: true },
  { field: 'value', max: 1000, required: true },
  { field: 'categories', max: 255, required: false },
  { field: 'language', max: 10, required: true },
]);
/** Environment for every `sf` run: the CLI is pinned by the lock file, so it must not update itself. */
export const SF_ENV = {
  SF_AUTOUPDATE_DISABLE: 'true',
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_DISABLE_TELEMETRY: 'true',
};
/** Attributes of base components and HTML that users read or hear. */
const TEXT_ATTRIBUTES =
  /\s(label|title|alternative-text|placeholder|aria-label|message-when-[a-z-]+|help-text)="(?!\{)([^"]*)"/g;

/** @type {string[]} */
const problems = [];

/** @param {string} dir @param {(path: string) => boolean} keep @returns {string[]} */
function walk(dir, keep) {
  if (!existsSync(dir)) return [];
  /** @type {string[]} */
  let files = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files = files.concat(walk(path, keep));
    else if (keep(path)) files.push(path);
  }
  return files;
}

const rel = (/** @type {string} */ path) => relative(ROOT, path);

function checkXml() {
  const files = [...PACKAGE_DIRS, 'config'].flatMap((dir) =>
    walk(join(ROOT, dir), (p) => p.endsWith('.xml')),
  );
  for (const file of files) {
    const result = XMLValidator.validate(readFileSync(file, 'utf8'));
    if (result !== true) {
      problems.push(`${rel(file)}:${result.err.line}: malformed XML: ${result.err.msg}`);
    }
  }
  return files.length;
}

function checkBundles() {
  const bundles = componentBundles();
  for (const { name: bundle, dir } of bundles) {
    if (!existsSync(join(dir, `${bundle}.js-meta.xml`))) {
      problems.push(`${rel(dir)}: missing ${bundle}.js-meta.xml`);
    }
    if (!existsSync(join(dir, `${bundle}.ts`))) {
      problems.push(`${rel(dir)}: missing ${bundle}.ts (components are written in TypeScript)`);
    }
    for (const ts of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'))) {
      const js = join(dir, ts.replace(/\.ts$/, '.js'));
      if (!existsSync(js)) {
        problems.push(`${rel(join(dir, ts))}: not compiled (no ${basename(js)}); run npm run build`);
      } else if (statSync(js).mtimeMs < statSync(join(dir, ts)).mtimeMs) {
        problems.push(`${rel(js)}: older than its .ts; run npm run build`);
      }
    }
  }
  return bundles.length;
}

/** One name, one place: feature folders share the platform's flat namespaces. */
function checkLayout() {
  /** @param {string} kind @param {{ name: string, path: string }[]} items */
  const unique = (kind, items) => {
    /** @type {Map<string, string>} */
    const first = new Map();
    for (const { name, path } of items) {
      const other = first.get(name);
      if (other === undefined) first.set(name, path);
      else problems.push(`${rel(path)}: ${kind} ${name} is also in ${rel(other)} (one name, one place)`);
    }
  };
  const bundles = componentBundles();
  unique(
    'component',
    bundles.map(({ name, dir }) => ({ name, path: dir })),
  );
  const classes = metadataFiles('classes', '.cls');
  unique(
    'Apex class',
    classes.map((path) => ({ name: basename(path, '.cls'), path })),
  );
  for (const { type, expected } of [
    { type: 'labels', expected: join(SHARED_DIR, 'labels') },
    { type: 'translations', expected: TRANSLATIONS },
  ]) {
    for (const dir of typeFolders(type)) {
      if (dir !== expected) {
        problems.push(
          `${rel(dir)}: ${type} belong in ${rel(expected)} (the workbench and these checks read only it)`,
        );
      }
    }
  }
  return bundles.length + classes.length;
}

function checkLabels() {
  const parser = new XMLParser({ isArray: (name) => name === 'labels' || name === 'customLabels' });
  /** @type {{ fullName: string }[]} */
  const labels = parser.parse(readFileSync(LABELS, 'utf8')).CustomLabels.labels;
  const defined = new Set(labels.map((l) => l.fullName));
  const used = new Map();
  const componentSources = componentBundles().flatMap(({ dir }) =>
    walk(dir, (p) => p.endsWith('.ts') && !p.includes('__tests__')),
  );
  for (const file of componentSources) {
    for (const match of readFileSync(file, 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)/g)) {
      used.set(match[1], rel(file));
    }
  }
  for (const file of walk(PACKAGE_DIR, (p) => p.endsWith('.cls'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:System\.)?Label\.(\w+)/g)) {
      used.set(match[1], rel(file));
    }
  }
  // The sample org raises the labels the Apex raises, by name (its System.Label): any label name in
  // the workbench's code (comments too: they point readers at it) must exist as well.
  for (const file of walk(
    join(ROOT, 'workbench/src'),
    (p) => p.endsWith('.ts') && !p.includes('__tests__'),
  )) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(AR_[A-Z][A-Za-z]*_\w+)/g)) {
      used.set(match[1], rel(file));
    }
  }
  for (const [name, file] of used) {
    if (!defined.has(name)) problems.push(`${file}: uses label ${name}, which CustomLabels does not define`);
  }
  const translationFiles = readdirSync(TRANSLATIONS).filter((n) => n.endsWith('.translation-meta.xml'));
  for (const file of translationFiles) {
    /** @type {{ name: string, label: string }[]} */
    const translated =
      parser.parse(readFileSync(join(TRANSLATIONS, file), 'utf8')).Translations.customLabels ?? [];
    const names = new Set(translated.filter((t) => String(t.label).trim() !== '').map((t) => t.name));
    for (const name of defined) {
      if (!names.has(name)) problems.push(`translations/${file}: no translation for label ${name}`);
    }
    for (const name of names) {
      if (!defined.has(name)) problems.push(`translations/${file}: translates ${name}, which is not a label`);
    }
  }
  if (!translationFiles.some((n) => n.startsWith('zh_CN'))) problems.push('translations: zh_CN is missing');
  return defined.size;
}

/**
 * Problems of one text field as stored, before any trimming: what the XML holds is what Apex's
 * System.Label and the components get, newlines and indentation included.
 * @param {string} where @param {unknown} raw @param {number} max
 */
function checkText(where, raw, max) {
  if (typeof raw !== 'string') {
    problems.push(`${where}: not plain text`);
    return;
  }
  const shown = JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
  if (/[\r\n\t]/.test(raw)) problems.push(`${where}: contains a line break or tab: ${shown}`);
  if (raw !== raw.trim()) problems.push(`${where}: leading or trailing whitespace: ${shown}`);
  if (/\s{2,}/.test(raw.trim())) problems.push(`${where}: a run of whitespace: ${shown}`);
  if (raw.trim() === '') problems.push(`${where}: empty`);
  // Java string length (UTF-16 code units), as the platform counts.
  if (raw.length > max) problems.push(`${where}: ${raw.length} characters, more than ${max}`);
}

function checkLabelText() {
  // No trimming and no type conversion: the check must see the characters as the file holds them.
  const parser = new XMLParser({
    trimValues: false,
    parseTagValue: false,
    isArray: (name) => name === 'labels' || name === 'customLabels',
  });
  /** @type {Record<string, unknown>[]} */
  const labels = parser.parse(readFileSync(LABELS, 'utf8')).CustomLabels.labels;
  for (const label of labels) {
    const name = String(label.fullName).trim();
    for (const { field, max, required } of LABEL_FIELDS) {
      if (label[field] === undefined) {
        if (required) problems.push(`labels: ${name}: no ${field}`);
        continue;
      }
      checkText(`labels: ${name}: ${field}`, label[field], max);
    }
    if (!/^[A-Za-z](?!.*__)\w*(?<!_)$/.test(name)) {
      problems.push(
        `labels: ${name}: a name starts with a letter, has letters, digits and single underscores`,
      );
    }
    if (label.protected !== 'true' && label.protected !== 'false') {
      problems.push(`labels: ${name}: protected must be true or false`);
    }
  }
  let translations = 0;
  for (const file of readdirSync(TRANSLATIONS).filter((n) => n.endsWith('.translation-meta.xml'))) {
    /** @type {Record<string, unknown>[]} */
    const translated =
      parser.parse(readFileSync(join(TRANSLATIONS, file), 'utf8')).Translations.customLabels ?? [];
    for (const entry of translated) {
      const name = String(entry.name).trim();
      checkText(`translations/${file}: ${name}: name`, entry.name, 80);
      checkText(`translations/${file}: ${name}: label`, entry.label, 1000);
      translations++;
    }
  }
  return labels.length + translations;
}

/** Scratch definitions the project uses: those in config/ and the package's definitionFile. */
function scratchDefinitions() {
  const files = new Set(
    readdirSync(join(ROOT, 'config'))
      .filter((n) => n.endsWith('scratch-def.json'))
      .map((n) => join(ROOT, 'config', n)),
  );
  /** @type {{ packageDirectories: { definitionFile?: string }[] }} */
  const project = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8'));
  for (const dir of project.packageDirectories) {
    if (dir.definitionFile) files.add(join(ROOT, dir.definitionFile));
  }
  return [...files];
}

function checkTranslationWorkbench() {
  const definitions = scratchDefinitions();
  const translated = PACKAGE_DIRS.flatMap((dir) =>
    walk(join(ROOT, dir), (p) => p.endsWith('.translation-meta.xml')),
  );
  if (translated.length === 0) return definitions.length;
  for (const file of definitions) {
    if (!existsSync(file)) {
      problems.push(`${rel(file)}: named in sfdx-project.json but missing`);
      continue;
    }
    /** @type {{ settings?: { languageSettings?: { enableTranslationWorkbench?: unknown } } }} */
    const definition = JSON.parse(readFileSync(file, 'utf8'));
    if (definition.settings?.languageSettings?.enableTranslationWorkbench !== true) {
      problems.push(
        `${rel(file)}: the package has translations (${rel(translated[0] ?? '')}), which deploy only with ` +
          'the Translation Workbench: set settings.languageSettings.enableTranslationWorkbench to true',
      );
    }
  }
  return definitions.length;
}

function checkTemplates() {
  const templates = componentBundles().flatMap(({ dir }) => walk(dir, (p) => p.endsWith('.html')));
  for (const file of templates) {
    const html = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    for (const match of html.matchAll(/>([^<]+)</g)) {
      const text = (match[1] ?? '').replace(/\{[^}]*\}/g, '').trim();
      if (text !== '') problems.push(`${rel(file)}: literal text "${text}" (use a custom label)`);
    }
    for (const match of html.matchAll(TEXT_ATTRIBUTES)) {
      if ((match[2] ?? '').trim() !== '') {
        problems.push(`${rel(file)}: literal ${match[1]}="${match[2]}" (use a custom label)`);
      }
    }
  }
  return templates.length;
}

function convertSource() {
  // One directory per call: the CLI takes a single --root-dir.
  for (const dir of PACKAGE_DIRS) {
    const out = mkdtempSync(join(tmpdir(), 'convert-'));
    try {
      // `npm exec` puts the project's Node 22 first on PATH, which the pinned CLI needs.
      const args = [
        'exec',
        '--',
        'sf',
        'project',
        'convert',
        'source',
        '--root-dir',
        dir,
        '--output-dir',
        join(out, 'mdapi'),
      ];
      execFileSync('npm', args, {
        cwd: ROOT,
        stdio: 'pipe',
        env: { ...process.env, ...SF_ENV },
      });
    } catch (error) {
      const output = /** @type {{ stdout?: Buffer, stderr?: Buffer }} */ (error);
      problems.push(`sf project convert source --root-dir ${dir} failed:\n${output.stdout}${output.stderr}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return PACKAGE_DIRS.length;
}

const steps = [
  ['well-formed XML files', checkXml],
  ['component bundles compiled', checkBundles],
  ['components and Apex classes named once, labels in main/shared', checkLayout],
  ['custom labels defined and translated', checkLabels],
  ['label and translation texts exact and within limits', checkLabelText],
  ['scratch definitions with the Translation Workbench', checkTranslationWorkbench],
  ['templates without literal text', checkTemplates],
  ['package directories converted by sf', convertSource],
];
for (const [name, step] of /** @type {[string, () => number][]} */ (steps)) {
  const before = problems.length;
  const started = Date.now();
  const count = step();
  const status = problems.length === before ? 'ok' : 'FAILED';
  console.log(`  ${status.padEnd(6)} ${count} ${name} (${Date.now() - started} ms)`);
}
if (problems.length > 0) {
  console.error(`\nMetadata check: ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log('Metadata check: all passed.');
