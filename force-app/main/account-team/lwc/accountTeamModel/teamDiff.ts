/**
 * Team differences and ordering: what applying a default team to an account's current team would do
 * (add / same / different per member), which keep-or-update choices the user made, and the orders
 * the tables use (grouped by role in catalog order, sorted by a column).
 *
 * The server's `previewTeam` computes the authoritative diff for each account; the same function here
 * shows "differences from my default team / the owner's" on the record page without a call, and lets
 * the tests pin the rules down.
 *
 * Part of `c/accountTeamModel`; pure TypeScript, no DOM, no platform imports.
 */
import type {
  AccountTeamDiff,
  RoleOption,
  TeamAccess,
  TeamDifferenceChoice,
  TeamMember,
  TeamMemberChoice,
  TeamMemberDiff,
} from '@contract';
import { ACCESS_OBJECTS, levelOf, levelRank } from './teamAccess';
import type { AccessObject } from './teamAccess';
import { compareRoleOptions } from './teamRoles';

export type DiffKind = TeamMemberDiff['kind'];

function sameRole(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a == null || a === '' ? null : a) === (b == null || b === '' ? null : b);
}

/** Equal levels; a missing contact level (Controlled by Parent) equals a missing one only. */
export function sameAccess(a: TeamAccess, b: TeamAccess): boolean {
  return ACCESS_OBJECTS.every((object) => levelOf(a, object) === levelOf(b, object));
}

/** Which objects' levels differ between two members. */
export function changedObjects(current: TeamAccess, proposed: TeamAccess): AccessObject[] {
  return ACCESS_OBJECTS.filter((object) => levelOf(current, object) !== levelOf(proposed, object));
}

const KIND_ORDER: Record<DiffKind, number> = { different: 0, add: 1, same: 2 };

/**
 * The difference between an account's current team and a default team: one entry per active
 * default-team member (inactive users are never added, as the server's preview leaves them out;
 * members of the current team that the default team lacks are untouched, so not listed).
 * Ordered: different first (they need a choice), then add, then same; by name within each.
 */
export function diffTeam(
  current: readonly TeamMember[],
  proposed: readonly TeamMember[],
  locale?: string,
): TeamMemberDiff[] {
  const byUser = new Map(current.map((m) => [m.userId, m]));
  const diffs = proposed
    .filter((member) => member.userActive)
    .map((member): TeamMemberDiff => {
      const existing = byUser.get(member.userId);
      if (!existing) {
        return {
          userId: member.userId,
          userName: member.userName,
          kind: 'add',
          proposed: member,
          current: null,
        };
      }
      const same = sameRole(existing.role, member.role) && sameAccess(existing.access, member.access);
      return {
        userId: member.userId,
        userName: member.userName,
        kind: same ? 'same' : 'different',
        proposed: member,
        current: existing,
      };
    });
  return sortDiffs(diffs, locale);
}

export function sortDiffs(diffs: readonly TeamMemberDiff[], locale?: string): TeamMemberDiff[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...diffs].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.userName, b.userName),
  );
}

export interface DiffCounts {
  add: number;
  same: number;
  different: number;
}

export function countDiffs(diffs: readonly Pick<TeamMemberDiff, 'kind'>[]): DiffCounts {
  const counts: DiffCounts = { add: 0, same: 0, different: 0 };
  for (const diff of diffs) counts[diff.kind]++;
  return counts;
}

/** Counts over every account of a preview (accounts the user may not change are left out). */
export function countPreview(accounts: readonly AccountTeamDiff[]): DiffCounts & { refusedAccounts: number } {
  const counts = { add: 0, same: 0, different: 0, refusedAccounts: 0 };
  for (const account of accounts) {
    if (!account.canChange) {
      counts.refusedAccounts++;
      continue;
    }
    const c = countDiffs(account.members);
    counts.add += c.add;
    counts.same += c.same;
    counts.different += c.different;
  }
  return counts;
}

/**
 * The keep/update decision for `different` members: one choice for all, overridden per member.
 * `choices()` lists only the overrides (members not listed follow `onDifferent`, as applyTeam reads it).
 */
export class DifferenceChoices {
  private readonly overrides = new Map<string, TeamDifferenceChoice>();

  constructor(public onDifferent: TeamDifferenceChoice = 'keep') {}

