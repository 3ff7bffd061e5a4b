// @ts-check
/**
 * The Default Account Team in a real browser, on get-cloudy as Rita Reyes (`rep`) uses it: she edits
 * her default team by keyboard, previews and applies it to HQ with a keep/update choice, applies it to
 * HQ's hierarchy (Get Cloudy West is row-locked once: one failing account) and retries, reopens an
 * earlier run. A peer (Marcus, `rep2`) is told why he may not change East's team; Contact access is
 * offered only where contacts are not Controlled by Parent; features-off says what to enable; zh_CN
 * on a phone. Live progress on a long run: accountTeamProgress.test.mjs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PHONE, axeViolations, consoleErrorsOf, screenshot, useWorkbench } from './support.mjs';

const workbench = useWorkbench();

/** @param {Record<string, string>} query */
async function openAssistant(query, viewport = undefined) {
  const page = await workbench.open(
    {
      component: 'c-account-team-assistant',
      dataset: 'get-cloudy',
      recordId: 'GetCloudyHQ',
      user: 'rep',
      locale: 'en_US',
      ...query,
    },
    viewport,
  );
  await page.locator('c-account-team-assistant h2').first().waitFor();
  return page;
}

/** @param {Record<string, string>} query */
async function openMyTeam(query, viewport = undefined) {
  const page = await workbench.open(
    { component: 'c-my-default-team', dataset: 'get-cloudy', user: 'rep', locale: 'en_US', ...query },
    viewport,
  );
  await page
    .locator(
      'c-my-default-team table[data-id="team"], c-my-default-team [role="status"], c-my-default-team [role="alert"]',
    )
    .first()
    .waitFor();
  return page;
}

/** The option labels of a select. @param {import('playwright-core').Locator} select */
function optionLabels(select) {
  return select.locator('option').allInnerTexts();
}

/** @param {import('playwright-core').Page} page */
function focusedDataId(page) {
  return page.evaluate(() => {
    /** @type {Element | null} */
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('data-id') ?? active?.tagName ?? null;
  });
}

