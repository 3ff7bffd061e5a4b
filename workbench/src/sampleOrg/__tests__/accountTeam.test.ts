/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests assert on records known to be in the dataset */
/**
 * AccountTeamController and DefaultTeamController in the sample org, over get-cloudy (Account Public
 * Read Only, contacts Controlled by Parent, Private opportunities and cases; Rita Reyes `rep` owns the
 * Get Cloudy family, Sofia Alvarez `manager` is above her, Marcus Lee `rep2` is a peer on East's team
 * with Edit), get-cloudy-contact-access and features-off: the rules of PLATFORM.md ("Account Teams").
 *
 * Calls go to the handlers with the platform's parameter deserialisation but without the Apex class
 * access check (the permission sets open these classes once the Apex is in the package).
 */
import type {
  AccountTeamContext,
  DefaultTeamContext,
  GrantableAccess,
  OrgWideDefault,
  OrgWideDefaults,
  TeamAccessLevel,
  TeamApplyRequest,
  TeamPreview,
  TeamRun,
  TeamRunList,
  TeamRunPage,
  TeamSaveResponse,
  UserCandidate,
} from '@contract';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from './datasets';
import { DatasetError, SampleOrg } from '../sampleOrg';
import type { SObjectRecord } from '../sampleOrg';
import { APEX_METHODS } from '../apex/registry';
import type { ApexParams } from '../apex/registry';
import { deserialiseParameters } from '../apex/shared/parameters';
import { AuraHandledException } from '../apex/shared/errors';
import type { DatasetBundle, OrgConfig, OrgUserConfig, TeamMemberConfig } from '../dataset';
import type { AccessCap, TeamKind } from '../apex/accountTeam/teamAccess';
import { accessViolation, grantableAccess, UNCAPPED } from '../apex/accountTeam/teamAccess';
import { asyncApexOf } from '../apex/accountTeam/teamRuns';
import { TRANSACTION_BUDGET } from '../apex/accountTeam/teamShared';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the method's result type
function call<T>(org: SampleOrg, userKey: string, method: string, params: ApexParams = {}): T {
  const user = org.user(userKey)!;
  const handler = APEX_METHODS[method]!;
  return handler(deserialiseParameters(method, params), { org, user, describe: org.describeFor(user) }) as T;
}

function freshOrg(name = 'get-cloudy', change: (org: OrgConfig) => OrgConfig = (org) => org): SampleOrg {
  const bundle = loadDataset(name);
  const org = new SampleOrg({ ...bundle, org: change(bundle.org!) });
  asyncApexOf(org).auto = false;
  return org;
}

const idOf = (org: SampleOrg, ref: string): string => org.resolveId(ref)!;
const userId = (org: SampleOrg, key: string): string => org.user(key)!.id;

function teamOf(org: SampleOrg, ref: string): SObjectRecord[] {
  return org.records('AccountTeamMember').filter((member) => member.AccountId === idOf(org, ref));
}

function memberOf(org: SampleOrg, ref: string, key: string): SObjectRecord | undefined {
  return teamOf(org, ref).find((member) => member.UserId === userId(org, key));
}

function context(org: SampleOrg, userKey: string, ref: string): AccountTeamContext {
  return call(org, userKey, 'AccountTeamController.getAccountTeamContext', { accountId: idOf(org, ref) });
}

function apply(org: SampleOrg, userKey: string, request: Partial<TeamApplyRequest>): TeamRun {
  return call(org, userKey, 'AccountTeamController.applyTeam', {
    request: { scope: 'account', source: 'mine', onDifferent: 'keep', choices: [], ...request },
  });
}

function runPage(org: SampleOrg, userKey: string, runId: string): TeamRunPage {
  return call(org, userKey, 'AccountTeamController.getRun', { runId, afterResultId: null });
}

// ------------------------------------------------------------------ the access rules

const LEVELS: readonly TeamAccessLevel[] = ['None', 'Read', 'Edit', 'All'];
const ACCOUNT_DEFAULTS: readonly OrgWideDefault[] = [
  'None',
  'Read',
  'Edit',
  'ControlledByLeadOrContact',
  'ControlledByCampaign',
];
const CONTACT_DEFAULTS: readonly OrgWideDefault[] = ['None', 'Read', 'Edit', 'ControlledByParent'];
const CASE_DEFAULTS: readonly OrgWideDefault[] = ['None', 'Read', 'Edit', 'ReadEditTransfer'];
const NO_CAP: AccessCap = UNCAPPED;

/** PLATFORM.md's rules restated level by level (as the Apex reads them), the exhaustive test's oracle. */
function oracle(
  kind: TeamKind,
  defaults: OrgWideDefaults,
  access: Record<string, TeamAccessLevel | null>,
): boolean {
  const rank = { None: 0, Read: 1, Edit: 2, All: 3 };
  const granted = (value: OrgWideDefault): number =>
    value === 'Read' ? 1 : value === 'Edit' || value === 'ReadEditTransfer' ? 2 : 0;
  const objects = (['account', 'opportunity', 'caseAccess', 'contact'] as const).filter(
    (object) => object !== 'contact' || defaults.contact !== 'ControlledByParent',
  );
  if (defaults.contact === 'ControlledByParent' && access.contact !== null) return false;
  const settable = (object: string): TeamAccessLevel[] =>
    object !== 'account'
      ? ['None', 'Read', 'Edit']
      : kind === 'AccountTeamMember'
        ? ['Read', 'Edit', 'All']
        : ['Read', 'Edit'];
  const top = (object: (typeof objects)[number]): number =>
    Math.max(...settable(object).map((level) => rank[level]));
  let anyAbove = false;
  for (const object of objects) {
    const level = access[object];
    if (level === null || level === undefined || !settable(object).includes(level)) return false;
    const base = granted(defaults[object]);
    if (rank[level] > base) anyAbove = true;
    // Account team: at least the default. Default team: above it, or the top where nothing is above.
    const floor = kind === 'UserAccountTeamMember' && top(object) > base ? base + 1 : base;
    if (rank[level] < floor) return false;
  }
  return kind === 'UserAccountTeamMember' || anyAbove;
}