  /** A copy to change (components re-render on a new object, not on a changed one). */
  copy(): DifferenceChoices {
    const copy = new DifferenceChoices(this.onDifferent);
    for (const [userId, choice] of this.overrides) copy.overrides.set(userId, choice);
    return copy;
  }

  /** Sets the choice for every member: per-member overrides are dropped. */
  setAll(choice: TeamDifferenceChoice): void {
    this.onDifferent = choice;
    this.overrides.clear();
  }

  set(userId: string, choice: TeamDifferenceChoice): void {
    if (choice === this.onDifferent) {
      this.overrides.delete(userId);
    } else {
      this.overrides.set(userId, choice);
    }
  }

  choiceFor(userId: string): TeamDifferenceChoice {
    return this.overrides.get(userId) ?? this.onDifferent;
  }

  choices(): TeamMemberChoice[] {
    return [...this.overrides].map(([userId, choice]) => ({ userId, choice }));
  }

  /** What applying would do with these diffs: members added, updated, kept as they are, already right. */
  outcome(diffs: readonly Pick<TeamMemberDiff, 'kind' | 'userId'>[]): {
    add: number;
    update: number;
    keep: number;
    same: number;
  } {
    const result = { add: 0, update: 0, keep: 0, same: 0 };
    for (const diff of diffs) {
      if (diff.kind === 'different') {
        result[this.choiceFor(diff.userId)]++;
      } else {
        result[diff.kind]++;
      }
    }
    return result;
  }
}

/** A role and its members, for tables grouped by role. */
export interface RoleGroup<T> {
  /** The role's value; null for members without a role. */
  role: string | null;
  members: T[];
}

/**
 * Groups members by role: roles in catalog order (the options' sortOrder, then their picklist
 * order), then roles the options lack (a deactivated value) alphabetically, then members without a
 * role. Members keep the order they are given within a group (sort them first).
 */
export function groupByRole<T extends { role?: string | null }>(
  members: readonly T[],
  roleOptions: readonly RoleOption[],
  locale?: string,
): RoleGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const member of members) {
    const role = member.role == null || member.role === '' ? null : member.role;
    const list = groups.get(role);
    if (list) list.push(member);
    else groups.set(role, [member]);
  }
  const catalog = [...roleOptions].sort(compareRoleOptions).map((o) => o.value);
  const position = new Map(catalog.map((value, index) => [value, index]));
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const rank = (role: string | null): number =>
    role === null ? Number.MAX_SAFE_INTEGER : (position.get(role) ?? Number.MAX_SAFE_INTEGER - 1);
  return [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b) || collator.compare(a ?? '', b ?? ''))
    .map((role) => ({ role, members: groups.get(role) ?? [] }));
}

export type MemberSortField = 'name' | 'role' | AccessObject;
export type SortDirection = 'asc' | 'desc';

/**
 * Members sorted by a column: name (locale order), role (catalog order), or an access level
 * (lowest first; a missing level lowest). Ties go by name, always ascending.
 */
export function sortMembers<T extends Pick<TeamMember, 'userName' | 'role' | 'access'>>(
  members: readonly T[],
  field: MemberSortField,
  direction: SortDirection,
  roleOptions: readonly RoleOption[] = [],
  locale?: string,
): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const catalog = [...roleOptions].sort(compareRoleOptions).map((o) => o.value);
  const rolePosition = new Map(catalog.map((value, index) => [value, index]));
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: T, b: T) => collator.compare(a.userName, b.userName);
  const primary = (a: T, b: T): number => {
    switch (field) {
      case 'name':
        return byName(a, b);
      case 'role': {
        const ra = a.role == null || a.role === '' ? Infinity : (rolePosition.get(a.role) ?? catalog.length);
        const rb = b.role == null || b.role === '' ? Infinity : (rolePosition.get(b.role) ?? catalog.length);
        return ra === rb ? collator.compare(a.role ?? '', b.role ?? '') : ra < rb ? -1 : 1;
      }
      default: {
        const la = levelOf(a.access, field);
        const lb = levelOf(b.access, field);
        return (la == null ? -1 : levelRank(la)) - (lb == null ? -1 : levelRank(lb));
      }
    }
  };
  return [...members].sort((a, b) => sign * primary(a, b) || byName(a, b));
}
