/**
 * RelatedContactsController over the sample org: getRelatedContactsContext, loadRelationships,
 * saveRelationships, addRelationship, removeRelationship and searchContacts, with the platform's rules
 * for AccountContactRelation (PLATFORM.md) taken from the one description of the platform:
 * - reads go through RecordAccess (../../access.ts) as user-mode queries: a relation is seen when its
 *   account and contact are; with the feature off the object does not exist and every call but the
 *   context fails as a query on an unknown sObject does (AuraHandledException with a label's text);
 * - changes go through user-mode DML (../../dml.ts): object access, field-level security, fields the
 *   platform never updates (AccountId, ContactId, IsDirect), Edit on the contact (sharing), one
 *   relation per account and contact, the org's validation rules; each row succeeds or fails alone;
 * - what the Apex checks before any DML, with a status the component can act on: the row is gone or
 *   hidden (`notFound`), someone saved it since the user loaded it (`conflict`, with the current row),
 *   a direct relation cannot be removed (`directNotRemovable`), a private contact has no relations
 *   (`privateContact`), the contact is already related (`duplicate`), the user may not (`noAccess`).
 *
 * `usage` is an estimate of what the Apex consumes (see accountHierarchy.ts for the measures): one
 * query per read, the rows it reads, CPU per row, heap of the response's JSON.
 */
import type {
  ContactCandidate,
  ContactRelationship,
  ContactSearchResponse,
  GovernorUsage,
  RelatedContactsContext,
  RelationshipAccess,
  RelationshipChange,
  RelationshipField,
  RelationshipMode,
  RelationshipPage,
  RelationshipResult,
  RelationshipSaveResponse,
} from '@contract';
import { QueryException, RecordAccess } from '../../access';
import type { DmlResult } from '../../dml';
import { UserModeDml } from '../../dml';
import { keyRoles, roleOptions } from '../../roleCatalog';
import type { SObjectRecord } from '../../sampleOrg';
import { objectOfKeyPrefix } from '../../schema';
import { AuraHandledException } from '../shared/errors';
import { toApexId } from '../shared/parameters';
import type { ApexContext, ApexParams } from '../registry';

const ACR = 'AccountContactRelation';
/** Rows per page when the component does not say, and the most one page holds. */
export const DEFAULT_PAGE_SIZE = 2000;
export const MAX_PAGE_SIZE = 2000;
/** The most records one load may name (the hierarchy loader's accounts of one request). */
export const MAX_RECORD_IDS = 2000;
/** Contacts one search returns at most; one more is read to know whether more match. */
export const SEARCH_LIMIT = 50;
/** A quarter of the synchronous heap and CPU limits: what one call may use. */
export const HEAP_BUDGET_BYTES = 6_000_000 / 4;
export const CPU_BUDGET_MS = 10_000 / 4;
export const CPU_MS_PER_QUERY = 2;
export const CPU_MS_PER_ROW = 0.1;
export const HEAP_BYTES_PER_CHAR = 2;

/** The fields a change may write, by the contract's name. */
const CHANGE_FIELDS: readonly RelationshipField[] = ['Roles', 'IsActive', 'StartDate', 'EndDate'];
/** What every relationship query selects on the relation itself (RelationshipSelector). */
const ROW_FIELDS = [
  'Id',
  'AccountId',
  'ContactId',
  'IsDirect',
  'IsActive',
  'Roles',
  'StartDate',
  'EndDate',
  'LastModifiedDate',
  'LastModifiedById',
];

