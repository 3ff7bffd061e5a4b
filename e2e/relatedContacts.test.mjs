// @ts-check
/**
 * Related Contacts in a real browser, as a rep uses it on Get Cloudy Consulting's record page: role
 * editing by keyboard, a bulk change with one refused row, someone else saving first, end /
 * reactivate / remove, adding a contact already related, hierarchy and Contact modes, a read-only
 * user, the feature turned off, Simplified Chinese and a phone; axe finds nothing on each.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PHONE, axeViolations, consoleErrorsOf, screenshot, useWorkbench } from './support.mjs';

const workbench = useWorkbench();

/**
 * Opens the component and waits until every relationship is loaded.
 * @param {Record<string, string>} query
 * @param {{ width: number, height: number }} [viewport]
 */
async function openContacts(query, viewport = undefined) {
  const page = await workbench.open(
    {
      component: 'c-related-contacts',
      dataset: 'get-cloudy',
      recordId: 'GetCloudyHQ',
      user: 'rep',
      ...query,
    },
    viewport,
  );
  await page.locator('[role="grid"][data-state="ready"][aria-busy="false"]').waitFor();
  return page;
}

/** The grid row of a contact (or, in Contact mode, an account). @param {import('playwright-core').Page} page @param {string} name */
function row(page, name) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Labels of the role badges of a row, in order. @param {import('playwright-core').Locator> } rowLocator */
async function badgesOf(rowLocator) {
  return rowLocator.locator('.role-badge').allInnerTexts();
}

/** The rows the server holds now for Get Cloudy HQ, as the rep would load them. @param {import('playwright-core').Page} page */
async function serverRows(page) {
  return page.evaluate(async () => {
    const recordId = window.__workbench.page.recordId;
    const response =
      /** @type {{ rows: { id: string, contactName: string, roles?: string[], isActive: boolean, endDate?: string, lastModifiedDate: string }[] }} */ (
        await window.__workbench.runAs?.('rep', 'RelatedContactsController.loadRelationships', {
          mode: 'account',
          recordIds: [recordId],
          afterId: null,
          pageSize: 2000,
        })
      );
    return response.rows;
  });
}

/** Clicks a status or kind filter choice ("All (10)"). @param {import('playwright-core').Page} page @param {RegExp} name */
async function choose(page, name) {
  await page.getByRole('button', { name }).click();
}

