// @ts-check
/**
 * Reads the package's role catalog for the workbench's sample org: every RoleCatalogEntry__mdt record
 * (customMetadata/RoleCatalogEntry.<DeveloperName>.md-meta.xml) of the package, as an org holds them
 * once the package is installed. The sample org joins them with its picklists (getRoleCatalog, role
 * options, the setup check's catalog issues), so the metadata is the only place that says which roles
 * the package describes, as permissionSets.mjs does for the permission sets.
 */
import path from 'node:path';
import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { metadataFiles } from '../../scripts/lib/packageLayout.mjs';

const TYPE = 'RoleCatalogEntry';
const SUFFIX = '.md-meta.xml';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'values',
});

/**
 * @typedef {{
 *   developerName: string;
 *   label: string;
 *   category: string;
 *   value: string;
 *   badgeColor: string;
 *   sortOrder: number | null;
 *   keyRole: boolean;
 *   helpText: string | null;
 * }} RoleCatalogEntry
 */

/** @param {unknown} value */
function text(value) {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * @param {string} file a RoleCatalogEntry.<DeveloperName>.md-meta.xml file
 * @returns {RoleCatalogEntry}
 */
export function readRoleCatalogEntry(file) {
  const doc = parser.parse(fs.readFileSync(file, 'utf8'));
  const record = doc?.CustomMetadata ?? {};
  /** @type {Record<string, string>} */
  const values = {};
  for (const entry of record.values ?? []) values[text(entry.field)] = text(entry.value);
  const sortOrder = values.SortOrder__c ? Number(values.SortOrder__c) : NaN;
  return {
    developerName: path.basename(file, SUFFIX).slice(TYPE.length + 1),
    label: text(record.label),
    category: values.Category__c ?? '',
    value: values.Value__c ?? '',
    // An entry without a colour is shown neutral, as one without an entry is.
    badgeColor: values.BadgeColor__c || 'neutral',
    sortOrder: Number.isFinite(sortOrder) ? sortOrder : null,
    keyRole: values.KeyRole__c === 'true',
    helpText: values.HelpText__c || null,
  };
}

/**
 * The files the catalog is read from (also what a watcher must watch): the RoleCatalogEntry records
 * of every `customMetadata` folder under the package directory, sorted by path.
 * @param {string} packageDir e.g. force-app
 */
export function roleCatalogFiles(packageDir) {
  return metadataFiles('customMetadata', SUFFIX, packageDir).filter((file) =>
    path.basename(file).startsWith(`${TYPE}.`),
  );
}

/**
 * @param {string} packageDir e.g. force-app
 * @returns {RoleCatalogEntry[]} in file (DeveloperName) order
 */
export function readRoleCatalog(packageDir) {
  return roleCatalogFiles(packageDir).map(readRoleCatalogEntry);
}