describe('access levels against the org-wide defaults', () => {
  it('accepts exactly what the rules allow, for every combination of defaults and levels', () => {
    let checked = 0;
    for (const account of ACCOUNT_DEFAULTS)
      for (const opportunity of ACCOUNT_DEFAULTS)
        for (const contact of CONTACT_DEFAULTS)
          for (const kase of CASE_DEFAULTS) {
            const defaults: OrgWideDefaults = { account, opportunity, contact, caseAccess: kase };
            for (const kind of ['AccountTeamMember', 'UserAccountTeamMember'] as const) {
              for (const a of LEVELS)
                for (const o of LEVELS)
                  for (const c of LEVELS)
                    for (const ct of [...LEVELS, null]) {
                      const access = { account: a, opportunity: o, caseAccess: c, contact: ct };
                      const valid = accessViolation(kind, defaults, NO_CAP, access) === undefined;
                      if (valid !== oracle(kind, defaults, access)) {
                        throw new Error(
                          `${kind} ${JSON.stringify(defaults)} ${JSON.stringify(access)}: ${valid}`,
                        );
                      }
                      checked++;
                    }
              // What is offered is exactly what validates level by level.
              const grantable = grantableAccess(kind, defaults, NO_CAP);
              if (contact === 'ControlledByParent') expect(grantable.contact).toEqual([]);
              expect(grantable.account.includes('All')).toBe(kind === 'AccountTeamMember');
              expect(grantable.account).not.toContain('None');
            }
          }
    expect(checked).toBe(5 * 5 * 4 * 4 * 2 * 4 * 4 * 4 * 5);
  });

  const getCloudy: OrgWideDefaults = {
    account: 'Read',
    opportunity: 'None',
    contact: 'ControlledByParent',
    caseAccess: 'None',
  };

  it('requires one level above the default on an account team, each above it on a default team', () => {
    const atDefaults = { account: 'Read', opportunity: 'None', caseAccess: 'None', contact: null } as const;
    expect(accessViolation('AccountTeamMember', getCloudy, NO_CAP, atDefaults)).toEqual({
      kind: 'noneAbove',
    });
    expect(
      accessViolation('AccountTeamMember', getCloudy, NO_CAP, { ...atDefaults, opportunity: 'Read' }),
    ).toBeUndefined();
    // A default team member needs every level above its default: Account Edit, Opportunity and Case Read or Edit.
    expect(
      accessViolation('UserAccountTeamMember', getCloudy, NO_CAP, {
        ...atDefaults,
        account: 'Edit',
        opportunity: 'Read',
      }),
    ).toEqual({ kind: 'notAboveDefault', objects: ['caseAccess'] });
    expect(grantableAccess('UserAccountTeamMember', getCloudy, NO_CAP)).toEqual<GrantableAccess>({
      account: ['Edit'],
      opportunity: ['Read', 'Edit'],
      caseAccess: ['Read', 'Edit'],
      contact: [],
    });
    expect(grantableAccess('AccountTeamMember', getCloudy, NO_CAP)).toEqual<GrantableAccess>({
      account: ['Read', 'Edit', 'All'],
      opportunity: ['None', 'Read', 'Edit'],
      caseAccess: ['None', 'Read', 'Edit'],
      contact: [],
    });
  });

  it('leaves contact access out when contacts are Controlled by Parent, and requires it otherwise', () => {
    const member = { account: 'Edit', opportunity: 'Read', caseAccess: 'Read' } as const;
    expect(accessViolation('AccountTeamMember', getCloudy, NO_CAP, { ...member, contact: 'Read' })).toEqual({
      kind: 'contactSet',
    });
    const contactsPublic = { ...getCloudy, contact: 'Read' } as const;
    expect(
      accessViolation('AccountTeamMember', contactsPublic, NO_CAP, { ...member, contact: null }),
    ).toEqual({
      kind: 'contactRequired',
      objects: ['contact'],
    });
    expect(
      accessViolation('AccountTeamMember', contactsPublic, NO_CAP, { ...member, contact: 'None' }),
    ).toEqual({
      kind: 'belowDefault',
      objects: ['contact'],
    });
    expect(grantableAccess('UserAccountTeamMember', contactsPublic, NO_CAP).contact).toEqual(['Edit']);
  });

  it('still requires one level above the defaults on an account team when every default is Public Read/Write (unverified)', () => {
    const allPublic: OrgWideDefaults = {
      account: 'Edit',
      opportunity: 'Edit',
      contact: 'Edit',
      caseAccess: 'ReadEditTransfer',
    };
    const member = { account: 'Edit', opportunity: 'Edit', caseAccess: 'Edit', contact: 'Edit' } as const;
    expect(accessViolation('AccountTeamMember', allPublic, NO_CAP, member)).toEqual({ kind: 'noneAbove' });
    expect(
      accessViolation('AccountTeamMember', allPublic, NO_CAP, { ...member, account: 'All' }),
    ).toBeUndefined();
    // A default team stays at the top where nothing is above the default.
    expect(accessViolation('UserAccountTeamMember', allPublic, NO_CAP, member)).toBeUndefined();
    expect(
      accessViolation('AccountTeamMember', allPublic, NO_CAP, { ...member, caseAccess: 'Read' }),
    ).toEqual({
      kind: 'belowDefault',
      objects: ['caseAccess'],
    });
  });

  it('lets nobody grant more than they have', () => {
    const cap: AccessCap = { account: 'Edit', opportunity: 'Edit', caseAccess: 'Edit', contact: 'Edit' };
    const member = { account: 'All', opportunity: 'Read', caseAccess: 'Read', contact: null } as const;
    expect(accessViolation('AccountTeamMember', getCloudy, cap, member)).toEqual({
      kind: 'exceedsOwn',
      objects: ['account'],
    });
    expect(grantableAccess('AccountTeamMember', getCloudy, cap).account).toEqual(['Read', 'Edit']);
    const readOnly: AccessCap = { account: 'Read', opportunity: 'Read', caseAccess: 'Read', contact: 'Read' };
    expect(grantableAccess('AccountTeamMember', getCloudy, readOnly).opportunity).toEqual(['None', 'Read']);
  });

  it.each(['get-cloudy', 'get-cloudy-contact-access', 'get-cloudy-private', 'features-off'])(
    'gives %s org-wide defaults Organization can hold, and exactly one of the Get Cloudy datasets Controlled by Parent',
    (name) => {
      const org = freshOrg(name);
      const key = org.defaultUserKey;
      const ctx: DefaultTeamContext = call(org, key, 'DefaultTeamController.getMyDefaultTeam');
      expect(ctx.orgDefaults.contact === 'ControlledByParent').toBe(name !== 'get-cloudy-contact-access');
      if (name === 'get-cloudy') expect(ctx.orgDefaults.opportunity).toBe('None');
    },
  );

  it('reads the defaults from org.json, refusing a value Organization cannot hold', () => {
    const org = freshOrg('get-cloudy-contact-access');
    const ctx = context(org, 'rep', 'GetCloudyHQ');
    expect(ctx.orgDefaults).toEqual({
      account: 'Read',
      opportunity: 'None',
      contact: 'Read',
      caseAccess: 'None',
    });
    expect(ctx.grantable.contact).toEqual(['Read', 'Edit']);
    expect(context(freshOrg(), 'rep', 'GetCloudyHQ').grantable.contact).toEqual([]);
    const odd = freshOrg('get-cloudy', (config) => ({
      ...config,
      sharingDefaults: { ...config.sharingDefaults, Case: 'Public' },
    }));
    expect(() => context(odd, 'rep', 'GetCloudyHQ')).toThrow(DatasetError);
  });

  it('caps what a user may grant by their access to the account, and not a default team', () => {
    const org = freshOrg();
    // The owner, a user above the owner and an admin have All on the account; a peer with Edit has Edit.
    expect(context(org, 'rep', 'GetCloudyHQ').grantable.account).toEqual(['Read', 'Edit', 'All']);
    expect(context(org, 'manager', 'GetCloudyHQ').grantable.account).toEqual(['Read', 'Edit', 'All']);
    expect(context(org, 'admin', 'GetCloudyHQ').grantable.account).toEqual(['Read', 'Edit', 'All']);
    expect(context(org, 'rep2', 'GetCloudyEast').grantable.account).toEqual(['Read', 'Edit']);
    expect(context(org, 'rep2', 'GetCloudyHQ').grantable).toMatchObject({
      account: ['Read'],
      opportunity: ['None', 'Read'],
    });
    const mine: DefaultTeamContext = call(org, 'readonly', 'DefaultTeamController.getMyDefaultTeam');
    expect(mine.grantable).toMatchObject({ account: ['Edit'], caseAccess: ['Read', 'Edit'] });
  });
});

