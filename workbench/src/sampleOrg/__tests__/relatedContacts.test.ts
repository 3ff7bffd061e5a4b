/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests assert on records known to be in the dataset */
/**
 * RelatedContactsController in the sample org, over get-cloudy: what a rep, a read-only user and an
 * administrator see and may change on Get Cloudy Consulting (HQ), and what the org refuses — as the
 * platform rules for AccountContactRelation say (PLATFORM.md).
 *
 * Calls go to the handlers with the platform's parameter deserialisation but without the Apex class
 * access check (apexClassAccess.test.ts covers that; the permission sets open these classes once the
 * Apex is in the package).
 */
import type {
  ContactRelationship,
  ContactSearchResponse,
  RelatedContactsContext,
  RelationshipChange,
  RelationshipPage,
  RelationshipResult,
  RelationshipSaveResponse,
} from '@contract';
import fs from 'node:fs';
import path from 'node:path';
import { loadDataset } from './datasets';
import { ENGLISH_LABELS } from '../apex/relatedContacts/relatedContacts';
import { SampleOrg } from '../sampleOrg';
import { APEX_METHODS } from '../apex/registry';
import type { ApexParams } from '../apex/registry';
import { deserialiseParameters } from '../apex/shared/parameters';
import { AuraHandledException } from '../apex/shared/errors';
import type { OrgConfig } from '../dataset';

// The result's type is the method's contract type, named by the caller.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function call<T>(org: SampleOrg, userKey: string, method: string, params: ApexParams): T {
  const user = org.user(userKey)!;
  const handler = APEX_METHODS[`RelatedContactsController.${method}`]!;
  return handler(deserialiseParameters(`RelatedContactsController.${method}`, params), {
    org,
    user,
    describe: org.describeFor(user),
  }) as T;
}

function freshOrg(change: (org: OrgConfig) => OrgConfig = (org) => org): SampleOrg {
  const bundle = loadDataset('get-cloudy');
  return new SampleOrg({ ...bundle, org: change(bundle.org!) });
}

function rowsOf(
  org: SampleOrg,
  userKey: string,
  recordIds: string[],
  mode = 'account',
): ContactRelationship[] {
  const rows: ContactRelationship[] = [];
  let afterId: string | null = null;
  do {
    const page: RelationshipPage = call(org, userKey, 'loadRelationships', {
      mode,
      recordIds,
      afterId,
      pageSize: null,
    });
    rows.push(...page.rows);
    afterId = page.nextAfterId ?? null;
  } while (afterId !== null);
  return rows;
}

function rowOf(
  org: SampleOrg,
  userKey: string,
  accountRef: string,
  contactName: string,
): ContactRelationship {
  const row = rowsOf(org, userKey, [org.resolveId(accountRef)!]).find((r) => r.contactName === contactName);
  if (!row) throw new Error(`No row of ${contactName} at ${accountRef}`);
  return row;
}

function save(org: SampleOrg, userKey: string, changes: RelationshipChange[]): RelationshipResult[] {
  return call<RelationshipSaveResponse>(org, userKey, 'saveRelationships', { changes }).results;
}

const endChange = (row: ContactRelationship, endDate: string): RelationshipChange => ({
  id: row.id,
  lastModifiedDate: row.lastModifiedDate,
  fields: ['IsActive', 'EndDate'],
  isActive: false,
  endDate,
});

