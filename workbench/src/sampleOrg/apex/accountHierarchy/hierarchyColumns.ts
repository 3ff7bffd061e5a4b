/**
 * Hierarchy columns over the sample org, mirroring HierarchyColumnSet.cls and FieldPath.cls: the
 * validation of the configured field paths against the platform's schema (../schema.ts) and the
 * user's describe, and reading a column's value from a record.
 *
 * - Blank entries (null, '', spaces) are skipped; none left means the defaults. Paths are trimmed,
 *   at most MAX_SEGMENTS segments (else `tooDeep`), names matched case-insensitively; duplicates
 *   (same trimmed path in another case) are dropped silently. More than MAX_CONFIGURED_COLUMNS
 *   entries is a malformed request.
 * - Reasons in FieldPath's order: `tooDeep`, `unknownField`, `notReadable` (each hop's lookup field
 *   and target object, and the last field, must be readable), then `unsupportedType` (compound
 *   address, long text area: FieldPath.columnTypeOf).
 * - Worst-case heap of a cell (FieldPath.worstCaseBytes), from the schema's text lengths.
 * - Relationships: at most MAX_RELATIONSHIPS_PER_QUERY distinct relationship paths over all columns, as
 *   HierarchyColumnSet caps them; a column that needs one more is `tooManyRelationships`, later columns
 *   that need none are kept.
 * - Labels: English describe labels, each relationship's ("Owner ID" → "Owner") and the field's joined
 *   with " › " as FieldPath.cls does: "Owner › Full Name", "Parent Account › Industry".
 * - `Owner.Name`: the owner comes from org.json (`recordOwners`, `defaultOwner`, else `currentUser`;
 *   see SampleOrg); the value is that user's `name`.
 */
import type { DroppedColumn, HierarchyCellValue, HierarchyColumn, HierarchyColumnType } from '@contract';
import type { Describe } from '../../describe';
import type { FieldSchema } from '../../schema';
import { relationshipSchema } from '../../schema';
import type { SampleOrg, SObjectRecord } from '../../sampleOrg';

/** What configured columns default to (null or empty `columns`). Name is the row's label, not a column. */
export const DEFAULT_HIERARCHY_COLUMNS: readonly string[] = [
  'Type',
  'Industry',
  'BillingCity',
  'Owner.Name',
  'AnnualRevenue',
  'NumberOfEmployees',
];

/** Four relationships and a field at most: more is `tooDeep`. */
export const MAX_SEGMENTS = 5;
/** More configured paths than this is refused (HierarchyColumnSet.InvalidColumnsException). */
export const MAX_CONFIGURED_COLUMNS = 100;
/**
 * SOQL's limit of child-to-parent relationships in one query; the row queries follow
 * ROW_QUERY_RELATIONSHIPS of their own (the descendant query's Parent hops), the columns the rest.
 */
export const MAX_RELATIONSHIPS_PER_QUERY = 55;
/** AccountSelector.ROW_QUERY_RELATIONSHIPS: Parent up to four hops, lower case as relationshipPaths. */
export const ROW_QUERY_RELATIONSHIPS: readonly string[] = [
  'parent',
  'parent.parent',
  'parent.parent.parent',
  'parent.parent.parent.parent',
];

/** FieldPath's worst-case heap of one cell: bytes per character of text (UTF-16). */
export const BYTES_PER_CHAR = 2;
export const NUMBER_BYTES = 32;
export const BOOLEAN_BYTES = 8;
/** A Date and its 'YYYY-MM-DD' string. */
export const DATE_BYTES = 8 + BYTES_PER_CHAR * 10;
/** A Datetime and its ISO 8601 string. */
export const DATETIME_BYTES = 8 + BYTES_PER_CHAR * 24;
/** Per cell: its slot in the queried record and its entry in the row's values map. */
export const CELL_BYTES = 40;
/** Per relationship of the path: the related record each queried row carries. */
export const RELATIONSHIP_BYTES = 100;

export class InvalidColumnsException extends Error {}

/** Plain text areas up to this length are columns; longer ones (long and rich text) are not (FieldPath). */
const MAX_TEXT_AREA_LENGTH = 255;

