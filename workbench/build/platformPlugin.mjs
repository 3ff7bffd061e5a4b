// @ts-check
/**
 * Rollup plugin: the platform's module namespaces for the workbench bundle.
 *
 * - `c/<name>`                         → force-app/main/<feature>/lwc/<name>/<name>.js (tsc output)
 * - `@salesforce/label/c.<Name>`       → the label's text for the page's locale (table built from the
 *                                        labels + translations metadata at build time)
 * - `@salesforce/apex/<Class.method>`  → one function: imperative call and (`.adapter`) wire adapter
 * - `@salesforce/apex`                 → refreshApex, getSObjectValue
 * - `@salesforce/schema/<Obj[.Field]>` → { objectApiName, fieldApiName }
 * - `@salesforce/user/Id`, `@salesforce/user/isGuest`, `@salesforce/customPermission/<Name>`,
 *   `@salesforce/userPermission/<Name>`, `@salesforce/i18n/{locale,lang,dir,currency}` → the workbench context
 * - `@workbench/label-table`, `@workbench/permission-sets`, `@workbench/role-catalog`,
 *   `@workbench/component-loaders` → generated modules (the package's permission sets as the sample
 *   org enforces them; its RoleCatalogEntry__mdt records; the components)
 *
 * The run-time halves live in workbench/src/platform/*.ts; this plugin only writes the tiny glue
 * modules, so every import gets its own module as on the platform.
 */
import fs from 'node:fs';
import path from 'node:path';
import { labelFiles, readLabelTable } from './labels.mjs';
import { permissionSetFiles, readPermissionSets } from './permissionSets.mjs';
import { readRoleCatalog, roleCatalogFiles } from './roleCatalog.mjs';

const VIRTUAL = '\0workbench:';

/**
 * @param {{
 *   root: string;             // repository root
 *   componentDirs: string[];  // folders holding <name>/<name>.js bundles for the `c` namespace
 *   labelsDir: string;        // the folder holding labels/ and translations/: force-app/main/shared
 *   packageDir: string;       // force-app: its permissionsets/ and customMetadata/ folders, wherever they are
 *   strictLabels: boolean;    // a missing label fails the build (production) instead of warning
 * }} options
 * @returns {import('rollup').Plugin}
 */
