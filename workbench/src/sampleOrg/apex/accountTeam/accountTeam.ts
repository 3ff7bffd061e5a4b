/**
 * AccountTeamController over the sample org: getAccountTeamContext and previewTeam here; applyTeam,
 * getRun and listRuns in ./teamRuns.ts. AccountTeamMember and UserAccountTeamMember exist only while
 * Account Teams are on (schema.ts); every read is a user-mode read (RecordAccess), every change
 * user-mode DML (../../dml.ts), and the rules (org-wide defaults, who may change a team) come from
 * ./teamAccess.ts.
 *
 * The preview is the diff that applying computes too (`diffAccount`): per member of the source
 * team, `add` (not on the team), `same` (same role and access: nothing to do) or `different`. Inserting
 * a member already on the team would overwrite it on the platform, so applying writes only this diff.
 * Inactive users of a default team are left out: they cannot be added (the default team editor
 * flags them).
 */
import type {
  AccountTeamContext,
  AccountTeamDiff,
  OrgWideDefaults,
  TeamMember,
  TeamMemberDiff,
  TeamPreview,
  TeamSource,
} from '@contract';
import type { RecordAccess } from '../../access';
import { roleOptions } from '../../roleCatalog';
import type { SObjectRecord } from '../../sampleOrg';
import type { ApexContext, ApexParams } from '../registry';
import { accessCap, grantableAccess, orgWideDefaults, sameAccess, teamChangeRefusal } from './teamAccess';
import {
  accountTeamRecords,
  assertFeatureOn,
  ATM,
  defaultTeamRecords,
  guarded,
  idOf,
  InvalidRequestException,
  newAccess,
  proposedMember,
  RecordNotFoundException,
  text,
  toTeamMember,
  Transaction,
} from './teamShared';

/** The most accounts one preview call takes (the contract's 200). */
export const MAX_PREVIEW_ACCOUNTS = 200;

const NO_GRANT = { account: [], opportunity: [], caseAccess: [], contact: [] };

function contextOf(params: ApexParams, context: ApexContext): AccountTeamContext {
  const { org, user, describe } = context;
  const access = newAccess(context);
  const account = access.visibleRecord('Account', idOf(params.accountId));
  if (!account) throw new RecordNotFoundException(`No visible account ${String(params.accountId)}`);
  const defaults = orgWideDefaults(org);
  const ownerId = text(account.OwnerId);
  const base = {
    accountId: account.Id,
    accountName: text(account.Name),
    ownerId,
    ownerName: ownerId === null ? null : (org.user(ownerId)?.name ?? null),
    currentUserId: user.id,
    orgDefaults: defaults,
  };
  if (!describe.objectExists(ATM)) {
    return {
      ...base,
      featureEnabled: false,
      canChangeTeam: false,
      changeRefusal: null,
      grantable: NO_GRANT,
      canReadTeam: false,
      currentTeam: [],
      myDefaultTeam: [],
      ownerDefaultTeam: [],
      roleOptions: [],
    };
  }
  const refusal = teamChangeRefusal(context, access, account);
  // As the Apex: without Read on AccountTeamMember the team is not queried (user mode would fail).
  const canReadTeam = describe.canAccessObject(ATM, 'read');
  const toMember = (record: SObjectRecord): TeamMember => toTeamMember(context, record, defaults);
  return {
    ...base,
    featureEnabled: true,
    canChangeTeam: refusal === null,
    changeRefusal: refusal,
    grantable: grantableAccess('AccountTeamMember', defaults, accessCap(context, access, account)),
    canReadTeam,
    currentTeam: canReadTeam ? accountTeamRecords(context, access, account.Id).map(toMember) : [],
    myDefaultTeam: defaultTeamRecords(context, access, user.id).map(toMember),
    ownerDefaultTeam:
      ownerId === null || ownerId === user.id
        ? []
        : defaultTeamRecords(context, access, ownerId).map(toMember),
    roleOptions: roleOptions(describe, 'AccountTeam'),
  };
}

