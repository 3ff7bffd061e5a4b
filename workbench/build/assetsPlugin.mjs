// @ts-check
/**
 * Rollup plugin: puts the static files next to the bundle in workbench/dist/ — the page
 * (workbench/index.html, workbench.css) and the SLDS assets (styles, icon sprites, images). SLDS 2.x ships no
 * web fonts (it uses the system font stack). The SLDS copy is skipped when dist already holds
 * the same design-system version.
 * Also a Simplified Chinese web font (@fontsource-variable/noto-sans-sc: woff2 subsets by
 * unicode-range, so a page loads only the ones its text needs), which workbench.css uses for CJK
 * characters only: machines need no font package for Chinese screenshots.
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
      copyCjkFont(outDir);
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

/** Code points the CJK font may draw: CJK scripts and punctuation, fullwidth forms. */
const CJK_RANGES = [
  [0x2e80, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x3ffff],
];

/**
 * The font's @font-face rules, renamed 'Workbench CJK' and cut to CJK_RANGES: its subsets also
 * carry Latin letters and punctuation, which must keep coming from the system's fonts.
 * @param {string} css
 */
function cjkOnly(css) {
  const faces = [];
  for (const [face] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const ranges = /unicode-range:\s*([^;]+);/.exec(face)?.[1] ?? '';
    const kept = [];
    for (const range of ranges.split(',')) {
      const [from, to = from] = range
        .trim()
        .replace(/^U\+/i, '')
        .split('-')
        .map((hex) => parseInt(hex, 16));
      for (const [low, high] of CJK_RANGES) {
        const a = Math.max(from, low);
        const b = Math.min(to, high);
        if (a <= b) kept.push(a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`);
      }
    }
    if (kept.length === 0) continue;
    faces.push(
      face
        .replace(/font-family:[^;]+;/, "font-family: 'Workbench CJK';")
        .replace(/unicode-range:[^;]+;/, `unicode-range: ${kept.join(',')};`),
    );
  }
  return `${faces.join('\n')}\n`;
}

/** @param {string} outDir */
function copyCjkFont(outDir) {
  const pkgFile = require.resolve('@fontsource-variable/noto-sans-sc/package.json');
  // The stamp also names what cjkOnly makes, so a change to it redoes the copy.
  const version = `${JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version} cjk.css v1`;
  const target = path.join(outDir, 'assets', 'fonts', 'noto-sans-sc');
  const stamp = path.join(target, '.version');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === version) return;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  // The package's index.css names its files as ./files/…: keep that layout.
  const css = fs.readFileSync(path.join(path.dirname(pkgFile), 'index.css'), 'utf8');
  fs.writeFileSync(path.join(target, 'cjk.css'), cjkOnly(css));
  fs.cpSync(path.join(path.dirname(pkgFile), 'files'), path.join(target, 'files'), { recursive: true });
  fs.writeFileSync(stamp, version);
}
