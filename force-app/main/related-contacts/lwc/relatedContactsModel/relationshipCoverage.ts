/**
 * Key-role coverage: which of the catalog's key roles an account has among its ACTIVE relationships
 * ("Economic Buyer: 2") and which it lacks ("No Economic Buyer"). In hierarchy mode, per account.
 *
 * Part of `c/relatedContactsModel`; pure TypeScript, no DOM, no platform imports.
 */
import type { ContactRelationship, RoleOption } from '@contract';

export interface CoveredRole {
  role: string;
  label: string;
  /** Active relationships holding the role. */
  count: number;
}

export interface RoleCoverage {
  /** Key roles held by at least one active relationship, in key-role order. */
  present: CoveredRole[];
  /** Key roles no active relationship holds, in key-role order. */
  missing: { role: string; label: string }[];
}

export interface AccountCoverage extends RoleCoverage {
  accountId: string;
  accountName: string;
}

function labelOf(options: readonly RoleOption[]): (role: string) => string {
  const labels = new Map(options.map((option) => [option.value, option.label]));
  return (role) => labels.get(role) ?? role;
}

function coverageOfCounts(
  counts: ReadonlyMap<string, number>,
  keyRoles: readonly string[],
  label: (role: string) => string,
): RoleCoverage {
  const coverage: RoleCoverage = { present: [], missing: [] };
  for (const role of new Set(keyRoles)) {
    const count = counts.get(role) ?? 0;
    if (count > 0) coverage.present.push({ role, label: label(role), count });
    else coverage.missing.push({ role, label: label(role) });
  }
  return coverage;
}

function countRoles(
  rows: Iterable<ContactRelationship>,
  into = new Map<string, number>(),
): Map<string, number> {
  for (const row of rows) {
    if (!row.isActive) continue;
    for (const role of new Set(row.roles)) into.set(role, (into.get(role) ?? 0) + 1);
  }
  return into;
}

/** Coverage over all the rows given (one account, or a contact's accounts taken together). */
export function coverageOf(
  rows: Iterable<ContactRelationship>,
  keyRoles: readonly string[],
  roleOptions: readonly RoleOption[],
): RoleCoverage {
  return coverageOfCounts(countRoles(rows), keyRoles, labelOf(roleOptions));
}

/**
 * Coverage per account (hierarchy mode), in the order of `accounts` when given (so accounts without
 * any relationship are listed too, with every key role missing), else in order of first appearance.
 */
export function coverageByAccount(
  rows: Iterable<ContactRelationship>,
  keyRoles: readonly string[],
  roleOptions: readonly RoleOption[],
  accounts?: readonly { id: string; name: string }[],
): AccountCoverage[] {
  const byAccount = new Map<string, { name: string; rows: ContactRelationship[] }>();
  for (const account of accounts ?? []) byAccount.set(account.id, { name: account.name, rows: [] });
  for (const row of rows) {
    let group = byAccount.get(row.accountId);
    if (!group) {
      group = { name: row.accountName, rows: [] };
      byAccount.set(row.accountId, group);
    }
    group.rows.push(row);
  }
  const label = labelOf(roleOptions);
  return [...byAccount].map(([accountId, group]) => ({
    accountId,
    accountName: group.name,
    ...coverageOfCounts(countRoles(group.rows), keyRoles, label),
  }));
}
