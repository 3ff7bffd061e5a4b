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

export class InvalidColumnsException extends Error {}

interface FieldInfo {
  label: string;
  /** The column type, or null when the field cannot be a column (address, long text area…). */
  type: HierarchyColumnType | null;
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

const text = (label: string): FieldInfo => ({ label, type: 'text' });

const AUDIT_FIELDS: Record<string, FieldInfo> = {
  CreatedDate: { label: 'Created Date', type: 'datetime' },
  LastModifiedDate: { label: 'Last Modified Date', type: 'datetime' },
  CreatedById: text('Created By ID'),
  LastModifiedById: text('Last Modified By ID'),
};

const AUDIT_RELATIONSHIPS: Record<string, RelationshipInfo> = {
  CreatedBy: { idField: 'CreatedById', target: 'User' },
  LastModifiedBy: { idField: 'LastModifiedById', target: 'User' },
};

/** The standard fields of the objects a hierarchy column can reach (field names as describe spells them). */
const SCHEMA: Readonly<Record<string, ObjectSchema>> = {
  Account: {
    fields: {
      Id: text('Account ID'),
      Name: { label: 'Account Name', type: 'text', isNameField: true },
      ParentId: text('Parent Account ID'),
      OwnerId: text('Owner ID'),
      AccountNumber: text('Account Number'),
      Site: text('Account Site'),
      Type: text('Account Type'),
      Industry: text('Industry'),
      Rating: text('Account Rating'),
      Ownership: text('Ownership'),
      AccountSource: text('Account Source'),
      Description: { label: 'Account Description', type: null }, // long text area (32,000)
      Phone: text('Account Phone'),
      Fax: text('Account Fax'),
      Website: text('Website'),
      Sic: text('SIC Code'),
      SicDesc: text('SIC Description'),
      TickerSymbol: text('Ticker Symbol'),
      YearStarted: text('Year Started'),
      BillingStreet: text('Billing Street'),
      BillingCity: text('Billing City'),
      BillingState: text('Billing State/Province'),
      BillingPostalCode: text('Billing Zip/Postal Code'),
      BillingCountry: text('Billing Country'),
      BillingLatitude: { label: 'Billing Latitude', type: 'number' },
      BillingLongitude: { label: 'Billing Longitude', type: 'number' },
      BillingAddress: { label: 'Billing Address', type: null }, // compound
      ShippingStreet: text('Shipping Street'),
      ShippingCity: text('Shipping City'),
      ShippingState: text('Shipping State/Province'),
      ShippingPostalCode: text('Shipping Zip/Postal Code'),
      ShippingCountry: text('Shipping Country'),
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
      Id: text('User ID'),
      Name: { label: 'Full Name', type: 'text', isNameField: true },
      FirstName: text('First Name'),
      LastName: text('Last Name'),
      Username: text('Username'),
      Email: text('Email'),
      Title: text('Title'),
      Phone: text('Phone'),
      Alias: text('Alias'),
      ManagerId: text('Manager ID'),
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
  for (const entry of paths) {
    const fieldPath =
      typeof entry === 'string' ? entry.trim() : typeof entry === 'number' ? String(entry) : '';
    if (seen.has(fieldPath.toLowerCase())) continue;
    seen.add(fieldPath.toLowerCase());
    const outcome = resolveColumn(fieldPath, describe, relatedFormat);
    if ('reason' in outcome) {
      result.droppedColumns.push(outcome);
    } else {
      result.resolved.push(outcome);
      result.columns.push(outcome.column);
    }
  }
  return result;
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
  const relationshipLabels: string[] = [];
  let readable = true;
  for (const segment of segments.slice(0, -1)) {
    const relationship =
      segment === '' ? undefined : lookupName(SCHEMA[objectApiName]?.relationships ?? {}, segment);
    if (!relationship) return { fieldPath, reason: 'unknownField' };
    const [, { idField, target }] = relationship;
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
  return { column: { fieldPath, label: columnLabel, type: info.type }, hops, fieldApiName };
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
