// @ts-check
/**
 * Shared set-up for the browser tests: one workbench server and one headless Chromium per test
 * file, pages opened by the workbench's URL contract, axe checks, and screenshots.
 *
 * Screenshots go to test-results/screenshots/ (git-ignored); `npm run screenshots` writes the
 * README's pictures to docs/screenshots/ instead (SCREENSHOTS_DIR).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { startWorkbench } from '../workbench/server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
export const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR ?? join(ROOT, 'test-results/screenshots');

/** The viewport of a laptop, and of a phone held upright. */
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * Starts the workbench (already built by `npm run build`) and Chromium for the test file;
 * `dataPaths` adds datasets (plan files or folders), e.g. one the test file generates.
 * @param {{ dataPaths?: string[] }} [options]
 * @returns {{ open: (query: Record<string, string>, viewport?: {width: number, height: number}) => Promise<import('playwright-core').Page> }}
 */
export function useWorkbench({ dataPaths = [] } = {}) {
  /** @type {{ url: string, close: () => Promise<void> } | undefined} */
  let workbench;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;

  before(async () => {
    workbench = await startWorkbench({ port: 0, build: false, watch: false, quiet: true, dataPaths });
    // Which Chromium: scripts/lib/chromium.mjs (CHROMIUM_PATH, an installed one, or npm's).
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await workbench?.close();
  });

  return {
    async open(query, viewport = DESKTOP) {
      if (!browser || !workbench) throw new Error('the workbench is not started');
      // axe needs a page of its own context.
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      /** @type {string[]} */
      const consoleErrors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      Object.defineProperty(page, 'consoleErrors', { value: consoleErrors });
      await page.goto(new URL(`?${new URLSearchParams(query)}`, workbench.url).href);
      return page;
    },
  };
}

/** Errors the page logged to its console since it opened. @param {import('playwright-core').Page} page */
export function consoleErrorsOf(page) {
  return /** @type {{ consoleErrors: string[] }} */ (/** @type {unknown} */ (page)).consoleErrors;
}

/**
 * axe-core violations on the page (WCAG 2.1 A and AA plus best practices), as readable lines.
 * @param {import('playwright-core').Page} page
 */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** @param {import('playwright-core').Page} page @param {string} name */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  // Web fonts (the workbench's CJK fallback) swap in when loaded: wait, or Chinese shows as boxes.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}
