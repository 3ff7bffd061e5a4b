/**
 * Change sets: what `saveRelationships` is sent for an inline role edit or a bulk action, one
 * `RelationshipChange` per row that actually changes, each carrying the `lastModifiedDate` the user
 * saw (the server refuses a row changed since). And `applyChange`: the row as it will be once saved,
 * for the optimistic update.
 *
 * Part of `c/relatedContactsModel`; pure TypeScript, no DOM, no platform imports.
 */
import type { ContactRelationship, RelationshipChange } from '@contract';

/**
 * A bulk action on selected rows. `end`: inactive, end date today (the normal way out, reversible);
 * `reactivate`: active again, no end date.
 */
export type BulkAction =
  | { type: 'addRole'; role: string }
  | { type: 'removeRole'; role: string }
  | { type: 'end'; today: string }
  | { type: 'reactivate' };

export interface ChangeSet {
  changes: RelationshipChange[];
  /** Rows the user may not change (`canEdit` false): nothing is sent for them. */
  readOnlyIds: string[];
  /** Rows the action leaves as they are (the role is already there, already ended…). */
  unchangedIds: string[];
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((role) => set.has(role));
}

/** The change an inline role edit makes, or null when the roles are the same (in any order). */
export function roleEditChange(
  row: ContactRelationship,
  roles: readonly string[],
): RelationshipChange | null {
  const next = [...new Set(roles)];
  if (sameRoles(row.roles, next)) return null;
  return { id: row.id, lastModifiedDate: row.lastModifiedDate, fields: ['Roles'], roles: next };
}

/** The change one bulk action makes to one row, or null when it changes nothing. */
export function actionChange(row: ContactRelationship, action: BulkAction): RelationshipChange | null {
  const base = { id: row.id, lastModifiedDate: row.lastModifiedDate };
  switch (action.type) {
    case 'addRole':
      return row.roles.includes(action.role)
        ? null
        : { ...base, fields: ['Roles'], roles: [...row.roles, action.role] };
    case 'removeRole':
      return row.roles.includes(action.role)
        ? { ...base, fields: ['Roles'], roles: row.roles.filter((role) => role !== action.role) }
        : null;
    case 'end':
      // An already ended relationship keeps the date it ended on.
      return !row.isActive && row.endDate != null
        ? null
        : { ...base, fields: ['IsActive', 'EndDate'], isActive: false, endDate: action.today };
    default: // 'reactivate'
      return row.isActive && row.endDate == null
        ? null
        : { ...base, fields: ['IsActive', 'EndDate'], isActive: true, endDate: null };
  }
}

/** The changes a bulk action makes to the rows: only rows the user may edit and that change. */
export function bulkChanges(rows: readonly ContactRelationship[], action: BulkAction): ChangeSet {
  const set: ChangeSet = { changes: [], readOnlyIds: [], unchangedIds: [] };
  for (const row of rows) {
    if (!row.canEdit) {
      set.readOnlyIds.push(row.id);
      continue;
    }
    const change = actionChange(row, action);
    if (change) set.changes.push(change);
    else set.unchangedIds.push(row.id);
  }
  return set;
}

/** The row as it will be once the change is saved (only the fields the change names). */
export function applyChange(row: ContactRelationship, change: RelationshipChange): ContactRelationship {
  const next: ContactRelationship = { ...row };
  for (const field of change.fields) {
    switch (field) {
      case 'Roles':
        next.roles = [...(change.roles ?? [])];
        break;
      case 'IsActive':
        next.isActive = change.isActive === true;
        break;
      case 'StartDate':
        next.startDate = change.startDate ?? null;
        break;
      case 'EndDate':
        next.endDate = change.endDate ?? null;
        break;
      default:
        break;
    }
  }
  return next;
}
