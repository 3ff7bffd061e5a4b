// @ts-check
/**
 * The workbench's "another session" hook (data/README.md): `window.__workbench.runAs` calls an Apex
 * method of the page's own sample org as another user, through the same class access and transport
 * as the component's calls, so a browser test can have someone else save between load and save.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useWorkbench } from './support.mjs';

const workbench = useWorkbench();

describe('window.__workbench.runAs', () => {
  it("answers as the other user, refuses a user the class is not open to, and leaves the page's calls alone", async () => {
    const page = await workbench.open({ component: 'c-setup-check', dataset: 'get-cloudy', user: 'rep' });
    await page.waitForFunction(() => window.__workbench?.ready && window.__workbench.apexCalls.length > 0);
    const calls = await page.evaluate(() => window.__workbench.apexCalls.length);

    const granted = await page.evaluate(async () => {
      const status = /** @type {{ objects: { objectApiName: string; grantedAccess: string[] }[] }} */ (
        await window.__workbench.runAs?.('readonly', 'SetupCheckController.getSetupStatus')
      );
      return status.objects.find((o) => o.objectApiName === 'AccountContactRelation')?.grantedAccess;
    });
    assert.deepEqual(granted, ['read'], "Jordan Ellis's access, not Rita Reyes's");

    const refused = await page.evaluate(() =>
      window.__workbench.runAs?.('newhire', 'SetupCheckController.getSetupStatus').then(
        () => 'answered',
        (error) => String(error instanceof Error ? error.message : error),
      ),
    );
    assert.equal(refused, "You do not have access to the Apex class named 'SetupCheckController'.");
    const unknown = await page.evaluate(() =>
      window.__workbench.runAs?.('nobody', 'SetupCheckController.getSetupStatus').then(
        () => 'answered',
        (error) => String(error instanceof Error ? error.message : error),
      ),
    );
    assert.match(unknown ?? '', /no user nobody/);
    assert.equal(await page.evaluate(() => window.__workbench.apexCalls.length), calls);
  });
});
