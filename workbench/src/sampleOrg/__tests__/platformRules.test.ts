/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests use records known to be in the dataset */
/**
 * Platform rules the sample org derives from its description of the platform (schema.ts, access.ts,
 * dml.ts): audit fields, edit access by sharing, create-only and system fields, one relation per
 * account and contact, validation rules and direct relations given by a dataset.
 */
import { loadDataset } from './datasets';
import { DatasetError, LOAD_TIME, SampleOrg } from '../sampleOrg';
import { RecordAccess } from '../access';
import { UserModeDml } from '../dml';
import type { OrgConfig } from '../dataset';

function orgWith(change: (org: OrgConfig) => OrgConfig = (org) => org): SampleOrg {
  const bundle = loadDataset('get-cloudy');
  return new SampleOrg({ ...bundle, org: change(bundle.org!) });
}

function contextOf(org: SampleOrg, userKey: string) {
  const user = org.user(userKey)!;
  return { org, user, describe: org.describeFor(user) };
}

const directOf = (org: SampleOrg, contactRef: string) => org.record(org.resolveId(`${contactRef}_Direct`)!)!;

describe('audit fields', () => {
  it('stamps every loaded record with the same load time, and a change with now and its author', () => {
    const org = orgWith();
    const relation = directOf(org, 'AlanWeston');
    expect(relation.LastModifiedDate).toBe(LOAD_TIME);
    expect(org.record(org.resolveId('GetCloudyHQ')!)!.LastModifiedDate).toBe(LOAD_TIME);
    const dml = new UserModeDml(contextOf(org, 'admin'));
    expect(dml.update('AccountContactRelation', relation.Id, { Roles: 'Other' }).success).toBe(true);
    const first = String(relation.LastModifiedDate);
    expect(first).not.toBe(LOAD_TIME);
    expect(relation.LastModifiedById).toBe(org.user('admin')!.id);
    dml.update('AccountContactRelation', relation.Id, { Roles: 'Influencer' });
    expect(String(relation.LastModifiedDate) > first).toBe(true);
  });
});

describe('direct relations given by the dataset', () => {
  it('carry the roles and dates of org.json directRelations', () => {
    expect(directOf(orgWith(), 'LeungChen')).toMatchObject({
      IsDirect: true,
      IsActive: true,
      Roles: 'Technical Buyer;Evaluator;Influencer',
      StartDate: '2020-06-15',
    });
  });

  it('refuse a contact without an account, and fields a user cannot set', () => {
    expect(() => orgWith((c) => ({ ...c, directRelations: { RileyQuinn: { Roles: 'Other' } } }))).toThrow(
      DatasetError,
    );
    expect(() =>
      orgWith((c) => ({
        ...c,
        directRelations: { AlanWeston: { IsDirect: false } as unknown as { Roles: string } },
      })),
    ).toThrow(DatasetError);
  });
});

describe('edit access by sharing', () => {
  it('lets the owner, users above the owner and Modify All Data edit under Account Read; a Public Read/Write default lets everyone', () => {
    const org = orgWith((c) => ({
      ...c,
      recordOwners: { GetCloudyHQ: 'rep2' },
      roles: { Director: null, East: 'Director' },
      users: c.users!.map((u) =>
        u.key === 'rep2' ? { ...u, role: 'East' } : u.key === 'rep' ? { ...u, role: 'Director' } : u,
      ),
    }));
    const alan = org.record(org.resolveId('AlanWeston')!)!; // Contact controlled by HQ
    const can = (userKey: string) => new RecordAccess(contextOf(org, userKey)).canEdit(alan);
    expect([can('rep2'), can('rep'), can('admin'), can('se'), can('readonly')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    const open = orgWith((c) => ({
      ...c,
      sharingDefaults: { ...c.sharingDefaults, Account: 'Edit' },
      recordOwners: { GetCloudyHQ: 'rep2' },
    }));
    const alanOpen = open.record(open.resolveId('AlanWeston')!)!;
    expect(new RecordAccess(contextOf(open, 'se')).canEdit(alanOpen)).toBe(true);
  });
});

describe('user-mode DML', () => {
  it('refuses create-only and system fields on update, and a second relation of the same account and contact', () => {
    const org = orgWith();
    const dml = new UserModeDml(contextOf(org, 'admin'));
    const james = org.record(org.resolveId('JamesGordanAtGetCloudyHQ')!)!;
    for (const field of ['AccountId', 'IsDirect', 'ContactId']) {
      expect(
        dml.update('AccountContactRelation', james.Id, { [field]: james[field] }).errors[0],
      ).toMatchObject({
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      });
    }
    const duplicate = dml.insert('AccountContactRelation', {
      AccountId: james.AccountId,
      ContactId: james.ContactId,
      IsActive: true,
    });
    expect(duplicate.errors[0]).toMatchObject({ statusCode: 'DUPLICATE_VALUE' });
    expect(
      dml.insert('AccountContactRelation', {
        AccountId: james.AccountId,
        ContactId: james.ContactId,
        IsDirect: true,
      }).errors[0],
    ).toMatchObject({
      statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    });
  });

  it('applies the kinds of validation rules a dataset can state, and refuses any other', () => {
    const org = orgWith((c) => ({
      ...c,
      validationRules: [
        {
          object: 'AccountContactRelation',
          errorWhen: 'NOT(ISBLANK(EndDate)) && IsActive = true',
          message: 'ended but active',
        },
        { object: 'AccountContactRelation', errorWhen: "Roles = 'Other'", message: 'no Other' },
      ],
    }));
    const dml = new UserModeDml(contextOf(org, 'admin'));
    const id = org.resolveId('JamesGordanAtGetCloudyHQ')!;
    expect(dml.update('AccountContactRelation', id, { EndDate: '2026-01-01' }).errors[0]).toMatchObject({
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'ended but active',
    });
    expect(dml.update('AccountContactRelation', id, { Roles: 'Other' }).errors[0]?.message).toBe('no Other');
    expect(dml.update('AccountContactRelation', id, { EndDate: '2026-01-01', IsActive: false }).success).toBe(
      true,
    );
    expect(() =>
      orgWith((c) => ({
        ...c,
        validationRules: [{ object: 'AccountContactRelation', errorWhen: 'LEN(Roles) > 3', message: 'x' }],
      })),
    ).toThrow(DatasetError);
    expect(() =>
      orgWith((c) => ({
        ...c,
        validationRules: [
          { object: 'AccountContactRelation', errorWhen: 'Nope__c < StartDate', message: 'x' },
        ],
      })),
    ).toThrow(DatasetError);
  });
});
