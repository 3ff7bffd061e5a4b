// @ts-check
/**
 * The Account Hierarchy opened at the bottom of a 1,000-level chain, at a real org's latency (150 ms
 * per Apex call): the current account shows, selected and with the row focus, after the walk up,
 * long before the rest of the hierarchy has loaded. Uses a chain made by scripts/generate-hierarchy.mjs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { axeViolations, consoleErrorsOf, useWorkbench } from './support.mjs';

const folder = mkdtempSync(join(tmpdir(), 'ar-e2e-'));
const dataset = join(folder, 'deep-1000');
execFileSync(process.execPath, [
  'scripts/generate-hierarchy.mjs',
  '--accounts',
  '1000',
  '--shape',
  'deep',
  '--out',
  dataset,
]);
after(() => rmSync(folder, { recursive: true, force: true }));

const workbench = useWorkbench({ dataPaths: [dataset] });

/** The Apex calls the page has made so far. @param {import('playwright-core').Page} page */
function apexCalls(page) {
  return page.evaluate(
    () =>
      /** @type {{ __workbench: { apexCalls: { method: string }[] } }} */ (/** @type {unknown} */ (window))
        .__workbench.apexCalls.length,
  );
}

describe('account hierarchy at the bottom of a deep chain', () => {
  it('shows the current account, selected, while the rest still loads (latency 150 ms)', async () => {
    const page = await workbench.open({
      component: 'c-account-hierarchy',
      dataset: 'deep-1000',
      recordId: 'Acc1000', // the generator numbers from 1: the bottom of the chain
      latency: '150',
    });
    // Read in one go in the page, as soon as the account's row exists: the load goes on meanwhile.
    const shown = await page.waitForFunction(
      () => {
        // With synthetic shadow (as in Lightning) the component's rows are in the document.
        const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT);
        let grid = null;
        let row = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = /** @type {Element} */ (node);
          if (element.getAttribute('role') === 'treegrid') grid = element;
          if (element.getAttribute('role') === 'row' && element.classList.contains('is-current'))
            row = element;
        }
        if (!grid || !row) return null;
        return {
          busy: grid.getAttribute('aria-busy'),
          level: row.getAttribute('aria-level'),
          selected: row.getAttribute('aria-selected'),
          tabindex: row.getAttribute('tabindex'),
          calls: /** @type {{ __workbench: { apexCalls: unknown[] } }} */ (/** @type {unknown} */ (window))
            .__workbench.apexCalls.length,
        };
      },
      undefined,
      { timeout: 15_000 },
    );
    const state = await shown.jsonValue();
    assert.ok(state);
    assert.equal(state.busy, 'true', 'the load has not ended yet');
    assert.equal(state.level, '1000');
    assert.equal(state.selected, 'true');
    assert.equal(state.tabindex, '0', 'the row focus is on the current account');
    // 11 findTop calls walk up 1,000 levels, bringing the path's rows: nothing else is needed.
    assert.ok(state.calls <= 15, `shown after ${state.calls} Apex calls`);
    const callsWhenShown = state.calls;
    const current = page.locator('[role="row"].is-current');
    assert.ok(await current.isVisible(), 'scrolled into view');

    await page.locator('[role="treegrid"][aria-busy="false"]').waitFor({ timeout: 30_000 });
    assert.ok((await apexCalls(page)) > callsWhenShown, 'the rest loaded after the account showed');
    assert.equal(await current.getAttribute('aria-selected'), 'true', 'still selected once loaded');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(consoleErrorsOf(page), []);
  });
});
