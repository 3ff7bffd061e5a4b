/* The `window.__workbench` object browser tests and the benchmark read. */
import type { NavigationRecord } from '../platform/navigation';
import type { ShowToastConfig } from '../platform/toast';
import type { TransactionUsage } from '../sampleOrg/apex/accountTeam/teamShared';

export interface WorkbenchGlobal {
  /** True once the page (index or component) is rendered, or an error message is shown. */
  ready: boolean;
  /** What the page shows: 'index', 'component' or 'error'. */
  view: 'loading' | 'index' | 'component' | 'error';
  /** The error message shown when view is 'error'. */
  error: string | null;
  navigations: NavigationRecord[];
  toasts: ShowToastConfig[];
  /** Every Apex call, with when its result was handed to the component (`performance.now()`). */
  apexCalls: { method: string; resolvedAt: number }[];
  /**
   * "Another session": calls an Apex method of the page's sample org as another user of the dataset
   * (org.json key), as if someone else saved in between, e.g. so that the component's next save meets
   * a conflict. Goes through the same class access, deserialisation and transport (nulls dropped) as
   * the component's calls, but is not counted in `apexCalls`. Set once a component page is loaded.
   */
  runAs?: (userKey: string, method: string, params?: Record<string, unknown>) => Promise<unknown>;
  /**
   * The governor usage of every transaction the page's sample org has run for the Default Account
   * Team (the applyTeam calls and each step of the Queueable chain), in order: what `npm run bench`
   * reports per transaction. Set once a component page is loaded.
   */
  asyncApexTransactions?: () => TransactionUsage[];
  /** Dataset, user (key and Id), locale and record the page runs with, once known. */
  page: {
    dataset?: string;
    userKey?: string;
    userId?: string;
    locale?: string;
    recordId?: string;
    component?: string;
  };
}

declare global {
  interface Window {
    __workbench: WorkbenchGlobal;
  }
}
