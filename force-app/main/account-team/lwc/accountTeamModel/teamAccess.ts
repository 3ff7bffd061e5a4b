/**
 * Team access rules: which access levels a team member may have against the org-wide defaults
 * (PLATFORM.md, "AccountTeamMember (ATM) and UserAccountTeamMember (UATM)"), which options to offer,
 * and what is wrong with a member's levels. Both kinds of team:
 *
 * - `accountTeam` (ATM): each level at least its org default, and at least one above it;
 * - `defaultTeam` (UATM): each level above its default (the stricter of the two documented readings,
 *   until an org test settles it); Account access Read or Edit only.
 *
 * Contact access is left out (not settable, not counted) when contacts are Controlled by Parent. An
 * account or opportunity default "Controlled by …" sets no floor (the record's access comes from
 * elsewhere): it ranks as Private here, an assumption only an org can confirm.
 *
 * Part of `c/accountTeamModel`; pure TypeScript, no DOM, no platform imports.
 */
import type {
  GrantableAccess,
  OrgWideDefault,
  OrgWideDefaults,
  TeamAccess,
  TeamAccessLevel,
  TeamMember,
  TeamMemberInput,
} from '@contract';

export type TeamKind = 'accountTeam' | 'defaultTeam';
export type AccessObject = 'account' | 'opportunity' | 'case' | 'contact';

/** The four objects in the order every table and form shows them. */
export const ACCESS_OBJECTS: readonly AccessObject[] = ['account', 'opportunity', 'case', 'contact'];

/**
 * The contract's field holding each object's level (in TeamAccess, OrgWideDefaults and
 * GrantableAccess). The one place that names them: `case` is a reserved word in Apex, so the
 * contract may rename it (`caseAccess`), and then only this line (and the test data) changes.
 */
const FIELD = {
  account: 'account',
  opportunity: 'opportunity',
  case: 'caseAccess',
  contact: 'contact',
} as const satisfies Record<AccessObject, keyof TeamAccess & keyof OrgWideDefaults & keyof GrantableAccess>;

/** A member's level for an object; null when missing (contact access left out). */
export function levelOf(access: Partial<TeamAccess>, object: AccessObject): TeamAccessLevel | null {
  return access[FIELD[object]] ?? null;
}

/** The org-wide default for an object. */
export function defaultOf(defaults: OrgWideDefaults, object: AccessObject): OrgWideDefault {
  return defaults[FIELD[object]];
}

/** The levels this user may grant for an object. */
export function grantableOf(grantable: GrantableAccess, object: AccessObject): TeamAccessLevel[] {
  return grantable[FIELD[object]];
}

/** Levels by object as the contract's TeamAccess (missing levels left out, contact null when unset). */
export function accessFrom(
  levels: Readonly<Record<AccessObject, TeamAccessLevel | null>>,
): Partial<TeamAccess> {
  const access: Partial<TeamAccess> = { contact: levels.contact };
  for (const object of ['account', 'opportunity', 'case'] as const) {
    const level = levels[object];
    if (level) access[FIELD[object]] = level;
  }
  return access;
}

const LEVEL_RANK: Record<TeamAccessLevel, number> = { None: 0, Read: 1, Edit: 2, All: 3 };

/** Public Read/Write/Transfer (cases) is Edit for a team member: a member cannot be above it. */
const DEFAULT_RANK: Record<OrgWideDefault, number> = {
  None: 0,
  Read: 1,
  Edit: 2,
  ReadEditTransfer: 2,
  ControlledByParent: 0,
  ControlledByLeadOrContact: 0,
  ControlledByCampaign: 0,
};

/** The levels each object's field holds, per kind of team, lowest first. */
const FIELD_LEVELS: Record<TeamKind, Record<AccessObject, readonly TeamAccessLevel[]>> = {
  accountTeam: {
    account: ['Read', 'Edit', 'All'],
    opportunity: ['None', 'Read', 'Edit'],
    case: ['None', 'Read', 'Edit'],
    contact: ['None', 'Read', 'Edit'],
  },
  defaultTeam: {
    account: ['Read', 'Edit'],
    opportunity: ['None', 'Read', 'Edit'],
    case: ['None', 'Read', 'Edit'],
    contact: ['None', 'Read', 'Edit'],
  },
};

export function levelRank(level: TeamAccessLevel): number {
  return LEVEL_RANK[level];
}

/** Whether contact access can be set at all (not when contacts are Controlled by Parent). */
export function isContactSettable(defaults: OrgWideDefaults): boolean {
  return defaults.contact !== 'ControlledByParent';
}

/** The objects whose level a member carries: all four, or three when contacts follow their account. */
export function settableObjects(defaults: OrgWideDefaults): AccessObject[] {
  return ACCESS_OBJECTS.filter((object) => object !== 'contact' || isContactSettable(defaults));
}

/**
 * The levels an object may have by the per-object rule alone: ATM at least the default, UATM above
 * it. Empty when none can (contact Controlled by Parent; a UATM against a Public Read/Write default).
 */
