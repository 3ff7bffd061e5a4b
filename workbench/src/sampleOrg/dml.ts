/**
 * User-mode DML in the sample org (`Database.insert/update/delete(records, false, AccessLevel.USER_MODE)`):
 * each record succeeds or fails on its own, with the platform's status codes, by the rules of the
 * one description of the platform: object access and field-level security (./describe.ts), fields
 * the platform never lets anyone create or update (./schema.ts), edit access by sharing
 * (./access.ts `canEdit`), unique fields (schema `uniqueTogether`) and the org's validation rules
 * (./validationRules.ts). A change stamps LastModifiedDate and LastModifiedById (./sampleOrg.ts).
 *
 * Exact status codes and messages of some refusals are unverified (PLATFORM.md): the codes below are
 * the platform's documented StatusCode values, the messages English approximations.
 */
import type { AccessContext } from './access';
import { QueryException, RecordAccess } from './access';
import type { SObjectRecord } from './sampleOrg';
import { objectSchema } from './schema';
import { validationError } from './validationRules';

export type DmlStatusCode =
  | 'INSUFFICIENT_ACCESS_OR_READONLY'
  | 'INVALID_FIELD_FOR_INSERT_UPDATE'
  | 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
  | 'DUPLICATE_VALUE'
  | 'ENTITY_IS_DELETED';

/** Database.Error */
export interface DmlError {
  statusCode: DmlStatusCode;
  message: string;
  fields: string[];
}

/** Database.SaveResult / DeleteResult */
export interface DmlResult {
  success: boolean;
  id: string | null;
  errors: DmlError[];
  /** The record as saved (not part of the platform's result: what a re-query would return). */
  record?: SObjectRecord;
}

function failure(
  id: string | null,
  statusCode: DmlStatusCode,
  message: string,
  fields: string[] = [],
): DmlResult {
  return { success: false, id, errors: [{ statusCode, message, fields }] };
}

const NO_ACCESS = 'insufficient access rights on object id';
/** Set by the org itself on insert (SampleOrg.insert). */
const AUDIT_FIELDS: ReadonlySet<string> = new Set([
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
]);

export class UserModeDml {
  constructor(private readonly context: AccessContext) {}

  /**
   * Fails as a DML statement on an object the org does not have (a feature that is off) would.
   * @throws QueryException
   */
  private assertObjectExists(objectApiName: string): void {
    if (!this.context.describe.objectExists(objectApiName)) {
      throw new QueryException(`sObject type '${objectApiName}' is not supported`);
    }
  }

  /** The fields a change may not set: not createable/updateable by the platform, or by the user's FLS. */
  private refusedFields(
    objectApiName: string,
    fields: readonly string[],
    insert: boolean,
  ): DmlError | undefined {
    const { describe } = this.context;
    const schema = objectSchema(objectApiName);
    for (const field of fields) {
      const platform = schema?.fields[field];
      if (!platform || (insert ? !platform.createable : !platform.updateable)) {
        return {
          statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
          message: `Unable to ${insert ? 'create' : 'update'} field: ${field}`,
          fields: [field],
        };
      }
      if (
        insert
          ? !describe.fieldCreateable(objectApiName, field)
          : !describe.fieldUpdateable(objectApiName, field)
      ) {
        return { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: NO_ACCESS, fields: [field] };
      }
    }
    return undefined;
  }

  private validate(
    objectApiName: string,
    id: string | null,
    record: Readonly<Record<string, unknown>>,
  ): DmlResult | undefined {
    const message = validationError(this.context.org.validationRules, objectApiName, record);
    return message === undefined ? undefined : failure(id, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message);
  }

  /** A record with the same values of the object's unique fields, if any. */
  private duplicateOf(
    objectApiName: string,
    fields: Readonly<Record<string, unknown>>,
  ): SObjectRecord | undefined {
    const unique = objectSchema(objectApiName)?.uniqueTogether;
    if (!unique) return undefined;
    return this.context.org
      .records(objectApiName)
      .find((record) => unique.every((field) => record[field] === fields[field]));
  }