// ------------------------------------------------------------------ who may change a team

describe('who may change an account team', () => {
  const org = freshOrg();

  it('lets the owner, a user above the owner and an admin change it', () => {
    expect(context(org, 'rep', 'GetCloudyHQ')).toMatchObject({ canChangeTeam: true, changeRefusal: null });
    expect(context(org, 'manager', 'GetCloudyHQ')).toMatchObject({
      canChangeTeam: true,
      changeRefusal: null,
    });
    expect(context(org, 'admin', 'GetCloudyHQ')).toMatchObject({ canChangeTeam: true, changeRefusal: null });
  });

  it('refuses a peer, even one with Edit on the account through its team', () => {
    // Marcus (rep2) is on East's team with Account Edit, in the same role as Rita.
    expect(context(org, 'rep2', 'GetCloudyEast')).toMatchObject({
      canChangeTeam: false,
      changeRefusal: 'notOwnerOrAbove',
    });
    expect(context(org, 'rep2', 'GetCloudyHQ')).toMatchObject({
      canChangeTeam: false,
      changeRefusal: 'noAccountEdit',
    });
    expect(context(org, 'se', 'GetCloudyHQ')).toMatchObject({
      canChangeTeam: false,
      changeRefusal: 'noTeamMemberAccess',
    });
  });

  it('takes "above the owner" from the role hierarchy', () => {
    const flat = freshOrg('get-cloudy', (config) => ({
      ...config,
      roles: { SalesManager: null, AccountExecutive: null },
    }));
    expect(context(flat, 'manager', 'GetCloudyHQ').changeRefusal).toBe('noAccountEdit');
  });
});