describe('related contacts', () => {
  it('edits a role by keyboard only: grid focus, arrows, Enter, choose, save', async () => {
    const page = await openContacts({ locale: 'en_US' });
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'related-contacts-get-cloudy');

    const james = row(page, 'James Gordan');
    assert.deepEqual(await badgesOf(james), ['Evaluator', 'Influencer']);
    // Tab into the grid: one tab stop (the focused cell), then the arrows move between cells.
    await page.getByRole('searchbox', { name: 'Filter' }).focus();
    const focusedCell = page.locator('[role="grid"] :focus');
    for (let i = 0; i < 20 && (await focusedCell.count()) === 0; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedCell.count(), 1, 'Tab reaches the grid');
    // Down to James Gordan's row (the second), right to the roles cell.
    const focusedRow = page.locator('[role="row"][data-id]:has(:focus) a.name-link');
    for (let i = 0; i < 5 && (await focusedRow.count()) === 0; i++) await page.keyboard.press('ArrowDown');
    while ((await focusedRow.innerText()) !== 'James Gordan') await page.keyboard.press('ArrowDown');
    const rolesCellFocused = page.locator('[role="gridcell"]:focus:has(.badges)');
    for (let i = 0; i < 8 && (await rolesCellFocused.count()) === 0; i++)
      await page.keyboard.press('ArrowRight');
    assert.equal(await rolesCellFocused.count(), 1, 'the arrows reach the roles cell');
    await page.keyboard.press('Enter');

    const editor = page.getByRole('dialog', { name: /James Gordan/ });
    await editor.waitFor();
    const search = editor.getByRole('searchbox', { name: 'Search roles' });
    assert.equal(await search.evaluate((e) => e.matches(':focus')), true, 'the search box has focus');
    await page.keyboard.type('decision');
    await page.keyboard.press('ArrowDown');
    const focusedOption = editor.locator('input.option:focus');
    assert.equal(await focusedOption.getAttribute('data-value'), 'Decision Maker');
    await page.keyboard.press('Space');
    assert.equal(await focusedOption.isChecked(), true);
    await screenshot(page, 'related-contacts-role-edit');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });

    assert.deepEqual(await badgesOf(james), ['Decision Maker', 'Evaluator', 'Influencer']);
    // Focus is back on the roles cell, so the keyboard user carries on from there.
    assert.equal(await focusedRow.innerText(), 'James Gordan');
    // Saved on the server, not only painted: a fresh load (as the page's next visit) has it.
    await page.locator('[role="grid"][aria-busy="false"]').waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('Saving…'));
    const saved = (await serverRows(page)).find((r) => r.contactName === 'James Gordan');
    assert.deepEqual([...(saved?.roles ?? [])].sort(), ['Decision Maker', 'Evaluator', 'Influencer']);
    // Escape cancels without saving.
    await james.getByRole('button', { name: 'Edit roles of James Gordan' }).click();
    await editor.waitFor();
    await editor.locator('label', { hasText: 'Business User' }).click();
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    assert.deepEqual(await badgesOf(james), ['Decision Maker', 'Evaluator', 'Influencer']);
    assert.deepEqual(consoleErrorsOf(page), []);
  });

  it('ends several relationships at once: one is refused with its reason, the others are saved', async () => {
    const page = await openContacts({ locale: 'en_US' });
    for (const name of ['James Gordan', 'Noah Singh', 'Maria Delgado']) {
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    }
    await page.getByText('3 selected').waitFor();
    await page.getByRole('button', { name: 'End Relationships' }).click();

    const results = page.locator('c-relationship-results');
    await results.getByText('2 saved, 1 refused').waitFor();
    const refused = await results.innerText();
    assert.match(refused, /Noah Singh/);
    assert.match(refused, /The end date can't be before the start date\./, 'the validation rule says why');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'related-contacts-bulk-results');

    const rows = await serverRows(page);
    const byName = Object.fromEntries(rows.map((r) => [r.contactName, r]));
    assert.equal(byName['James Gordan']?.isActive, false);
    assert.equal(byName['Maria Delgado']?.isActive, false);
    assert.equal(byName['Noah Singh']?.isActive, true, 'the refused row is unchanged');
    // The current view no longer lists the ended two; Noah stays, marked with his error.
    await choose(page, /^Past \(\d+\)$/);
    await row(page, 'James Gordan').waitFor();
    await row(page, 'Maria Delgado').waitFor();
  });

  it('refuses to overwrite a row someone else changed since it was loaded, and says who and when', async () => {
    const page = await openContacts({ locale: 'en_US' });
    const rows = await serverRows(page);
    const leung = rows.find((r) => r.contactName === 'Leung Chen');
    assert.ok(leung);
    // Aiden Brooks (admin), in another session, adds a role to Leung Chen's relationship.
    await page.evaluate(
      async ({ id, lastModifiedDate }) =>
        window.__workbench.runAs?.('admin', 'RelatedContactsController.saveRelationships', {
          changes: [{ id, lastModifiedDate, fields: ['Roles'], roles: ['Technical Buyer', 'Business User'] }],
        }),
      { id: leung.id, lastModifiedDate: leung.lastModifiedDate },
    );

    // Rita, on the page loaded before, ends Leung Chen's relationship.
    await row(page, 'Leung Chen').getByRole('button', { name: 'Actions for Leung Chen' }).click();
    await page.getByRole('menuitem', { name: 'End relationship' }).click();
    const message = row(page, 'Leung Chen').getByText(/Not saved: Aiden Brooks changed this relationship on/);
    await message.waitFor();
    assert.match(await message.innerText(), /\d{4}/, 'when: a date');

    const after = (await serverRows(page)).find((r) => r.contactName === 'Leung Chen');
    assert.equal(after?.isActive, true, "Rita's end was not applied");
    assert.deepEqual(after?.roles, ['Technical Buyer', 'Business User'], "Aiden's change is kept");
    // The row now shows what is current: Aiden's roles.
    assert.deepEqual(await badgesOf(row(page, 'Leung Chen')), ['Technical Buyer', 'Business User']);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('ends and reactivates a relationship, removes an indirect one after a warning, refuses the direct one', async () => {
    const page = await openContacts({ locale: 'en_US' });
    const james = row(page, 'James Gordan');

    await james.getByRole('button', { name: 'Actions for James Gordan' }).click();
    await page.getByRole('menuitem', { name: 'End relationship' }).click();
    await james.waitFor({ state: 'detached' }); // ended: no longer current
    await choose(page, /^Past \(\d+\)$/);
    await james.getByRole('button', { name: 'Actions for James Gordan' }).click();
    await page.getByRole('menuitem', { name: 'Reactivate' }).click();
    await james.waitFor({ state: 'detached' }); // current again
    await choose(page, /^Current \(\d+\)$/);
    assert.equal(await james.getByRole('gridcell').filter({ hasText: /^Yes$/ }).count(), 1);

    // The direct relationship: the menu says why it can't be removed, and the item does nothing.
    await row(page, 'Alan Weston').getByRole('button', { name: 'Actions for Alan Weston' }).click();
    const removeDirect = page.getByRole('menuitem', { name: /Remove relationship/ });
    assert.equal(await removeDirect.getAttribute('aria-disabled'), 'true');
    assert.match(await removeDirect.innerText(), /change the contact's primary account instead/);
    await removeDirect.click({ force: true });
    assert.equal(
      (await page.getByRole('alertdialog').count()) +
        (await page.getByRole('dialog', { name: /Remove/ }).count()),
      0,
    );
    await page.keyboard.press('Escape');

    // An indirect one: a confirmation that says it cannot be undone, then it is gone.
    await james.getByRole('button', { name: 'Actions for James Gordan' }).click();
    await page.getByRole('menuitem', { name: 'Remove relationship' }).click();
    const confirm = page
      .getByRole('alertdialog')
      .or(page.getByRole('dialog', { name: 'Remove relationship?' }));
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /can't be undone/);
    assert.match(await confirm.innerText(), /James Gordan/);
    assert.deepEqual(await axeViolations(page), []);
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await james.waitFor({ state: 'detached' });
    await choose(page, /^All \(\d+\)$/);
    assert.equal(await james.count(), 0, 'removed for good, not only ended');
    assert.equal(
      (await serverRows(page)).some((r) => r.contactName === 'James Gordan'),
      false,
    );
    assert.deepEqual(consoleErrorsOf(page), []);
  });

  it('adds from a missing key role; says a contact is already related and shows the existing row', async () => {
    const page = await openContacts({ locale: 'en_US' });
    // Coverage: HQ has no current Economic Buyer; the missing role opens the add dialog with it chosen.
    await page.getByRole('button', { name: 'No Economic Buyer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add relationship' });
    await dialog.waitFor();
    assert.equal(await dialog.locator('input.option[data-value="Economic Buyer"]').isChecked(), true);
    await dialog.getByRole('combobox').or(dialog.getByRole('searchbox')).first().fill('Leung');
    const candidate = dialog.getByText('Leung Chen').first();
    await candidate.waitFor();
    assert.match(await dialog.innerText(), /Already related to this account/);
    await candidate.click();
    await dialog.getByText('Leung Chen is already related to this account.').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await dialog.getByRole('button', { name: 'Show the existing relationship' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const focusedRow = page.locator('[role="row"][data-id]:has(:focus) a.name-link');
    assert.equal(await focusedRow.innerText(), 'Leung Chen', 'the existing row has the keyboard focus');
  });

  it('lists the whole hierarchy in hierarchy mode, with the account of each row', async () => {
    const page = await openContacts({ locale: 'en_US', 'p.mode': 'hierarchy' });
    assert.equal(await page.getByRole('columnheader', { name: /Account/ }).count(), 1);
    const leungRows = row(page, 'Leung Chen');
    await leungRows.first().waitFor();
    await choose(page, /^All \(\d+\)$/);
    const accounts = await page
      .locator('[role="row"][data-id]')
      .filter({ has: page.getByRole('link', { name: 'Leung Chen', exact: true }) })
      .getByRole('link')
      .allInnerTexts();
    assert.ok(
      accounts.includes('Get Cloudy Canada'),
      `Leung Chen's Canada row names its account: ${accounts}`,
    );
    assert.ok((await leungRows.count()) >= 2, 'Leung Chen at HQ and at Canada');
    // Rows are virtualised: filter to bring Boston's contact (three levels down) into view.
    await page.getByRole('searchbox', { name: 'Filter' }).fill('Priya');
    const priya = row(page, 'Priya Natarajan');
    await priya.first().waitFor();
    assert.match((await priya.allInnerTexts()).join('\n'), /Get Cloudy Boston/);
    assert.deepEqual(await axeViolations(page), []);
  });

  it("lists a contact's accounts on a Contact page", async () => {
    const page = await openContacts({ locale: 'en_US', recordId: 'JamesGordan' });
    await page.getByRole('heading', { name: 'Related Accounts' }).waitFor();
    await choose(page, /^All \(\d+\)$/);
    assert.equal(await row(page, 'Get Cloudy Consulting').count(), 1);
    assert.equal(await row(page, 'Get Cloudy Canada').count(), 1);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('offers no edit to a read-only user', async () => {
    const page = await openContacts({ locale: 'en_US', user: 'readonly' });
    await row(page, 'Alan Weston').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add Relationship' }).count(), 0);
    assert.equal(await page.getByRole('checkbox').count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Edit roles of/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Actions for/ }).count(), 0);
    // Enter on a roles cell opens nothing.
    const rolesCell = row(page, 'Alan Weston').locator('[role="gridcell"]:has(.badges)');
    assert.equal(await rolesCell.getAttribute('aria-readonly'), 'true');
    await rolesCell.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('says what to enable when Contacts to Multiple Accounts is off', async () => {
    const page = await workbench.open({
      component: 'c-related-contacts',
      dataset: 'features-off',
      recordId: 'AlpineOutfittersHQ',
      user: 'rep',
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Contacts to Multiple Accounts.*Setup, Account Settings/s);
    assert.equal(await page.getByRole('grid').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('speaks Simplified Chinese', async () => {
    const page = await openContacts({ locale: 'zh_CN' });
    await page.getByRole('button', { name: '添加关系' }).waitFor();
    assert.match(await page.getByRole('group', { name: /./ }).first().innerText(), /当前/);
    assert.match(await row(page, 'Alan Weston').innerText(), /直接/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'related-contacts-get-cloudy-zh_CN');
  });

  it('fits a phone: contact, roles and actions, the title under the name', async () => {
    const page = await openContacts({ locale: 'en_US' }, { ...PHONE, width: 375 });
    assert.equal(await page.getByRole('columnheader', { name: /Title/ }).count(), 0);
    assert.match(await row(page, 'Alan Weston').innerText(), /VP Operations/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
    // "+N" of the roles that do not fit is whole, not cut off.
    const more = row(page, 'Alan Weston').locator('.more-roles');
    assert.equal(await more.innerText(), '+1');
    const inside = await more.evaluate((e) => {
      const badges = /** @type {HTMLElement} */ (e.parentElement).getBoundingClientRect();
      const box = e.getBoundingClientRect();
      return box.right <= badges.right + 0.5 && e.scrollWidth <= e.clientWidth + 1;
    });
    assert.ok(inside, '"+1" is whole, not cut off by the cell');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'related-contacts-get-cloudy-phone');
  });
});
