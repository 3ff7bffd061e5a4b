// @ts-check
/**
 * The Default Account Team assistant follows a long run live: "apply my default team" to a generated
 * 600-account hierarchy (scripts/generate-hierarchy.mjs; its rep owns every account and has a
 * five-member default team) runs as a chain of transactions long enough for the component's polls to
 * find it half done, so the progress bar moves before the results show.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { useWorkbench } from './support.mjs';

const folder = mkdtempSync(join(tmpdir(), 'ar-e2e-team-'));
const generated = join(folder, 'team-600');
execFileSync(process.execPath, ['scripts/generate-hierarchy.mjs', '--accounts', '600', '--out', generated]);
after(() => rmSync(folder, { recursive: true, force: true }));

const workbench = useWorkbench({ dataPaths: [generated] });

describe('default account team, a long run', () => {
  it('follows a long run live: the progress bar moves before the results show', async () => {
    const page = await workbench.open({
      component: 'c-account-team-assistant',
      dataset: basename(generated),
      recordId: 'Acc1',
      user: 'rep',
      locale: 'en_US',
    });
    await page.getByRole('button', { name: /Apply to this account and its 599 descendants/ }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    const bar = page.getByRole('progressbar');
    // A poll that finds the chain half done: 0 < percent < 100, and its text says how far.
    await page.waitForFunction(() => {
      const host = document.querySelector('c-account-team-assistant');
      const el =
        host?.shadowRoot?.querySelector('[role="progressbar"]') ??
        document.querySelector('[role="progressbar"]');
      const now = Number(el?.getAttribute('aria-valuenow'));
      return now > 0 && now < 100;
    });
    assert.match(await page.locator('[data-id="progress-text"]').innerText(), /^\d+ of 600 accounts done/);
    await page.locator('[data-id="results-summary"]').waitFor({ timeout: 20_000 });
    assert.equal(await bar.count(), 0, 'the bar goes when the run is over');
    assert.match(await page.locator('[data-id="run-heading"]').innerText(), /Completed$/);
  });
});
