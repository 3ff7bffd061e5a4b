// @ts-check
/**
 * Rollup plugin: puts the static files next to the bundle in workbench/dist/ — the page
 * (workbench/index.html, workbench.css) and the SLDS assets (styles, icon sprites, images). SLDS 2.x ships no
 * web fonts (it uses the system font stack). The SLDS copy is skipped when dist already holds
 * the same design-system version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * @param {{ root: string; outDir: string; production: boolean }} options
 * @returns {import('rollup').Plugin}
 */
export default function workbenchAssets({ root, outDir, production }) {
  const page = path.join(root, 'workbench', 'index.html');
  const styles = path.join(root, 'workbench', 'workbench.css');
  return {
    name: 'workbench-assets',
    buildStart() {
      this.addWatchFile(page);
      this.addWatchFile(styles);
    },
    writeBundle(_options, bundle) {
      fs.mkdirSync(outDir, { recursive: true });
      // Chunks of an earlier (e.g. production vs development) build would pile up: drop them.
      const chunksDir = path.join(outDir, 'chunks');
      if (fs.existsSync(chunksDir)) {
        for (const file of fs.readdirSync(chunksDir)) {
          if (!(`chunks/${file}` in bundle)) fs.rmSync(path.join(chunksDir, file), { force: true });
        }
      }
      const html = fs.readFileSync(page, 'utf8').replace('%MODE%', production ? 'production' : 'development');
      fs.writeFileSync(path.join(outDir, 'index.html'), html);
      fs.copyFileSync(styles, path.join(outDir, 'workbench.css'));
      copySlds(outDir);
    },
  };
}

/** @param {string} outDir */
function copySlds(outDir) {
  const pkgFile = require.resolve('@salesforce-ux/design-system/package.json');
  const { version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const source = path.join(path.dirname(pkgFile), 'assets');
  const target = path.join(outDir, 'assets');
  const stamp = path.join(target, '.slds-version');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === version) return;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.join(target, 'styles'), { recursive: true });
  for (const file of [
    'salesforce-lightning-design-system.min.css',
    'salesforce-lightning-design-system.css',
  ]) {
    fs.copyFileSync(path.join(source, 'styles', file), path.join(target, 'styles', file));
  }
  fs.cpSync(path.join(source, 'images'), path.join(target, 'images'), { recursive: true });
  // Sprites only: lightning-icon draws from its own SVG templates; hand-written markup uses sprites.
  for (const kind of ['action', 'custom', 'doctype', 'standard', 'utility']) {
    fs.cpSync(path.join(source, 'icons', `${kind}-sprite`), path.join(target, 'icons', `${kind}-sprite`), {
      recursive: true,
    });
  }
  fs.writeFileSync(stamp, version);
}