describe('loadRelationships', () => {
  const org = freshOrg();
  const hq = org.resolveId('GetCloudyHQ')!;

  it("lists HQ's direct and indirect, current and past relationships with the contact's details", () => {
    const rows = rowsOf(org, 'rep', [hq]);
    const alan = rows.find((r) => r.contactName === 'Alan Weston')!;
    expect(alan).toMatchObject({
      accountId: hq,
      accountName: 'Get Cloudy Consulting',
      title: 'VP Operations',
      email: 'alan.weston@getcloudy.example.com',
      phone: '(303) 555-0141',
      primaryAccountName: 'Get Cloudy Consulting',
      isDirect: true,
      isActive: true,
      roles: ['Executive Sponsor', 'Decision Maker'],
      startDate: '2019-03-01',
      lastModifiedByName: 'Rita Reyes',
      canEdit: true,
    });
    const james = rows.find((r) => r.contactName === 'James Gordan')!;
    expect(james).toMatchObject({
      isDirect: false,
      primaryAccountName: 'Gordan Advisory',
      roles: ['Influencer', 'Evaluator'],
    });
    expect(rows.filter((r) => !r.isActive).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => !r.isActive).every((r) => r.endDate != null)).toBe(true);
    // Ordered by Id, as the cursor needs.
    const ids = rows.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('pages by Id with an afterId cursor and pageSize, the last page without a cursor', () => {
    const all = rowsOf(org, 'rep', [hq]);
    const first: RelationshipPage = call(org, 'rep', 'loadRelationships', {
      mode: 'account',
      recordIds: [hq],
      afterId: null,
      pageSize: 3,
    });
    expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 3).map((r) => r.id));
    expect(first.nextAfterId).toBe(all[2]!.id);
    const rest: RelationshipPage = call(org, 'rep', 'loadRelationships', {
      mode: 'account',
      recordIds: [hq],
      afterId: first.nextAfterId,
      pageSize: 100,
    });
    expect(rest.rows.map((r) => r.id)).toEqual(all.slice(3).map((r) => r.id));
    expect(rest.nextAfterId ?? null).toBeNull();
    expect(rest.usage.queries).toBe(1);
  });

  it('reads a whole hierarchy in one list (account mode, many accounts), each row naming its account', () => {
    const family = ['GetCloudyHQ', 'GetCloudyEast', 'GetCloudyCanada'].map((ref) => org.resolveId(ref)!);
    const rows = rowsOf(org, 'rep', family);
    expect(new Set(rows.map((r) => r.accountName))).toEqual(
      new Set(['Get Cloudy Consulting', 'Get Cloudy East', 'Get Cloudy Canada']),
    );
    expect(
      rows
        .filter((r) => r.contactName === 'James Gordan')
        .map((r) => r.accountName)
        .sort(),
    ).toEqual(['Get Cloudy Canada', 'Get Cloudy Consulting']);
  });

  it("lists a contact's accounts in contact mode", () => {
    const james = org.resolveId('JamesGordan')!;
    const rows = rowsOf(org, 'rep', [james], 'contact');
    expect(rows.map((r) => r.accountName).sort()).toEqual([
      'Get Cloudy Canada',
      'Get Cloudy Consulting',
      'Gordan Advisory',
    ]);
  });

  it('shows the read-only user every row, none editable; a row whose contact the rep cannot edit is read-only', () => {
    const rows = rowsOf(org, 'readonly', [hq]);
    expect(rows).toHaveLength(rowsOf(org, 'rep', [hq]).length);
    expect(rows.every((r) => !r.canEdit)).toBe(true);
    // Laura Fitzgerald's account (Summit Ridge Health) belongs to the administrator: Account Read
    // sharing, so her contact is not the rep's to edit.
    expect(rowOf(org, 'rep', 'GetCloudyHQ', 'Laura Fitzgerald').canEdit).toBe(false);
    expect(rowOf(org, 'admin', 'GetCloudyHQ', 'Laura Fitzgerald').canEdit).toBe(true);
  });

  it('shows only relations whose account and contact the user sees (Private accounts)', () => {
    const privateOrg = freshOrg((config) => ({
      ...config,
      sharingDefaults: { ...config.sharingDefaults, Account: 'None' },
      defaultOwner: 'admin',
      recordOwners: { GetCloudyHQ: 'rep' },
    }));
    const rows = rowsOf(privateOrg, 'rep', [privateOrg.resolveId('GetCloudyHQ')!]);
    // James Gordan's account is the administrator's: his contact is hidden, so is the relation.
    expect(rows.some((r) => r.contactName === 'James Gordan')).toBe(false);
    expect(rows.some((r) => r.contactName === 'Alan Weston')).toBe(true);
  });
});

describe('get-cloudy shows what the list has to handle', () => {
  const org = freshOrg();
  const rows = rowsOf(org, 'rep', [org.resolveId('GetCloudyHQ')!]);

  it('has HQ lacking its Economic Buyer (only a past relationship had the role), with many roles and a long name', () => {
    expect(rows.filter((r) => r.roles.includes('Economic Buyer')).map((r) => r.isActive)).toEqual([false]);
    expect(rows.some((r) => r.isActive && r.roles.includes('Decision Maker'))).toBe(true);
    expect(Math.max(...rows.map((r) => r.roles.length))).toBeGreaterThanOrEqual(5);
    expect(Math.max(...rows.map((r) => r.contactName.length))).toBeGreaterThan(40);
    expect(rows.some((r) => r.roles.includes('Champion'))).toBe(true);
    expect(
      rows
        .filter((r) => r.isDirect && r.roles.length > 0)
        .map((r) => r.contactName)
        .sort(),
    ).toEqual(['Alan Weston', 'Leung Chen', 'Maria Delgado']);
  });
});

