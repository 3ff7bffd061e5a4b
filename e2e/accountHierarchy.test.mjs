// @ts-check
/**
 * The Account Hierarchy in a real browser, as a rep uses it on Get Cloudy Boston's record page:
 * it opens on the path to Boston, walks by keyboard, searches, expands and collapses, opens a
 * record, exports CSV; axe finds nothing; desktop and phone screenshots for the README.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PHONE, axeViolations, consoleErrorsOf, screenshot, useWorkbench } from './support.mjs';

const workbench = useWorkbench();

/** Opens the hierarchy on a record page and waits until every page is loaded. @param {Record<string, string>} query */
async function openHierarchy(query, viewport = undefined) {
  const page = await workbench.open(
    { component: 'c-account-hierarchy', dataset: 'get-cloudy', ...query },
    viewport,
  );
  await page.locator('[role="treegrid"][aria-busy="false"]').waitFor();
  return page;
}

/** @param {import('playwright-core').Page} page @param {string} name */
function row(page, name) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Names of the rows on screen, in order. @param {import('playwright-core').Page} page */
async function rowNames(page) {
  return page.locator('[role="row"][data-id] a.name-link').allInnerTexts();
}

describe('account hierarchy', () => {
  it('opens on the current account with the path from the top expanded', async () => {
    const page = await openHierarchy({ recordId: 'GetCloudyBoston', user: 'rep', locale: 'en_US' });

    const boston = row(page, 'Get Cloudy Boston');
    assert.equal(await boston.getAttribute('aria-level'), '3');
    assert.equal(await boston.getAttribute('tabindex'), '0');
    assert.match(await boston.innerText(), /This account/);
    assert.equal(await row(page, 'Get Cloudy East').getAttribute('aria-expanded'), 'true');
    assert.equal(await row(page, 'Get Cloudy Consulting').getAttribute('aria-level'), '1');
    assert.match(
      await page.getByRole('status').filter({ hasText: 'accounts' }).innerText(),
      /^\d+ accounts$/,
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(consoleErrorsOf(page), []);
    await screenshot(page, 'account-hierarchy-get-cloudy-boston');
  });

  it('walks the tree with the keyboard and opens a record with Enter', async () => {
    const page = await openHierarchy({ recordId: 'GetCloudyHQ', user: 'rep', locale: 'en_US' });

    const focused = page.locator('[role="row"]:focus');
    await row(page, 'Get Cloudy Consulting').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused.getAttribute('aria-level'), '2');
    assert.equal(await focused.getAttribute('tabindex'), '0', 'roving focus follows the keyboard');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused.getAttribute('aria-level'), '1');
    await page.keyboard.press('End');
    assert.match(await focused.innerText(), /Get Cloudy West/);
    await page.keyboard.press('Home');
    assert.match(await focused.innerText(), /Get Cloudy Consulting/);
    await page.keyboard.press('Enter');
    const navigations = await page.evaluate(() => window.__workbench.navigations.length);
    assert.equal(navigations, 1);
  });

  it('collapses everything, expands to a level and expands everything', async () => {
    const page = await openHierarchy({ recordId: 'GetCloudyHQ', user: 'rep', locale: 'en_US' });

    await page.getByRole('button', { name: 'Collapse all' }).click();
    assert.deepEqual(await rowNames(page), ['Get Cloudy Consulting']);
    await page.getByRole('button', { name: 'Expand all' }).click();
    const all = await rowNames(page);
    assert.ok(all.includes('Get Cloudy Phoenix'), 'a third-level office is shown');
    assert.equal(all.length, 9);
  });

  it('searches, says "n of m", steps through the matches and expands their path', async () => {
    const page = await openHierarchy({ recordId: 'GetCloudyHQ', user: 'rep', locale: 'en_US' });
    await page.getByRole('button', { name: 'Collapse all' }).click();

    await page.getByRole('searchbox', { name: 'Search this hierarchy' }).fill('get cloudy');
    await page.getByText(/^1 of \d+$/).waitFor();
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.getByText(/^2 of \d+$/).waitFor();

    await page.getByRole('searchbox', { name: 'Search this hierarchy' }).fill('seattle');
    await page.getByText('1 of 1').waitFor();
    assert.match((await row(page, 'Get Cloudy Seattle').getAttribute('class')) ?? '', /is-active-match/);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('scrolls a match into view when it is in a branch the search has to open', async () => {
    // A short viewport: the opened path is taller than it, so the match needs scrolling to.
    const page = await openHierarchy({
      recordId: 'GetCloudyHQ',
      user: 'rep',
      locale: 'en_US',
      'p.height': '150',
    });
    await page.getByRole('button', { name: 'Collapse all' }).click();

    await page.getByRole('searchbox', { name: 'Search this hierarchy' }).fill('boston');
    await page.getByText('1 of 1').waitFor();
    const match = row(page, 'Get Cloudy Boston');
    const viewport = await page.locator('[data-id="viewport"]').boundingBox();
    const box = await match.boundingBox();
    assert.ok(viewport && box, 'the viewport and the match are on the page');
    assert.ok(
      box.y >= viewport.y && box.y + box.height <= viewport.y + viewport.height + 1,
      `the match (y ${box.y}–${box.y + box.height}) is inside the viewport (y ${viewport.y}–${viewport.y + viewport.height})`,
    );
  });

  it('exports the whole hierarchy as a spreadsheet-ready CSV', async () => {
    const page = await openHierarchy({ recordId: 'GetCloudyHQ', user: 'rep', locale: 'en_US' });

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Whole hierarchy' }).click(),
    ]);
    const csv = readFileSync(/** @type {string} */ (await download.path()), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with BOM');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.match(lines[0] ?? '', /^Level,Account Name,/);
    assert.match(lines[1] ?? '', /^1,Get Cloudy Consulting,/);
    assert.equal(lines.length, 10, 'header + 9 accounts');
  });

  it('leaves out a column the user cannot read and says so', async () => {
    const page = await openHierarchy({ recordId: 'GetCloudyHQ', user: 'readonly', locale: 'en_US' });

    assert.match(await page.getByText(/Some columns are not shown/).innerText(), /AnnualRevenue/);
    assert.equal(await page.getByRole('columnheader', { name: 'Annual Revenue' }).count(), 0);
  });

  it('tells a new hire without the permission set which one to ask for', async () => {
    // No permission set of the new hire opens AccountHierarchyController: the org refuses the call.
    const page = await workbench.open({
      component: 'c-account-hierarchy',
      dataset: 'get-cloudy',
      recordId: 'GetCloudyBoston',
      user: 'newhire',
      locale: 'en_US',
    });
    const alert = page.getByRole('alert');
    await alert.getByText(/permission set/).waitFor();
    assert.match(
      await alert.innerText(),
      /^Ask your Salesforce admin to assign you the “Account Relationships User” permission set to use this component\./,
    );
    assert.equal(await page.locator('[role="row"][data-id]').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(consoleErrorsOf(page), []);

    await page.goto(page.url().replace('locale=en_US', 'locale=zh_CN'));
    await page
      .getByRole('alert')
      .getByText(/“客户关系用户”权限集/)
      .waitFor();
  });

  it('works on a phone and in Simplified Chinese', async () => {
    const page = await openHierarchy({ recordId: 'GetCloudyBoston', user: 'rep', locale: 'zh_CN' }, PHONE);

    await page.getByRole('searchbox', { name: '搜索此层级结构' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'account-hierarchy-get-cloudy-boston-phone-zh_CN');
  });

  it('shows a user with Private accounts only what they can see: hidden accounts cut their branch', async () => {
    // get-cloudy-private: Marcus Lee owns Get Cloudy East, Boston and Seattle; HQ, West and Atlanta are
    // the administrator's and Private.
    const page = await openHierarchy({
      dataset: 'get-cloudy-private',
      recordId: 'GetCloudyBoston',
      user: 'rep2',
      locale: 'en_US',
    });

    assert.deepEqual(await rowNames(page), ['Get Cloudy East', 'Get Cloudy Boston']);
    assert.equal(await row(page, 'Get Cloudy East').getAttribute('aria-level'), '1', 'East is his top');
    assert.equal(await page.getByText('Get Cloudy Consulting').count(), 0, 'HQ is not his to see');
    assert.deepEqual(consoleErrorsOf(page), []);

    // Seattle's parent (West) is hidden: Seattle is the top of what he sees from there.
    const seattle = await openHierarchy({
      dataset: 'get-cloudy-private',
      recordId: 'GetCloudySeattle',
      user: 'rep2',
      locale: 'en_US',
    });
    assert.deepEqual(await rowNames(seattle), ['Get Cloudy Seattle']);

    // The administrator sees the whole family from HQ.
    const admin = await openHierarchy({
      dataset: 'get-cloudy-private',
      recordId: 'GetCloudyBoston',
      user: 'admin',
      locale: 'en_US',
    });
    assert.equal(await row(admin, 'Get Cloudy Consulting').getAttribute('aria-level'), '1');
  });

  it("says the record ID is not valid when the page has something else, in the user's language", async () => {
    for (const [locale, text] of [
      ['en_US', "This page's record ID isn't valid."],
      ['zh_CN', '此页面的记录 ID 无效。'],
    ]) {
      const page = await workbench.open({
        component: 'c-account-hierarchy',
        dataset: 'get-cloudy',
        recordId: 'NoSuchAccount',
        user: 'rep',
        locale,
      });
      const alert = page.getByRole('alert');

      await alert.waitFor();

      const shown = await alert.innerText();
      assert.match(shown, new RegExp(text.replace(/[.?]/g, '\\$&')));
      assert.doesNotMatch(shown, /Value provided is invalid/);
      assert.deepEqual(consoleErrorsOf(page), []);
    }
  });
});
