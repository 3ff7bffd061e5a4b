/* eslint-disable @typescript-eslint/only-throw-error -- UI API failures reach components as plain
   { status, body: [{ errorCode, message }] } objects, not Error instances. */
/**
 * Minimal stand-in for `lightning/uiRecordApi` over the sample org: getRecord (wire),
 * getFieldValue / getFieldDisplayValue, updateRecord and notifyRecordUpdateAvailable. It applies
 * the user's object and field access as the UI API does. Relationship paths ("Account.Owner.Name")
 * are not followed: their value is null.
 */
import { RecordAccess } from '../sampleOrg/access';
import { overTheWire, serverDelay, workbenchContext } from './context';
import type { WireConfig, WireValue } from './wire';
import { LoadingWireAdapter } from './wire';

type FieldRef = string | { objectApiName?: string; fieldApiName: string };

export interface RecordField {
  value: unknown;
  displayValue: string | null;
}

export interface RecordRepresentation {
  apiName: string;
  id: string;
  fields: Record<string, RecordField>;
  childRelationships: Record<string, unknown>;
  recordTypeId: string | null;
}

export interface UiApiError {
  status: number;
  statusText: string;
  ok: false;
  body: { errorCode: string; message: string }[];
}

function uiApiError(status: number, errorCode: string, message: string): UiApiError {
  return {
    status,
    statusText: status === 404 ? 'Not Found' : 'Bad Request',
    ok: false,
    body: [{ errorCode, message }],
  };
}

/** "Account.Name" or a schema import → ["Account", "Name"]. */
function splitField(field: FieldRef): [string | undefined, string] {
  if (typeof field !== 'string') return [field.objectApiName, field.fieldApiName];
  const dot = field.indexOf('.');
  return dot < 0 ? [undefined, field] : [field.slice(0, dot), field.slice(dot + 1)];
}

function asList(value: unknown): FieldRef[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as FieldRef[];
}

async function readRecord(
  recordId: string,
  fields: FieldRef[],
  optionalFields: FieldRef[],
): Promise<RecordRepresentation> {
  const { org, user, describe } = workbenchContext();
  await serverDelay();
  const id = org.resolveId(recordId);
  const record = id ? org.record(id) : undefined;
  const apiName = record?.attributes.type;
  // A record the user's sharing hides is as missing as one that does not exist.
  const visible = record !== undefined && new RecordAccess({ org, user, describe }).canSee(record);
  if (!record || !apiName || !describe.canAccessObject(apiName, 'read') || !visible) {
    throw uiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
  const result: RecordRepresentation = {
    apiName,
    id: record.Id,
    fields: {},
    childRelationships: {},
    recordTypeId: null,
  };
  for (const [list, required] of [
    [fields, true],
    [optionalFields, false],
  ] as const) {
    for (const ref of list) {
      const [objectApiName, fieldApiName] = splitField(ref);
      if (objectApiName && objectApiName !== apiName) continue;
      if (fieldApiName.includes('.')) {
        result.fields[fieldApiName.slice(0, fieldApiName.indexOf('.'))] = { value: null, displayValue: null };
        continue;
      }
      if (!describe.fieldReadable(apiName, fieldApiName)) {
        if (required)
          throw uiApiError(400, 'INVALID_FIELD', `No such column '${fieldApiName}' on entity '${apiName}'`);
        continue;
      }
      result.fields[fieldApiName] = { value: record[fieldApiName] ?? null, displayValue: null };
    }
  }
  return overTheWire(result);
}

/** `@wire(getRecord, { recordId, fields, optionalFields })` */
export class getRecord extends LoadingWireAdapter<RecordRepresentation> {
  private static readonly live = new Set<getRecord>();

  static async refreshAll(recordIds: string[]): Promise<void> {
    await Promise.all(
      [...getRecord.live].filter((adapter) => adapter.watches(recordIds)).map((adapter) => adapter.refresh()),
    );
  }

  private recordId: string | undefined;

  protected load(config: WireConfig): Promise<RecordRepresentation> {
    this.recordId = typeof config.recordId === 'string' ? config.recordId : undefined;
    return readRecord(String(config.recordId), asList(config.fields), asList(config.optionalFields));
  }

  override connect(): void {
    getRecord.live.add(this);
    super.connect();
  }

  override disconnect(): void {
    getRecord.live.delete(this);
    super.disconnect();
  }

  private watches(recordIds: string[]): boolean {
    const { org } = workbenchContext();
    const mine = this.recordId ? org.resolveId(this.recordId) : undefined;
    return mine !== undefined && recordIds.some((id) => org.resolveId(id) === mine);
  }
}

export function getFieldValue(record: RecordRepresentation | undefined, field: FieldRef): unknown {
  const [, fieldApiName] = splitField(field);
  return record?.fields[fieldApiName]?.value;
}

export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldRef): unknown {
  const [, fieldApiName] = splitField(field);
  const value = record?.fields[fieldApiName];
  return value?.displayValue ?? value?.value;
}

/** `updateRecord({ fields: { Id, …changes } })`, checked against the user's access. */
export async function updateRecord(recordInput: {
  fields: Record<string, unknown>;
}): Promise<RecordRepresentation> {
  const { org, describe } = workbenchContext();
  const { Id: rawId, ...changes } = overTheWire(recordInput).fields;
  const id = typeof rawId === 'string' ? org.resolveId(rawId) : undefined;
  const record = id ? org.record(id) : undefined;
  await serverDelay();
  if (!id || !record) throw uiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const apiName = record.attributes.type;
  if (!describe.canAccessObject(apiName, 'edit')) {
    throw uiApiError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
  }
  for (const field of Object.keys(changes)) {
    if (!describe.fieldUpdateable(apiName, field)) {
      throw uiApiError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${field}.`);
    }
  }
  Object.assign(record, changes);
  await getRecord.refreshAll([id]);
  return readRecord(
    id,
    Object.keys(changes).map((field) => `${apiName}.${field}`),
    [],
  );
}

/** Tells wired getRecord adapters that records changed elsewhere (e.g. by Apex). */
export async function notifyRecordUpdateAvailable(recordIds: { recordId: string }[]): Promise<void> {
  await getRecord.refreshAll(recordIds.map(({ recordId }) => recordId));
}

export type { WireValue };
