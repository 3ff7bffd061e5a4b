// @ts-check
/**
 * Reads the package's permission sets for the workbench's sample org: which Apex classes each one
 * opens (`<classAccesses>`), which custom permissions it grants (`<customPermissions>`) and its
 * object permissions on the package's own custom objects (`<objectPermissions>` of `…__c` objects:
 * a packaged permission set cannot grant standard objects, so those stay with org.json), from
 * every permissionsets/*.permissionset-meta.xml of the package (force-app/main/shared/permissionsets
 * today; a feature folder may hold its own). The sample org refuses an Apex
 * call unless one of the user's permission sets opens the class, as an org does, and derives the
 * user's custom permissions from the same sets, so the metadata is the only place that says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { metadataFiles } from '../../scripts/lib/packageLayout.mjs';

const SUFFIX = '.permissionset-meta.xml';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'classAccesses' || name === 'customPermissions' || name === 'objectPermissions',
});

/** Each object permission flag and the access level it grants, in describe's order. */
const OBJECT_PERMISSION_FLAGS = /** @type {const} */ ([
  ['allowRead', 'read'],
  ['allowCreate', 'create'],
  ['allowEdit', 'edit'],
  ['allowDelete', 'delete'],
]);

/**
 * @typedef {'read' | 'create' | 'edit' | 'delete'} ObjectAccessLevel
 * @typedef {{
 *   label: string;
 *   classAccesses: string[];
 *   customPermissions: string[];
 *   objectPermissions: Record<string, ObjectAccessLevel[]>;
 * }} PermissionSetInfo
 */

/** @param {unknown} value */
function text(value) {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * @param {string} file a <Name>.permissionset-meta.xml file
 * @returns {PermissionSetInfo}
 */
export function readPermissionSet(file) {
  const doc = parser.parse(fs.readFileSync(file, 'utf8'));
  const set = doc?.PermissionSet ?? {};
  /** @type {(entries: Array<Record<string, unknown>> | undefined, key: string) => string[]} */
  const enabled = (entries, key) =>
    (entries ?? []).filter((entry) => text(entry.enabled) === 'true').map((entry) => text(entry[key]));
  /** @type {Record<string, ObjectAccessLevel[]>} */
  const objectPermissions = {};
  for (const entry of /** @type {Array<Record<string, unknown>>} */ (set.objectPermissions ?? [])) {
    const object = text(entry.object);
    // Standard objects are the org's (profiles, org.json): the package can grant only its own.
    if (!object.endsWith('__c')) continue;
    objectPermissions[object] = OBJECT_PERMISSION_FLAGS.filter(([flag]) => text(entry[flag]) === 'true').map(
      ([, level]) => level,
    );
  }
  return {
    label: text(set.label),
    classAccesses: enabled(set.classAccesses, 'apexClass'),
    customPermissions: enabled(set.customPermissions, 'name'),
    objectPermissions,
  };
}

/**
 * The files the table is read from (also what a watcher must watch): those of every
 * `permissionsets` folder under the package directory, sorted by path.
 * @param {string} packageDir e.g. force-app
 */
export function permissionSetFiles(packageDir) {
  return metadataFiles('permissionsets', SUFFIX, packageDir);
}

/**
 * @param {string} packageDir e.g. force-app
 * @returns {Record<string, PermissionSetInfo>} by permission set API name
 */
export function readPermissionSets(packageDir) {
  return Object.fromEntries(
    permissionSetFiles(packageDir).map((file) => [path.basename(file, SUFFIX), readPermissionSet(file)]),
  );
}