  /** The existing record an insert overwrites (schema `insertUpdatesMatch`), if any. */
  private insertTarget(
    objectApiName: string,
    record: Readonly<Record<string, unknown>>,
  ): SObjectRecord | undefined {
    const [first, ...rest] = objectSchema(objectApiName)?.insertUpdatesMatch ?? [];
    const value = first === undefined ? undefined : record[first];
    if (first === undefined || typeof value !== 'string') return undefined;
    return (this.context.org.groupedBy(objectApiName, first).get(value) ?? []).find((candidate) =>
      rest.every((name) => candidate[name] === record[name]),
    );
  }

  /** Database.insert(record, false, AccessLevel.USER_MODE) */
  insert(objectApiName: string, fields: Readonly<Record<string, unknown>>): DmlResult {
    this.assertObjectExists(objectApiName);
    const { describe, org, user } = this.context;
    if (!describe.canAccessObject(objectApiName, 'create'))
      return failure(null, 'INSUFFICIENT_ACCESS_OR_READONLY', NO_ACCESS);
    const refused = this.refusedFields(objectApiName, Object.keys(fields), true);
    if (refused) return { success: false, id: null, errors: [refused] };
    // Fields not given start empty; "Defaulted on create" booleans (IsDirect…) false.
    const record: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(objectSchema(objectApiName)?.fields ?? {})) {
      if (!AUDIT_FIELDS.has(name)) record[name] = schema.type === 'boolean' ? false : null;
    }
    Object.assign(record, fields);
    if (objectSchema(objectApiName)?.fields.OwnerId) record.OwnerId ??= user.id;
    const match = this.insertTarget(objectApiName, record);
    if (match) {
      // The platform writes the matching record instead (PLATFORM.md): an update of the other fields.
      const keys = new Set(objectSchema(objectApiName)?.insertUpdatesMatch ?? []);
      const changes = Object.fromEntries(Object.entries(fields).filter(([name]) => !keys.has(name)));
      return this.update(objectApiName, match.Id, changes);
    }
    // Creating a record needs the access that editing it would (e.g. Edit on a relation's contact).
    const candidate = { ...record, attributes: { type: objectApiName }, Id: '' } as SObjectRecord;
    if (!new RecordAccess(this.context).sharingAllowsEdit(candidate)) {
      return failure(null, 'INSUFFICIENT_ACCESS_OR_READONLY', NO_ACCESS);
    }
    const invalid = this.validate(objectApiName, null, record);
    if (invalid) return invalid;
    const duplicate = this.duplicateOf(objectApiName, record);
    if (duplicate) {
      return failure(
        null,
        'DUPLICATE_VALUE',
        `duplicate value found: duplicates value on record with id: ${duplicate.Id}`,
      );
    }
    const saved = org.insert(objectApiName, record, undefined, user.id);
    return { success: true, id: saved.Id, errors: [], record: saved };
  }

  /** Database.update(record, false, AccessLevel.USER_MODE): writes `fields` of the record `id`. */
  update(objectApiName: string, id: string, fields: Readonly<Record<string, unknown>>): DmlResult {
    this.assertObjectExists(objectApiName);
    const { describe, org, user } = this.context;
    const access = new RecordAccess(this.context);
    const current = org.record(id);
    if (current?.attributes.type !== objectApiName)
      return failure(id, 'ENTITY_IS_DELETED', 'entity is deleted');
    if (!describe.canAccessObject(objectApiName, 'edit') || !access.canEdit(current)) {
      return failure(id, 'INSUFFICIENT_ACCESS_OR_READONLY', NO_ACCESS);
    }
    const refused = this.refusedFields(objectApiName, Object.keys(fields), false);
    if (refused) return { success: false, id, errors: [refused] };
    const invalid = this.validate(objectApiName, id, { ...current, ...fields });
    if (invalid) return invalid;
    const saved = org.update(id, fields, user.id);
    return { success: true, id, errors: [], record: saved };
  }

  /** Database.delete(id, false, AccessLevel.USER_MODE) */
  delete(objectApiName: string, id: string): DmlResult {
    this.assertObjectExists(objectApiName);
    const { describe, org } = this.context;
    const current = org.record(id);
    if (current?.attributes.type !== objectApiName)
      return failure(id, 'ENTITY_IS_DELETED', 'entity is deleted');
    if (
      !describe.canAccessObject(objectApiName, 'delete') ||
      !new RecordAccess(this.context).sharingAllowsEdit(current)
    ) {
      return failure(id, 'INSUFFICIENT_ACCESS_OR_READONLY', NO_ACCESS);
    }
    org.delete(id);
    return { success: true, id, errors: [] };
  }
}
