/**
 * RelatedContactsController over the sample org: getRelatedContactsContext, loadRelationships,
 * saveRelationships, addRelationship, removeRelationship and searchContacts, with the platform's rules
 * for AccountContactRelation (PLATFORM.md) taken from the one description of the platform:
 * - reads go through RecordAccess (../../access.ts) as user-mode queries: a relation is seen when its
 *   account and contact are; with the feature off the object does not exist and every call but the
 *   context fails before any query (FeatureDisabledException), as RelatedContactsService does;
 * - the controller turns each of the service's exceptions into its own label (feature off, unsupported
 *   record, record not found, no read access, malformed request), anything else into the call's
 *   generic label (LoadFailed, SaveFailed, Add_SearchFailed for the search);
 * - changes go through user-mode DML (../../dml.ts): object access, field-level security, fields the
 *   platform never updates (AccountId, ContactId, IsDirect), Edit on the contact (sharing), one
 *   relation per account and contact, the org's validation rules; each row succeeds or fails alone;
 * - what the Apex checks before any DML, in the Apex's order, with a status the component can act on:
 *   the row is gone or hidden (`notFound`), someone saved it since the user loaded it (`conflict`, with
 *   the current row), a direct relation cannot be removed (`directNotRemovable`), a private contact has
 *   no relations (`privateContact`), the contact is already related (`duplicate`), the user may not
 *   (`noAccess`), a malformed change (`failed`); a failed DML row is `failed` with the platform's text.
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
/** Changes per saveRelationships call: one DML chunk of 200 rows; more is refused as a whole. */
export const MAX_CHANGES = 200;
/** Contacts one search returns at most; one more is read to know whether more match. */
export const SEARCH_LIMIT = 50;
/** The longest search term used (longer input is cut), as the Apex does. */
export const MAX_TERM_LENGTH = 80;
/** A quarter of the synchronous heap and CPU limits: what one call may use. */
export const HEAP_BUDGET_BYTES = 6_000_000 / 4;
export const CPU_BUDGET_MS = 10_000 / 4;
export const CPU_MS_PER_QUERY = 2;
export const CPU_MS_PER_ROW = 0.1;
export const HEAP_BYTES_PER_CHAR = 2;

/** Fields the user must read for the relationships to be readable at all (REQUIRED_FIELDS). */
const REQUIRED_FIELDS = ['AccountId', 'ContactId', 'IsDirect', 'IsActive'];
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
  AR_RelatedContacts_Add_SearchFailed: 'Contacts could not be searched.',
  AR_RelatedContacts_Error_FeatureDisabled:
    'Contacts to Multiple Accounts is turned off in this org. Ask your Salesforce admin to turn it on in Setup, Account Settings.',
  AR_RelatedContacts_Error_UnsupportedRecord: 'Related Contacts works on Account and Contact pages only.',
  AR_RelatedContacts_Error_NoAccess:
    "You don't have access to account contact relationships. Ask your Salesforce admin for read access.",
  AR_RelatedContacts_Error_InvalidRequest:
    "The request couldn't be processed. Reload the page and try again.",
  AR_RelatedContacts_Result_SomeoneElse: 'Someone else',
  AR_RelatedContacts_Result_ContactNotFound: "This contact no longer exists, or you can't see it.",
  AR_RelatedContacts_Result_InvalidChange: "This change couldn't be applied. Reload the list and try again.",
  AR_RelatedContacts_Result_Failed: "Salesforce couldn't save this: {0}",
};

function labelOf(context: ApexContext, name: string, ...args: string[]): string {
  const text = context.label?.(name) ?? ENGLISH_LABELS[name] ?? name;
  return args.reduce((result, arg, index) => result.replace(`{${index}}`, arg), text);
}

/** RelatedContactsService: Contacts to Multiple Accounts is off (the object does not exist). */
class FeatureDisabledException extends Error {}
/** RelatedContactsService: the record does not exist or the user cannot see it. */
class RecordNotFoundException extends Error {}
/** RelatedContactsService: the record is neither an account nor a contact. */
class UnsupportedRecordException extends Error {}
/** RelatedContactsService: the user cannot read relationships at all. */
class NoAccessException extends Error {}
/** RelatedContactsService: a malformed request (mode, Ids, no or too many changes). */
class InvalidRequestException extends Error {}

