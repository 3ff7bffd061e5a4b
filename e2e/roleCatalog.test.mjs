// @ts-check
/**
 * The Role Catalog as a consultant sees it on get-cloudy (whose Roles picklist has a Champion value
 * the package ships no entry for), with a feature off, and the setup check's catalog section.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, consoleErrorsOf, screenshot, useWorkbench } from './support.mjs';

const workbench = useWorkbench();

/** @param {Record<string, string>} query */
async function openCatalog(query) {
  const page = await workbench.open({ component: 'c-role-catalog', locale: 'en_US', ...query });
  await page.locator('[data-id="summary"]').waitFor();
  return page;
}

describe('role catalog', () => {
  it('lists the picklist against the catalog: a value without an entry, counts, how to edit', async () => {
    const page = await openCatalog({ dataset: 'get-cloudy', user: 'admin' });

    const summary = await page.locator('[data-id="summary"]').innerText();
    assert.match(summary, /Every catalog entry matches an active picklist value\./);
    assert.match(summary, /1 picklist value has no catalog entry: it works, with a neutral badge\./);

    const contactRoles = page.getByRole('table', { name: 'Contact Relationship Roles' });
    const champion = contactRoles.locator('tr[data-value="Champion"]');
    assert.equal(await champion.locator('[data-id="status"]').innerText(), 'No entry: neutral badge');
    assert.equal(await champion.locator('[data-id="badge"]').innerText(), 'Champion');
    const decisionMaker = contactRoles.locator('tr[data-value="Decision Maker"]');
    assert.equal(await decisionMaker.locator('[data-id="status"]').innerText(), 'OK');
    // The same colours as the grid's badges (c/roleBadges): Decision Maker is blue.
    assert.equal(
      await decisionMaker.locator('[data-id="badge"]').evaluate((e) => getComputedStyle(e).backgroundColor),
      'rgb(216, 230, 254)',
    );
    // A status badge is one line high, not a circle of words.
    const statusBox = await champion.locator('[data-id="status"]').boundingBox();
    assert.ok(statusBox && statusBox.height < 30, `the status badge is one line (${statusBox?.height}px)`);
    assert.equal(await page.getByRole('table', { name: 'Account Team Roles' }).count(), 1);

    const howTo = page.getByRole('heading', { name: 'How to edit the catalog' });
    await howTo.waitFor();
    assert.match(
      await page.locator('body').innerText(),
      /Custom Metadata Types › Role Catalog Entry › Manage Records/,
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(consoleErrorsOf(page), []);
    await screenshot(page, 'role-catalog-get-cloudy');
  });

  it('says which feature to turn on when its picklist cannot be compared', async () => {
    const page = await openCatalog({ dataset: 'features-off', user: 'admin' });
    assert.match(
      await page.locator('[data-id="summary"]').innerText(),
      /No picklist could be compared with the catalog/,
    );
    assert.match(
      await page.locator('body').innerText(),
      /Allow users to relate a contact to multiple accounts/,
    );
    assert.deepEqual(await axeViolations(page), []);
  });

  it('shows up in the setup check as its own section', async () => {
    const page = await workbench.open({ component: 'c-setup-check', dataset: 'get-cloudy', user: 'admin' });
    const section = page.getByText('Role catalog', { exact: true });
    await section.waitFor();
    await page.getByText('Every role catalog entry matches an active picklist value.').waitFor();
  });
});