/** English text of the labels these methods use, when the context gives no label function. */
export const ENGLISH_LABELS: Readonly<Record<string, string>> = {
  AR_RelatedContacts_RecordNotFound: "This record doesn't exist or you don't have access to it.",
  AR_RelatedContacts_LoadFailed:
    "The relationships couldn't be loaded. Try again, and if it keeps failing, tell your Salesforce admin.",
  AR_RelatedContacts_SaveFailed:
    "The relationships couldn't be changed. Try again, and if it keeps failing, tell your Salesforce admin.",
  AR_RelatedContacts_ResultConflict:
    '{0} changed this relationship after you opened it. Check the current values, then make your change again.',
  AR_RelatedContacts_ResultDuplicate: 'This contact is already related to this account.',
  AR_RelatedContacts_ResultPrivateContact:
    "This contact is private (it has no account), so it can't be related to other accounts. Give it an account first.",
  AR_RelatedContacts_ResultDirectNotRemovable:
    "This is the contact's primary account, so the relationship can't be removed. Change the contact's account instead.",
  AR_RelatedContacts_ResultNotFound:
    "This relationship doesn't exist anymore, or you don't have access to it.",
  AR_RelatedContacts_ResultNoAccess:
    "You can't change this relationship: you need edit access to the contact. Ask the contact's owner or your admin.",
};

function labelOf(context: ApexContext, name: string, ...args: string[]): string {
  const text = context.label?.(name) ?? ENGLISH_LABELS[name] ?? name;
  return args.reduce((result, arg, index) => result.replace(`{${index}}`, arg), text);
}

/** RelatedContactsService: the record is not an account or contact the user can see. */
class RecordNotFoundException extends Error {}
/** RelatedContactsService: a request the service refuses (bad mode, no or too many record Ids). */
class InvalidRequestException extends Error {}

/**
 * RelatedContactsController: every failure of the service becomes an AuraHandledException with a
 * label's text; anything else is a bug of the sample org and stays loud.
 */
function rethrowReadable(error: unknown, context: ApexContext, failedLabel: string): never {
  if (error instanceof RecordNotFoundException) {
    throw new AuraHandledException(labelOf(context, 'AR_RelatedContacts_RecordNotFound'));
  }
  if (error instanceof InvalidRequestException || error instanceof QueryException) {
    throw new AuraHandledException(labelOf(context, failedLabel));
  }
  throw error;
}

