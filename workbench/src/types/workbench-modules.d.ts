/*
 * Modules the workbench's rollup plugin (workbench/build/platformPlugin.mjs) generates at build time.
 * No top-level import here, so the declarations stay ambient.
 */

declare module '@workbench/label-table' {
  /** Label text by locale (en_US, zh_CN), then by label name. */
  const table: Readonly<Record<string, Readonly<Record<string, string>> | undefined>>;
  export default table;
}

declare module '@workbench/permission-sets' {
  /**
   * The package's permission sets (force-app/main/shared/permissionsets), by API name: the Apex
   * classes each opens and the custom permissions it grants (enabled entries only), and the object
   * access it grants on the package's custom objects (`…__c`), in the order read, create, edit, delete.
   */
  const table: Readonly<
    Record<
      string,
      | {
          label: string;
          classAccesses: readonly string[];
          customPermissions: readonly string[];
          objectPermissions: Readonly<Record<string, readonly ('read' | 'create' | 'edit' | 'delete')[]>>;
        }
      | undefined
    >
  >;
  export default table;
}

declare module '@workbench/role-catalog' {
  /**
   * The package's RoleCatalogEntry__mdt records (customMetadata/RoleCatalogEntry.*.md-meta.xml), in
   * DeveloperName order, read at build time by workbench/build/roleCatalog.mjs.
   */
  const entries: readonly {
    developerName: string;
    label: string;
    category: string;
    value: string;
    badgeColor: string;
    sortOrder: number | null;
    keyRole: boolean;
    helpText: string | null;
  }[];
  export default entries;
}

declare module '@workbench/component-loaders' {
  /** One lazy loader per module of workbench/src/app/componentRegistry.ts, keyed by module name. */
  const loaders: Readonly<Record<string, (() => Promise<{ default: unknown }>) | undefined>>;
  export default loaders;
}