// ------------------------------------------------------------------ context and preview

describe('context and preview', () => {
  const org = freshOrg();

  it('does not read the team for a user without Read on AccountTeamMember, and says it could not', () => {
    // Jordan Ellis (readonly) has no access to AccountTeamMember: a user-mode query would fail.
    const ctx = context(org, 'readonly', 'GetCloudyHQ');
    expect(ctx.canReadTeam).toBe(false);
    expect(ctx.currentTeam).toEqual([]);
    expect(context(org, 'manager', 'GetCloudyHQ').canReadTeam).toBe(true);
  });

  it("gives the current team, my default team (inactive users flagged) and the owner's", () => {
    const ctx = context(org, 'manager', 'GetCloudyHQ');
    expect(ctx).toMatchObject({
      featureEnabled: true,
      ownerName: 'Rita Reyes',
      accountName: 'Get Cloudy Consulting',
    });
    expect(ctx.currentTeam.map((member) => member.userName)).toEqual(['Dana Whitfield', 'Priya Raman']);
    expect(ctx.currentTeam[1]).toMatchObject({
      role: 'Pre-Sales Consultant',
      access: { account: 'Read', contact: null },
    });
    expect(ctx.myDefaultTeam.map((member) => member.userName)).toEqual(['Marcus Lee', 'Rita Reyes']);
    expect(ctx.ownerDefaultTeam.find((member) => member.userName === 'Tom Becker')?.userActive).toBe(false);
    expect(ctx.roleOptions.map((option) => option.value)).toContain('Pre-Sales Consultant');
    expect(context(org, 'rep', 'GetCloudyHQ').ownerDefaultTeam).toEqual([]);
  });

  it('tells members to add, the same and different ones, leaving inactive users out', () => {
    const preview: TeamPreview = call(org, 'rep', 'AccountTeamController.previewTeam', {
      accountIds: [idOf(org, 'GetCloudyHQ')],
      source: 'mine',
    });
    const kinds = Object.fromEntries(
      preview.accounts[0]!.members.map((member) => [member.userName, member.kind]),
    );
    expect(kinds).toEqual({ 'Dana Whitfield': 'same', 'Priya Raman': 'different', 'Sofia Alvarez': 'add' });
    const priya = preview.accounts[0]!.members.find((member) => member.userName === 'Priya Raman')!;
    expect(priya.current?.access.account).toBe('Read');
    expect(priya.proposed.access.account).toBe('Edit');
  });

  it("previews the owner's default team or mine, per account", () => {
    const accountIds = [idOf(org, 'GetCloudyHQ'), idOf(org, 'GetCloudyEast')];
    const owners: TeamPreview = call(org, 'manager', 'AccountTeamController.previewTeam', {
      accountIds,
      source: 'owner',
    });
    expect(owners.accounts[1]!.members.map((member) => [member.userName, member.kind])).toEqual([
      ['Dana Whitfield', 'add'],
      ['Priya Raman', 'same'],
      ['Sofia Alvarez', 'add'],
    ]);
    const mine: TeamPreview = call(org, 'manager', 'AccountTeamController.previewTeam', {
      accountIds,
      source: 'mine',
    });
    expect(mine.accounts[1]!.members.map((member) => [member.userName, member.kind])).toEqual([
      ['Marcus Lee', 'different'],
      ['Rita Reyes', 'add'],
    ]);
    const peer: TeamPreview = call(org, 'rep2', 'AccountTeamController.previewTeam', {
      accountIds,
      source: 'mine',
    });
    expect(peer.accounts.map((account) => account.changeRefusal)).toEqual([
      'noAccountEdit',
      'notOwnerOrAbove',
    ]);
  });
});

// ------------------------------------------------------------------ apply

