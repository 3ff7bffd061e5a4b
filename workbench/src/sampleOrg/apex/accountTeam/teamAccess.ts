/**
 * The access-level rules of team members against the org-wide defaults (PLATFORM.md, "Account
 * Teams"), shared by the account team (AccountTeamMember) and the default team (UserAccountTeamMember)
 * handlers, and who may change an account's team. The defaults come from the dataset as
 * `Organization` reports them (org.json `sharingDefaults`); the user's own access from describe and
 * sharing (../../describe.ts, ../../access.ts).
 *
 * - AccountTeamMember: each level at least its org default, and at least one above it.
 * - UserAccountTeamMember: each level above its default (the reference's stricter reading; an org
 *   test settles it), Account Read or Edit only.
 * - Contacts Controlled by Parent: the contact level cannot be set and is left out of both rules.
 * - An object whose default is already the highest level it can hold (Public Read/Write) cannot be
 *   "above": on a default team it stays at that level; on an account team a member still needs one
 *   level above a default (what the platform does when every default is Public Read/Write is
 *   unverified, PLATFORM.md; the Apex refuses such a member too).
 * - Nobody grants more than they have (PLATFORM.md), as the Apex decides it (TeamChangePolicy): the
 *   account level at most the user's access to the account (All for its owner, users above the owner
 *   and Modify All Data; else Edit or Read), the other levels at most Edit within that. A default
 *   team is not capped (it is checked again, capped, when applied).
 */
import type {
  GrantableAccess,
  OrgWideDefault,
  OrgWideDefaults,
  TeamAccess,
  TeamAccessLevel,
  TeamChangeRefusal,
} from '@contract';
import type { RecordAccess } from '../../access';
import type { SampleOrg, SObjectRecord } from '../../sampleOrg';
import { DatasetError } from '../../sampleOrg';
import type { ApexContext } from '../registry';

export type TeamKind = 'AccountTeamMember' | 'UserAccountTeamMember';
export type TeamObject = keyof TeamAccess;

export const TEAM_OBJECTS: readonly TeamObject[] = ['account', 'opportunity', 'caseAccess', 'contact'];

/** The Organization field and the object of each level (for messages and caps). */
export const OBJECT_API_NAMES: Readonly<Record<TeamObject, string>> = {
  account: 'Account',
  opportunity: 'Opportunity',
  caseAccess: 'Case',
  contact: 'Contact',
};

/** The record field holding each level. */
export const LEVEL_FIELDS: Readonly<Record<TeamObject, string>> = {
  account: 'AccountAccessLevel',
  opportunity: 'OpportunityAccessLevel',
  caseAccess: 'CaseAccessLevel',
  contact: 'ContactAccessLevel',
};

const ORG_WIDE_DEFAULTS: readonly OrgWideDefault[] = [
  'None',
  'Read',
  'Edit',
  'ReadEditTransfer',
  'ControlledByParent',
  'ControlledByLeadOrContact',
  'ControlledByCampaign',
];

const RANK: Readonly<Record<TeamAccessLevel, number>> = { None: 0, Read: 1, Edit: 2, All: 3 };

/**
 * What a default grants everyone, as a team level: Private and the "Controlled by" defaults
 * nothing (access comes from elsewhere, so any team level is above it), Public Read Only Read,
 * Public Read/Write (with or without Transfer) Edit.
 */
const DEFAULT_RANK: Readonly<Record<OrgWideDefault, number>> = {
  None: 0,
  Read: 1,
  Edit: 2,
  ReadEditTransfer: 2,
  ControlledByParent: 0,
  ControlledByLeadOrContact: 0,
  ControlledByCampaign: 0,
};

/**
 * The levels a member's field may hold: Account Read/Edit/All on an account team (All as the owner
 * has it), Read/Edit on a default team; the others None/Read/Edit.
 */
const SETTABLE: Readonly<Record<TeamKind, Readonly<Record<TeamObject, readonly TeamAccessLevel[]>>>> = {
  AccountTeamMember: {
    account: ['Read', 'Edit', 'All'],
    opportunity: ['None', 'Read', 'Edit'],
    caseAccess: ['None', 'Read', 'Edit'],
    contact: ['None', 'Read', 'Edit'],
  },
  UserAccountTeamMember: {
    account: ['Read', 'Edit'],
    opportunity: ['None', 'Read', 'Edit'],
    caseAccess: ['None', 'Read', 'Edit'],
    contact: ['None', 'Read', 'Edit'],
  },
};

export function isTeamAccessLevel(value: unknown): value is TeamAccessLevel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RANK, value);
}