/** RelatedContactsController.readableFailure: the label of each known cause. */
const FAILURE_LABELS: readonly (readonly [new (message?: string) => Error, string])[] = [
  [FeatureDisabledException, 'AR_RelatedContacts_Error_FeatureDisabled'],
  [RecordNotFoundException, 'AR_RelatedContacts_RecordNotFound'],
  [UnsupportedRecordException, 'AR_RelatedContacts_Error_UnsupportedRecord'],
  [NoAccessException, 'AR_RelatedContacts_Error_NoAccess'],
  [InvalidRequestException, 'AR_RelatedContacts_Error_InvalidRequest'],
];

/**
 * RelatedContactsController: every failure of the service becomes an AuraHandledException with a
 * label's text (a known cause its own, a failed query the call's generic label); anything else is a
 * bug of the sample org and stays loud.
 */
function rethrowReadable(error: unknown, context: ApexContext, failedLabel: string): never {
  const known = FAILURE_LABELS.find(([type]) => error instanceof type);
  if (known) throw new AuraHandledException(labelOf(context, known[1]));
  if (error instanceof QueryException) throw new AuraHandledException(labelOf(context, failedLabel));
  throw error;
}

/** RelatedContactsService.requireFeature: every call but the context needs the object. */
function requireFeature(context: ApexContext): void {
  if (!context.describe.objectExists(ACR))
    throw new FeatureDisabledException('Contacts to Multiple Accounts is off');
}

/** The object an Id's key prefix names (Id.getSObjectType()). */
function objectOfId(id: string | null): string | undefined {
  return id === null ? undefined : objectOfKeyPrefix(id.slice(0, 3))?.name;
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

/**
 * What the user may do with relationships, from describe (RelatedContactsService.accessOf): reading
 * needs the object and its required fields; creating, editing and deleting need reading too, and
 * editing at least one editable field.
 */
function accessOf(context: ApexContext): RelationshipAccess {
  const { describe } = context;
  const canRead =
    describe.canAccessObject(ACR, 'read') &&
    REQUIRED_FIELDS.every((field) => describe.fieldReadable(ACR, field));
  const createable = ['AccountId', 'ContactId', 'Roles', 'IsActive'].every((field) =>
    describe.fieldCreateable(ACR, field),
  );
  const editableFields = CHANGE_FIELDS.filter((field) => describe.fieldUpdateable(ACR, field));
  return {
    canRead,
    canCreate: canRead && describe.canAccessObject(ACR, 'create') && createable,
    canEdit: canRead && describe.canAccessObject(ACR, 'edit') && editableFields.length > 0,
    canDelete: canRead && describe.canAccessObject(ACR, 'delete'),
    editableFields,
  };
}

/** Edit on the contact (UserRecordAccess.HasEditAccess): what changing its relationships needs. */
function canEditContact(access: RecordAccess, contactId: unknown): boolean {
  const contact = access.visibleRecord('Contact', text(contactId));
  return contact !== undefined && access.canEdit(contact);
}

/** ContactSelector leaves AccountId out when unreadable: private only when read and empty. */
function isPrivate(context: ApexContext, contact: SObjectRecord): boolean {
  return context.describe.fieldReadable('Contact', 'AccountId') && text(contact.AccountId) === null;
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
    canEdit: accessOf(context).canEdit && canEditContact(access, relation.ContactId),
  };
}

// ------------------------------------------------------------------ getRelatedContactsContext