describe('applying a default team to one account', () => {
  it('writes only the diff: keeps a different member, adds the missing ones; twice changes nothing', () => {
    const org = freshOrg();
    const before = { ...memberOf(org, 'GetCloudyHQ', 'se')! };
    const run = apply(org, 'rep', { accountId: idOf(org, 'GetCloudyHQ') });
    expect(run).toMatchObject({
      status: 'Completed',
      accountsDone: 1,
      accountsFailed: 0,
      membersAdded: 1,
      membersUpdated: 0,
    });
    // Inserting Priya again would have overwritten her on the platform: she is kept as she was.
    expect(memberOf(org, 'GetCloudyHQ', 'se')).toMatchObject({
      AccountAccessLevel: 'Read',
      CaseAccessLevel: 'None',
      LastModifiedDate: before.LastModifiedDate,
    });
    expect(memberOf(org, 'GetCloudyHQ', 'manager')).toMatchObject({
      TeamMemberRole: 'Sales Manager',
      AccountAccessLevel: 'Edit',
    });
    expect(memberOf(org, 'GetCloudyHQ', 'former')).toBeUndefined();
    const team = teamOf(org, 'GetCloudyHQ').map((member) => ({ ...member }));

    const again = apply(org, 'rep', { accountId: idOf(org, 'GetCloudyHQ') });
    expect(again).toMatchObject({ status: 'Completed', membersAdded: 0, membersUpdated: 0 });
    expect(runPage(org, 'rep', again.id).results[0]).toMatchObject({
      status: 'done',
      added: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(teamOf(org, 'GetCloudyHQ')).toEqual(team);
  });

  it('updates different members when asked, for all or per member', () => {
    const org = freshOrg();
    const run = apply(org, 'rep', {
      accountId: idOf(org, 'GetCloudyHQ'),
      onDifferent: 'keep',
      choices: [{ userId: userId(org, 'se'), choice: 'update' }],
    });
    expect(run.membersUpdated).toBe(1);
    expect(memberOf(org, 'GetCloudyHQ', 'se')).toMatchObject({
      AccountAccessLevel: 'Edit',
      CaseAccessLevel: 'Read',
    });
    const org2 = freshOrg();
    apply(org2, 'rep', {
      accountId: idOf(org2, 'GetCloudyHQ'),
      onDifferent: 'update',
      choices: [{ userId: userId(org2, 'se'), choice: 'keep' }],
    });
    expect(memberOf(org2, 'GetCloudyHQ', 'se')).toMatchObject({ AccountAccessLevel: 'Read' });
  });

  it('refuses an account the user may not change, writing nothing', () => {
    const org = freshOrg();
    const run = apply(org, 'rep2', { accountId: idOf(org, 'GetCloudyEast') });
    expect(run).toMatchObject({ status: 'CompletedWithErrors', accountsFailed: 1, membersAdded: 0 });
    expect(runPage(org, 'rep2', run.id).results[0]).toMatchObject({
      status: 'refused',
      message: expect.stringContaining('Only the account owner') as unknown,
    });
    expect(teamOf(org, 'GetCloudyEast')).toHaveLength(2);
  });

  it('refuses members the access rules refuse, one by one, and sets contact access where it can be set', () => {
    const org = freshOrg('get-cloudy', (config) => ({
      ...config,
      defaultTeams: {
        rep: [
          { user: 'se', role: 'Pre-Sales Consultant', account: 'Edit', opportunity: 'Read', case: 'Read' },
          { user: 'csm', role: 'Account Manager', account: 'Read', opportunity: 'None', case: 'None' },
        ],
      },
      accountTeams: {},
    }));
    const run = apply(org, 'rep', { accountId: idOf(org, 'GetCloudyHQ') });
    expect(run).toMatchObject({ status: 'CompletedWithErrors', membersAdded: 1 });
    expect(runPage(org, 'rep', run.id).results[0]?.message).toMatch(
      /^Dana Whitfield: At least one access level/,
    );
    expect(memberOf(org, 'GetCloudyHQ', 'csm')).toBeUndefined();

    const contacts = freshOrg('get-cloudy-contact-access');
    apply(contacts, 'rep', { accountId: idOf(contacts, 'GetCloudyCanada') });
    expect(memberOf(contacts, 'GetCloudyCanada', 'se')).toMatchObject({ ContactAccessLevel: 'Edit' });
  });
});

describe('applying to a hierarchy: the Queueable chain, a failing account, retry', () => {
  const org = freshOrg();
  const queue = asyncApexOf(org);
  let run: TeamRun;

  it('returns a queued run and progresses one transaction at a time', () => {
    run = apply(org, 'rep', { scope: 'hierarchy', accountId: idOf(org, 'GetCloudyHQ') });
    expect(run).toMatchObject({ status: 'Queued', accountsTotal: null, accountsDone: 0 });
    expect(queue.step()).toBe(true);
    const listed = runPage(org, 'rep', run.id).run;
    expect(listed).toMatchObject({ status: 'Running', accountsTotal: 9, accountsDone: 0 });
    queue.runAll();
    const page = runPage(org, 'rep', run.id);
    expect(page.run).toMatchObject({
      status: 'CompletedWithErrors',
      accountsTotal: 9,
      // Done counts the accounts applied without error, as TeamRunService.count does: 8 + 1 = 9.
      accountsDone: 8,
      accountsFailed: 1,
    });
    const failed = page.results.filter((result) => result.status !== 'done');
    expect(failed).toEqual([
      expect.objectContaining({
        accountName: 'Get Cloudy West',
        status: 'failed',
        message: expect.stringContaining('UNABLE_TO_LOCK_ROW') as unknown,
      }),
    ]);
    expect(memberOf(org, 'GetCloudyWest', 'se')).toBeUndefined();
    expect(memberOf(org, 'GetCloudyBoston', 'se')).toBeDefined();
  });

  it('retries the failed accounts only, as a new run', () => {
    // One failed account: the retry runs in the call (at most SYNC_MAX_ACCOUNTS accounts do).
    const retry = apply(org, 'rep', { retryOfRunId: run.id });
    expect(retry).toMatchObject({
      status: 'Completed',
      retryOfRunId: run.id,
      accountsTotal: 1,
      scope: 'hierarchy',
    });
    expect(queue.size).toBe(0);
    const page = runPage(org, 'rep', retry.id);
    expect(page.run).toMatchObject({
      status: 'Completed',
      accountsDone: 1,
      accountsFailed: 0,
      membersAdded: 3,
    });
    expect(page.results.map((result) => result.accountName)).toEqual(['Get Cloudy West']);
    expect(memberOf(org, 'GetCloudyWest', 'se')).toBeDefined();
    expect(() => apply(org, 'rep', { retryOfRunId: retry.id })).toThrow(AuraHandledException);
  });

  it('runs a hierarchy of at most five accounts in the call', () => {
    const small = apply(org, 'manager', { scope: 'hierarchy', accountId: idOf(org, 'GetCloudyEast') });
    expect(small).toMatchObject({ status: 'Completed', accountsTotal: 3, accountsDone: 3 });
    expect(queue.size).toBe(0);
    expect(memberOf(org, 'GetCloudyAtlanta', 'rep2')).toMatchObject({ TeamMemberRole: 'Sales Rep' });
  });

  it('lists my runs, newest first, and keeps them from others', () => {
    const mine: TeamRunList = call(org, 'rep', 'AccountTeamController.listRuns');
    expect(mine.runs.map((entry) => entry.retryOfRunId ?? null)).toEqual([run.id, null]);
    expect(call<TeamRunList>(org, 'rep2', 'AccountTeamController.listRuns').runs).toEqual([]);
    expect(() => runPage(org, 'rep2', run.id)).toThrow(AuraHandledException);
  });
});

describe('the chain in the browser: advanced by timers', () => {
  afterEach(() => jest.useRealTimers());

  it('runs a few transactions per second, so polling sees the run progress', () => {
    jest.useFakeTimers();
    const org = freshOrg();
    const queue = asyncApexOf(org);
    queue.auto = true;
    const run = apply(org, 'rep', { scope: 'hierarchy', accountId: idOf(org, 'GetCloudyHQ') });
    expect(runPage(org, 'rep', run.id).run.status).toBe('Queued');
    jest.advanceTimersByTime(queue.tickMs);
    expect(runPage(org, 'rep', run.id).run).toMatchObject({
      status: 'Running',
      accountsTotal: 9,
      accountsDone: 0,
    });
    jest.advanceTimersByTime(queue.tickMs);
    expect(runPage(org, 'rep', run.id).run).toMatchObject({
      status: 'CompletedWithErrors',
      accountsDone: 8,
      accountsFailed: 1,
    });
    expect(queue.size).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });
});

// ------------------------------------------------------------------ the chain's governor accounting

/** A generated hierarchy (as scripts/generate-hierarchy.mjs makes one): `count` accounts owned by the rep. */
function hierarchyBundle(count: number, teamSize: number, fanOut = 8): DatasetBundle {
  const base = loadDataset('get-cloudy');
  const levels: { attributes: { type: string; referenceId: string }; Name: string; ParentId?: string }[][] = [
    [],
  ];
  levels[0]!.push({ attributes: { type: 'Account', referenceId: 'Acc1' }, Name: 'Top' });
  for (let i = 2, level = 1; i <= count; level++) {
    const parents = levels[level - 1]!;
    const next: (typeof levels)[number] = [];
    for (const parent of parents) {
      for (let k = 0; k < fanOut && i <= count; k++, i++) {
        next.push({
          attributes: { type: 'Account', referenceId: `Acc${i}` },
          Name: `Account ${i}`,
          ParentId: `@${parent.attributes.referenceId}`,
        });
      }
    }
    levels.push(next);
  }
  const users = base.org!.users!;
  const extra: OrgUserConfig[] = Array.from({ length: Math.max(0, teamSize - 2) }, (_, i) => ({
    key: `member${i}`,
    name: `Member ${i}`,
    objectAccess: { Account: ['read'] },
  }));
  const team: TeamMemberConfig[] = ['se', 'csm', ...extra.map((user) => user.key)]
    .slice(0, teamSize)
    .map((user) => ({ user, role: 'Sales Rep', account: 'Edit', opportunity: 'Read', case: 'Read' }));
  return {
    name: 'generated',
    plan: [{ sobject: 'Account', files: levels.map((_, i) => `Account-${i}.json`) }],
    files: Object.fromEntries(levels.map((records, i) => [`Account-${i}.json`, { records }])),
    org: {
      ...base.org!,
      users: [...users, ...extra],
      accountTeams: {},
      directRelations: {},
      teamRowLocks: {},
      recordOwners: {},
      defaultTeams: { rep: team },
    },
  };
}

describe('the chain stays within a quarter of the governor limits in every transaction', () => {
  function runHierarchy(count: number, teamSize: number, scope: 'hierarchy' | 'owned', fanOut: number) {
    const org = new SampleOrg(hierarchyBundle(count, teamSize, fanOut));
    const queue = asyncApexOf(org);
    queue.auto = false;
    const run = apply(org, 'rep', { scope, accountId: scope === 'hierarchy' ? idOf(org, 'Acc1') : null });
    queue.runAll();
    return { org, run: runPage(org, 'rep', run.id).run, transactions: queue.transactions };
  }

  it.each([
    ['a 5-member team to a 2,000-account hierarchy', 2000, 5, 'hierarchy', 8],
    ['a 60-member team to every account I own', 300, 60, 'owned', 8],
    ['a 2-member team to a chain 300 levels deep (one query per level)', 300, 2, 'hierarchy', 1],
  ] as const)('applies %s', (_name, count, teamSize, scope, fanOut) => {
    const { org, run, transactions } = runHierarchy(count, teamSize, scope, fanOut);
    expect(run).toMatchObject({
      status: 'Completed',
      accountsTotal: count,
      accountsDone: count,
      membersAdded: count * teamSize,
    });
    expect(org.records('AccountTeamMember')).toHaveLength(count * teamSize);
    expect(transactions.length).toBeGreaterThan(2);
    for (const usage of transactions) {
      expect(usage.queries).toBeLessThanOrEqual(25);
      expect(usage.dmlRows).toBeLessThanOrEqual(2500);
      expect(usage.dmlStatements).toBeLessThanOrEqual(37);
      expect(usage.queryRows).toBeLessThanOrEqual(TRANSACTION_BUDGET.queryRows);
    }
    // The large team fills transactions up to the DML rows budget (fewer accounts per transaction).
    const busiest = Math.max(...transactions.map((usage) => usage.dmlRows));
    expect(busiest).toBeGreaterThan(teamSize === 60 ? 2000 : teamSize === 5 ? 250 : 100);
  });
});

describe('a generated hierarchy (scripts/generate-hierarchy.mjs, what npm run bench loads)', () => {
  it("applies the rep's five-member default team to all 2,000 accounts within the budget", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'generated-'));
    try {
      const script = path.resolve(__dirname, '../../../../scripts/generate-hierarchy.mjs');
      execFileSync(process.execPath, [script, '--accounts', '2000', '--out', out], { stdio: 'pipe' });
      const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(out, file), 'utf8'));
      const planFile = fs.readdirSync(out).find((file) => file.endsWith('-plan.json'))!;
      const plan = read(planFile) as DatasetBundle['plan'];
      const files = Object.fromEntries(plan.flatMap((step) => step.files).map((file) => [file, read(file)]));
      const org = new SampleOrg({ name: 'generated', plan, files, org: read('org.json') } as DatasetBundle);
      const queue = asyncApexOf(org);
      queue.auto = false;
      const top = org.records('Account').find((account) => !account.ParentId)!;
      const ctx: AccountTeamContext = call(org, 'rep', 'AccountTeamController.getAccountTeamContext', {
        accountId: top.Id,
      });
      expect(ctx.myDefaultTeam).toHaveLength(5);
      const run = apply(org, 'rep', { scope: 'hierarchy', accountId: top.Id });
      queue.runAll();
      expect(runPage(org, 'rep', run.id).run).toMatchObject({
        status: 'Completed',
        accountsDone: 2000,
        accountsFailed: 0,
        membersAdded: 10000,
      });
      expect(queue.transactions.every((usage) => usage.queries <= 25 && usage.dmlRows <= 2500)).toBe(true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

// ------------------------------------------------------------------ my default team

describe('my default team', () => {
  it('offers valid choices and saves, updates (never duplicates) and removes members', () => {
    const org = freshOrg();
    const mine: DefaultTeamContext = call(org, 'rep', 'DefaultTeamController.getMyDefaultTeam');
    expect(mine).toMatchObject({ featureEnabled: true, canEdit: true });
    expect(mine.members.map((member) => [member.userName, member.userActive])).toEqual([
      ['Dana Whitfield', true],
      ['Priya Raman', true],
      ['Sofia Alvarez', true],
      ['Tom Becker', false],
    ]);
    const added: TeamSaveResponse = call(org, 'rep', 'DefaultTeamController.saveMyDefaultTeam', {
      members: [
        {
          userId: userId(org, 'rep2'),
          role: 'Sales Rep',
          accountAccess: 'Edit',
          opportunityAccess: 'Read',
          caseAccess: 'Read',
        },
        {
          userId: userId(org, 'se'),
          role: 'Sales Rep',
          accountAccess: 'Edit',
          opportunityAccess: 'Edit',
          caseAccess: 'Read',
        },
        {
          userId: userId(org, 'admin'),
          role: null,
          accountAccess: 'Read',
          opportunityAccess: 'Read',
          caseAccess: 'Read',
        },
        {
          userId: userId(org, 'admin'),
          role: null,
          accountAccess: 'Edit',
          opportunityAccess: 'Read',
          caseAccess: 'Read',
          contactAccess: 'Read',
        },
        {
          userId: userId(org, 'former'),
          role: null,
          accountAccess: 'Edit',
          opportunityAccess: 'Read',
          caseAccess: 'Read',
        },
        {
          id: mine.members[3]!.id,
          userId: userId(org, 'former'),
          role: 'Sales Rep',
          accountAccess: 'Edit',
          opportunityAccess: 'Read',
          caseAccess: 'Read',
        },
      ],
    });
    expect(added.results.map((result) => result.status)).toEqual([
      'added',
      'updated',
      'invalidAccess',
      'invalidAccess',
      // Tom Becker is inactive but already on Rita's team: his member may still be changed.
      'updated',
      'saved',
    ]);
    expect(added.results[2]?.message).toContain('For a default team, each access level must be higher');
    // Marcus's team does not hold Tom: an inactive user cannot be added.
    const inactive: TeamSaveResponse = call(org, 'rep2', 'DefaultTeamController.saveMyDefaultTeam', {
      members: [
        {
          userId: userId(org, 'former'),
          role: null,
          accountAccess: 'Edit',
          opportunityAccess: 'Read',
          caseAccess: 'Read',
        },
      ],
    });
    expect(inactive.results[0]).toMatchObject({
      status: 'inactiveUser',
      message: "This user is inactive and can't be added to a team.",
    });
    expect(added.members).toHaveLength(5);
    const priya = added.members.find((member) => member.userName === 'Priya Raman')!;
    expect(priya).toMatchObject({ role: 'Sales Rep', access: { opportunity: 'Edit' } });
    expect(
      org
        .records('UserAccountTeamMember')
        .filter((r) => r.UserId === userId(org, 'se') && r.OwnerId === userId(org, 'rep')),
    ).toHaveLength(1);

    const removed: TeamSaveResponse = call(org, 'rep', 'DefaultTeamController.removeFromMyDefaultTeam', {
      memberIds: [priya.id, mine.members[0]!.id],
    });
    expect(removed.results.map((result) => result.status)).toEqual(['removed', 'removed']);
    expect(removed.members).toHaveLength(3);
    // Someone else's default team member is not mine to remove.
    const others = org.records('UserAccountTeamMember').find((r) => r.OwnerId === userId(org, 'manager'))!;
    const refused: TeamSaveResponse = call(org, 'rep', 'DefaultTeamController.removeFromMyDefaultTeam', {
      memberIds: [others.Id],
    });
    expect(refused.results[0]?.status).toBe('notFound');
  });

  it('finds active users by name, marking those already on my team', () => {
    const org = freshOrg();
    const search = (term: string): UserCandidate[] =>
      call(org, 'rep', 'DefaultTeamController.searchUsers', { term });
    expect(search('tom')).toEqual([]);
    expect(search('PRIYA')).toEqual([
      expect.objectContaining({
        name: 'Priya Raman',
        title: 'Solutions Engineer',
        memberId: expect.any(String) as unknown,
      }),
    ]);
    expect(search('marcus')[0]).toMatchObject({ name: 'Marcus Lee', memberId: null });
    expect(search('  ')).toEqual([]);
    // As DefaultTeamService: a term shorter than 2 characters searches nothing ('p' matches Priya).
    expect(search(' p ')).toEqual([]);
    expect(search('pr').map((candidate) => candidate.name)).toContain('Priya Raman');
  });
});

// ------------------------------------------------------------------ Account Teams off

describe('Account Teams off (features-off)', () => {
  const org = freshOrg('features-off');
  const user = org.users.find((candidate) => candidate.key === org.defaultUserKey)!.key;
  const accountId = org.records('Account')[0]!.Id;

  it('says so in the contexts and refuses every change', () => {
    const ctx: AccountTeamContext = call(org, user, 'AccountTeamController.getAccountTeamContext', {
      accountId,
    });
    expect(ctx).toMatchObject({
      featureEnabled: false,
      canChangeTeam: false,
      currentTeam: [],
      roleOptions: [],
    });
    const mine: DefaultTeamContext = call(org, user, 'DefaultTeamController.getMyDefaultTeam');
    expect(mine).toMatchObject({ featureEnabled: false, canEdit: false, members: [] });
    expect(() =>
      call(org, user, 'AccountTeamController.previewTeam', { accountIds: [accountId], source: 'mine' }),
    ).toThrow(/Account Teams are turned off/);
    expect(() => apply(org, user, { accountId })).toThrow(/Account Teams are turned off/);
    expect(() => call(org, user, 'DefaultTeamController.saveMyDefaultTeam', { members: [] })).toThrow(
      AuraHandledException,
    );
  });

  it('refuses a dataset that lists teams while Account Teams are off', () => {
    const bundle = loadDataset('features-off');
    expect(
      () =>
        new SampleOrg({
          ...bundle,
          org: { ...bundle.org!, defaultTeams: { [user]: [] }, accountTeams: { x: [] } },
        }),
    ).toThrow(DatasetError);
  });
});

describe('who may change a team: the role walk of TeamChangePolicy', () => {
  /** get-cloudy with `between` roles between the manager's (SalesManager) and the reps' (AccountExecutive). */
  const withRolesBetween = (between: number): SampleOrg =>
    freshOrg('get-cloudy', (config) => {
      const roles: Record<string, string | null> = { SalesManager: null };
      let parent = 'SalesManager';
      for (let level = 1; level <= between; level++) {
        roles[`Level${level}`] = parent;
        parent = `Level${level}`;
      }
      roles.AccountExecutive = parent;
      return { ...config, roles };
    });
  const refusals = (org: SampleOrg): (string | null | undefined)[] =>
    call<TeamPreview>(org, 'manager', 'AccountTeamController.previewTeam', {
      accountIds: [idOf(org, 'GetCloudyHQ'), idOf(org, 'GetCloudyEast')],
      source: 'mine',
    }).accounts.map((account) => account.changeRefusal ?? null);

  it('counts a manager up to 10 roles above the owner as above, and no further (the Apex reads 10 levels)', () => {
    expect(refusals(withRolesBetween(9))).toEqual([null, null]);
    expect(refusals(withRolesBetween(10))).toEqual(['notOwnerOrAbove', 'notOwnerOrAbove']);
  });
});