/** Organization's DefaultAccountAccess etc. from org.json `sharingDefaults` (Public Read Only when unset). */
export function orgWideDefaults(org: SampleOrg): OrgWideDefaults {
  const read = (objectApiName: string): OrgWideDefault => {
    const value = org.sharingDefaults[objectApiName] ?? 'Read';
    if (!(ORG_WIDE_DEFAULTS as readonly string[]).includes(value)) {
      throw new DatasetError(
        `Dataset "${org.name}": sharingDefaults.${objectApiName} is ${value}; Organization holds one of ${ORG_WIDE_DEFAULTS.join(', ')}`,
      );
    }
    return value as OrgWideDefault;
  };
  return {
    account: read('Account'),
    opportunity: read('Opportunity'),
    contact: read('Contact'),
    caseAccess: read('Case'),
  };
}

/** Whether the contact level is left out (contacts Controlled by Parent). */
export function contactLeftOut(defaults: OrgWideDefaults): boolean {
  return defaults.contact === 'ControlledByParent';
}

/** The objects whose levels the rules consider. */
function ruledObjects(defaults: OrgWideDefaults): TeamObject[] {
  return TEAM_OBJECTS.filter((object) => object !== 'contact' || !contactLeftOut(defaults));
}

/** Whether some level the object's field may hold is above its default. */
function canBeAbove(kind: TeamKind, defaults: OrgWideDefaults, object: TeamObject): boolean {
  return SETTABLE[kind][object].some((level) => RANK[level] > DEFAULT_RANK[defaults[object]]);
}

/** Whether `level` is allowed for the object by the rule of `kind`, the other objects aside. */
function levelAllowed(
  kind: TeamKind,
  defaults: OrgWideDefaults,
  object: TeamObject,
  level: TeamAccessLevel,
): boolean {
  if (!SETTABLE[kind][object].includes(level)) return false;
  const base = DEFAULT_RANK[defaults[object]];
  if (kind === 'AccountTeamMember' || !canBeAbove(kind, defaults, object)) return RANK[level] >= base;
  return RANK[level] > base;
}

/** The highest level the user may grant on each object. */
export type AccessCap = Readonly<Record<TeamObject, TeamAccessLevel>>;

/** No limit: default team members are not capped. */
export const UNCAPPED: AccessCap = {
  account: 'All',
  opportunity: 'Edit',
  caseAccess: 'Edit',
  contact: 'Edit',
};

/**
 * What the user has on the account (UserRecordAccess): All for its owner, users above the owner and
 * Modify All Data; else Edit when they may edit it, else Read; the other levels at most Edit within
 * that.
 */
export function accessCap(context: ApexContext, access: RecordAccess, account: SObjectRecord): AccessCap {
  const all = context.user.modifyAllData === true || access.ownsOrIsAbove(account.OwnerId);
  const accountLevel: TeamAccessLevel = all ? 'All' : access.canEdit(account) ? 'Edit' : 'Read';
  const related: TeamAccessLevel = RANK[accountLevel] >= RANK.Edit ? 'Edit' : accountLevel;
  return { account: accountLevel, opportunity: related, caseAccess: related, contact: related };
}

/** The levels a user may choose for each object, in the order None, Read, Edit. */
export function grantableAccess(kind: TeamKind, defaults: OrgWideDefaults, cap: AccessCap): GrantableAccess {
  const levels = (object: TeamObject): TeamAccessLevel[] =>
    object === 'contact' && contactLeftOut(defaults)
      ? []
      : SETTABLE[kind][object].filter(
          (level) => levelAllowed(kind, defaults, object, level) && RANK[level] <= RANK[cap[object]],
        );
  return {
    account: levels('account'),
    opportunity: levels('opportunity'),
    caseAccess: levels('caseAccess'),
    contact: levels('contact'),
  };
}

/**
 * Why a member's access is refused (the objects at fault where there are some): a level the field
 * cannot hold, a contact level missing where it can be set, a level below the default (or, on a
 * default team, not above it), none above the defaults, a contact level set while contacts are
 * Controlled by Parent, more than the user has.
 */
export type AccessViolation =
  | { kind: 'notSettable' | 'contactRequired' | 'belowDefault' | 'notAboveDefault'; objects: TeamObject[] }
  | { kind: 'noneAbove' }
  | { kind: 'contactSet' }
  | { kind: 'exceedsOwn'; objects: TeamObject[] };

