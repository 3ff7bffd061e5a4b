/**
 * The workbench URL contract (browser tests depend on it):
 * `/?component=<c-name>&recordId=<Id or referenceId>&dataset=<name>&user=<user key>&locale=<en_US|zh_CN>`
 * plus `latency=<ms>` (Apex / UI API delay, default 10) and `p.<property>=<value>` for the
 * component's public (App Builder) properties, e.g. `p.initialDepth=3&p.showRollups=false`.
 * `/` without a component is the index.
 */
import { isWorkbenchLocale } from '../platform/locale';
import type { WorkbenchLocale } from '../platform/locale';

export interface PageState {
  component?: string;
  recordId?: string;
  dataset?: string;
  user?: string;
  locale?: string;
  latency?: string;
}

const KEYS = ['component', 'recordId', 'dataset', 'user', 'locale', 'latency'] as const;

export function readPageState(search: string = window.location.search): PageState {
  const params = new URLSearchParams(search);
  const state: PageState = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) state[key] = value;
  }
  return state;
}

/** A workbench URL for `state` (keys in the documented order, empty values left out). */
export function pageUrl(state: PageState): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

export function localeOf(state: PageState): WorkbenchLocale {
  return isWorkbenchLocale(state.locale) ? state.locale : 'en_US';
}

export function latencyOf(state: PageState): number {
  const ms = Number(state.latency);
  return Number.isFinite(ms) && ms >= 0 ? ms : 10;
}

/** The `p.<property>` parameters: App Builder property values (numbers and booleans converted). */
export function componentProperties(search: string = window.location.search): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [key, raw] of new URLSearchParams(search)) {
    if (!key.startsWith('p.') || key.length <= 2) continue;
    let value: unknown = raw;
    if (raw === 'true' || raw === 'false') value = raw === 'true';
    else if (raw.trim() !== '' && Number.isFinite(Number(raw))) value = Number(raw);
    properties[key.slice(2)] = value;
  }
  return properties;
}
