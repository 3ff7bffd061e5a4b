// @ts-check
/**
 * The Account Hierarchy at depth, in a real browser: a generated hierarchy with one branch 40 levels
 * deep, opened at its deepest account, stays readable on a laptop and on a phone: the name, the
 * expander, the level marker and the "This account" badge are on screen, inside the name column.
 * Screenshots for the README.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DESKTOP, PHONE, axeViolations, consoleErrorsOf, screenshot, useWorkbench } from './support.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DEPTH = 40;
const DATASET = 'deep-branch-40';
const DATASET_DIR = join(ROOT, 'test-results', 'datasets', DATASET);

// A realistic tree of 60 accounts with one branch down to level 40 (git-ignored; same bytes each run).
execFileSync(
  process.execPath,
  [
    'scripts/generate-hierarchy.mjs',
    '--accounts',
    '60',
    '--branch-depth',
    String(DEPTH),
    '--out',
    DATASET_DIR,
  ],
  { cwd: ROOT, stdio: 'ignore' },
);
/** The deepest account: the only record of the last level file. */
const plan = JSON.parse(readFileSync(join(DATASET_DIR, `${DATASET}-plan.json`), 'utf8'));
const lastFile = plan[0].files[plan[0].files.length - 1];
const deepest = JSON.parse(readFileSync(join(DATASET_DIR, lastFile), 'utf8')).records[0];

const workbench = useWorkbench({ dataPaths: [DATASET_DIR] });

/**
 * Opens the hierarchy at the deepest account and waits until everything is loaded.
 * @param {{ width: number, height: number }} viewport
 */
async function openDeepest(viewport) {
  const page = await workbench.open(
    {
      component: 'c-account-hierarchy',
      dataset: DATASET,
      recordId: deepest.attributes.referenceId,
      user: 'rep',
    },
    viewport,
  );
  await page.locator('[role="treegrid"][aria-busy="false"]').waitFor();
  return page;
}

/**
 * Asserts that the element is fully on screen: inside its name cell and inside the scrolling area.
 * @param {import('playwright-core').Page} page @param {import('playwright-core').Locator} element @param {string} what
 */
async function assertShown(page, element, what) {
  const box = await element.boundingBox();
  const cell = await element.locator('xpath=ancestor::*[@role="gridcell"][1]').boundingBox();
  const viewport = await page.locator('[data-id="viewport"]').boundingBox();
  assert.ok(box && cell && viewport, `${what} is rendered`);
  assert.ok(box.width > 0 && box.height > 0, `${what} has a size`);
  for (const [outer, name] of /** @type {const} */ ([
    [cell, 'its cell'],
    [viewport, 'the scrolling area'],
  ])) {
    assert.ok(
      box.x >= outer.x - 0.5 && box.x + box.width <= outer.x + outer.width + 0.5,
      `${what} (x ${box.x}–${box.x + box.width}) is inside ${name} (x ${outer.x}–${outer.x + outer.width})`,
    );
  }
  return box;
}

describe('account hierarchy at depth', () => {
  for (const [viewport, suffix] of /** @type {const} */ ([
    [DESKTOP, ''],
    [PHONE, '-phone'],
  ])) {
    it(`shows a 40-level branch readably at ${viewport.width} px`, async () => {
      const page = await openDeepest(viewport);

      const current = page.locator('[role="row"].is-current');
      assert.equal(await current.getAttribute('aria-level'), String(DEPTH));
      const name = current.locator('a.name-link');
      assert.equal(await name.innerText(), deepest.Name);
      const nameBox = await assertShown(page, name, 'the name of the account at level 40');
      assert.ok(nameBox.width >= 60, `the name has room (${nameBox.width} px)`);
      assert.match((await name.getAttribute('title')) ?? '', /^Level 40: Stratus Holdings › .+ › … › .+ › /);
      await assertShown(page, current.locator('.current-badge'), 'the "This account" badge');
      assert.equal(await current.locator('.level-marker').innerText(), `L${DEPTH}`);
      await assertShown(page, current.locator('.level-marker'), 'the level marker');

      // Its parent, one level up, has an expander (the deepest account is a leaf).
      const parent = page.locator(`[role="row"][aria-level="${DEPTH - 1}"]`);
      await assertShown(page, parent.locator('.toggle-open'), 'the expander at level 39');
      await assertShown(page, parent.locator('a.name-link'), 'the name at level 39');

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(consoleErrorsOf(page), []);
      await screenshot(page, `account-hierarchy-deep-branch${suffix}`);
    });
  }

  it("gives screen readers the focused deep row's level and path", async () => {
    const page = await openDeepest(DESKTOP);

    const current = page.locator('[role="row"].is-current');
    await current.focus();
    const description = await current.evaluate((row) => {
      const id = row.getAttribute('aria-describedby');
      const root = /** @type {Document | ShadowRoot} */ (row.getRootNode());
      return id ? (root.querySelector(`#${CSS.escape(id)}`)?.textContent ?? null) : null;
    });
    assert.match(description ?? '', /^Level 40: Stratus Holdings › .+ › … › .+ › .+ › /);
    assert.ok(description?.endsWith(deepest.Name), description ?? '');
  });
});
