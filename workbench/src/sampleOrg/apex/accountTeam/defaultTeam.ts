/**
 * DefaultTeamController over the sample org: the current user's default team
 * (UserAccountTeamMember records they own) read, added to, edited and removed from, and the users
 * they may add. Each member is checked before any DML against the default team rules
 * (./teamAccess.ts: each level above its org default, Account Read or Edit, contact left out when
 * Controlled by Parent, nothing above what the user has) and must be an active user; then user-mode
 * DML decides (object access, field-level security). A new member for a user already on the team
 * updates that member, as the platform does (schema.ts `insertUpdatesMatch`): `updated`, not `added`.
 * Only the user's own default team is read or changed here, whatever the object's sharing.
 */
import type {
  DefaultTeamContext,
  TeamAccess,
  TeamMemberInput,
  TeamMemberResult,
  TeamSaveResponse,
  UserCandidate,
} from '@contract';
import { UserModeDml } from '../../dml';
import { roleOptions } from '../../roleCatalog';
import type { ApexContext, ApexParams } from '../registry';
import {
  accessViolation,
  grantableAccess,
  isTeamAccessLevel,
  levelFields,
  orgWideDefaults,
  UNCAPPED,
} from './teamAccess';
import {
  assertFeatureOn,
  defaultTeamRecords,
  guarded,
  idOf,
  InvalidRequestException,
  labelOf,
  newAccess,
  text,
  toTeamMember,
  UATM,
  violationMessage,
} from './teamShared';

/** Users one search returns at most. */
export const USER_SEARCH_LIMIT = 50;
/** DefaultTeamService.MIN_TERM_LENGTH: a shorter term searches nothing. */
export const MIN_TERM_LENGTH = 2;

function canEditDefaultTeam(context: ApexContext): boolean {
  const { describe } = context;
  return (['create', 'edit', 'delete'] as const).every((level) => describe.canAccessObject(UATM, level));
}

function myTeam(context: ApexContext): TeamSaveResponse['members'] {
  const defaults = orgWideDefaults(context.org);
  return defaultTeamRecords(context, newAccess(context), context.user.id).map((record) =>
    toTeamMember(context, record, defaults),
  );
}

function contextOf(_params: ApexParams, context: ApexContext): DefaultTeamContext {
  const { org, user, describe } = context;
  const defaults = orgWideDefaults(org);
  if (!describe.objectExists(UATM)) {
    return {
      featureEnabled: false,
      currentUserId: user.id,
      orgDefaults: defaults,
      canEdit: false,
      grantable: { account: [], opportunity: [], caseAccess: [], contact: [] },
      members: [],
      roleOptions: [],
    };
  }
  return {
    featureEnabled: true,
    currentUserId: user.id,
    orgDefaults: defaults,
    canEdit: canEditDefaultTeam(context),
    grantable: grantableAccess('UserAccountTeamMember', defaults, UNCAPPED),
    members: myTeam(context),
    roleOptions: roleOptions(describe, 'AccountTeam'),
  };
}

export const getMyDefaultTeam = guarded('AR_AccountTeam_LoadFailed', contextOf);