/**
 * FieldPath.columnTypeOf: the column type of a field, or null when it cannot be a column (compound
 * address, long text area…).
 */
function columnTypeOf(field: FieldSchema): HierarchyColumnType | null {
  switch (field.type) {
    case 'string':
    case 'picklist':
    case 'multipicklist':
    case 'email':
    case 'phone':
    case 'url':
    case 'id':
    case 'reference':
      return 'text';
    case 'textarea':
      return (field.length ?? 0) <= MAX_TEXT_AREA_LENGTH ? 'text' : null;
    case 'double':
    case 'int':
      return 'number';
    case 'currency':
    case 'percent':
    case 'date':
    case 'datetime':
    case 'boolean':
      return field.type;
    default:
      return null;
  }
}

/** A validated column and how to read it: the hops (relationship lookup fields) and the last field. */
export interface ResolvedColumn {
  column: HierarchyColumn;
  /** [target object, lookup field] of each hop, e.g. Owner.Name → [['User', 'OwnerId']]. */
  hops: readonly (readonly [target: string, idField: string])[];
  /** The last field, as describe spells it, e.g. 'Name'. */
  fieldApiName: string;
  /** The most heap one cell of the column can take (FieldPath.worstCaseBytes). */
  worstCaseBytes: number;
  /** The relationship paths the column's query follows, lower case (FieldPath.relationshipPaths). */
  relationshipPaths: string[];
}

export interface ColumnValidation {
  resolved: ResolvedColumn[];
  columns: HierarchyColumn[];
  droppedColumns: DroppedColumn[];
}

/** FieldPath.LABEL_SEPARATOR: relationship and field labels joined with a symbol, which needs no translation. */
const LABEL_SEPARATOR = ' › ';

/**
 * Validates configured column paths against the schema and the user's describe (HierarchyColumnSet).
 * Blank entries (null, '', spaces) are skipped; when none is left, the defaults apply.
 * @throws InvalidColumnsException when there are more than MAX_CONFIGURED_COLUMNS paths
 */
export function validateColumns(configured: unknown, describe: Describe): ColumnValidation {
  const list: unknown[] = Array.isArray(configured) ? configured : [];
  if (list.length > MAX_CONFIGURED_COLUMNS) {
    throw new InvalidColumnsException(
      `At most ${MAX_CONFIGURED_COLUMNS} columns can be configured, got ${list.length}`,
    );
  }
  const nonBlank = list
    .map((entry) =>
      typeof entry === 'string' ? entry.trim() : typeof entry === 'number' ? String(entry) : '',
    )
    .filter((fieldPath) => fieldPath !== '');
  const paths = nonBlank.length > 0 ? nonBlank : DEFAULT_HIERARCHY_COLUMNS;
  const result: ColumnValidation = { resolved: [], columns: [], droppedColumns: [] };
  const seen = new Set<string>();
  const relationships = new Set<string>(ROW_QUERY_RELATIONSHIPS);
  for (const fieldPath of paths) {
    if (seen.has(fieldPath.toLowerCase())) continue;
    seen.add(fieldPath.toLowerCase());
    const outcome = resolveColumn(fieldPath, describe);
    if ('reason' in outcome) {
      result.droppedColumns.push(outcome);
    } else if (!fitsRelationships(outcome, relationships)) {
      result.droppedColumns.push({ fieldPath, reason: 'tooManyRelationships' });
    } else {
      result.resolved.push(outcome);
      result.columns.push(outcome.column);
    }
  }
  return result;
}

/** HierarchyColumnSet.capRelationships: counts the column's relationships in, or says they do not fit. */
function fitsRelationships(column: ResolvedColumn, relationships: Set<string>): boolean {
  const added = column.relationshipPaths.filter((path) => !relationships.has(path));
  if (relationships.size + added.length > MAX_RELATIONSHIPS_PER_QUERY) return false;
  for (const path of added) relationships.add(path);
  return true;
}

