/*
 * Hand declarations for the platform modules that @salesforce/lightning-types does not cover.
 * No top-level import here: it would turn this file into a module and stop the wildcard
 * declarations from applying. Types come in through `import()` of the `@contract` alias.
 */

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/apex/SetupCheckController.getSetupStatus' {
  const getSetupStatus: () => Promise<import('@contract').SetupStatus>;
  export default getSetupStatus;
}

declare module '@salesforce/i18n/locale' {
  /** The user's locale as a BCP 47 tag, e.g. "en-US" or "zh-CN". */
  const locale: string;
  export default locale;
}

declare module '@salesforce/apex/AccountHierarchyController.findTop' {
  const findTop: (params: {
    recordId: string;
    columns: string[];
    startFromId: string | null;
  }) => Promise<import('@contract').HierarchyTop>;
  export default findTop;
}

declare module '@salesforce/apex/AccountHierarchyController.loadChildren' {
  const loadChildren: (params: {
    parentIds: string[];
    afterId: string | null;
    columns: string[];
    pageSize: number;
    levels: number;
  }) => Promise<import('@contract').HierarchyChildrenPage>;
  export default loadChildren;
}

declare module '@salesforce/i18n/currency' {
  /** The user's currency as an ISO 4217 code, e.g. "USD". */
  const currency: string;
  export default currency;
}

declare module 'lightning/navigation' {
  import type { LightningElement } from 'lwc';

  /** Where to go: `standard__recordPage`, `standard__navItemPage`, … */
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }

  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;

  export interface NavigationCapable {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }

  // TypeScript recognises a mixin only with constructors taking `...args: any[]`.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  type ElementConstructor = new (...args: any[]) => LightningElement;
  type NavigationConstructor = new (...args: any[]) => NavigationCapable;
  /* eslint-enable @typescript-eslint/no-explicit-any */

  export const NavigationMixin: {
    <T extends ElementConstructor>(base: T): T & NavigationConstructor;
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };
  export const CurrentPageReference: unknown;
}