function contextOf(params: ApexParams, context: ApexContext): RelatedContactsContext {
  const recordId = idOf(params.recordId);
  const objectApiName = objectOfId(recordId);
  if (recordId === null || (objectApiName !== 'Account' && objectApiName !== 'Contact')) {
    throw new UnsupportedRecordException(`Not an account or contact: ${String(recordId)}`);
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
  requireFeature(context);
  const mode = params.mode;
  if (mode !== 'account' && mode !== 'contact')
    throw new InvalidRequestException(`Unknown mode ${String(mode)}`);
  const rawIds = params.recordIds;
  if (!Array.isArray(rawIds) || rawIds.length === 0 || rawIds.length > MAX_RECORD_IDS) {
    throw new InvalidRequestException(`recordIds must hold 1 to ${MAX_RECORD_IDS} ids`);
  }
  const expected = mode === 'account' ? 'Account' : 'Contact';
  const ids = new Set<string>();
  for (const raw of rawIds) {
    const id = idOf(raw);
    if (id === null || objectOfId(id) !== expected)
      throw new InvalidRequestException(`Not a ${expected} id: ${String(raw)}`);
    ids.add(id);
  }
  if (!accessOf(context).canRead)
    throw new NoAccessException('No read access to account contact relationships');
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

/** A conflict, with the current row, when the row changed since the user read it; else null. */
function conflictOf(
  context: ApexContext,
  access: RecordAccess,
  relation: SObjectRecord,
  seen: unknown,
): RelationshipResult | null {
  if (sameInstant(seen, relation.LastModifiedDate)) return null;
  const row = toRow(context, access, relation);
  const who = row.lastModifiedByName ?? labelOf(context, 'AR_RelatedContacts_Result_SomeoneElse');
  return {
    id: relation.Id,
    status: 'conflict',
    message: labelOf(context, 'AR_RelatedContacts_ResultConflict', who),
    row,
  };
}

function refusal(
  context: ApexContext,
  id: string | null,
  status: RelationshipResult['status'],
  label?: string,
): RelationshipResult {
  const labels: Partial<Record<RelationshipResult['status'], string>> = {
    notFound: 'AR_RelatedContacts_ResultNotFound',
    noAccess: 'AR_RelatedContacts_ResultNoAccess',
    privateContact: 'AR_RelatedContacts_ResultPrivateContact',
    directNotRemovable: 'AR_RelatedContacts_ResultDirectNotRemovable',
    duplicate: 'AR_RelatedContacts_ResultDuplicate',
    failed: 'AR_RelatedContacts_Result_InvalidChange',
  };
  const name = label ?? labels[status];
  return { id, status, message: name ? labelOf(context, name) : null };
}

/** RelatedContactsService.failed: a failed DML row, with the platform's own messages. */
function failed(context: ApexContext, id: string | null, result: DmlResult): RelationshipResult {
  const messages = result.errors.map((error) => error.message).join(' ');
  return { id, status: 'failed', message: labelOf(context, 'AR_RelatedContacts_Result_Failed', messages) };
}

/** Is the Id a relationship's (Id.getSObjectType() == AccountContactRelation)? */
function isRelationshipId(id: string | null): id is string {
  return objectOfId(id) === ACR;
}

/**
 * RelatedContactsService.validate: the change's shape before any query. A non-relationship Id is
 * notFound; a repeated Id, no lastModifiedDate, no or unknown fields, a cleared IsActive or a blank
 * role (or one holding the separator) is failed. Null when the change may go on.
 */
function validate(
  context: ApexContext,
  change: Partial<RelationshipChange>,
  requested: ReadonlySet<string>,
): RelationshipResult | null {
  const id = idOf(change.id);
  if (!isRelationshipId(id)) return refusal(context, text(change.id), 'notFound');
  const fields: unknown[] = Array.isArray(change.fields) ? change.fields : [];
  let valid =
    !requested.has(id) &&
    text(change.lastModifiedDate) !== null &&
    fields.length > 0 &&
    fields.every((field) => (CHANGE_FIELDS as readonly unknown[]).includes(field));
  if (valid && fields.includes('IsActive')) valid = typeof change.isActive === 'boolean';
  if (valid && fields.includes('Roles')) {
    valid = (Array.isArray(change.roles) ? change.roles : []).every(
      (role: unknown) => typeof role === 'string' && role.trim() !== '' && !role.includes(';'),
    );
  }
  return valid ? null : refusal(context, id, 'failed');
}

/** The record's fields a change writes (a null clears the field). */
function changedFields(change: Partial<RelationshipChange>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of change.fields ?? []) {
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
    }
  }
  return fields;
}

/**
 * RelatedContactsService.refusal, in the Apex's order: no edit access, the row gone or hidden, the
 * contact not editable or a field not editable, changed since. Null when the change may be written.
 */