/** FieldPath.worstCaseCellBytes: the value at its longest, the cell, and a related record per hop. */
function worstCaseCellBytes(field: FieldSchema, type: HierarchyColumnType, hops: number): number {
  let valueBytes: number;
  switch (type) {
    case 'text':
      // Every text field of the schema states its length; were one to miss it, 255 (a text field's most).
      valueBytes = BYTES_PER_CHAR * (field.length ?? 255);
      break;
    case 'date':
      valueBytes = DATE_BYTES;
      break;
    case 'datetime':
      valueBytes = DATETIME_BYTES;
      break;
    case 'boolean':
      valueBytes = BOOLEAN_BYTES;
      break;
    default:
      valueBytes = NUMBER_BYTES;
  }
  return valueBytes + CELL_BYTES + RELATIONSHIP_BYTES * hops;
}

/**
 * FieldPath.resolveSegments, in the same order: too deep, unknown relationship or field, then not
 * readable (a hop's lookup field, its target object, the last field), then unsupported type.
 */
function resolveColumn(fieldPath: string, describe: Describe): ResolvedColumn | DroppedColumn {
  const segments = fieldPath.split('.');
  if (segments.length > MAX_SEGMENTS) return { fieldPath, reason: 'tooDeep' };
  let objectApiName = 'Account';
  const hops: [string, string][] = [];
  const relationshipPaths: string[] = [];
  const labels: string[] = [];
  let readable = true;
  for (const segment of segments.slice(0, -1)) {
    const reference = segment === '' ? undefined : relationshipSchema(objectApiName, segment);
    if (!reference?.referenceTo || !reference.relationshipName) return { fieldPath, reason: 'unknownField' };
    const target = reference.referenceTo;
    const previous = relationshipPaths[relationshipPaths.length - 1];
    const name = reference.relationshipName.toLowerCase();
    relationshipPaths.push(previous === undefined ? name : `${previous}.${name}`);
    readable &&=
      describe.fieldReadable(objectApiName, reference.name) && describe.canAccessObject(target, 'read');
    // FieldPath.relationshipLabel: "Owner ID" → "Owner".
    labels.push(reference.label.replace(/ ID$/, ''));
    hops.push([target, reference.name]);
    objectApiName = target;
  }
  const last = segments[segments.length - 1] ?? '';
  const field = last === '' ? undefined : describe.field(objectApiName, last);
  if (!field) return { fieldPath, reason: 'unknownField' };
  if (!(readable && describe.fieldReadable(objectApiName, field.name)))
    return { fieldPath, reason: 'notReadable' };
  const type = columnTypeOf(field);
  if (type === null) return { fieldPath, reason: 'unsupportedType' };
  labels.push(field.label);
  return {
    column: { fieldPath, label: labels.join(LABEL_SEPARATOR), type },
    hops,
    fieldApiName: field.name,
    worstCaseBytes: worstCaseCellBytes(field, type, hops.length),
    relationshipPaths,
  };
}

/** The record a lookup Id points to: an org record, or a user (org.json users are not data records). */
function related(org: SampleOrg, id: string, target: string): Record<string, unknown> | undefined {
  if (target === 'User') {
    const user = org.user(id);
    if (!user) return undefined;
    const spaceAt = user.name.indexOf(' ');
    return {
      Id: user.id,
      Name: user.name,
      FirstName: spaceAt > 0 ? user.name.slice(0, spaceAt) : null,
      LastName: spaceAt > 0 ? user.name.slice(spaceAt + 1) : user.name,
      Username: user.username ?? null,
      Title: user.title ?? null,
      IsActive: true,
    };
  }
  const record = org.record(id);
  return record?.attributes.type === target ? record : undefined;
}

/** A column's value on an account (FieldPath.readValue): null when empty or a related record is missing. */
export function readColumn(
  org: SampleOrg,
  account: SObjectRecord,
  column: ResolvedColumn,
): HierarchyCellValue {
  let current: Record<string, unknown> | undefined = account;
  for (const [target, idField] of column.hops) {
    const id: unknown = current[idField];
    current = typeof id === 'string' && id ? related(org, id, target) : undefined;
    if (!current) return null;
  }
  const value = current[column.fieldApiName];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
