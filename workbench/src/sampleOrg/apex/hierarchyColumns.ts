/**
 * Hierarchy columns over the sample org, mirroring HierarchyColumnSet.cls and FieldPath.cls: a small
 * static describe of the standard Account (and User) fields a hierarchy column can name, the
 * validation of the configured field paths, and reading a column's value from a record.
 *
 * - Paths are trimmed (null → ''), at most MAX_SEGMENTS segments (else `tooDeep`), names matched
 *   case-insensitively; duplicates (same trimmed path in another case) are dropped silently; a
 *   blank path is `unknownField`. More than MAX_CONFIGURED_COLUMNS paths is a malformed request.
 * - Types: the describe type mapped as FieldPath.columnTypeOf does; compound fields (address) and
 *   long text areas (Description) are `unsupportedType` (checked before readability, as the Apex does).
 * - Worst-case heap of a cell (FieldPath.worstCaseBytes), from the describe length of text fields: the
 *   lengths below are those of Salesforce's Field Reference for the standard fields (picklists report
 *   255), not read from an org.
 * - Relationships: at most MAX_RELATIONSHIPS_PER_QUERY distinct relationship paths over all columns, as
 *   HierarchyColumnSet caps them; a column that needs one more is `tooManyRelationships`, later columns
 *   that need none are kept.
 * - Labels: English describe labels. A field of the account → its label; a related record's name
 *   field → the relationship's label (`Owner.Name` → "Owner", `Parent.Name` → "Parent Account");
 *   otherwise relationship labels and the field label joined with " › " as FieldPath.cls does
 *   ("Parent Account › Industry").
 * - Access: the running user's describe (org.json `objectAccess` / `fieldAccess`): each hop's lookup
 *   field and target object, and the last field, must be readable.
 * - `Owner.Name`: dataset records carry no owner, so the sample org makes the dataset's `currentUser`
 *   (org.json) the owner of every record without an `OwnerId` when it loads (see SampleOrg); the value
 *   is that user's `name`.
 */
import type { DroppedColumn, HierarchyCellValue, HierarchyColumn, HierarchyColumnType } from '@contract';
import type { Describe } from '../describe';
import type { SampleOrg, SObjectRecord } from '../sampleOrg';

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

interface FieldInfo {
  label: string;
  /** The column type, or null when the field cannot be a column (address, long text area…). */
  type: HierarchyColumnType | null;
  /** Text fields: the most characters the field holds (describe's getLength()). */
  length?: number;
  /** The object's name field (Account.Name, User.Name). */
  isNameField?: boolean;
}

interface RelationshipInfo {
  /** The lookup field that holds the related record's Id (its label, minus " ID", labels the hop). */
  idField: string;
  target: string;
}

interface ObjectSchema {
  fields: Readonly<Record<string, FieldInfo>>;
  relationships: Readonly<Record<string, RelationshipInfo>>;
}

const text = (label: string, length: number): FieldInfo => ({ label, type: 'text', length });
/** Ids and lookups: 18 characters. */
const id = (label: string): FieldInfo => text(label, 18);
/** Picklists report a length of 255, whatever their values. */
const picklist = (label: string): FieldInfo => text(label, 255);

const AUDIT_FIELDS: Record<string, FieldInfo> = {
  CreatedDate: { label: 'Created Date', type: 'datetime' },
  LastModifiedDate: { label: 'Last Modified Date', type: 'datetime' },
  CreatedById: id('Created By ID'),
  LastModifiedById: id('Last Modified By ID'),
};

const AUDIT_RELATIONSHIPS: Record<string, RelationshipInfo> = {
  CreatedBy: { idField: 'CreatedById', target: 'User' },
  LastModifiedBy: { idField: 'LastModifiedById', target: 'User' },
};

/** The standard fields of the objects a hierarchy column can reach (field names as describe spells them). */
const SCHEMA: Readonly<Record<string, ObjectSchema>> = {
  Account: {
    fields: {
      Id: id('Account ID'),
      Name: { label: 'Account Name', type: 'text', length: 255, isNameField: true },
      ParentId: id('Parent Account ID'),
      OwnerId: id('Owner ID'),
      AccountNumber: text('Account Number', 40),
      Site: text('Account Site', 80),
      Type: picklist('Account Type'),
      Industry: picklist('Industry'),
      Rating: picklist('Account Rating'),
      Ownership: picklist('Ownership'),
      AccountSource: picklist('Account Source'),
      Description: { label: 'Account Description', type: null }, // long text area (32,000)
      Phone: text('Account Phone', 40),
      Fax: text('Account Fax', 40),
      Website: text('Website', 255),
      Sic: text('SIC Code', 20),
      SicDesc: text('SIC Description', 80),
      TickerSymbol: text('Ticker Symbol', 20),
      YearStarted: text('Year Started', 4),
      BillingStreet: text('Billing Street', 255), // text area (255)
      BillingCity: text('Billing City', 40),
      BillingState: text('Billing State/Province', 80),
      BillingPostalCode: text('Billing Zip/Postal Code', 20),
      BillingCountry: text('Billing Country', 80),
      BillingLatitude: { label: 'Billing Latitude', type: 'number' },
      BillingLongitude: { label: 'Billing Longitude', type: 'number' },
      BillingAddress: { label: 'Billing Address', type: null }, // compound
      ShippingStreet: text('Shipping Street', 255), // text area (255)
      ShippingCity: text('Shipping City', 40),
      ShippingState: text('Shipping State/Province', 80),
      ShippingPostalCode: text('Shipping Zip/Postal Code', 20),
      ShippingCountry: text('Shipping Country', 80),
      ShippingAddress: { label: 'Shipping Address', type: null }, // compound
      AnnualRevenue: { label: 'Annual Revenue', type: 'currency' },
      NumberOfEmployees: { label: 'Employees', type: 'number' },
      LastActivityDate: { label: 'Last Activity', type: 'date' },
      IsDeleted: { label: 'Deleted', type: 'boolean' },
      ...AUDIT_FIELDS,
    },
    relationships: {
      Owner: { idField: 'OwnerId', target: 'User' },
      Parent: { idField: 'ParentId', target: 'Account' },
      ...AUDIT_RELATIONSHIPS,
    },
  },
  User: {
    fields: {
      Id: id('User ID'),
      Name: { label: 'Full Name', type: 'text', length: 121, isNameField: true },
      FirstName: text('First Name', 40),
      LastName: text('Last Name', 80),
      Username: text('Username', 80),
      Email: text('Email', 128),
      Title: text('Title', 80),
      Phone: text('Phone', 40),
      Alias: text('Alias', 8),
      ManagerId: id('Manager ID'),
      IsActive: { label: 'Active', type: 'boolean' },
      ...AUDIT_FIELDS,
    },
    relationships: { Manager: { idField: 'ManagerId', target: 'User' }, ...AUDIT_RELATIONSHIPS },
  },
};