function refusalOf(
  context: ApexContext,
  access: RecordAccess,
  relationshipAccess: RelationshipAccess,
  change: Partial<RelationshipChange>,
  id: string,
): RelationshipResult | null {
  if (!relationshipAccess.canEdit) return refusal(context, id, 'noAccess');
  const relation = access.visibleRecord(ACR, id);
  if (!relation) return refusal(context, id, 'notFound');
  const fieldsAllowed = (change.fields ?? []).every((field) =>
    relationshipAccess.editableFields.includes(field),
  );
  if (!fieldsAllowed || !canEditContact(access, relation.ContactId)) return refusal(context, id, 'noAccess');
  return conflictOf(context, access, relation, change.lastModifiedDate);
}

function save(params: ApexParams, context: ApexContext): RelationshipSaveResponse {
  requireFeature(context);
  const changes = params.changes;
  // One DML chunk at most: a bigger request is refused as a whole (the client sends several calls).
  if (!Array.isArray(changes) || changes.length === 0 || changes.length > MAX_CHANGES) {
    throw new InvalidRequestException(`changes must hold 1 to ${MAX_CHANGES} changes`);
  }
  const relationshipAccess = accessOf(context);
  const access = new RecordAccess(context);
  const dml = new UserModeDml(context);
  const requested = new Set<string>();
  const asChange = (change: unknown): Partial<RelationshipChange> =>
    typeof change === 'object' && change !== null ? change : {};
  const results = changes.map((raw: unknown): RelationshipResult => {
    const change = asChange(raw);
    const invalid = validate(context, change, requested);
    const id = idOf(change.id);
    // validate refuses a change without a relationship's Id: the second test only narrows the type.
    if (invalid !== null || id === null) return invalid ?? refusal(context, null, 'notFound');
    requested.add(id);
    const refused = refusalOf(context, access, relationshipAccess, change, id);
    if (refused) return refused;
    const result = dml.update(ACR, id, changedFields(change));
    if (!result.success) return failed(context, id, result);
    const saved = new RecordAccess(context).visibleRecord(ACR, id);
    return saved
      ? { id, status: 'saved', row: toRow(context, new RecordAccess(context), saved) }
      : { id, status: 'saved' };
  });
  const response: RelationshipSaveResponse = {
    results,
    usage: { queries: 0, queryRows: 0, cpuTimeMs: 0, heapBytes: 0 },
  };
  // One query for the rows changed, one to read them back as saved.
  response.usage = usageOf(2, changes.length * 2, response);
  return response;
}

export const saveRelationships = guarded('AR_RelatedContacts_SaveFailed', save);

/** RelatedContactsService.duplicateOf: the pair's relationship the user sees, as a duplicate. */
function duplicateOf(
  context: ApexContext,
  access: RecordAccess,
  accountId: string,
  contactId: string,
): RelationshipResult | null {
  const existing = (context.org.groupedBy(ACR, 'ContactId').get(contactId) ?? []).find(
    (relation) => relation.AccountId === accountId && access.canSee(relation),
  );
  if (!existing) return null;
  return {
    ...refusal(context, null, 'duplicate'),
    existingId: existing.Id,
    row: toRow(context, access, existing),
  };
}

/**
 * RelatedContactsService.addRelationship, in the Apex's order: no create access, the contact not
 * visible, private, already related, the account not visible, the contact not editable.
 */
function add(params: ApexParams, context: ApexContext): RelationshipResult {
  requireFeature(context);
  const accountId = idOf(params.accountId);
  const contactId = idOf(params.contactId);
  if (
    accountId === null ||
    contactId === null ||
    objectOfId(accountId) !== 'Account' ||
    objectOfId(contactId) !== 'Contact'
  ) {
    throw new InvalidRequestException("accountId and contactId must be an account's and a contact's ids");
  }
  const relationshipAccess = accessOf(context);
  const startDate = text(params.startDate);
  const fieldsAllowed = startDate === null || context.describe.fieldCreateable(ACR, 'StartDate');
  if (!relationshipAccess.canCreate || !fieldsAllowed) return refusal(context, null, 'noAccess');
  const access = new RecordAccess(context);
  const contact = access.visibleRecord('Contact', contactId);
  if (!contact) return refusal(context, null, 'notFound', 'AR_RelatedContacts_Result_ContactNotFound');
  if (isPrivate(context, contact)) return refusal(context, null, 'privateContact');
  const duplicate = duplicateOf(context, access, accountId, contactId);
  if (duplicate) return duplicate;
  if (!access.visibleRecord('Account', accountId)) return refusal(context, null, 'notFound');
  if (!access.canEdit(contact)) return refusal(context, null, 'noAccess');
  const roles = Array.isArray(params.roles) ? params.roles.filter((role) => typeof role === 'string') : [];
  const fields: Record<string, unknown> = {
    AccountId: accountId,
    ContactId: contactId,
    Roles: roles.length > 0 ? roles.join(';') : null,
    // IsActive has no documented default: always set.
    IsActive: params.isActive !== false,
  };
  if (startDate !== null) fields.StartDate = startDate;
  const result = new UserModeDml(context).insert(ACR, fields);
  if (!result.success || !result.record) {
    // A relationship that exists now makes the failure a duplicate, whatever error the platform gave.
    return (
      duplicateOf(context, new RecordAccess(context), accountId, contactId) ?? failed(context, null, result)
    );
  }
  return { id: result.id, status: 'added', row: toRow(context, new RecordAccess(context), result.record) };
}