export function validLevels(
  object: AccessObject,
  defaults: OrgWideDefaults,
  kind: TeamKind,
): TeamAccessLevel[] {
  if (object === 'contact' && !isContactSettable(defaults)) {
    return [];
  }
  const floor = DEFAULT_RANK[defaultOf(defaults, object)];
  return FIELD_LEVELS[kind][object].filter((level) =>
    kind === 'accountTeam' ? LEVEL_RANK[level] >= floor : LEVEL_RANK[level] > floor,
  );
}

/**
 * The levels to offer for an object: valid against the org defaults and grantable by this user (the
 * server's `grantable`, which already holds the user's own limits), lowest first.
 */
export function offeredLevels(
  object: AccessObject,
  defaults: OrgWideDefaults,
  kind: TeamKind,
  grantable: GrantableAccess,
): TeamAccessLevel[] {
  const allowed = new Set(grantableOf(grantable, object));
  return validLevels(object, defaults, kind).filter((level) => allowed.has(level));
}

/** Why a member's access cannot be saved, one entry per object at fault (`object` null: the member as a whole). */
export type AccessProblemReason =
  /** The level is below the org default (ATM) or not above it (UATM). */
  | 'belowDefault'
  | 'notAboveDefault'
  /** The field cannot hold the level (e.g. Account None, or All on a default team). */
  | 'notAllowed'
  /** Valid, but more than this user may grant. */
  | 'notGrantable'
  /** No level at all can be valid for this object in this org (nothing to choose). */
  | 'noValidLevel'
  /** A level is missing for an object that needs one. */
  | 'missing'
  /** ATM: every level equals its default, so the member would add nothing. */
  | 'noneAboveDefault';

export interface AccessProblem {
  object: AccessObject | null;
  reason: AccessProblemReason;
}

/**
 * What is wrong with `access` for a member of `kind` in an org with `defaults`; empty when it may be
 * saved. `grantable`, when given, also refuses levels the user may not grant. Contact access is
 * ignored (left out on save) when contacts are Controlled by Parent.
 */
export function validateAccess(
  access: Partial<TeamAccess>,
  defaults: OrgWideDefaults,
  kind: TeamKind,
  grantable?: GrantableAccess,
): AccessProblem[] {
  const problems: AccessProblem[] = [];
  let anyAbove = false;
  for (const object of settableObjects(defaults)) {
    const level = levelOf(access, object);
    const valid = validLevels(object, defaults, kind);
    if (valid.length === 0) {
      problems.push({ object, reason: 'noValidLevel' });
      continue;
    }
    if (level === null) {
      problems.push({ object, reason: 'missing' });
      continue;
    }
    if (!FIELD_LEVELS[kind][object].includes(level)) {
      problems.push({ object, reason: 'notAllowed' });
      continue;
    }
    if (!valid.includes(level)) {
      problems.push({ object, reason: kind === 'accountTeam' ? 'belowDefault' : 'notAboveDefault' });
      continue;
    }
    if (grantable && !grantableOf(grantable, object).includes(level)) {
      problems.push({ object, reason: 'notGrantable' });
      continue;
    }
    anyAbove ||= LEVEL_RANK[level] > DEFAULT_RANK[defaultOf(defaults, object)];
  }
  if (kind === 'accountTeam' && problems.length === 0 && !anyAbove) {
    problems.push({ object: null, reason: 'noneAboveDefault' });
  }
  return problems;
}

/**
 * The access a new member starts with: for each object the lowest level offered (so nothing is
 * granted by accident), contact null when not settable; null for an object with nothing to offer.
 */
export function initialAccess(
  defaults: OrgWideDefaults,
  kind: TeamKind,
  grantable: GrantableAccess,
): Record<AccessObject, TeamAccessLevel | null> {
  const pick = (object: AccessObject) => offeredLevels(object, defaults, kind, grantable)[0] ?? null;
  const access = {
    account: pick('account'),
    opportunity: pick('opportunity'),
    case: pick('case'),
    contact: pick('contact'),
  };
  if (kind === 'accountTeam' && validateAccess(accessFrom(access), defaults, kind, grantable).length > 0) {
    // ATM needs one level above its default: raise the first object that can be raised.
    for (const object of settableObjects(defaults)) {
      const level = access[object];
      const higher = offeredLevels(object, defaults, kind, grantable).find(
        (l) =>
          LEVEL_RANK[l] > DEFAULT_RANK[defaultOf(defaults, object)] &&
          (level === null || LEVEL_RANK[l] > LEVEL_RANK[level]),
      );
      if (higher) {
        access[object] = higher;
        break;
      }
    }
  }
  return access;
}

function requiredLevel(access: TeamAccess, object: AccessObject): TeamAccessLevel {
  const level = levelOf(access, object);
  if (level === null) throw new Error(`A team member needs a ${object} access level`);
  return level;
}

/** What `saveMyDefaultTeam` receives for a member: contact access null when contacts follow their account. */
export function toMemberInput(
  member: Pick<TeamMember, 'id' | 'userId' | 'role' | 'access'>,
  defaults: OrgWideDefaults,
): TeamMemberInput {
  return {
    id: member.id ?? null,
    userId: member.userId,
    role: member.role == null || member.role === '' ? null : member.role,
    accountAccess: member.access.account,
    opportunityAccess: member.access.opportunity,
    caseAccess: requiredLevel(member.access, 'case'),
    contactAccess: isContactSettable(defaults) ? levelOf(member.access, 'contact') : null,
  };
}
