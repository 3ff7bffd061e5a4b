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

declare module '@salesforce/apex/RoleCatalogController.getRoleCatalog' {
  const getRoleCatalog: () => Promise<import('@contract').RoleCatalogReport>;
  export default getRoleCatalog;
}

declare module '@salesforce/apex/RelatedContactsController.getRelatedContactsContext' {
  const getRelatedContactsContext: (params: {
    recordId: string;
  }) => Promise<import('@contract').RelatedContactsContext>;
  export default getRelatedContactsContext;
}

declare module '@salesforce/apex/RelatedContactsController.loadRelationships' {
  const loadRelationships: (params: {
    mode: import('@contract').RelationshipMode;
    recordIds: string[];
    afterId: string | null;
    pageSize: number;
  }) => Promise<import('@contract').RelationshipPage>;
  export default loadRelationships;
}

declare module '@salesforce/apex/RelatedContactsController.saveRelationships' {
  const saveRelationships: (params: {
    changes: import('@contract').RelationshipChange[];
  }) => Promise<import('@contract').RelationshipSaveResponse>;
  export default saveRelationships;
}

declare module '@salesforce/apex/RelatedContactsController.addRelationship' {
  const addRelationship: (params: {
    accountId: string;
    contactId: string;
    roles: string[];
    startDate: string | null;
    isActive: boolean;
  }) => Promise<import('@contract').RelationshipResult>;
  export default addRelationship;
}

declare module '@salesforce/apex/RelatedContactsController.removeRelationship' {
  const removeRelationship: (params: {
    relationshipId: string;
    lastModifiedDate: string;
  }) => Promise<import('@contract').RelationshipResult>;
  export default removeRelationship;
}

declare module '@salesforce/apex/RelatedContactsController.searchContacts' {
  const searchContacts: (params: {
    accountId: string;
    term: string;
  }) => Promise<import('@contract').ContactSearchResponse>;
  export default searchContacts;
}

declare module '@salesforce/apex/AccountTeamController.getAccountTeamContext' {
  const getAccountTeamContext: (params: {
    accountId: string;
  }) => Promise<import('@contract').AccountTeamContext>;
  export default getAccountTeamContext;
}

declare module '@salesforce/apex/AccountTeamController.previewTeam' {
  const previewTeam: (params: {
    accountIds: string[];
    source: import('@contract').TeamSource;
  }) => Promise<import('@contract').TeamPreview>;
  export default previewTeam;
}

declare module '@salesforce/apex/AccountTeamController.applyTeam' {
  const applyTeam: (params: {
    request: import('@contract').TeamApplyRequest;
  }) => Promise<import('@contract').TeamRun>;
  export default applyTeam;
}

declare module '@salesforce/apex/AccountTeamController.getRun' {
  const getRun: (params: {
    runId: string;
    afterResultId: string | null;
  }) => Promise<import('@contract').TeamRunPage>;
  export default getRun;
}

declare module '@salesforce/apex/AccountTeamController.listRuns' {
  const listRuns: () => Promise<import('@contract').TeamRunList>;
  export default listRuns;
}

declare module '@salesforce/apex/DefaultTeamController.getMyDefaultTeam' {
  const getMyDefaultTeam: () => Promise<import('@contract').DefaultTeamContext>;
  export default getMyDefaultTeam;
}

declare module '@salesforce/apex/DefaultTeamController.saveMyDefaultTeam' {
  const saveMyDefaultTeam: (params: {
    members: import('@contract').TeamMemberInput[];
  }) => Promise<import('@contract').TeamSaveResponse>;
  export default saveMyDefaultTeam;
}

declare module '@salesforce/apex/DefaultTeamController.removeFromMyDefaultTeam' {
  const removeFromMyDefaultTeam: (params: {
    memberIds: string[];
  }) => Promise<import('@contract').TeamSaveResponse>;
  export default removeFromMyDefaultTeam;
}

declare module '@salesforce/apex/DefaultTeamController.searchUsers' {
  const searchUsers: (params: { term: string }) => Promise<import('@contract').UserCandidate[]>;
  export default searchUsers;
}

declare module 'lightning/uiRecordApi' {
  /** Tells Lightning Data Service that these records changed on the server (e.g. by Apex). */
  export function notifyRecordUpdateAvailable(recordIds: { recordId: string }[]): Promise<void>;
}