/** A name as describe matches it: case-insensitively. */
function lookupName<T>(map: Readonly<Record<string, T>>, name: string): [string, T] | undefined {
  const exact = map[name];
  if (exact !== undefined) return [name, exact];
  const lower = name.toLowerCase();
  return Object.entries(map).find(([key]) => key.toLowerCase() === lower);
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

/** `{0}: {1}` style formatting, as Apex String.format does for the label placeholders used here. */
function format(pattern: string, values: readonly string[]): string {
  return pattern.replace(/\{(\d+)\}/g, (match, index: string) => values[Number(index)] ?? match);
}

/**
 * Validates configured column paths against the schema and the user's describe (HierarchyColumnSet).
 * @throws InvalidColumnsException when there are more than MAX_CONFIGURED_COLUMNS paths
 */
export function validateColumns(configured: unknown, describe: Describe): ColumnValidation {
  const list: unknown[] = Array.isArray(configured) ? configured : [];
  const paths: readonly unknown[] = list.length > 0 ? list : DEFAULT_HIERARCHY_COLUMNS;
  if (paths.length > MAX_CONFIGURED_COLUMNS) {
    throw new InvalidColumnsException(
      `At most ${MAX_CONFIGURED_COLUMNS} columns can be configured, got ${paths.length}`,
    );
  }
  // As FieldPath.cls: relationship and field labels joined with a symbol, not a label.
  const relatedFormat = '{0} › {1}';
  const result: ColumnValidation = { resolved: [], columns: [], droppedColumns: [] };
  const seen = new Set<string>();
  const relationships = new Set<string>(ROW_QUERY_RELATIONSHIPS);
  for (const entry of paths) {
    const fieldPath =
      typeof entry === 'string' ? entry.trim() : typeof entry === 'number' ? String(entry) : '';
    if (seen.has(fieldPath.toLowerCase())) continue;
    seen.add(fieldPath.toLowerCase());
    const outcome = resolveColumn(fieldPath, describe, relatedFormat);
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
function worstCaseCellBytes(info: FieldInfo, hops: number): number {
  let valueBytes: number;
  switch (info.type) {
    case 'text':
      // Every text field of SCHEMA states its length; were one to miss it, 255 (a text field's most).
      valueBytes = BYTES_PER_CHAR * (info.length ?? 255);
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

function resolveColumn(
  fieldPath: string,
  describe: Describe,
  relatedFormat: string,
): ResolvedColumn | DroppedColumn {
  const segments = fieldPath.split('.');
  if (segments.length > MAX_SEGMENTS) return { fieldPath, reason: 'tooDeep' };
  let objectApiName = 'Account';
  const hops: [string, string][] = [];
  const relationshipPaths: string[] = [];
  const relationshipLabels: string[] = [];
  let readable = true;
  for (const segment of segments.slice(0, -1)) {
    const relationship =
      segment === '' ? undefined : lookupName(SCHEMA[objectApiName]?.relationships ?? {}, segment);
    if (!relationship) return { fieldPath, reason: 'unknownField' };
    const [relationshipName, { idField, target }] = relationship;
    const previous = relationshipPaths[relationshipPaths.length - 1];
    relationshipPaths.push(
      previous === undefined
        ? relationshipName.toLowerCase()
        : `${previous}.${relationshipName.toLowerCase()}`,
    );
    readable &&= describe.fieldReadable(objectApiName, idField) && describe.canAccessObject(target, 'read');
    relationshipLabels.push((SCHEMA[objectApiName]?.fields[idField]?.label ?? idField).replace(/ ID$/, ''));
    hops.push([target, idField]);
    objectApiName = target;
  }
  const last = segments[segments.length - 1] ?? '';
  const field = last === '' ? undefined : lookupName(SCHEMA[objectApiName]?.fields ?? {}, last);
  if (!field) return { fieldPath, reason: 'unknownField' };
  const [fieldApiName, info] = field;
  if (info.type === null) return { fieldPath, reason: 'unsupportedType' };
  if (!(readable && describe.fieldReadable(objectApiName, fieldApiName)))
    return { fieldPath, reason: 'notReadable' };
  const parts = [...relationshipLabels];
  if (parts.length === 0 || info.isNameField !== true) parts.push(info.label);
  const columnLabel = parts
    .slice(1)
    .reduce((joined, part) => format(relatedFormat, [joined, part]), parts[0] ?? '');
  return {
    column: { fieldPath, label: columnLabel, type: info.type },
    hops,
    fieldApiName,
    worstCaseBytes: worstCaseCellBytes(info, hops.length),
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