/** The member's access checked against the rules of `kind` and the user's cap; undefined when valid. */
export function accessViolation(
  kind: TeamKind,
  defaults: OrgWideDefaults,
  cap: AccessCap,
  access: Partial<Record<TeamObject, TeamAccessLevel | null | undefined>>,
): AccessViolation | undefined {
  // The shape first, as the Apex checks it: levels the fields cannot hold, then the contact level.
  const shaped = (['account', 'opportunity', 'caseAccess'] as const).filter(
    (object) => !SETTABLE[kind][object].includes(access[object] ?? ('' as TeamAccessLevel)),
  );
  if (shaped.length > 0) return { kind: 'notSettable', objects: shaped };
  if (contactLeftOut(defaults)) {
    if (access.contact != null) return { kind: 'contactSet' };
  } else if (access.contact == null) {
    return { kind: 'contactRequired', objects: ['contact'] };
  } else if (!SETTABLE[kind].contact.includes(access.contact)) {
    return { kind: 'notSettable', objects: ['contact'] };
  }
  const objects = ruledObjects(defaults);
  const exceeding = objects.filter((object) => RANK[access[object] ?? 'None'] > RANK[cap[object]]);
  if (exceeding.length > 0) return { kind: 'exceedsOwn', objects: exceeding };
  const wrong = objects.filter((object) => !levelAllowed(kind, defaults, object, access[object] ?? 'None'));
  if (wrong.length > 0) {
    return { kind: kind === 'AccountTeamMember' ? 'belowDefault' : 'notAboveDefault', objects: wrong };
  }
  const above = objects.some((object) => RANK[access[object] ?? 'None'] > DEFAULT_RANK[defaults[object]]);
  if (kind === 'AccountTeamMember' && !above) return { kind: 'noneAbove' };
  return undefined;
}

/**
 * Why the user may not change the account's team, or null when they may (PLATFORM.md): create and
 * edit on AccountTeamMember, Edit on the account, and the owner, above the owner in the role
 * hierarchy, or an admin (Modify All Data).
 */
export function teamChangeRefusal(
  context: ApexContext,
  access: RecordAccess,
  account: SObjectRecord,
): TeamChangeRefusal | null {
  const { describe, user } = context;
  const atm = 'AccountTeamMember';
  if (!describe.canAccessObject(atm, 'create') || !describe.canAccessObject(atm, 'edit')) {
    return 'noTeamMemberAccess';
  }
  if (!access.canEdit(account)) return 'noAccountEdit';
  if (user.modifyAllData !== true && !ownsOrIsAboveWithin(context, account.OwnerId)) return 'notOwnerOrAbove';
  return null;
}

/** TeamChangePolicy.MAX_ROLE_LEVELS: the parent roles the Apex reads above an owner's role. */
export const MAX_ROLE_LEVELS = 10;

/**
 * The owner is the user, or the user's role is among the MAX_ROLE_LEVELS roles above the owner's
 * (TeamChangePolicy reads one level per query and stops there: a deeper chain counts as "not above",
 * the safer answer). Sharing itself (RecordAccess.ownsOrIsAbove) has no such limit.
 */
function ownsOrIsAboveWithin(context: ApexContext, ownerId: unknown): boolean {
  const { org, user } = context;
  if (ownerId === user.id) return true;
  const roles = org.config.roles ?? {};
  const mine = user.role;
  let role = typeof ownerId === 'string' ? org.user(ownerId)?.role : undefined;
  if (mine === undefined || role === undefined) return false;
  for (let level = 0; level < MAX_ROLE_LEVELS; level++) {
    const parent: string | null | undefined = roles[role];
    if (!parent) return false;
    if (parent === mine) return true;
    role = parent;
  }
  return false;
}

/** The access a team member record holds (contact null when left out or not set). */
export function accessOfRecord(record: SObjectRecord, defaults: OrgWideDefaults): TeamAccess {
  const level = (object: TeamObject): TeamAccessLevel => {
    const value = record[LEVEL_FIELDS[object]];
    return isTeamAccessLevel(value) ? value : 'None';
  };
  const contact = record.ContactAccessLevel;
  return {
    account: level('account'),
    opportunity: level('opportunity'),
    caseAccess: level('caseAccess'),
    contact: contactLeftOut(defaults) || !isTeamAccessLevel(contact) ? null : contact,
  };
}

/** The record fields of an access (contact left out when Controlled by Parent). */
export function levelFields(access: TeamAccess, defaults: OrgWideDefaults): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    AccountAccessLevel: access.account,
    OpportunityAccessLevel: access.opportunity,
    CaseAccessLevel: access.caseAccess,
  };
  if (!contactLeftOut(defaults)) fields.ContactAccessLevel = access.contact ?? null;
  return fields;
}

export function sameAccess(a: TeamAccess, b: TeamAccess, defaults: OrgWideDefaults): boolean {
  return ruledObjects(defaults).every((object) => (a[object] ?? null) === (b[object] ?? null));
}
