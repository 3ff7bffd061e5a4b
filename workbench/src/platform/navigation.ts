/**
 * Stand-in for `lightning/navigation`. Navigating does not leave the page: every request is recorded
 * in `window.__workbench.navigations` and announced with a `workbench:navigate` event (the app
 * shell shows a "Navigated to …" notice with a link). For record pages, GenerateUrl gives the
 * workbench URL of that record, so generated links really open it.
 */
import type { PageReference } from './context';
import { workbenchContext } from './context';
import type { DataCallback, WireConfig } from './wire';

export const NAVIGATE_EVENT = 'workbench:navigate';

export interface NavigationRecord {
  pageReference: PageReference;
  replace: boolean;
  url: string;
}

function urlFor(pageReference: PageReference): string {
  const recordId = pageReference.attributes.recordId;
  if (pageReference.type === 'standard__recordPage' && typeof recordId === 'string') {
    return workbenchContext().recordUrl(recordId);
  }
  return `#${encodeURIComponent(JSON.stringify(pageReference))}`;
}

function navigate(pageReference: PageReference, replace = false): void {
  const record: NavigationRecord = {
    pageReference: JSON.parse(JSON.stringify(pageReference)) as PageReference,
    replace,
    url: urlFor(pageReference),
  };
  window.__workbench.navigations.push(record);
  window.dispatchEvent(new CustomEvent<NavigationRecord>(NAVIGATE_EVENT, { detail: record }));
}

const NAVIGATE = Symbol('Navigate');
const GENERATE_URL = Symbol('GenerateUrl');

type ElementClass = new () => HTMLElement;

/** `NavigationMixin(LightningElement)`: adds `this[NavigationMixin.Navigate]` and `…GenerateUrl`. */
export function NavigationMixin<T extends ElementClass>(Base: T): T {
  // Cast to a plain constructor: TypeScript's mixin form would need an `any[]` constructor.
  class Navigating extends (Base as ElementClass) {
    [NAVIGATE](pageReference: PageReference, replace?: boolean): void {
      navigate(pageReference, replace);
    }

    [GENERATE_URL](pageReference: PageReference): Promise<string> {
      return Promise.resolve(urlFor(pageReference));
    }
  }
  return Navigating as unknown as T;
}
NavigationMixin.Navigate = NAVIGATE;
NavigationMixin.GenerateUrl = GENERATE_URL;

/** `@wire(CurrentPageReference)`: the page the component is on. */
export class CurrentPageReference {
  constructor(
    private readonly dataCallback: DataCallback<PageReference> | ((value: PageReference) => void),
  ) {}

  update(config: WireConfig): WireConfig {
    // The page reference takes no config: nothing to do with it.
    return config;
  }

  connect(): void {
    // Wired directly (not {data, error}), as the platform's CurrentPageReference is.
    (this.dataCallback as (value: PageReference) => void)(
      JSON.parse(JSON.stringify(workbenchContext().pageReference)) as PageReference,
    );
  }

  disconnect(): void {
    // Nothing to release: the page reference never changes while the page is open.
  }
}