export default function workbenchPlatform({ root, componentDirs, labelsDir, packageDir, strictLabels }) {
  const platformDir = path.join(root, 'workbench', 'src', 'platform');
  const platform = (/** @type {string} */ file) => JSON.stringify(path.join(platformDir, file));
  const registryFile = path.join(root, 'workbench', 'src', 'app', 'componentRegistry.js');
  /** @type {Record<string, Record<string, string>>} */
  let labels = {};
  /** @type {Record<string, import('./permissionSets.mjs').PermissionSetInfo>} */
  let permissionSets = {};
  /** @type {import('./roleCatalog.mjs').RoleCatalogEntry[]} */
  let roleCatalog = [];

  /** @param {string} name */
  function componentEntry(name) {
    for (const dir of componentDirs) {
      const entry = path.join(dir, name, `${name}.js`);
      if (fs.existsSync(entry)) return entry;
    }
    return undefined;
  }

  return {
    name: 'workbench-platform',

    buildStart() {
      labels = readLabelTable(labelsDir);
      const files = labelFiles(labelsDir);
      for (const file of [files.labels, ...Object.values(files.translations)]) this.addWatchFile(file);
      permissionSets = readPermissionSets(packageDir);
      for (const file of permissionSetFiles(packageDir)) this.addWatchFile(file);
      roleCatalog = readRoleCatalog(packageDir);
      for (const file of roleCatalogFiles(packageDir)) this.addWatchFile(file);
    },

    resolveId(source) {
      const component = /^c\/([A-Za-z][A-Za-z0-9_]*)$/.exec(source);
      if (component) {
        const entry = componentEntry(/** @type {string} */ (component[1]));
        // The specifier query tells @lwc/rollup-plugin the namespace/name (as for its alias records).
        return entry ? `${entry}?specifier=${encodeURIComponent(source)}` : null;
      }
      if (source === '@contract') return path.join(root, 'types', 'contract.js');
      if (
        source.startsWith('@salesforce/label/c.') ||
        source.startsWith('@salesforce/apex') ||
        source.startsWith('@salesforce/schema/') ||
        source.startsWith('@salesforce/user/') ||
        source.startsWith('@salesforce/customPermission/') ||
        source.startsWith('@salesforce/userPermission/') ||
        source === '@salesforce/i18n/locale' ||
        source === '@salesforce/i18n/lang' ||
        source === '@salesforce/i18n/dir' ||
        source === '@salesforce/i18n/currency' ||
        source === '@workbench/label-table' ||
        source === '@workbench/permission-sets' ||
        source === '@workbench/role-catalog' ||
        source === '@workbench/component-loaders'
      ) {
        return VIRTUAL + source;
      }
      return null;
    },

    async load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const source = id.slice(VIRTUAL.length);

      if (source === '@workbench/label-table') {
        return `export default ${JSON.stringify(labels)};`;
      }
      if (source === '@workbench/permission-sets') {
        return `export default ${JSON.stringify(permissionSets)};`;
      }
      if (source === '@workbench/role-catalog') {
        return `export default ${JSON.stringify(roleCatalog)};`;
      }
      if (source === '@workbench/component-loaders') {
        return componentLoaders(this);
      }
      if (source.startsWith('@salesforce/label/c.')) {
        const name = source.slice('@salesforce/label/c.'.length);
        if (!(name in (labels.en_US ?? {}))) {
          const message = `Custom label "${name}" is not in ${path.relative(root, labelFiles(labelsDir).labels)}`;
          if (strictLabels) this.error(message);
          this.warn(message);
        }
        return `import { label } from ${platform('labels.js')};\nexport default label(${JSON.stringify(name)});`;
      }
      if (source === '@salesforce/apex') {
        return `export { refreshApex, getSObjectValue } from ${platform('apex.js')};`;
      }
      if (source.startsWith('@salesforce/apex/')) {
        const method = source.slice('@salesforce/apex/'.length);
        return `import { apexMethod } from ${platform('apex.js')};\nexport default apexMethod(${JSON.stringify(method)});`;
      }
      if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...field] = source.slice('@salesforce/schema/'.length).split('.');
        const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
        return `export default ${JSON.stringify(value)};`;
      }
      if (source === '@salesforce/user/Id') {
        return `import { currentUserId } from ${platform('user.js')};\nexport default currentUserId();`;
      }
      if (source === '@salesforce/user/isGuest') return 'export default false;';
      if (source.startsWith('@salesforce/user/')) this.error(`Workbench: ${source} is not supported`);
      if (source.startsWith('@salesforce/customPermission/')) {
        const name = source.slice('@salesforce/customPermission/'.length);
        return `import { hasCustomPermission } from ${platform('user.js')};\nexport default hasCustomPermission(${JSON.stringify(name)});`;
      }
      if (source.startsWith('@salesforce/userPermission/')) {
        // The sample org models no standard user permissions.
        return 'export default false;';
      }
      if (source.startsWith('@salesforce/i18n/')) {
        const name = source.slice('@salesforce/i18n/'.length);
        return `export { ${name} as default } from ${platform('locale.js')};`;
      }
      return null;
    },
  };

  /**
   * One lazy loader per component of the registry (workbench/src/app/componentRegistry.ts, plain data).
   * A component whose bundle is not built yet loads as a rejected promise: the page says so.
   * @param {import('rollup').PluginContext} ctx
   */
  async function componentLoaders(ctx) {
    ctx.addWatchFile(registryFile);
    // Imported from its text as a data: URL: always the current version, and no package-type warning.
    const code = fs.readFileSync(registryFile, 'utf8');
    /** @type {{ COMPONENTS: Array<{ module: string }> }} */
    const registry = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    const lines = [];
    for (const { module } of registry.COMPONENTS) {
      const resolved = await ctx.resolve(module, registryFile, { skipSelf: false });
      if (resolved) {
        lines.push(`  ${JSON.stringify(module)}: () => import(${JSON.stringify(resolved.id)}),`);
      } else {
        ctx.warn(`Component module ${module} is not built (no .js under ${componentDirs.join(', ')})`);
        const error = `Component module ${module} was not built: is its .ts compiled?`;
        lines.push(`  ${JSON.stringify(module)}: () => Promise.reject(new Error(${JSON.stringify(error)})),`);
      }
    }
    return `export default {\n${lines.join('\n')}\n};`;
  }
}
