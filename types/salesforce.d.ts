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
