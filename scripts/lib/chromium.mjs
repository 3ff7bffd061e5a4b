// @ts-check
/**
 * The one place that picks and launches the Chromium for browser tests, screenshots and the
 * benchmark, so that `npm ci` is all a machine needs. In order:
 *   1. CHROMIUM_PATH, when set (an error if it names no file: a typo must not silently test
 *      another browser);
 *   2. an installed Chromium or Chrome, on PATH or in the usual install locations;
 *   3. the Chromium shipped inside the npm package @sparticuz/chromium (Linux x64 and arm64),
 *      unpacked once into node_modules/.cache/.
 * The choice is logged once per process, on stderr.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

/** Names an installed Chromium or Chrome goes by on PATH. */
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
/** Where installers put it when it is not on PATH. */
const LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Flags for every launch: headless, and no background traffic that could disturb timings. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An installed Chromium or Chrome, or undefined. */
function installedChromium() {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of COMMANDS) {
    for (const dir of dirs) {
      const path = join(dir, command);
      if (isExecutable(path)) return path;
    }
  }
  return LOCATIONS.find(isExecutable);
}

/**
 * Unpacks the Chromium of @sparticuz/chromium into a cache folder of this project and returns
 * its path. The package unpacks into os.tmpdir() and reuses any `chromium` it finds there, so
 * TMPDIR points at a fresh folder for the call: another version left in /tmp is never picked up
 * by mistake.
 */
async function packagedChromium() {
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) {
    throw new Error(
      `no Chromium found, and the one npm installs (@sparticuz/chromium) runs on Linux only: ` +
        `install Chromium or Chrome, or set CHROMIUM_PATH`,
    );
  }
  // The package exports no package.json: find its folder from its entry point (build/index.js).
  const pkgDir = dirname(dirname(require.resolve('@sparticuz/chromium', { paths: [ROOT] })));
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const cache = join(ROOT, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const binary = join(cache, 'chromium');
  if (isExecutable(binary)) return binary;
  // Unpack beside it, then rename: a process that runs at the same time never sees half a binary.
  const unpacking = `${cache}.${process.pid}`;
  rmSync(unpacking, { recursive: true, force: true });
  mkdirSync(unpacking, { recursive: true });
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = unpacking;
  try {
    const { default: Sparticuz } = await import('@sparticuz/chromium');
    const path = await Sparticuz.executablePath(join(pkgDir, 'bin'));
    if (path !== join(unpacking, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${path}`);
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  try {
    renameSync(unpacking, cache);
  } catch {
    // Another process got there first: use its copy.
    rmSync(unpacking, { recursive: true, force: true });
  }
  return binary;
}

/** @type {Promise<{ path: string, source: string }> | undefined} */
let found;

/** The Chromium to use and where it came from; decided (and logged) once per process. */
export function findChromium() {
  found ??= (async () => {
    const named = process.env.CHROMIUM_PATH;
    /** @type {{ path: string, source: string }} */
    let choice;
    if (named) {
      if (!existsSync(named)) throw new Error(`CHROMIUM_PATH=${named}: no such file`);
      choice = { path: named, source: 'CHROMIUM_PATH' };
    } else {
      const installed = installedChromium();
      choice = installed
        ? { path: installed, source: 'installed' }
        : { path: await packagedChromium(), source: 'npm package @sparticuz/chromium' };
    }
    process.stderr.write(`browser: ${choice.path} (${choice.source})\n`);
    return choice;
  })();
  return found;
}

/**
 * Launches headless Chromium through playwright-core.
 * @param {{ args?: string[] }} [options] extra command-line flags
 */
export async function launchChromium(options = {}) {
  const { path } = await findChromium();
  // Playwright gives each launch a fresh, temporary profile (the --user-data-dir).
  return chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}