describe('default account team', () => {
  it('edits my default team by keyboard only: find a user, a role, valid access levels, save', async () => {
    const page = await openMyTeam({});
    await page.getByRole('searchbox', { name: 'Find a user to add' }).focus();
    await page.keyboard.type('Marc');
    await page.getByRole('button', { name: /Marcus Lee/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedDataId(page), 'candidate');
    await page.keyboard.press('Enter');

    // The new row's role has the focus: typing picks an option, as in any select.
    const row = page.locator('tr[data-user-id]').filter({ hasText: 'Marcus Lee' });
    await row.waitFor();
    const role = row.locator('select[data-field="role"]');
    assert.ok(await role.evaluate((el) => el === el.getRootNode().activeElement), 'the role has the focus');
    await page.keyboard.type('Sales Rep');
    assert.equal(await role.inputValue(), 'Sales Rep');

    // Only levels the org-wide defaults allow: a default team member's level must be above the
    // default (Account Read; Opportunity and Case Private), and contacts Controlled by Parent leave
    // Contact out.
    const access = row.locator('select[data-field="access"]');
    assert.deepEqual(await access.evaluateAll((els) => els.map((el) => el.getAttribute('data-object'))), [
      'account',
      'opportunity',
      'case',
    ]);
    assert.deepEqual(await optionLabels(access.nth(0)), ['Read/Write']);
    assert.deepEqual(await optionLabels(access.nth(1)), ['Read Only', 'Read/Write']);
    assert.deepEqual(await optionLabels(access.nth(2)), ['Read Only', 'Read/Write']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Read/');
    assert.equal(await access.nth(1).inputValue(), 'Edit');

    for (let i = 0; i < 40 && (await focusedDataId(page)) !== 'save'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedDataId(page), 'save', 'Save is reached by Tab');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /saved/i }).waitFor();

    // Saved in the org: Rita's default team now holds Marcus as a Sales Rep.
    const team = await page.evaluate(() =>
      window.__workbench.runAs('rep', 'DefaultTeamController.getMyDefaultTeam', {}),
    );
    const marcus =
      /** @type {{ members: { userName: string, role: string, access: Record<string, string> }[] }} */ (
        team
      ).members.find((member) => member.userName === 'Marcus Lee');
    assert.equal(marcus?.role, 'Sales Rep');
    assert.equal(marcus?.access.opportunity, 'Edit');
    assert.deepEqual(consoleErrorsOf(page), []);
    await screenshot(page, 'account-team-my-default-team');
  });

  it('previews my default team on one account and applies it with a keep/update choice', async () => {
    const page = await openAssistant({});
    await screenshot(page, 'account-team-assistant');
    await page.getByRole('button', { name: 'Add my default team' }).click();
    const preview = page.locator('[data-id="preview"]');
    await preview.waitFor();
    assert.deepEqual(
      await preview
        .locator('li[data-kind]')
        .evaluateAll((els) =>
          els.map(
            (el) => `${el.querySelector('.member-name')?.textContent}: ${el.getAttribute('data-kind')}`,
          ),
        ),
      ['Dana Whitfield: same', 'Priya Raman: different', 'Sofia Alvarez: add'],
      'Tom Becker is inactive: never added',
    );
    await preview.getByRole('combobox', { name: /Priya Raman/ }).selectOption('update');
    assert.match(
      await preview.locator('[data-id="outcome"]').innerText(),
      /^1 to add, 1 to update, 0 kept as they are, 1 already there/,
    );
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'account-team-preview');

    await preview.getByRole('button', { name: 'Apply' }).click();
    const run = page.locator('[data-id="run"]');
    await run.locator('[data-id="results-summary"]').waitFor();
    assert.match(
      await run.locator('[data-id="results-summary"]').innerText(),
      /1 members added, 1 updated, 1 already right/,
    );
    // The current team now has Sofia, and Priya with the default team's access.
    const priya = page
      .locator('table[data-id="current-team"] tr[data-user-id]')
      .filter({ hasText: 'Priya Raman' });
    await page.locator('table[data-id="current-team"]').getByText('Sofia Alvarez').waitFor();
    assert.equal(await priya.locator('td[data-object="account"]').innerText(), 'Read/Write');
    const refreshes = await page.evaluate(() => window.__workbench.refreshes ?? 0);
    assert.ok(refreshes >= 1, 'the page was asked to refresh (RefreshEvent)');
    assert.deepEqual(consoleErrorsOf(page), []);
  });

  it('applies to the hierarchy: one account fails (row lock), retry succeeds, the earlier run reopens', async () => {
    const page = await openAssistant({});
    await page.getByRole('button', { name: /Apply to this account and its 8 descendants/ }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    const run = page.locator('[data-id="run"]');
    await run.locator('[data-id="results-summary"]').waitFor();
    assert.match(await run.locator('[data-id="run-heading"]').innerText(), /Completed with failures/);
    assert.equal(
      await run.locator('[data-id="progress-text"]').innerText(),
      '9 of 9 accounts done, 1 failed',
    );
    const failed = run.locator('table[data-id="results"] tbody tr').first();
    assert.equal(await failed.getAttribute('data-status'), 'failed');
    assert.match(await failed.innerText(), /Get Cloudy West[\s\S]*UNABLE_TO_LOCK_ROW/);
    // One line per member that could not be saved, not one run-on paragraph.
    assert.equal((await failed.locator('.result-message').innerText()).split('\n').length, 3);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'account-team-run-results');

    await run.getByRole('button', { name: 'Retry failed' }).click();
    await run
      .locator('[data-id="run-heading"]')
      .getByText(/Completed · retry/)
      .waitFor();
    assert.deepEqual(await run.locator('table[data-id="results"] tbody tr').allInnerTexts(), [
      'Get Cloudy West\tDone\t3\t0\t0\t',
    ]);

    // Reopen the first run from "Earlier runs": its failure is still there.
    await run.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Earlier runs' }).click();
    const runs = page.locator('[data-id="runs"] tbody tr');
    await runs.nth(1).waitFor();
    assert.match(await runs.nth(1).innerText(), /Completed with failures/);
    await runs.nth(1).getByRole('button').click();
    await run.locator('table[data-id="results"] tbody tr[data-status="failed"]').waitFor();
    assert.match(await run.locator('[data-id="run-heading"]').innerText(), /Completed with failures/);
    assert.deepEqual(consoleErrorsOf(page), []);
  });

  it('tells a peer why he may not change the team, and offers no apply buttons', async () => {
    const page = await openAssistant({ user: 'rep2', recordId: 'GetCloudyEast' });
    const refusal = page.locator('[data-id="refusal"]');
    await refusal.waitFor();
    assert.match(
      await refusal.innerText(),
      /Only Rita Reyes \(the owner\), someone above them in the role hierarchy, or an admin can change this account’s team\. Ask Rita Reyes\./,
    );
    assert.equal(await page.locator('[data-id="actions"]').count(), 0);
    assert.equal(await page.getByRole('button', { name: /Add my default team|Apply to/ }).count(), 0);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('offers Contact access only where contacts are not Controlled by Parent', async () => {
    const parent = await openMyTeam({});
    assert.equal(await parent.getByRole('columnheader', { name: 'Contact' }).count(), 0);
    await parent.getByText(/contacts are Controlled by Parent/).waitFor();

    const page = await openMyTeam({ dataset: 'get-cloudy-contact-access' });
    await page.getByRole('columnheader', { name: 'Contact' }).waitFor();
    const contact = page
      .locator('tr[data-user-id]')
      .filter({ hasText: 'Dana Whitfield' })
      .locator('select[data-object="contact"]');
    // Contacts are Public Read Only: a default team member's Contact access must be above it.
    assert.deepEqual(await optionLabels(contact), ['Read/Write']);
    assert.equal(await page.getByText(/contacts are Controlled by Parent/).count(), 0);
  });

  it('says to enable Account Teams where they are off', async () => {
    const page = await openAssistant({ dataset: 'features-off', recordId: 'AlpineOutfittersHQ' });
    const message = page.locator('[data-id="feature-off"]');
    await message.waitFor();
    assert.match(
      await message.innerText(),
      /Account Teams are turned off in this org\. Ask your Salesforce admin to turn them on in Setup, under Account Teams\./,
    );
    assert.equal(await page.getByRole('button', { name: /Add my default team/ }).count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(consoleErrorsOf(page), []);
  });

  it('works on a phone and in Simplified Chinese', async () => {
    const page = await openAssistant({ locale: 'zh_CN' }, PHONE);
    await page.getByRole('button', { name: '添加我的默认团队' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'account-team-assistant-phone-zh_CN');

    const mine = await openMyTeam({ locale: 'zh_CN' }, PHONE);
    await mine.getByRole('searchbox', { name: '查找要添加的用户' }).waitFor();
    const mineOverflow = await mine.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(mineOverflow <= 0, `page is ${mineOverflow}px wider than the phone`);
    assert.deepEqual(await axeViolations(mine), []);
    assert.deepEqual(consoleErrorsOf(mine), []);
  });
});
