/**
 * The page's workbench context: which sample org, user and page the components run in. The app
 * shell sets it before it imports a component, so the platform stand-ins (`@salesforce/user/Id`,
 * Apex, uiRecordApi, CurrentPageReference) can read it while the component's modules load.
 */
import type { Describe } from '../sampleOrg/describe';
import type { OrgUser, SampleOrg } from '../sampleOrg/sampleOrg';
import type { WorkbenchLocale } from './locale';

/** A Lightning page reference (`lightning/navigation`). */
export interface PageReference {
  type: string;
  attributes: Record<string, unknown>;
  state: Record<string, unknown>;
}

export interface WorkbenchContext {
  org: SampleOrg;
  user: OrgUser;
  describe: Describe;
  locale: WorkbenchLocale;
  pageReference: PageReference;
  /** Milliseconds each Apex / UI API call waits, so loading states show as on a real network. */
  latencyMs: number;
  /** Builds a workbench URL for a record (used by navigation). */
  recordUrl(recordId: string): string;
}

let current: WorkbenchContext | undefined;

export function setWorkbenchContext(context: WorkbenchContext): void {
  current = context;
}

export function workbenchContext(): WorkbenchContext {
  if (!current) {
    throw new Error('Workbench: a platform module was used before the sample org was loaded');
  }
  return current;
}

/** Resolves after the context's latency: every server round trip is asynchronous. */
export function serverDelay(): Promise<void> {
  const ms = current?.latencyMs ?? 0;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** JSON round trip, as values crossing the wire are. */
export function overTheWire<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * A JSON round trip that also drops every `null` property, at any depth: the platform may deliver
 * a null field of an Apex result as a missing property (PLATFORM.md, "Apex and LWC"), so the
 * workbench always does, and every browser test sees the harder case. Nulls inside lists stay
 * (dropping them would shift the other elements); a null result stays null.
 */
export function apexResultOverTheWire<T>(value: T): T {
  if (value === undefined || value === null) return null as T;
  return JSON.parse(JSON.stringify(value), function dropNull(this: unknown, key: string, field: unknown) {
    return field === null && !Array.isArray(this) ? undefined : field;
  }) as T;
}