function saveOne(context: ApexContext, dml: UserModeDml, input: Partial<TeamMemberInput>): TeamMemberResult {
  const { org, user } = context;
  const defaults = orgWideDefaults(org);
  const access = newAccess(context);
  const userId = idOf(input.userId);
  const member = userId === null ? undefined : org.user(userId);
  const id = idOf(input.id);
  const notFound = (): TeamMemberResult => ({
    userId: userId ?? '',
    id,
    status: 'notFound',
    message: labelOf(context, 'AR_AccountTeam_MemberNotFound'),
  });
  if (!member) {
    return {
      userId: userId ?? '',
      id,
      status: 'notFound',
      message: labelOf(context, 'AR_AccountTeam_UserNotFound'),
    };
  }
  const onTeam = (org.groupedBy(UATM, 'OwnerId').get(user.id) ?? []).some(
    (record) => record.UserId === member.id,
  );
  // An inactive user cannot be added; one already on the team may still be edited (the Apex's rule).
  if (member.active === false && !onTeam) {
    return {
      userId: member.id,
      id,
      status: 'inactiveUser',
      message: labelOf(context, 'AR_AccountTeam_InactiveUser'),
    };
  }
  const level = (value: unknown) => (isTeamAccessLevel(value) ? value : null);
  const teamAccess: TeamAccess = {
    account: level(input.accountAccess) ?? 'None',
    opportunity: level(input.opportunityAccess) ?? 'None',
    caseAccess: level(input.caseAccess) ?? 'None',
    contact: level(input.contactAccess),
  };
  const violation = accessViolation('UserAccountTeamMember', defaults, UNCAPPED, {
    ...teamAccess,
    account: level(input.accountAccess),
    opportunity: level(input.opportunityAccess),
    caseAccess: level(input.caseAccess),
  });
  if (violation) {
    return { userId: member.id, id, status: 'invalidAccess', message: violationMessage(context, violation) };
  }
  // levelFields leaves the contact level out when contacts are Controlled by Parent.
  const fields: Record<string, unknown> = {
    TeamMemberRole: text(input.role),
    ...levelFields(teamAccess, defaults),
  };
  let result;
  let status: TeamMemberResult['status'];
  if (id !== null) {
    const existing = access.visibleRecord(UATM, id);
    if (existing?.OwnerId !== user.id || existing.UserId !== member.id) return notFound();
    result = dml.update(UATM, existing.Id, fields);
    status = 'saved';
  } else {
    result = dml.insert(UATM, { OwnerId: user.id, UserId: member.id, ...fields });
    status = onTeam ? 'updated' : 'added';
  }
  if (!result.success || !result.record) {
    const error = result.errors[0];
    return error?.statusCode === 'INSUFFICIENT_ACCESS_OR_READONLY' ||
      error?.statusCode === 'INVALID_FIELD_FOR_INSERT_UPDATE'
      ? {
          userId: member.id,
          id,
          status: 'noAccess',
          message: labelOf(context, 'AR_AccountTeam_Refusal_NoTeamMemberAccess'),
        }
      : { userId: member.id, id, status: 'failed', message: error?.message ?? null };
  }
  return {
    userId: member.id,
    id: result.record.Id,
    status,
    member: toTeamMember(context, result.record, defaults),
  };
}

function save(params: ApexParams, context: ApexContext): TeamSaveResponse {
  assertFeatureOn(context);
  const members = params.members;
  if (!Array.isArray(members)) throw new InvalidRequestException('members must be a list');
  newAccess(context).assertReadable(UATM);
  const dml = new UserModeDml(context);
  const results = members.map((input: unknown) =>
    saveOne(
      context,
      dml,
      typeof input === 'object' && input !== null ? (input as Partial<TeamMemberInput>) : {},
    ),
  );
  return { results, members: myTeam(context) };
}

export const saveMyDefaultTeam = guarded('AR_AccountTeam_SaveFailed', save);

function remove(params: ApexParams, context: ApexContext): TeamSaveResponse {
  assertFeatureOn(context);
  const ids = params.memberIds;
  if (!Array.isArray(ids)) throw new InvalidRequestException('memberIds must be a list');
  const access = newAccess(context);
  access.assertReadable(UATM);
  const dml = new UserModeDml(context);
  const results = ids.map((raw: unknown): TeamMemberResult => {
    const id = idOf(raw);
    const record = access.visibleRecord(UATM, id);
    if (record?.OwnerId !== context.user.id) {
      return {
        userId: '',
        id,
        status: 'notFound',
        message: labelOf(context, 'AR_AccountTeam_MemberNotFound'),
      };
    }
    const userId = String(record.UserId);
    const result = dml.delete(UATM, record.Id);
    return result.success
      ? { userId, id: record.Id, status: 'removed' }
      : {
          userId,
          id: record.Id,
          status: 'noAccess',
          message: labelOf(context, 'AR_AccountTeam_Refusal_NoTeamMemberAccess'),
        };
  });
  return { results, members: myTeam(context) };
}

export const removeFromMyDefaultTeam = guarded('AR_AccountTeam_SaveFailed', remove);

function search(params: ApexParams, context: ApexContext): UserCandidate[] {
  const { org, user, describe } = context;
  const term = (text(params.term) ?? '').trim().toLowerCase();
  if (term.length < MIN_TERM_LENGTH || !describe.canAccessObject('User', 'read')) return [];
  const members = new Map<string, string>();
  if (describe.objectExists(UATM) && describe.canAccessObject(UATM, 'read')) {
    for (const record of org.groupedBy(UATM, 'OwnerId').get(user.id) ?? []) {
      members.set(String(record.UserId), record.Id);
    }
  }
  // WHERE IsActive = true AND UserType = 'Standard' AND Name LIKE :pattern ORDER BY Name, Id LIMIT 50
  return org.users
    .filter((candidate) => candidate.active !== false && candidate.name.toLowerCase().includes(term))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .slice(0, USER_SEARCH_LIMIT)
    .map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      title: candidate.title ?? null,
      memberId: members.get(candidate.id) ?? null,
    }));
}

export const searchUsers = guarded('AR_AccountTeam_LoadFailed', search);