describe('getRelatedContactsContext', () => {
  const org = freshOrg();
  const hq = org.resolveId('GetCloudyHQ')!;

  it("gives the record's kind and name, the user's access and the role options joined with the catalog", () => {
    const context: RelatedContactsContext = call(org, 'rep', 'getRelatedContactsContext', { recordId: hq });
    expect(context).toMatchObject({
      featureEnabled: true,
      recordKind: 'account',
      recordName: 'Get Cloudy Consulting',
      access: {
        canRead: true,
        canCreate: true,
        canEdit: true,
        canDelete: true,
        editableFields: ['Roles', 'IsActive', 'StartDate', 'EndDate'],
      },
      keyRoles: ['Economic Buyer', 'Decision Maker', 'Executive Sponsor'],
    });
    expect(context.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const champion = context.roleOptions.find((o) => o.value === 'Champion')!;
    expect(champion).toMatchObject({ inCatalog: false, badgeColor: 'neutral', keyRole: false });
    expect(context.roleOptions.find((o) => o.value === 'Economic Buyer')).toMatchObject({
      inCatalog: true,
      keyRole: true,
    });
    const contactContext: RelatedContactsContext = call(org, 'rep', 'getRelatedContactsContext', {
      recordId: org.resolveId('JamesGordan')!,
    });
    expect(contactContext).toMatchObject({ recordKind: 'contact', recordName: 'James Gordan' });
  });

  it('gives the read-only user read access only, and field-level security trims the editable fields', () => {
    const context: RelatedContactsContext = call(org, 'readonly', 'getRelatedContactsContext', {
      recordId: hq,
    });
    expect(context.access).toEqual({
      canRead: true,
      canCreate: false,
      canEdit: false,
      canDelete: false,
      editableFields: [],
    });
    const noEndDate = freshOrg((config) => ({
      ...config,
      users: config.users!.map((u) =>
        u.key === 'rep' ? { ...u, fieldAccess: { 'AccountContactRelation.EndDate': 'read' } } : u,
      ),
    }));
    const trimmed: RelatedContactsContext = call(noEndDate, 'rep', 'getRelatedContactsContext', {
      recordId: noEndDate.resolveId('GetCloudyHQ')!,
    });
    expect(trimmed.access.editableFields).toEqual(['Roles', 'IsActive', 'StartDate']);
  });

  it('tells a user without access to relationships, and refuses to load them (no ACR access)', () => {
    // Casey Morgan reads accounts and contacts but was given nothing on AccountContactRelation.
    const context: RelatedContactsContext = call(org, 'newhire', 'getRelatedContactsContext', {
      recordId: hq,
    });
    expect(context.access).toMatchObject({
      canRead: false,
      canCreate: false,
      canEdit: false,
      canDelete: false,
    });
    expect(() =>
      call(org, 'newhire', 'loadRelationships', {
        mode: 'account',
        recordIds: [hq],
        afterId: null,
        pageSize: null,
      }),
    ).toThrow(AuraHandledException);
    const noContacts = freshOrg((config) => ({
      ...config,
      users: config.users!.map((u) =>
        u.key === 'rep' ? { ...u, objectAccess: { ...u.objectAccess, Contact: [] } } : u,
      ),
    }));
    expect(() =>
      call(noContacts, 'rep', 'getRelatedContactsContext', {
        recordId: noContacts.resolveId('JamesGordan')!,
      }),
    ).toThrow("This record doesn't exist or you don't have access to it.");
  });

  it('refuses a record that is not an account or contact the user sees', () => {
    expect(() =>
      call(org, 'rep', 'getRelatedContactsContext', { recordId: org.resolveId('AlanWeston_Direct')! }),
    ).toThrow(AuraHandledException);
  });
});

describe('the feature off (features-off)', () => {
  const org = new SampleOrg(loadDataset('features-off'));
  const account = org.records('Account')[0]!.Id;

  it("says so in the context, and every other call fails with the feature's own message (as the Apex)", () => {
    const context: RelatedContactsContext = call(org, 'rep', 'getRelatedContactsContext', {
      recordId: account,
    });
    expect(context).toMatchObject({
      featureEnabled: false,
      recordKind: 'account',
      roleOptions: [],
      keyRoles: [],
    });
    expect(() =>
      call(org, 'rep', 'loadRelationships', {
        mode: 'account',
        recordIds: [account],
        afterId: null,
        pageSize: null,
      }),
    ).toThrow(ENGLISH_LABELS.AR_RelatedContacts_Error_FeatureDisabled);
    // The feature is checked first: even a request the service would refuse as malformed says so.
    expect(() => call(org, 'rep', 'saveRelationships', { changes: [] })).toThrow(
      ENGLISH_LABELS.AR_RelatedContacts_Error_FeatureDisabled,
    );
    expect(() => call(org, 'rep', 'searchContacts', { accountId: account, term: 'a' })).toThrow(
      ENGLISH_LABELS.AR_RelatedContacts_Error_FeatureDisabled,
    );
    const contact = org.records('Contact')[0]!.Id;
    expect(() =>
      call(org, 'rep', 'addRelationship', {
        accountId: account,
        contactId: contact,
        roles: [],
        startDate: null,
        isActive: true,
      }),
    ).toThrow(ENGLISH_LABELS.AR_RelatedContacts_Error_FeatureDisabled);
  });
});

describe('saveRelationships', () => {
  it('saves roles, dates and the active flag, stamping who and when', () => {
    const org = freshOrg();
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    const [result] = save(org, 'rep', [
      {
        id: james.id,
        lastModifiedDate: james.lastModifiedDate,
        fields: ['Roles'],
        roles: ['Influencer', 'Champion'],
      },
    ]);
    expect(result).toMatchObject({
      status: 'saved',
      row: { roles: ['Influencer', 'Champion'], lastModifiedByName: 'Rita Reyes' },
    });
    expect(result!.row!.lastModifiedDate).not.toBe(james.lastModifiedDate);
    expect(rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan').roles).toEqual(['Influencer', 'Champion']);
  });

  it('refuses a change made on stale data: someone else saved first (conflict, with the current row)', () => {
    const org = freshOrg();
    const seenByRep = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    // The administrator saves in between.
    const seenByAdmin = rowOf(org, 'admin', 'GetCloudyHQ', 'James Gordan');
    expect(save(org, 'admin', [{ ...endChange(seenByAdmin, '2026-01-31') }])[0]!.status).toBe('saved');
    const [result] = save(org, 'rep', [
      { id: seenByRep.id, lastModifiedDate: seenByRep.lastModifiedDate, fields: ['Roles'], roles: ['Other'] },
    ]);
    expect(result).toMatchObject({
      status: 'conflict',
      row: {
        isActive: false,
        endDate: '2026-01-31',
        lastModifiedByName: 'Aiden Brooks',
        roles: ['Influencer', 'Evaluator'],
      },
    });
    expect(result!.message).toContain('Aiden Brooks');
    expect(rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan').roles).toEqual(['Influencer', 'Evaluator']);
  });

  it('saves the other rows when a validation rule refuses one (partial success)', () => {
    const org = freshOrg();
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    // Noah Singh starts at HQ in 2030: ending him earlier breaks "EndDate < StartDate".
    const noah = rowOf(org, 'rep', 'GetCloudyHQ', 'Noah Singh');
    const results = save(org, 'rep', [endChange(james, '2026-06-30'), endChange(noah, '2026-06-30')]);
    expect(results.map((r) => r.status)).toEqual(['saved', 'failed']);
    // RelatedContactsService.failed: the platform's text inside the package's own label.
    expect(results[1]!.message).toBe(
      "Salesforce couldn't save this: The end date can't be before the start date.",
    );
    expect(rowOf(org, 'rep', 'GetCloudyHQ', 'Noah Singh').isActive).toBe(true);
    expect(rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan').isActive).toBe(false);
  });

  it('refuses what the user may not change: no edit on the contact, no edit access, a field the user cannot edit', () => {
    const org = freshOrg();
    const laura = rowOf(org, 'rep', 'GetCloudyHQ', 'Laura Fitzgerald');
    expect(save(org, 'rep', [endChange(laura, '2026-06-30')])[0]!.status).toBe('noAccess');
    const james = rowOf(org, 'readonly', 'GetCloudyHQ', 'James Gordan');
    expect(save(org, 'readonly', [endChange(james, '2026-06-30')])[0]!.status).toBe('noAccess');
    const noEndDate = freshOrg((config) => ({
      ...config,
      users: config.users!.map((u) =>
        u.key === 'rep' ? { ...u, fieldAccess: { 'AccountContactRelation.EndDate': 'read' } } : u,
      ),
    }));
    const row = rowOf(noEndDate, 'rep', 'GetCloudyHQ', 'James Gordan');
    expect(save(noEndDate, 'rep', [endChange(row, '2026-06-30')])[0]!.status).toBe('noAccess');
    expect(
      save(noEndDate, 'rep', [
        { id: row.id, lastModifiedDate: row.lastModifiedDate, fields: ['IsActive'], isActive: false },
      ])[0]!.status,
    ).toBe('saved');
  });

  it("needs Edit on the contact and only Read on the account (Private accounts: HQ is not the rep's, Gordan Advisory is)", () => {
    const org = freshOrg((config) => ({
      ...config,
      sharingDefaults: { ...config.sharingDefaults, Account: 'Read' },
      defaultOwner: 'admin',
      recordOwners: { GordanAdvisory: 'rep' },
    }));
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    const alan = rowOf(org, 'rep', 'GetCloudyHQ', 'Alan Weston');
    expect([james.canEdit, alan.canEdit]).toEqual([true, false]);
    expect(
      save(org, 'rep', [endChange(james, '2026-06-30'), endChange(alan, '2026-06-30')]).map((r) => r.status),
    ).toEqual(['saved', 'noAccess']);
  });

  it('says notFound for a row that is gone', () => {
    const org = freshOrg();
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    org.delete(james.id);
    expect(save(org, 'rep', [endChange(james, '2026-06-30')])[0]!.status).toBe('notFound');
  });
});

describe('addRelationship', () => {
  const add = (
    org: SampleOrg,
    userKey: string,
    contactRef: string,
    roles: string[] = ['Evaluator'],
  ): RelationshipResult =>
    call(org, userKey, 'addRelationship', {
      accountId: org.resolveId('GetCloudyHQ')!,
      contactId: org.resolveId(contactRef)!,
      roles,
      startDate: '2026-02-01',
      isActive: true,
    });

  it('adds an indirect relationship with roles and start date', () => {
    const org = freshOrg();
    const result = add(org, 'rep', 'PriyaNatarajan', ['Economic Buyer', 'Champion']);
    expect(result).toMatchObject({
      status: 'added',
      row: {
        isDirect: false,
        isActive: true,
        roles: ['Economic Buyer', 'Champion'],
        startDate: '2026-02-01',
        contactName: 'Priya Natarajan',
      },
    });
    expect(rowsOf(org, 'rep', [org.resolveId('GetCloudyHQ')!]).some((r) => r.id === result.id)).toBe(true);
  });

  it('refuses a second relation of the same contact and account, naming the existing one', () => {
    const org = freshOrg();
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    expect(add(org, 'rep', 'JamesGordan')).toMatchObject({ status: 'duplicate', existingId: james.id });
    const alan = rowOf(org, 'rep', 'GetCloudyHQ', 'Alan Weston');
    expect(add(org, 'rep', 'AlanWeston')).toMatchObject({ status: 'duplicate', existingId: alan.id });
  });

  it('refuses a private contact (no account): it has no relations', () => {
    const org = freshOrg();
    expect(add(org, 'rep', 'RileyQuinn')).toMatchObject({ status: 'privateContact' });
    expect(
      org.records('AccountContactRelation').some((r) => r.ContactId === org.resolveId('RileyQuinn')),
    ).toBe(false);
  });

  it('refuses a contact the user cannot edit, and a user without create access', () => {
    const org = freshOrg();
    const lauraAtEast: RelationshipResult = call(org, 'rep', 'addRelationship', {
      accountId: org.resolveId('GetCloudyEast')!,
      contactId: org.resolveId('LauraFitzgerald')!,
      roles: ['Influencer'],
      startDate: null,
      isActive: true,
    });
    expect(lauraAtEast).toMatchObject({ status: 'noAccess' });
    expect(add(org, 'readonly', 'PriyaNatarajan')).toMatchObject({ status: 'noAccess' });
  });

  it('applies validation rules to a new relation', () => {
    const org = freshOrg((config) => ({
      ...config,
      validationRules: [
        {
          object: 'AccountContactRelation',
          errorWhen: 'IsActive = true && ISBLANK(Roles)',
          message: 'Give an active relationship a role.',
        },
      ],
    }));
    expect(add(org, 'rep', 'PriyaNatarajan', [])).toMatchObject({
      status: 'failed',
      message: "Salesforce couldn't save this: Give an active relationship a role.",
    });
    expect(add(org, 'rep', 'PriyaNatarajan', ['Other'])).toMatchObject({ status: 'added' });
  });
});

describe('removeRelationship', () => {
  const remove = (org: SampleOrg, userKey: string, row: ContactRelationship): RelationshipResult =>
    call(org, userKey, 'removeRelationship', {
      relationshipId: row.id,
      lastModifiedDate: row.lastModifiedDate,
    });

  it('deletes an indirect relationship for good', () => {
    const org = freshOrg();
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    expect(remove(org, 'rep', james)).toMatchObject({ status: 'removed', id: james.id });
    expect(org.record(james.id)).toBeUndefined();
  });

  it('refuses the direct relationship before any change, whoever asks', () => {
    const org = freshOrg();
    const alan = rowOf(org, 'admin', 'GetCloudyHQ', 'Alan Weston');
    expect(remove(org, 'admin', alan)).toMatchObject({ status: 'directNotRemovable' });
    expect(org.record(alan.id)).toMatchObject({ LastModifiedDate: alan.lastModifiedDate });
  });

  it('refuses a stale removal and one the user may not make', () => {
    const org = freshOrg();
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    save(org, 'admin', [endChange(rowOf(org, 'admin', 'GetCloudyHQ', 'James Gordan'), '2026-01-31')]);
    expect(remove(org, 'rep', james)).toMatchObject({
      status: 'conflict',
      row: { lastModifiedByName: 'Aiden Brooks' },
    });
    const laura = rowOf(org, 'rep', 'GetCloudyHQ', 'Laura Fitzgerald');
    expect(remove(org, 'rep', laura)).toMatchObject({ status: 'noAccess' });
    expect(org.record(laura.id)).toBeDefined();
  });
});

describe('searchContacts', () => {
  const org = freshOrg();
  const hq = org.resolveId('GetCloudyHQ')!;
  const search = (userKey: string, term: string): ContactSearchResponse =>
    call(org, userKey, 'searchContacts', { accountId: hq, term });

  it('finds contacts by name or email, case-insensitively, marking those already related', () => {
    expect(
      search('rep', 'GORDAN')
        .contacts.map((c) => c.name)
        .sort(),
    ).toEqual(
      ['James Gordan', 'Maximiliana Alexandra Montgomery-Vanderbilt de la Fontaine', 'Sam Ortega'].sort(),
    );
    const james = search('rep', 'james').contacts.find((c) => c.name === 'James Gordan')!;
    expect(james).toMatchObject({
      accountName: 'Gordan Advisory',
      canRelate: true,
      existingRelationshipId: rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan').id,
    });
    expect(search('rep', 'priya').contacts[0]).toMatchObject({ name: 'Priya Natarajan' });
    expect(search('rep', 'priya').contacts[0]!.existingRelationshipId ?? null).toBeNull();
  });

  it('cannot relate a private contact or one the user cannot edit', () => {
    expect(search('rep', 'riley').contacts[0]).toMatchObject({ name: 'Riley Quinn', canRelate: false });
    expect(search('rep', 'laura').contacts[0]).toMatchObject({ name: 'Laura Fitzgerald', canRelate: false });
    expect(search('readonly', 'priya').contacts[0]).toMatchObject({ canRelate: false });
  });

  it('returns at most 50 contacts and says when more match', () => {
    const bundle = loadDataset('get-cloudy');
    const many = Array.from({ length: 60 }, (_, i) => ({
      attributes: { type: 'Contact', referenceId: `Many${i}` },
      LastName: `Manyfold ${String(i).padStart(2, '0')}`,
      AccountId: '@GetCloudyHQ',
    }));
    const big = new SampleOrg({
      ...bundle,
      files: {
        ...bundle.files,
        'Contact.json': { records: [...bundle.files['Contact.json']!.records, ...many] },
      },
    });
    const result: ContactSearchResponse = call(big, 'rep', 'searchContacts', {
      accountId: big.resolveId('GetCloudyHQ')!,
      term: 'manyfold',
    });
    expect(result.contacts).toHaveLength(50);
    expect(result.more).toBe(true);
    expect(search('rep', 'alan').more).toBe(false);
  });
});

describe('messages', () => {
  it('falls back to the English text of the custom labels the Apex uses, exactly', () => {
    const file = fs.readFileSync(
      path.resolve(__dirname, '../../../../force-app/main/shared/labels/CustomLabels.labels-meta.xml'),
      'utf8',
    );
    const values = new Map(
      [...file.matchAll(/<fullName>(\w+)<\/fullName>[\s\S]*?<value>([^<]*)<\/value>/g)].map((m) => [
        m[1],
        (m[2] ?? '')
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      ]),
    );
    for (const [name, text] of Object.entries(ENGLISH_LABELS))
      expect([name, values.get(name)]).toEqual([name, text]);
  });

  it("gives a refusal in the user's language when the platform gives the label's text", () => {
    const org = freshOrg();
    const user = org.user('rep')!;
    const riley = org.resolveId('RileyQuinn')!;
    const result = APEX_METHODS['RelatedContactsController.addRelationship']!(
      {
        accountId: org.resolveId('GetCloudyHQ')!,
        contactId: riley,
        roles: [],
        startDate: null,
        isActive: true,
      },
      { org, user, describe: org.describeFor(user), label: (name) => `[${name}]` },
    ) as RelationshipResult;
    expect(result.message).toBe('[AR_RelatedContacts_ResultPrivateContact]');
  });
});

describe('an account with 5,000 relationships', () => {
  const bundle = loadDataset('get-cloudy');
  const contacts = Array.from({ length: 5000 }, (_, i) => ({
    attributes: { type: 'Contact', referenceId: `Bulk${i}` },
    FirstName: 'Bulk',
    LastName: `Contact ${i}`,
    Title: 'Analyst',
    Email: `bulk.${i}@example.com`,
    AccountId: '@GordanAdvisory',
  }));
  const relations = contacts.map((contact, i) => ({
    attributes: { type: 'AccountContactRelation', referenceId: `BulkAtHQ${i}` },
    ContactId: `@${contact.attributes.referenceId}`,
    AccountId: '@GetCloudyHQ',
    Roles: 'Influencer;Evaluator',
    IsActive: i % 3 !== 0,
  }));
  const org = new SampleOrg({
    ...bundle,
    files: {
      ...bundle.files,
      'Contact.json': { records: [...bundle.files['Contact.json']!.records, ...contacts] },
      'AccountContactRelation.json': {
        records: [...bundle.files['AccountContactRelation.json']!.records, ...relations],
      },
    },
  });

  it('loads in pages that each stay within a quarter of every governor limit, every row once', () => {
    const hq = org.resolveId('GetCloudyHQ')!;
    const ids = new Set<string>();
    let afterId: string | null = null;
    let pages = 0;
    do {
      const page: RelationshipPage = call(org, 'rep', 'loadRelationships', {
        mode: 'account',
        recordIds: [hq],
        afterId,
        pageSize: null,
      });
      pages++;
      expect(page.rows.length).toBeLessThanOrEqual(2000);
      expect(page.usage.queries).toBeLessThanOrEqual(25);
      expect(page.usage.queryRows).toBeLessThanOrEqual(12_500);
      expect(page.usage.cpuTimeMs).toBeLessThanOrEqual(2_500);
      expect(page.usage.heapBytes).toBeLessThanOrEqual(1_500_000);
      for (const row of page.rows) ids.add(row.id);
      afterId = page.nextAfterId ?? null;
    } while (afterId !== null && pages < 100);
    expect(ids.size).toBe(org.records('AccountContactRelation').filter((r) => r.AccountId === hq).length);
    expect(ids.size).toBeGreaterThan(5000);
    expect(pages).toBeGreaterThanOrEqual(3);
  });
});

describe("the Apex's failures and order of checks (RelatedContactsController/Service)", () => {
  const hqOf = (org: SampleOrg): string => org.resolveId('GetCloudyHQ')!;
  const load = (org: SampleOrg, userKey: string, mode: string, recordIds: string[]): RelationshipPage =>
    call(org, userKey, 'loadRelationships', { mode, recordIds, afterId: null, pageSize: null });

  it('names an unsupported record, no read access and a malformed request with their own labels', () => {
    const org = freshOrg();
    expect(() =>
      call(org, 'rep', 'getRelatedContactsContext', { recordId: org.resolveId('AlanWeston_Direct')! }),
    ).toThrow(ENGLISH_LABELS.AR_RelatedContacts_Error_UnsupportedRecord);
    expect(() => load(org, 'newhire', 'account', [hqOf(org)])).toThrow(
      ENGLISH_LABELS.AR_RelatedContacts_Error_NoAccess,
    );
    expect(() => load(org, 'rep', 'somebody', [hqOf(org)])).toThrow(
      ENGLISH_LABELS.AR_RelatedContacts_Error_InvalidRequest,
    );
    // An Id of the other mode's object is malformed too, not silently left out.
    expect(() => load(org, 'rep', 'account', [org.resolveId('JamesGordan')!])).toThrow(
      ENGLISH_LABELS.AR_RelatedContacts_Error_InvalidRequest,
    );
    expect(() => call(org, 'rep', 'saveRelationships', { changes: [] })).toThrow(
      ENGLISH_LABELS.AR_RelatedContacts_Error_InvalidRequest,
    );
  });

  it('refuses more than 200 changes in one save as a whole, changing nothing', () => {
    const org = freshOrg();
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    const changes = Array.from({ length: 201 }, () => endChange(james, '2026-06-30'));
    expect(() => save(org, 'rep', changes)).toThrow(ENGLISH_LABELS.AR_RelatedContacts_Error_InvalidRequest);
    expect(rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan').isActive).toBe(true);
  });

  it("fails a search with the search's own label", () => {
    const org = freshOrg((config) => ({
      ...config,
      users: config.users!.map((u) =>
        u.key === 'rep' ? { ...u, objectAccess: { ...u.objectAccess, Contact: [] } } : u,
      ),
    }));
    expect(() => call(org, 'rep', 'searchContacts', { accountId: hqOf(org), term: 'james' })).toThrow(
      ENGLISH_LABELS.AR_RelatedContacts_Add_SearchFailed,
    );
  });

  it('save: a malformed change fails before access is checked; no edit access before a row that is gone; no edit on the contact before stale', () => {
    const org = freshOrg();
    const james = rowOf(org, 'readonly', 'GetCloudyHQ', 'James Gordan');
    const [repeatedOk, repeated] = save(org, 'readonly', [
      endChange(james, '2026-06-30'),
      endChange(james, '2026-06-30'),
    ]);
    expect([repeatedOk!.status, repeated!.status]).toEqual(['noAccess', 'failed']);
    expect(repeated!.message).toBe(ENGLISH_LABELS.AR_RelatedContacts_Result_InvalidChange);
    org.delete(james.id);
    expect(save(org, 'readonly', [endChange(james, '2026-06-30')])[0]!.status).toBe('noAccess');

    const laura = rowOf(org, 'rep', 'GetCloudyHQ', 'Laura Fitzgerald');
    save(org, 'admin', [endChange(rowOf(org, 'admin', 'GetCloudyHQ', 'Laura Fitzgerald'), '2026-01-31')]);
    expect(save(org, 'rep', [endChange(laura, '2026-06-30')])[0]!.status).toBe('noAccess');
  });

  it('add: no create access first, then a contact the user cannot see (its own message)', () => {
    const org = freshOrg();
    const priya = org.resolveId('PriyaNatarajan')!;
    org.delete(priya);
    const add = (userKey: string): RelationshipResult =>
      call(org, userKey, 'addRelationship', {
        accountId: hqOf(org),
        contactId: priya,
        roles: [],
        startDate: null,
        isActive: true,
      });
    expect(add('readonly')).toMatchObject({ status: 'noAccess' });
    expect(add('rep')).toMatchObject({
      status: 'notFound',
      message: ENGLISH_LABELS.AR_RelatedContacts_Result_ContactNotFound,
    });
  });

  it('remove: not a relationship Id, then no Delete before not visible, then no edit on the contact before stale', () => {
    const org = freshOrg();
    const remove = (userKey: string, relationshipId: string, lastModifiedDate: string): RelationshipResult =>
      call(org, userKey, 'removeRelationship', { relationshipId, lastModifiedDate });
    const james = rowOf(org, 'rep', 'GetCloudyHQ', 'James Gordan');
    expect(remove('rep', hqOf(org), james.lastModifiedDate)).toMatchObject({ status: 'notFound' });
    org.delete(james.id);
    expect(remove('readonly', james.id, james.lastModifiedDate)).toMatchObject({ status: 'noAccess' });
    const laura = rowOf(org, 'rep', 'GetCloudyHQ', 'Laura Fitzgerald');
    save(org, 'admin', [endChange(rowOf(org, 'admin', 'GetCloudyHQ', 'Laura Fitzgerald'), '2026-01-31')]);
    expect(remove('rep', laura.id, laura.lastModifiedDate)).toMatchObject({ status: 'noAccess' });
  });

  it('search: only a user who may create relationships can relate a contact', () => {
    const org = freshOrg((config) => ({
      ...config,
      users: config.users!.map((u) =>
        u.key === 'rep'
          ? {
              ...u,
              objectAccess: {
                ...u.objectAccess,
                AccountContactRelation: ['read', 'edit'],
              },
            }
          : u,
      ),
    }));
    const james = call<ContactSearchResponse>(org, 'rep', 'searchContacts', {
      accountId: hqOf(org),
      term: 'james',
    }).contacts.find((c) => c.name === 'James Gordan')!;
    expect(james.canRelate).toBe(false);
  });
});
