// @ts-check
/**
 * Bundles the workbench: the compiled components (force-app/**\/lwc/**\/*.js, emitted by
 * `tsc -p tsconfig.build.json`), lightning-base-components, the platform stand-ins and the app shell
 * (workbench/src/**\/*.js) into ES modules under workbench/dist/.
 *
 * `npm run build` builds for development; WORKBENCH_PROD=1 (or NODE_ENV=production) builds the
 * minified production bundle that speed is measured on. workbench/server.mjs imports
 * `createRollupConfig` to build and watch programmatically.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import workbenchPlatform from './build/platformPlugin.mjs';
import workbenchAssets from './build/assetsPlugin.mjs';
import { PACKAGE_DIR, SHARED_DIR, typeFolders } from '../scripts/lib/packageLayout.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ production?: boolean; outDir?: string }} [options]
 * @returns {import('rollup').RollupOptions}
 */
export function createRollupConfig({
  production = false,
  outDir = path.join(ROOT, 'workbench', 'dist'),
} = {}) {
  const src = path.join(ROOT, 'workbench', 'src');
  const platform = (/** @type {string} */ file) => path.join(src, 'platform', file);
  // Every feature's lwc/ folder (force-app/main/<feature>/lwc): the `c` namespace spans them all.
  const componentDirs = typeFolders('lwc', PACKAGE_DIR);

  return {
    input: { main: path.join(src, 'main.js') },
    preserveEntrySignatures: false,
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: production ? 'chunks/[name]-[hash].js' : 'chunks/[name].js',
      sourcemap: !production,
    },
    treeshake: production,
    plugins: [
      // First: claims the platform namespaces before the LWC resolver looks at them.
      workbenchPlatform({
        root: ROOT,
        componentDirs,
        labelsDir: SHARED_DIR,
        packageDir: PACKAGE_DIR,
        strictLabels: production,
      }),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
          'import.meta.env.SSR': 'false',
        },
      }),
      lwc({
        rootDir: ROOT,
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true,
        modules: [
          // Stand-ins for platform modules lightning-base-components lacks (listed first: they win).
          { name: 'lightning/navigation', path: platform('navigation.js') },
          { name: 'lightning/platformShowToastEvent', path: platform('toast.js') },
          { name: 'lightning/uiRecordApi', path: platform('uiRecordApi.js') },
          { name: 'lightning/refresh', path: platform('refresh.js') },
          { name: 'lightning/messageService', path: platform('messageService.js') },
          // Workbench-only components (benchmark harnesses), namespace `bench`.
          { dir: path.join(src, 'modules') },
          { npm: 'lightning-base-components' },
        ],
      }),
      resolve({ browser: true }),
      workbenchAssets({ root: ROOT, outDir, production }),
      ...(production ? [terser({ ecma: 2020, module: true, compress: { passes: 2 } })] : []),
    ],
    onwarn(warning, warn) {
      // lightning-base-components and the engine trip these harmlessly.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // lightning-card's template has deliberately duplicated slots (LWC1137); not ours to fix.
      if (
        warning.plugin === 'rollup-plugin-lwc-compiler' &&
        (warning.id ?? warning.loc?.file ?? '').includes('lightning-base-components')
      )
        return;
      warn(warning);
    },
    watch: {
      clearScreen: false,
      exclude: ['node_modules/**', 'workbench/dist/**'],
    },
  };
}

const production = process.env.WORKBENCH_PROD === '1' || process.env.NODE_ENV === 'production';
export default createRollupConfig({ production });