export const getAccountTeamContext = guarded('AR_AccountTeam_LoadFailed', contextOf);

// ------------------------------------------------------------------ the diff

export function isTeamSource(value: unknown): value is TeamSource {
  return value === 'mine' || value === 'owner';
}

/** The active members of a default team, as proposed members. */
export function sourceTeam(
  context: ApexContext,
  access: RecordAccess,
  ownerId: string,
  defaults: OrgWideDefaults,
): TeamMember[] {
  return defaultTeamRecords(context, access, ownerId)
    .map((record) => proposedMember(context, record, defaults))
    .filter((member) => member.userActive);
}

/** What applying `team` to the account would do, member by member. */
export function diffAccount(
  context: ApexContext,
  access: RecordAccess,
  account: SObjectRecord,
  team: readonly TeamMember[],
  current: readonly SObjectRecord[],
  defaults: OrgWideDefaults,
): AccountTeamDiff {
  const refusal = teamChangeRefusal(context, access, account);
  const byUser = new Map(current.map((record) => [String(record.UserId), record]));
  const members = team.map((proposed): TeamMemberDiff => {
    const record = byUser.get(proposed.userId);
    if (!record)
      return { userId: proposed.userId, userName: proposed.userName, kind: 'add', proposed, current: null };
    const existing = toTeamMember(context, record, defaults);
    const same =
      (existing.role ?? null) === (proposed.role ?? null) &&
      sameAccess(existing.access, proposed.access, defaults);
    return {
      userId: proposed.userId,
      userName: proposed.userName,
      kind: same ? 'same' : 'different',
      proposed,
      current: existing,
    };
  });
  return {
    accountId: account.Id,
    accountName: text(account.Name) ?? '',
    canChange: refusal === null,
    changeRefusal: refusal,
    members,
  };
}

function preview(params: ApexParams, context: ApexContext): TeamPreview {
  assertFeatureOn(context);
  const source = params.source;
  if (!isTeamSource(source)) throw new InvalidRequestException(`Unknown source ${String(source)}`);
  const rawIds = params.accountIds;
  if (!Array.isArray(rawIds) || rawIds.length === 0 || rawIds.length > MAX_PREVIEW_ACCOUNTS) {
    throw new InvalidRequestException(`accountIds must hold 1 to ${MAX_PREVIEW_ACCOUNTS} ids`);
  }
  const ids = [...new Set(rawIds.map(idOf).filter((id): id is string => id !== null))];
  const access = newAccess(context);
  const defaults = orgWideDefaults(context.org);
  const tx = new Transaction('call', 'AccountTeamController.previewTeam');
  const accounts = ids
    .map((id) => access.visibleRecord('Account', id))
    .filter((account): account is SObjectRecord => account !== undefined);
  tx.query(accounts.length);
  const teams = new Map<string, TeamMember[]>();
  const teamOf = (ownerId: string): TeamMember[] => {
    let team = teams.get(ownerId);
    if (!team) {
      team = sourceTeam(context, access, ownerId, defaults);
      teams.set(ownerId, team);
    }
    return team;
  };
  let currentRows = 0;
  const diffs = accounts.map((account) => {
    const current = accountTeamRecords(context, access, account.Id);
    currentRows += current.length;
    const ownerId = source === 'mine' ? context.user.id : String(account.OwnerId);
    return diffAccount(context, access, account, teamOf(ownerId), current, defaults);
  });
  // One query for the accounts' teams, one for the source default teams (with their users).
  tx.query(currentRows);
  tx.query([...teams.values()].reduce((sum, team) => sum + team.length, 0));
  const { queries, queryRows } = tx.usage;
  return {
    accounts: diffs,
    usage: { queries, queryRows, cpuTimeMs: Math.ceil(queries * 2 + queryRows * 0.1), heapBytes: 0 },
  };
}

export const previewTeam = guarded('AR_AccountTeam_LoadFailed', preview);
