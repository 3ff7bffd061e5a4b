/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests use users known to be in the dataset */
/**
 * Apex class access in the sample org, as in an org: an `@AuraEnabled` call runs only when one of
 * the user's permission sets opens the class, by the package's permission set metadata
 * (force-app/main/shared/permissionsets); custom permissions come from the same sets.
 */
import type { SetupStatus } from '@contract';
import { loadDataset } from './datasets';
import { DatasetError, SampleOrg } from '../sampleOrg';
import { APEX_METHODS, invokeApex } from '../apex/registry';
import { NoApexClassAccessError } from '../apex/shared/errors';
import type { OrgUserConfig } from '../dataset';

const PARAMS: Record<string, Record<string, unknown>> = {
  'AccountHierarchyController.findTop': { recordId: null, columns: null, startFromId: null },
  'AccountHierarchyController.loadChildren': { parentIds: [], afterId: null, columns: null, pageSize: null },
};

function call(org: SampleOrg, user: OrgUserConfig & { id?: string }, method: string): unknown {
  const orgUser = { id: '005000000000000AAA', ...user };
  return invokeApex(method, PARAMS[method] ?? {}, { org, user: orgUser, describe: org.describeFor(orgUser) });
}

describe('Apex class access', () => {
  const org = new SampleOrg(loadDataset('get-cloudy'));
  const hq = org.resolveId('GetCloudyHQ')!;

  it('refuses every method to the new hire, who has none of the package permission sets', () => {
    const newhire = org.user('newhire')!;
    expect(newhire.permissionSets ?? []).toEqual([]);
    for (const method of Object.keys(APEX_METHODS)) {
      const apexClass = method.split('.')[0]!;
      expect(() => call(org, newhire, method)).toThrow(NoApexClassAccessError);
      expect(() => call(org, newhire, method)).toThrow(
        `You do not have access to the Apex class named '${apexClass}'.`,
      );
    }
  });

  it('lets the User permission set, and the Admin one alone, call every method', () => {
    const rep = org.user('rep')!;
    const adminOnly = { ...rep, key: 'adminOnly', permissionSets: ['AccountRelationships_Admin'] };
    for (const user of [rep, adminOnly]) {
      expect(call(org, user, 'SetupCheckController.getSetupStatus')).toHaveProperty('features');
      expect(
        invokeApex(
          'AccountHierarchyController.findTop',
          { recordId: hq, columns: null, startFromId: null },
          { org, user, describe: org.describeFor(user) },
        ),
      ).toHaveProperty('topReached', true);
    }
  });

  it('derives the custom permissions the setup check reports from the assigned permission sets', () => {
    const rep = org.user('rep')!;
    const adminOnly = { ...rep, key: 'adminOnly', permissionSets: ['AccountRelationships_Admin'] };
    const granted = (user: OrgUserConfig) =>
      (call(org, user, 'SetupCheckController.getSetupStatus') as SetupStatus).permissions.map(
        (p) => `${p.customPermissionName}:${p.granted}`,
      );
    expect(granted(rep)).toEqual(['AccountRelationships_User:true', 'AccountRelationships_Admin:false']);
    expect(granted(adminOnly)).toEqual([
      'AccountRelationships_User:false',
      'AccountRelationships_Admin:true',
    ]);
    expect(granted(org.user('admin')!)).toEqual([
      'AccountRelationships_User:true',
      'AccountRelationships_Admin:true',
    ]);
  });

  it('rejects a dataset whose user has a permission set the package does not have, or lists custom permissions', () => {
    const withUser = (user: Record<string, unknown>) => {
      const bundle = loadDataset('features-off');
      return { ...bundle, org: { ...bundle.org, users: [{ key: 'x', name: 'X', ...user }] } };
    };
    expect(() => new SampleOrg(withUser({ permissionSets: ['AccountRelationships_Usr'] }))).toThrow(
      /AccountRelationships_Usr, which is not one of the package's \(AccountRelationships_Admin, AccountRelationships_User\)/,
    );
    expect(() => new SampleOrg(withUser({ customPermissions: ['AccountRelationships_User'] }))).toThrow(
      DatasetError,
    );
  });
});
