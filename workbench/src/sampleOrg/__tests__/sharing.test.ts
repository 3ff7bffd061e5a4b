/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests assert on records known to be in the dataset */
/**
 * Sharing in the sample org (get-cloudy-private: Private accounts, Marcus Lee owning only part of the
 * Get Cloudy family): what RecordAccess lets each user see, and what the Account Hierarchy then shows —
 * accounts the user cannot see cut their branch, and the top is the highest visible account.
 */
import type { HierarchyChildrenPage, HierarchyTop } from '@contract';
import { loadDataset } from './datasets';
import { SampleOrg } from '../sampleOrg';
import { RecordAccess } from '../access';
import { invokeApex } from '../apex/registry';
import { AuraHandledException } from '../apex/shared/errors';

const org = new SampleOrg(loadDataset('get-cloudy-private'));
const id = (referenceId: string): string => org.resolveId(referenceId)!;
const names = (ids: readonly string[]): string[] => ids.map((i) => String(org.record(i)!.Name));

function context(userKey: string) {
  const user = org.user(userKey)!;
  return { org, user, describe: org.describeFor(user) };
}

function findTop(recordId: string, userKey: string): HierarchyTop {
  return invokeApex(
    'AccountHierarchyController.findTop',
    { recordId, columns: null, startFromId: null },
    context(userKey),
  ) as HierarchyTop;
}

function children(parentId: string, userKey: string): string[] {
  const page = invokeApex(
    'AccountHierarchyController.loadChildren',
    { parentIds: [parentId], afterId: null, columns: null, pageSize: null },
    context(userKey),
  ) as HierarchyChildrenPage;
  return names(page.rows.map((row) => row.id));
}

describe('Private accounts (get-cloudy-private)', () => {
  it('shows a user the accounts they own, and none of the others', () => {
    const visible = new RecordAccess(context('rep2')).visibleRecords('Account').map((a) => a.Name);
    expect(visible.sort()).toEqual(['Get Cloudy East', 'Get Cloudy Boston', 'Get Cloudy Seattle'].sort());
  });

  it('shows a user above the owner in the role hierarchy what the owner sees; View All Data sees everything', () => {
    const ofRep = new RecordAccess(context('rep')).visibleRecords('Account').map((a) => a.Name);
    expect(ofRep.sort()).toEqual(['Get Cloudy Boston', 'Get Cloudy East', 'Get Cloudy Seattle']);
    expect(new RecordAccess(context('admin')).visibleRecords('Account')).toHaveLength(
      org.records('Account').length,
    );
    expect(new RecordAccess(context('readonly')).visibleRecords('Account')).toEqual([]);
  });

  it('makes the highest account the user can see the top: Get Cloudy East for Boston, HQ hidden', () => {
    const top = findTop(id('GetCloudyBoston'), 'rep2');
    expect(top).toMatchObject({ topReached: true, topAccountId: id('GetCloudyEast') });
    expect(names(top.ancestorIds)).toEqual(['Get Cloudy Boston', 'Get Cloudy East']);
    // The path's rows, in walk order: the top's last, without a parent.
    expect(top.rows.map((row) => row.name)).toEqual(['Get Cloudy Boston', 'Get Cloudy East']);
    expect(top.rows[1]?.parentId ?? null).toBeNull();
  });

  it('leaves out the accounts the user cannot see: Atlanta is not under East, and a query LIMIT counts visible rows', () => {
    expect(children(id('GetCloudyEast'), 'rep2')).toEqual(['Get Cloudy Boston']);
    const onePerPage = invokeApex(
      'AccountHierarchyController.loadChildren',
      { parentIds: [id('GetCloudyEast')], afterId: null, columns: null, pageSize: 1 },
      context('rep2'),
    ) as HierarchyChildrenPage;
    expect(onePerPage.rows.map((row) => row.id)).toEqual([id('GetCloudyBoston')]);
    // A full page keeps its cursor; the hidden Atlanta is no row of the next page, which ends the load.
    const next = invokeApex(
      'AccountHierarchyController.loadChildren',
      { parentIds: [id('GetCloudyEast')], afterId: onePerPage.nextAfterId, columns: null, pageSize: 1 },
      context('rep2'),
    ) as HierarchyChildrenPage;
    expect(next.rows).toEqual([]);
    expect(next.nextAfterId ?? null).toBeNull();
    expect(children(id('GetCloudyEast'), 'admin').sort()).toEqual([
      'Get Cloudy Atlanta',
      'Get Cloudy Boston',
    ]);
  });

  it('cuts the branch at an account the user cannot see: Seattle, under the hidden West, is its own top', () => {
    const top = findTop(id('GetCloudySeattle'), 'rep2');
    expect(top).toMatchObject({
      topAccountId: id('GetCloudySeattle'),
      ancestorIds: [id('GetCloudySeattle')],
    });
    // Seen from Boston, the hierarchy never reaches Seattle: HQ (and West) are not visible.
    expect(children(id('GetCloudyBoston'), 'rep2')).toEqual([]);
  });

  it('finds no account the user cannot see, however well-formed its Id', () => {
    expect(() => findTop(id('GetCloudyHQ'), 'rep2')).toThrow(
      new AuraHandledException("This account doesn't exist or you don't have access to it."),
    );
    expect(() => findTop(id('GetCloudyBoston'), 'readonly')).toThrow(AuraHandledException);
  });

  it('shows the administrator the whole family from HQ', () => {
    expect(findTop(id('GetCloudyBoston'), 'admin').topAccountId).toBe(id('GetCloudyHQ'));
  });
});

describe('records controlled by their parents', () => {
  // get-cloudy with Private accounts: Marcus Lee owns Get Cloudy East only.
  const bundle = loadDataset('get-cloudy');
  const privateOrg = new SampleOrg({
    ...bundle,
    org: {
      ...bundle.org!,
      sharingDefaults: { Account: 'None', Contact: 'ControlledByParent' },
      defaultOwner: 'admin',
      recordOwners: { GetCloudyEast: 'rep2' },
    },
  });
  const user = privateOrg.user('rep2')!;
  const access = new RecordAccess({ org: privateOrg, user, describe: privateOrg.describeFor(user) });
  const eastId = privateOrg.resolveId('GetCloudyEast')!;

  it('shows the contacts of the accounts the user sees, and only their relations to accounts the user sees', () => {
    const contacts = access.visibleRecords('Contact');
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((c) => c.AccountId === eastId)).toBe(true);
    const relations = access.visibleRecords('AccountContactRelation');
    expect(relations.every((r) => r.AccountId === eastId)).toBe(true);
    expect(privateOrg.records('AccountContactRelation').length).toBeGreaterThan(relations.length);
  });
});