export const addRelationship = guarded('AR_RelatedContacts_SaveFailed', add);

/**
 * RelatedContactsService.removeRelationship, in the Apex's order: not a relationship's Id, no Delete,
 * not visible, direct, the contact not editable, changed since.
 */
function remove(params: ApexParams, context: ApexContext): RelationshipResult {
  requireFeature(context);
  const id = idOf(params.relationshipId);
  if (!isRelationshipId(id)) return refusal(context, id, 'notFound');
  if (!accessOf(context).canDelete) return refusal(context, id, 'noAccess');
  const access = new RecordAccess(context);
  const relation = access.visibleRecord(ACR, id);
  if (!relation) return refusal(context, id, 'notFound');
  // Refused before any DML: the platform's own error for it is unverified (PLATFORM.md).
  if (relation.IsDirect === true) return refusal(context, id, 'directNotRemovable');
  if (!canEditContact(access, relation.ContactId)) return refusal(context, id, 'noAccess');
  const conflict = conflictOf(context, access, relation, params.lastModifiedDate);
  if (conflict) return conflict;
  const result = new UserModeDml(context).delete(ACR, id);
  return result.success ? { id, status: 'removed' } : failed(context, id, result);
}

export const removeRelationship = guarded('AR_RelatedContacts_SaveFailed', remove);

// ------------------------------------------------------------------ searchContacts

function search(params: ApexParams, context: ApexContext): ContactSearchResponse {
  requireFeature(context);
  const accountId = idOf(params.accountId);
  if (accountId === null || objectOfId(accountId) !== 'Account')
    throw new InvalidRequestException("accountId must be an account's id");
  const term = (text(params.term) ?? '').trim().slice(0, MAX_TERM_LENGTH).toLowerCase();
  if (term === '') return { contacts: [], more: false };
  const access = new RecordAccess(context);
  // A user-mode query of Contact: fails (the search's label) without read access to contacts.
  access.assertReadable('Contact', ['Name']);
  const { describe } = context;
  const emailReadable = describe.fieldReadable('Contact', 'Email');
  const accountIdReadable = describe.fieldReadable('Contact', 'AccountId');
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
  const relationshipAccess = accessOf(context);
  const related = new Map<string, string>();
  if (relationshipAccess.canRead) {
    for (const relation of context.org.groupedBy(ACR, 'AccountId').get(accountId) ?? []) {
      if (access.canSee(relation)) related.set(String(relation.ContactId), relation.Id);
    }
  }
  const contacts = matches.slice(0, SEARCH_LIMIT).map((contact): ContactCandidate => {
    const primaryAccountId = accountIdReadable ? text(contact.AccountId) : null;
    return {
      id: contact.Id,
      name: nameOf(contact) ?? '',
      title: readable(context, contact, 'Title'),
      email: readable(context, contact, 'Email'),
      accountId: primaryAccountId,
      accountName: describe.fieldReadable('Account', 'Name')
        ? nameOf(access.visibleRecord('Account', primaryAccountId))
        : null,
      existingRelationshipId: related.get(contact.Id) ?? null,
      canRelate: relationshipAccess.canCreate && access.canEdit(contact) && !isPrivate(context, contact),
    };
  });
  return { contacts, more: matches.length > SEARCH_LIMIT };
}

export const searchContacts = guarded('AR_RelatedContacts_Add_SearchFailed', search);
