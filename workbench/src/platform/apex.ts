/**
 * Run-time half of `@salesforce/apex/<Class.method>` and `@salesforce/apex`: each method is one
 * function that is both the imperative call and, through its `adapter` property, the wire adapter
 * (the engine unwraps callable adapters). Calls go to the sample org's Apex registry after a short
 * delay; parameters and results are JSON round-tripped, and null fields of results are dropped (as the
 * platform may drop them); failures take the shape the platform gives components.
 */
import {
  ApexNotImplementedError,
  NoApexClassAccessError,
  PlatformException,
} from '../sampleOrg/apex/shared/errors';
import { invokeApex } from '../sampleOrg/apex/registry';
import { apexResultOverTheWire, overTheWire, serverDelay, workbenchContext } from './context';
import { label } from './labels';
import type { DataCallback, WireConfig, WireValue } from './wire';
import { LoadingWireAdapter } from './wire';

/** The error object a component receives when an Apex call fails. */
export interface ApexError {
  status: number;
  statusText: string;
  ok: false;
  headers: Record<string, string>;
  /** Only `message` is certain: a call refused before Apex runs (no class access) has no exception. */
  body: {
    message: string;
    exceptionType?: string;
    isUserDefinedException?: boolean;
    stackTrace?: string | null;
  };
}

export type ApexMethod = ((params?: WireConfig) => Promise<unknown>) & {
  adapter: new (dataCallback: DataCallback<unknown>) => LoadingWireAdapter<unknown>;
};

function toApexError(error: unknown, method: string): ApexError {
  const failure = { status: 500, statusText: 'Server Error', ok: false, headers: {} } as const;
  if (error instanceof NoApexClassAccessError) {
    // Refused before any Apex ran: the platform's message only (what else its body holds is
    // unverified, so components must rely on the message alone).
    return { ...failure, body: { message: error.message } };
  }
  let message: string;
  let exceptionType: string;
  if (error instanceof PlatformException) {
    message = error.message;
    exceptionType = error.exceptionType;
  } else {
    // A bug in the sample org or a missing method: make it loud in the console too.
    console.error(
      error instanceof ApexNotImplementedError ? error.message : `Workbench: Apex ${method} failed`,
      error,
    );
    message = error instanceof Error ? error.message : String(error);
    exceptionType =
      error instanceof ApexNotImplementedError ? 'System.UnexpectedException' : 'System.Exception';
  }
  return { ...failure, body: { message, exceptionType, isUserDefinedException: false, stackTrace: null } };
}

async function call(method: string, params: WireConfig | undefined): Promise<unknown> {
  const context = workbenchContext();
  const request = overTheWire(params ?? {});
  await serverDelay();
  try {
    const result = await invokeApex(method, request, {
      org: context.org,
      user: context.user,
      describe: context.describe,
      // System.Label: the label's text in the page's language, as the platform gives Apex.
      label,
    });
    const response = apexResultOverTheWire(result);
    // The benchmark measures from the moment the last page reaches the component.
    window.__workbench.apexCalls.push({ method, resolvedAt: performance.now() });
    return response;
  } catch (error) {
    // The platform rejects with a plain { status, body } object, not an Error.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw toApexError(error, method);
  }
}

/** Wired values by identity, so `refreshApex(value)` finds the adapter that provisioned it. */
const adapterOfValue = new WeakMap<object, LoadingWireAdapter<unknown>>();

export function apexMethod(method: string): ApexMethod {
  class ApexWireAdapter extends LoadingWireAdapter<unknown> {
    protected load(config: WireConfig): Promise<unknown> {
      return call(method, config);
    }

    protected override provision(value: WireValue<unknown>): void {
      adapterOfValue.set(value, this);
      super.provision(value);
    }
  }
  const imperative = (params?: WireConfig): Promise<unknown> => call(method, params);
  return Object.assign(imperative, { adapter: ApexWireAdapter });
}

/** `refreshApex(wiredValue)`: loads the wire again; resolves when the new value is provisioned. */
export function refreshApex(wiredValue: unknown): Promise<void> {
  const adapter =
    typeof wiredValue === 'object' && wiredValue !== null ? adapterOfValue.get(wiredValue) : undefined;
  return adapter ? adapter.refresh() : Promise.resolve();
}

/** `getSObjectValue(record, field)`: a field's value, following relationship paths. */
export function getSObjectValue(record: unknown, field: string | { fieldApiName: string }): unknown {
  const path = (typeof field === 'string' ? field : field.fieldApiName).split('.');
  let value: unknown = record;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