function guarded<T>(failedLabel: string, body: (params: ApexParams, context: ApexContext) => T) {
  return (params: ApexParams, context: ApexContext): T => {
    try {
      return body(params, context);
    } catch (error) {
      rethrowReadable(error, context, failedLabel);
    }
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const idOf = (value: unknown): string | null => {
  const raw = text(value);
  return raw === null ? null : (toApexId(raw) ?? null);
};

/** Today's date where the user is (the workbench's clock), as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function heapOf(value: unknown): number {
  return HEAP_BYTES_PER_CHAR * JSON.stringify(value).length;
}

function usageOf(queries: number, queryRows: number, response: unknown): GovernorUsage {
  return {
    queries,
    queryRows,
    cpuTimeMs: Math.ceil(queries * CPU_MS_PER_QUERY + queryRows * CPU_MS_PER_ROW),
    heapBytes: heapOf(response),
  };
}

/** What the user may do with relationships, from describe (RelatedContactsService.accessOf). */
function accessOf(context: ApexContext): RelationshipAccess {
  const { describe } = context;
  const createable = ['AccountId', 'ContactId', 'Roles', 'IsActive'].every((field) =>
    describe.fieldCreateable(ACR, field),
  );
  return {
    canRead: describe.canAccessObject(ACR, 'read'),
    canCreate: describe.canAccessObject(ACR, 'create') && createable,
    canEdit: describe.canAccessObject(ACR, 'edit'),
    canDelete: describe.canAccessObject(ACR, 'delete'),
    editableFields: CHANGE_FIELDS.filter((field) => describe.fieldUpdateable(ACR, field)),
  };
}

/** A user-mode SELECT of the relation's row fields and its contact's name: fails without read access. */
function assertCanQueryRelationships(access: RecordAccess): void {
  access.assertReadable(ACR, ROW_FIELDS);
  access.assertReadable('Contact', ['Name', 'AccountId']);
  access.assertReadable('Account', ['Name']);
}

function nameOf(record: SObjectRecord | undefined): string | null {
  return record && typeof record.Name === 'string' ? record.Name : null;
}

/** A field of a related record as a user-mode query returns it: null when the user cannot read it. */
function readable(context: ApexContext, record: SObjectRecord | undefined, field: string): string | null {
  if (!record || !context.describe.fieldReadable(record.attributes.type, field)) return null;
  return text(record[field]);
}

/** The row of a relation the user sees (RelatedContactsService.toRow). */
function toRow(context: ApexContext, access: RecordAccess, relation: SObjectRecord): ContactRelationship {
  const { org } = context;
  const account = access.visibleRecord('Account', text(relation.AccountId));
  const contact = access.visibleRecord('Contact', text(relation.ContactId));
  const primaryAccountId = text(contact?.AccountId);
  // Contact.Account.Name: null when the user cannot see the primary account.
  const primaryAccount = access.visibleRecord('Account', primaryAccountId);
  const modifiedBy = text(relation.LastModifiedById);
  const roles = text(relation.Roles);
  return {
    id: relation.Id,
    accountId: String(relation.AccountId),
    accountName: nameOf(account) ?? '',
    contactId: String(relation.ContactId),
    contactName: nameOf(contact) ?? '',
    title: readable(context, contact, 'Title'),
    email: readable(context, contact, 'Email'),
    phone: readable(context, contact, 'Phone'),
    primaryAccountId,
    primaryAccountName: nameOf(primaryAccount),
    isDirect: relation.IsDirect === true,
    isActive: relation.IsActive === true,
    roles: roles === null ? [] : roles.split(';'),
    startDate: text(relation.StartDate),
    endDate: text(relation.EndDate),
    lastModifiedDate: String(relation.LastModifiedDate),
    lastModifiedById: modifiedBy,
    lastModifiedByName: modifiedBy === null ? null : (org.user(modifiedBy)?.name ?? null),
    canEdit: access.canEdit(relation) && accessOf(context).editableFields.length > 0,
  };
}

// ------------------------------------------------------------------ getRelatedContactsContext

function contextOf(params: ApexParams, context: ApexContext): RelatedContactsContext {
  const recordId = idOf(params.recordId);
  const objectApiName = recordId === null ? undefined : objectOfKeyPrefix(recordId.slice(0, 3))?.name;
  if (recordId === null || (objectApiName !== 'Account' && objectApiName !== 'Contact')) {
    throw new RecordNotFoundException(`Not an account or contact: ${String(recordId)}`);
  }
  const recordKind: RelationshipMode = objectApiName === 'Account' ? 'account' : 'contact';
  const record = context.describe.canAccessObject(objectApiName, 'read')
    ? new RecordAccess(context).visibleRecord(objectApiName, recordId)
    : undefined;
  if (!record) throw new RecordNotFoundException(`No visible ${objectApiName} ${recordId}`);
  const recordName = nameOf(record);
  if (!context.describe.objectExists(ACR)) {
    return {
      featureEnabled: false,
      recordKind,
      recordName,
      access: { canRead: false, canCreate: false, canEdit: false, canDelete: false, editableFields: [] },
      roleOptions: [],
      keyRoles: [],
      today: today(),
    };
  }
  return {
    featureEnabled: true,
    recordKind,
    recordName,
    access: accessOf(context),
    roleOptions: roleOptions(context.describe, 'ContactRelationship'),
    keyRoles: keyRoles(context.describe, 'ContactRelationship'),
    today: today(),
  };
}

export const getRelatedContactsContext = guarded('AR_RelatedContacts_LoadFailed', contextOf);

// ------------------------------------------------------------------ loadRelationships

/** maxRows: pageSize (DEFAULT_PAGE_SIZE when null) clamped to 1..MAX_PAGE_SIZE. */
export function maxRows(pageSize: unknown): number {
  return typeof pageSize === 'number' && Number.isFinite(pageSize)
    ? Math.max(1, Math.min(Math.trunc(pageSize), MAX_PAGE_SIZE))
    : DEFAULT_PAGE_SIZE;
}

function loadPage(params: ApexParams, context: ApexContext): RelationshipPage {
  const mode = params.mode;
  if (mode !== 'account' && mode !== 'contact')
    throw new InvalidRequestException(`Unknown mode ${String(mode)}`);
  const rawIds = params.recordIds;
  if (!Array.isArray(rawIds) || rawIds.length === 0 || rawIds.length > MAX_RECORD_IDS) {
    throw new InvalidRequestException(`recordIds must hold 1 to ${MAX_RECORD_IDS} ids`);
  }
  const ids = new Set(rawIds.map(idOf).filter((id): id is string => id !== null));
  const access = new RecordAccess(context);
  assertCanQueryRelationships(access);
  const limit = maxRows(params.pageSize);
  const afterId = idOf(params.afterId);

  // WHERE AccountId IN :ids (or ContactId) AND Id > :afterId ORDER BY Id LIMIT :limit + 1
  const byParent = context.org.groupedBy(ACR, mode === 'account' ? 'AccountId' : 'ContactId');
  const matching: SObjectRecord[] = [];
  for (const id of ids) {
    for (const relation of byParent.get(id) ?? []) {
      if ((afterId === null || relation.Id > afterId) && access.canSee(relation)) matching.push(relation);
    }
  }
  matching.sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
  const read = matching.slice(0, limit + 1);

  const rows: ContactRelationship[] = [];
  // Limits.getHeapSize(), estimated: the page without rows (its cursor and usage at their longest),
  // then each row kept and its comma.
  let heap =
    heapOf({
      rows: [],
      nextAfterId: 'x'.repeat(18),
      usage: { queries: 0, queryRows: 0, cpuTimeMs: 0, heapBytes: 0 },
    }) + 64;
  let more = read.length > limit;
  for (const relation of read.slice(0, limit)) {
    const row = toRow(context, access, relation);
    const rowHeap = heapOf(row) + HEAP_BYTES_PER_CHAR;
    // A page holds what fits a quarter of the heap: the rest comes with the next page.
    if (rows.length > 0 && heap + rowHeap > HEAP_BUDGET_BYTES) {
      more = true;
      break;
    }
    heap += rowHeap;
    rows.push(row);
  }
  const page: RelationshipPage = {
    rows,
    nextAfterId: more ? (rows[rows.length - 1]?.id ?? null) : null,
    usage: { queries: 0, queryRows: 0, cpuTimeMs: 0, heapBytes: 0 },
  };
  page.usage = usageOf(1, read.length, page);
  return page;
}

export const loadRelationships = guarded('AR_RelatedContacts_LoadFailed', loadPage);

// ------------------------------------------------------------------ changes

/** Two Datetimes are the same instant (the component may send another ISO form of the same time). */
function sameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Date.parse(a);
  const right = Date.parse(b);
  return Number.isNaN(left) || Number.isNaN(right) ? a === b : left === right;
}

function conflictOf(context: ApexContext, access: RecordAccess, relation: SObjectRecord): RelationshipResult {
  const row = toRow(context, access, relation);
  return {
    id: relation.Id,
    status: 'conflict',
    message: labelOf(context, 'AR_RelatedContacts_ResultConflict', row.lastModifiedByName ?? ''),
    row,
  };
}

function refusal(
  context: ApexContext,
  id: string | null,
  status: RelationshipResult['status'],
): RelationshipResult {
  const labels: Partial<Record<RelationshipResult['status'], string>> = {
    notFound: 'AR_RelatedContacts_ResultNotFound',
    noAccess: 'AR_RelatedContacts_ResultNoAccess',
    privateContact: 'AR_RelatedContacts_ResultPrivateContact',
    directNotRemovable: 'AR_RelatedContacts_ResultDirectNotRemovable',
    duplicate: 'AR_RelatedContacts_ResultDuplicate',
  };
  const label = labels[status];
  return { id, status, message: label ? labelOf(context, label) : null };
}

/** A failed DML row as the contract reports it: the platform's reasons become statuses. */
function fromDmlFailure(
  context: ApexContext,
  result: DmlResult,
  existingId?: string | null,
): RelationshipResult {
  const error = result.errors[0];
  switch (error?.statusCode) {
    case 'INSUFFICIENT_ACCESS_OR_READONLY':
    case 'INVALID_FIELD_FOR_INSERT_UPDATE':
      return refusal(context, result.id, 'noAccess');
    case 'ENTITY_IS_DELETED':
      return refusal(context, result.id, 'notFound');
    case 'DUPLICATE_VALUE':
      return { ...refusal(context, result.id, 'duplicate'), existingId: existingId ?? null };
    default:
      // A validation rule's message is the org's own text: the user reads it as it is.
      return { id: result.id, status: 'failed', message: error?.message ?? null };
  }
}

/** The record's fields a change writes (a null clears the field; IsActive, never null, becomes false). */
function changedFields(change: Partial<RelationshipChange>): Record<string, unknown> | undefined {
  const fields: Record<string, unknown> = {};
  if (!Array.isArray(change.fields)) return undefined;
  for (const field of change.fields) {
    switch (field) {
      case 'Roles':
        fields.Roles = Array.isArray(change.roles) && change.roles.length > 0 ? change.roles.join(';') : null;
        break;
      case 'IsActive':
        fields.IsActive = change.isActive === true;
        break;
      case 'StartDate':
        fields.StartDate = text(change.startDate);
        break;
      case 'EndDate':
        fields.EndDate = text(change.endDate);
        break;
      default:
        return undefined;
    }
  }
  return fields;
}

function saveOne(
  context: ApexContext,
  access: RecordAccess,
  dml: UserModeDml,
  change: Partial<RelationshipChange>,
): RelationshipResult {
  const id = idOf(change.id);
  const relation = access.visibleRecord(ACR, id);
  if (!relation) return refusal(context, id, 'notFound');
  if (!sameInstant(change.lastModifiedDate, relation.LastModifiedDate))
    return conflictOf(context, access, relation);
  const fields = changedFields(change);
  if (fields === undefined) {
    return { id: relation.Id, status: 'failed', message: labelOf(context, 'AR_RelatedContacts_SaveFailed') };
  }
  const result = dml.update(ACR, relation.Id, fields);
  if (!result.success) return fromDmlFailure(context, result);
  return { id: relation.Id, status: 'saved', row: toRow(context, new RecordAccess(context), relation) };
}

function save(params: ApexParams, context: ApexContext): RelationshipSaveResponse {
  const changes = params.changes;
  if (!Array.isArray(changes)) throw new InvalidRequestException('changes must be a list');
  const access = new RecordAccess(context);
  assertCanQueryRelationships(access);
  const dml = new UserModeDml(context);
  const results = changes.map((change: unknown) =>
    saveOne(context, access, dml, typeof change === 'object' && change !== null ? change : {}),
  );
  const response: RelationshipSaveResponse = {
    results,
    usage: { queries: 0, queryRows: 0, cpuTimeMs: 0, heapBytes: 0 },
  };
  // One query for the rows changed, one to read them back as saved.
  response.usage = usageOf(2, changes.length * 2, response);
  return response;
}

export const saveRelationships = guarded('AR_RelatedContacts_SaveFailed', save);

function add(params: ApexParams, context: ApexContext): RelationshipResult {
  const access = new RecordAccess(context);
  assertCanQueryRelationships(access);
  const account = access.visibleRecord('Account', idOf(params.accountId));
  const contact = access.visibleRecord('Contact', idOf(params.contactId));
  if (!account || !contact) return refusal(context, null, 'notFound');
  if (text(contact.AccountId) === null) return refusal(context, null, 'privateContact');
  const existing = (context.org.groupedBy(ACR, 'ContactId').get(contact.Id) ?? []).find(
    (relation) => relation.AccountId === account.Id && access.canSee(relation),
  );
  if (existing) return { ...refusal(context, null, 'duplicate'), existingId: existing.Id };
  const roles = Array.isArray(params.roles) ? params.roles.filter((role) => typeof role === 'string') : [];
  const fields: Record<string, unknown> = {
    AccountId: account.Id,
    ContactId: contact.Id,
    Roles: roles.length > 0 ? roles.join(';') : null,
    // IsActive has no documented default: always set.
    IsActive: params.isActive !== false,
  };
  const startDate = text(params.startDate);
  if (startDate !== null) fields.StartDate = startDate;
  const result = new UserModeDml(context).insert(ACR, fields);
  if (!result.success || !result.record) {
    const duplicate = (context.org.groupedBy(ACR, 'ContactId').get(contact.Id) ?? []).find(
      (relation) => relation.AccountId === account.Id,
    );
    return fromDmlFailure(context, result, duplicate?.Id);
  }
  return { id: result.id, status: 'added', row: toRow(context, new RecordAccess(context), result.record) };
}

export const addRelationship = guarded('AR_RelatedContacts_SaveFailed', add);

function remove(params: ApexParams, context: ApexContext): RelationshipResult {
  const access = new RecordAccess(context);
  assertCanQueryRelationships(access);
  const id = idOf(params.relationshipId);
  const relation = access.visibleRecord(ACR, id);
  if (!relation) return refusal(context, id, 'notFound');
  // Refused before any DML: the platform's own error for it is unverified (PLATFORM.md).
  if (relation.IsDirect === true) return refusal(context, relation.Id, 'directNotRemovable');
  if (!sameInstant(params.lastModifiedDate, relation.LastModifiedDate))
    return conflictOf(context, access, relation);
  const result = new UserModeDml(context).delete(ACR, relation.Id);
  return result.success ? { id: relation.Id, status: 'removed' } : fromDmlFailure(context, result);
}

export const removeRelationship = guarded('AR_RelatedContacts_SaveFailed', remove);

// ------------------------------------------------------------------ searchContacts

function search(params: ApexParams, context: ApexContext): ContactSearchResponse {
  const access = new RecordAccess(context);
  assertCanQueryRelationships(access);
  const accountId = idOf(params.accountId);
  const term = (text(params.term) ?? '').trim().toLowerCase();
  if (term === '' || accountId === null) return { contacts: [], more: false };
  const emailReadable = context.describe.fieldReadable('Contact', 'Email');
  // WHERE Name LIKE :pattern OR Email LIKE :pattern ORDER BY Name, Id LIMIT 51 (binds only).
  const matches = access
    .visibleRecords('Contact')
    .filter(
      (contact) =>
        (text(contact.Name) ?? '').toLowerCase().includes(term) ||
        (emailReadable && (text(contact.Email) ?? '').toLowerCase().includes(term)),
    )
    .sort((a, b) => String(a.Name).localeCompare(String(b.Name)) || (a.Id < b.Id ? -1 : 1))
    .slice(0, SEARCH_LIMIT + 1);
  const related = new Map<string, string>();
  for (const relation of context.org.groupedBy(ACR, 'AccountId').get(accountId) ?? []) {
    if (access.canSee(relation)) related.set(String(relation.ContactId), relation.Id);
  }
  const contacts = matches.slice(0, SEARCH_LIMIT).map((contact): ContactCandidate => {
    const primaryAccountId = text(contact.AccountId);
    return {
      id: contact.Id,
      name: nameOf(contact) ?? '',
      title: readable(context, contact, 'Title'),
      email: readable(context, contact, 'Email'),
      accountId: primaryAccountId,
      accountName: nameOf(access.visibleRecord('Account', primaryAccountId)),
      existingRelationshipId: related.get(contact.Id) ?? null,
      canRelate: primaryAccountId !== null && access.canEdit(contact),
    };
  });
  return { contacts, more: matches.length > SEARCH_LIMIT };
}

export const searchContacts = guarded('AR_RelatedContacts_LoadFailed', search);
