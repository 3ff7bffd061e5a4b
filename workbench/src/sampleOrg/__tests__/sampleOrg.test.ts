/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests assert on records known to be in the dataset */
/**
 * The sample org over the real datasets: Ids, direct relations, describe rules and
 * SetupCheckController.getSetupStatus (which must say what the Apex would say).
 */
import { loadDataset } from './datasets';
import { SampleOrg } from '../sampleOrg';
import { isSalesforceId } from '../ids';
import { invokeApex } from '../apex/registry';
import { ApexNotImplementedError } from '../apex/shared/errors';
import type { SetupStatus } from '@contract';

function setupStatus(org: SampleOrg, userKey: string): SetupStatus {
  const user = org.user(userKey)!;
  return invokeApex(
    'SetupCheckController.getSetupStatus',
    {},
    { org, user, describe: org.describeFor(user) },
  ) as SetupStatus;
}

describe('sample org on get-cloudy', () => {
  const org = new SampleOrg(loadDataset('get-cloudy'));

  it('gives every record a valid, stable 18-character Id reachable by referenceId', () => {
    const hq = org.resolveId('GetCloudyHQ')!;
    expect(isSalesforceId(hq)).toBe(true);
    expect(hq.startsWith('001')).toBe(true);
    expect(new SampleOrg(loadDataset('get-cloudy')).resolveId('GetCloudyHQ')).toBe(hq);
    expect(org.resolveId(hq)).toBe(hq);
    expect(org.resolveId(hq.slice(0, 15))).toBe(hq);
    expect(org.resolveId('NoSuchRecord')).toBeUndefined();
  });

  it('resolves lookups and derives one direct relation per contact with an account', () => {
    const east = org.record(org.resolveId('GetCloudyEast')!)!;
    expect(east.ParentId).toBe(org.resolveId('GetCloudyHQ'));
    const contacts = org.records('Contact').filter((c) => c.AccountId);
    const direct = org.records('AccountContactRelation').filter((r) => r.IsDirect === true);
    expect(direct).toHaveLength(contacts.length);
    expect(org.records('AccountContactRelation').some((r) => r.IsDirect === false)).toBe(true);
  });

  it('reports everything in place for the rep', () => {
    const status = setupStatus(org, 'rep');
    expect(status.features).toEqual([
      { name: 'ContactsToMultipleAccounts', enabled: true },
      { name: 'AccountTeams', enabled: true },
    ]);
    expect(status.objects.map((o) => o.objectApiName)).toEqual([
      'Account',
      'Contact',
      'AccountContactRelation',
      'AccountTeamMember',
      'UserAccountTeamMember',
    ]);
    expect(status.permissions).toEqual([
      {
        permissionSetName: 'AccountRelationships_User',
        customPermissionName: 'AccountRelationships_User',
        granted: true,
      },
      {
        permissionSetName: 'AccountRelationships_Admin',
        customPermissionName: 'AccountRelationships_Admin',
        granted: false,
      },
    ]);
  });

  it('applies field-level exceptions and object access caps for the read-only user', () => {
    const account = setupStatus(org, 'readonly').objects[0]!;
    expect(account.grantedAccess).toEqual(['read']);
    expect(account.fields.find((f) => f.fieldApiName === 'AnnualRevenue')).toMatchObject({
      readable: false,
      updateable: false,
    });
    expect(account.fields.find((f) => f.fieldApiName === 'Name')).toMatchObject({
      readable: true,
      updateable: false,
    });
  });

  it('describes system and create-only fields as the platform does: never updateable, whatever the access', () => {
    const describe = org.describeFor(org.user('admin')!);
    const notUpdateable: [string, string][] = [
      ['Contact', 'Name'],
      ['AccountContactRelation', 'IsDirect'],
      ['AccountContactRelation', 'AccountId'],
      ['AccountContactRelation', 'ContactId'],
      ['AccountTeamMember', 'AccountId'],
      ['AccountTeamMember', 'UserId'],
      ['UserAccountTeamMember', 'OwnerId'],
      ['UserAccountTeamMember', 'UserId'],
      ['Account', 'Id'],
      ['Account', 'CreatedDate'],
      ['Account', 'LastModifiedDate'],
    ];
    for (const [objectApiName, fieldApiName] of notUpdateable) {
      expect([objectApiName, fieldApiName, describe.fieldReadable(objectApiName, fieldApiName)]).toEqual([
        objectApiName,
        fieldApiName,
        true,
      ]);
      expect([objectApiName, fieldApiName, describe.fieldUpdateable(objectApiName, fieldApiName)]).toEqual([
        objectApiName,
        fieldApiName,
        false,
      ]);
    }
    // Create-only fields are createable; system-maintained ones are not.
    expect(describe.fieldCreateable('AccountContactRelation', 'AccountId')).toBe(true);
    expect(describe.fieldCreateable('AccountContactRelation', 'IsDirect')).toBe(false);
    expect(describe.fieldCreateable('Account', 'Id')).toBe(false);
    // And what users change is updateable.
    expect(describe.fieldUpdateable('AccountContactRelation', 'Roles')).toBe(true);
    expect(describe.fieldUpdateable('AccountTeamMember', 'TeamMemberRole')).toBe(true);
    expect(describe.fieldUpdateable('Contact', 'Title')).toBe(true);
  });

  it('knows no field the platform does not have', () => {
    const describe = org.describeFor(org.user('admin')!);
    expect(describe.fieldReadable('Account', 'NoSuchField__c')).toBe(false);
    expect(describe.field('Account', 'industry')?.name).toBe('Industry'); // names match case-insensitively
  });

  it('fails loudly for an Apex method it does not implement', () => {
    const user = org.user('rep')!;
    expect(() => invokeApex('Nope.nothing', {}, { org, user, describe: org.describeFor(user) })).toThrow(
      ApexNotImplementedError,
    );
  });
});

describe('sample org on features-off', () => {
  const org = new SampleOrg(loadDataset('features-off'));

  it('has no feature objects, whatever objectAccess says', () => {
    const status = setupStatus(org, 'rep');
    expect(status.features.every((f) => !f.enabled)).toBe(true);
    const acr = status.objects.find((o) => o.objectApiName === 'AccountContactRelation')!;
    expect(acr).toMatchObject({ available: false, grantedAccess: [] });
    expect(acr.fields.every((f) => !f.readable && !f.updateable)).toBe(true);
    expect(org.records('AccountContactRelation')).toHaveLength(0);
  });
});
