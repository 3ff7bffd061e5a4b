// @ts-check
/**
 * The setup check in a real browser, as an admin or rep sees it: on the Get Cloudy org (features
 * on) as users with all and some access, and as a new hire whose call the org refuses (no
 * permission set opens the class), on an org with the features off, in English and Simplified
 * Chinese, on a desktop and a phone. axe finds nothing on any of them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PHONE, axeViolations, consoleErrorsOf, screenshot, useWorkbench } from './support.mjs';

const workbench = useWorkbench();

/** Opens the setup check and waits for its result (or its error). @param {Record<string, string>} query */
async function openSetupCheck(query, viewport = undefined) {
  const page = await workbench.open({ component: 'c-setup-check', ...query }, viewport);
  await page
    .getByRole('status')
    .filter({ has: page.getByRole('heading') })
    .waitFor();
  return page;
}

/** The list item of one check, found by its heading as a user reads it. @param {import('playwright-core').Page} page @param {string} title */
function item(page, title) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

describe('setup check', () => {
  it('tells a fully set-up rep that everything is ready', async () => {
    const page = await openSetupCheck({ dataset: 'get-cloudy', user: 'rep', locale: 'en_US' });

    await page.getByRole('heading', { name: 'Account Relationships setup' }).waitFor();
    assert.match(await page.getByRole('status').first().innerText(), /Everything is set up/);
    for (const title of [
      'Contacts to Multiple Accounts',
      'Account Teams',
      'Access to AccountContactRelation',
    ]) {
      assert.match(await item(page, title).innerText(), /\bOK\b/, `${title} is OK`);
    }
    assert.match(await item(page, 'Account Relationships Admin').innerText(), /Optional/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(consoleErrorsOf(page), []);
    await screenshot(page, 'setup-check-get-cloudy-rep');
  });

  it('tells a new hire, whose own call the org refuses, which permission set to ask the admin for', async () => {
    // No permission set of the new hire opens SetupCheckController: the call itself fails.
    const page = await workbench.open({
      component: 'c-setup-check',
      dataset: 'get-cloudy',
      user: 'newhire',
      locale: 'en_US',
    });
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'The setup check could not run.' }).waitFor();
    assert.match(
      await alert.innerText(),
      /Ask your Salesforce admin to assign you the “Account Relationships User” permission set to use this component\./,
    );
    assert.doesNotMatch(await alert.innerText(), /Apex class/);
    assert.equal(await page.locator('c-setup-check li[data-state]').count(), 0, 'no check items');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(consoleErrorsOf(page), []);
    await screenshot(page, 'setup-check-get-cloudy-newhire');
  });

  it('tells a user with the permission set but not the object access exactly what to ask for', async () => {
    const page = await openSetupCheck({ dataset: 'get-cloudy', user: 'readonly', locale: 'en_US' });

    assert.match(await page.getByRole('status').first().innerText(), /4 items need attention/);
    const relations = await item(page, 'Access to AccountContactRelation').innerText();
    assert.match(relations, /Missing/);
    assert.match(relations, /Missing object permissions: Create, Edit, and Delete/);
    assert.match(relations, /Needed by: Related Contacts/);
    assert.match(await item(page, 'Account Relationships User').innerText(), /Assigned to you/);
  });

  it('names a hidden field and the component that needs it', async () => {
    const page = await openSetupCheck({ dataset: 'get-cloudy', user: 'readonly', locale: 'en_US' });

    const account = await item(page, 'Access to Account').innerText();
    assert.match(account, /Missing object permissions: Edit/);
    assert.match(account, /Missing field access: AnnualRevenue \(Read\)/);
    assert.match(account, /Needed by: Account Hierarchy, Related Contacts, and Default Account Team/);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('explains where to turn the features on when the org has them off', async () => {
    const page = await openSetupCheck({ dataset: 'features-off', user: 'rep', locale: 'en_US' });

    const relations = await item(page, 'Contacts to Multiple Accounts').innerText();
    assert.match(relations, /Missing/);
    assert.match(relations, /Setup › Account Settings/);
    assert.match(relations, /Needed by: Related Contacts/);
    assert.match(
      await item(page, 'Account Teams').innerText(),
      /Setup › Account Teams › “Enable Account Teams”/,
    );
    assert.match(
      await item(page, 'Access to AccountTeamMember').innerText(),
      /Not checked, because Account Teams is turned off/,
    );
    assert.match(await page.getByRole('status').first().innerText(), /2 items need attention/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(consoleErrorsOf(page), []);
    await screenshot(page, 'setup-check-features-off-rep');
  });

  it('speaks Simplified Chinese when the user’s locale is zh_CN', async () => {
    const page = await openSetupCheck({ dataset: 'get-cloudy', user: 'rep', locale: 'zh_CN' });

    await page.getByRole('heading', { name: '客户关系设置' }).waitFor();
    assert.match(await page.getByRole('status').first().innerText(), /一切就绪/);
    await page.getByRole('button', { name: '重新检查' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'setup-check-get-cloudy-rep-zh_CN');
  });

  it('checks again on request and shows the result again', async () => {
    const page = await openSetupCheck({ dataset: 'get-cloudy', user: 'readonly', locale: 'en_US' });

    await page.getByRole('button', { name: 'Check again' }).click();
    // The second answer has arrived (the first summary stays on screen until then, so waiting for
    // the text alone could read the page mid-check), and the page shows it.
    await page.waitForFunction(() => window.__workbench.apexCalls.length === 2);
    await page
      .getByRole('status')
      .filter({ hasText: /4 items need attention/ })
      .waitFor();
    assert.equal(
      await page
        .getByRole('status')
        .filter({ hasText: /Checking/ })
        .count(),
      0,
    );
  });

  it('fits a phone screen without horizontal scrolling', async () => {
    const page = await openSetupCheck({ dataset: 'features-off', user: 'rep', locale: 'en_US' }, PHONE);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'setup-check-features-off-rep-phone');
  });
});
