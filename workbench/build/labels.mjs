// @ts-check
/**
 * Reads the package's custom labels for the workbench: English values from
 * CustomLabels.labels-meta.xml, other languages from translations/<locale>.translation-meta.xml
 * (Translations format: <customLabels><name>X</name><label>…</label></customLabels>).
 * The result is a plain table `{ en_US: { Name: text }, zh_CN: { Name: text } }` that the label
 * plugin embeds in the bundle; a missing translation falls back to English at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Locales the workbench offers; the first is the default and the fallback. */
export const LOCALES = /** @type {const} */ (['en_US', 'zh_CN']);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'labels' || name === 'customLabels',
});

/** @param {unknown} value */
function text(value) {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/**
 * @param {string} file a CustomLabels.labels-meta.xml file
 * @returns {Record<string, string>} label value by name; empty when the file is missing
 */
export function readCustomLabels(file) {
  if (!fs.existsSync(file)) return {};
  const doc = parser.parse(fs.readFileSync(file, 'utf8'));
  /** @type {Array<{ fullName?: unknown; value?: unknown }>} */
  const labels = doc?.CustomLabels?.labels ?? [];
  /** @type {Record<string, string>} */
  const table = {};
  for (const label of labels) {
    const name = text(label.fullName).trim();
    if (name) table[name] = text(label.value);
  }
  return table;
}

/**
 * @param {string} file a <locale>.translation-meta.xml file
 * @returns {Record<string, string>} translated label text by label name; empty when the file is missing
 */
export function readLabelTranslations(file) {
  if (!fs.existsSync(file)) return {};
  const doc = parser.parse(fs.readFileSync(file, 'utf8'));
  /** @type {Array<{ name?: unknown; label?: unknown }>} */
  const entries = doc?.Translations?.customLabels ?? [];
  /** @type {Record<string, string>} */
  const table = {};
  for (const entry of entries) {
    const name = text(entry.name).trim();
    if (name && entry.label !== undefined) table[name] = text(entry.label);
  }
  return table;
}

/**
 * The files the label table is read from (also what a watcher must watch).
 * @param {string} metadataDir the folder holding labels/ and translations/: force-app/main/shared
 */
export function labelFiles(metadataDir) {
  return {
    labels: path.join(metadataDir, 'labels', 'CustomLabels.labels-meta.xml'),
    translations: Object.fromEntries(
      LOCALES.slice(1).map((locale) => [
        locale,
        path.join(metadataDir, 'translations', `${locale}.translation-meta.xml`),
      ]),
    ),
  };
}

/**
 * @param {string} metadataDir the folder holding labels/ and translations/: force-app/main/shared
 * @returns {Record<string, Record<string, string>>} label text by locale, then by label name
 */
export function readLabelTable(metadataDir) {
  const files = labelFiles(metadataDir);
  /** @type {Record<string, Record<string, string>>} */
  const table = { [LOCALES[0]]: readCustomLabels(files.labels) };
  for (const [locale, file] of Object.entries(files.translations)) {
    table[locale] = readLabelTranslations(file);
  }
  return table;
}
