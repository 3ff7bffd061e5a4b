/**
 * What a user-mode query returns and refuses in the sample org, for any object of the schema
 * (./schema.ts): object and field access from the user's describe, and record visibility from the
 * org's sharing (org-wide defaults, ownership, role hierarchy, account teams, View All Data), and
 * who may edit a record (`canEdit`: the same sharing at edit level, Modify All Data). Apex stand-ins
 * read records through this, never through SampleOrg.records() directly, and change them through
 * ./dml.ts, so every feature gets the platform's rules without restating them.
 *
 * Kept to what a dataset can say (data/README.md): no sharing rules, groups, territories or manual
 * shares. Records of an object outside the schema are visible to anyone who can read the object.
 */
import type { Describe } from './describe';
import type { OrgUser, SampleOrg, SObjectRecord } from './sampleOrg';
import { objectSchema } from './schema';

/** System.QueryException: a user-mode query names an object or field the user cannot read. */
export class QueryException extends Error {}

/** Org-wide defaults under which every user sees every record (Public Read Only, Public Read/Write). */
const PUBLIC_DEFAULTS = new Set(['Read', 'Edit', 'ReadEditTransfer', 'ReadWrite', 'All']);
/** Org-wide defaults under which every user who sees a record may edit it (Public Read/Write). */
const PUBLIC_EDIT_DEFAULTS = new Set(['Edit', 'ReadEditTransfer', 'ReadWrite', 'All']);
/** Account team access levels that let the member edit the account. */
const TEAM_EDIT_LEVELS = new Set(['Edit', 'All']);

export interface AccessContext {
  org: SampleOrg;
  user: OrgUser;
  describe: Describe;
}

export class RecordAccess {
  /** Visibility by record Id, computed once per call (a hierarchy reads the same parents many times). */
  private readonly visibility = new Map<string, boolean>();
  /** Edit access by record Id, computed once per call. */
  private readonly editability = new Map<string, boolean>();
  private rolesBelow: Set<string> | undefined;

  constructor(private readonly context: AccessContext) {}

  /**
   * Fails as a user-mode query on `objectApiName` selecting or filtering on `fields` would: the
   * object must exist and be readable, and every field readable (a field the user cannot read is "No
   * such column" to them).
   * @throws QueryException
   */
  assertReadable(objectApiName: string, fields: readonly string[] = []): void {
    const { describe } = this.context;
    if (!describe.canAccessObject(objectApiName, 'read')) {
      throw new QueryException(`sObject type '${objectApiName}' is not supported`);
    }
    for (const field of fields) {
      if (!describe.fieldReadable(objectApiName, field)) {
        throw new QueryException(`No such column '${field}' on entity '${objectApiName}'`);
      }
    }
  }

  /** The record with this Id as a user-mode query returns it: undefined when it is not there for the user. */
  visibleRecord(objectApiName: string, id: string | null): SObjectRecord | undefined {
    const record = id === null ? undefined : this.context.org.record(id);
    if (record?.attributes.type !== objectApiName) return undefined;
    return this.canSee(record) ? record : undefined;
  }

  /** Every record of the object the user sees (object access, then sharing). */
  visibleRecords(objectApiName: string): SObjectRecord[] {
    if (!this.context.describe.canAccessObject(objectApiName, 'read')) return [];
    return this.context.org.records(objectApiName).filter((record) => this.canSee(record));
  }

  /** Up to `limit` of `records`, from index `from` on, that the user sees (a query's LIMIT counts visible rows). */
  firstVisible(records: readonly SObjectRecord[], from: number, limit: number): SObjectRecord[] {
    const visible: SObjectRecord[] = [];
    for (let i = from; i < records.length && visible.length < limit; i++) {
      const record = records[i];
      if (record && this.canSee(record)) visible.push(record);
    }
    return visible;
  }

  /** Whether sharing lets the user see the record (object access is checked separately). */
  canSee(record: SObjectRecord): boolean {
    let visible = this.visibility.get(record.Id);
    if (visible === undefined) {
      visible = this.sharingAllows(record);
      this.visibility.set(record.Id, visible);
    }
    return visible;
  }

  /**
   * Whether the user may edit the record, as user-mode DML decides: Edit on the object, and sharing
   * at edit level (schema.ts `SharingRule`): Modify All Data; a Public Read/Write default; else the
   * owner, users above the owner in the role hierarchy, account team members with Edit access; a
   * record controlled by its parent (Contact) follows the parent; a junction (AccountContactRelation)
   * needs Edit on its `editParentField` record and sight of the others.
   */
  canEdit(record: SObjectRecord): boolean {
    if (!this.context.describe.canAccessObject(record.attributes.type, 'edit')) return false;
    return this.sharingAllowsEdit(record);
  }

  /**
   * Sharing at edit level, object access aside: what creating or deleting a record needs besides the
   * object's create or delete access (and what a parent's edit access means whatever its object access).
   */
  sharingAllowsEdit(record: SObjectRecord): boolean {
    let editable = this.editability.get(record.Id);
    if (editable === undefined) {
      editable = this.canSee(record) && this.editSharing(record);
      this.editability.set(record.Id, editable);
    }
    return editable;
  }

  private editSharing(record: SObjectRecord): boolean {
    const { org, user } = this.context;
    if (user.modifyAllData === true) return true;
    const sharing = objectSchema(record.attributes.type)?.sharing;
    if (!sharing || sharing.kind === 'public') return true;
    if (sharing.kind === 'parents') {
      const editField = sharing.editParentField;
      // "Edit on the contact" (PLATFORM.md): the parent's object access and its sharing.
      return sharing.parentFields.every((field) =>
        editField === undefined || field === editField
          ? this.canEditId(record[field], true)
          : this.canSeeId(record[field]),
      );
    }
    const orgDefault = org.sharingDefaults[sharing.sharingDefault] ?? sharing.unsetDefault ?? 'Read';
    if (orgDefault === 'ControlledByParent' && sharing.parentField) {
      const parentId = record[sharing.parentField];
      if (typeof parentId === 'string' && parentId) return this.canEditId(parentId);
    } else if (PUBLIC_EDIT_DEFAULTS.has(orgDefault)) {
      return true;
    }
    return this.ownsOrIsAbove(record.OwnerId) || this.isOnAccountTeam(record, TEAM_EDIT_LEVELS);
  }

  /** Edit on the record `id` by sharing, and (`withObjectAccess`) Edit on its object too. */
  private canEditId(id: unknown, withObjectAccess = false): boolean {
    const parent = typeof id === 'string' && id ? this.context.org.record(id) : undefined;
    if (parent === undefined) return false;
    return withObjectAccess ? this.canEdit(parent) : this.sharingAllowsEdit(parent);
  }

  private sharingAllows(record: SObjectRecord): boolean {
    const { org, user } = this.context;
    if (user.viewAllData === true) return true;
    const sharing = objectSchema(record.attributes.type)?.sharing;
    if (!sharing || sharing.kind === 'public') return true;
    if (sharing.kind === 'parents') {
      return sharing.parentFields.every((field) => this.canSeeId(record[field]));
    }
    const orgDefault = org.sharingDefaults[sharing.sharingDefault] ?? sharing.unsetDefault ?? 'Read';
    if (orgDefault === 'ControlledByParent' && sharing.parentField) {
      const parentId = record[sharing.parentField];
      // A private contact (no account) is its owner's alone.
      if (typeof parentId === 'string' && parentId) return this.canSeeId(parentId);
    } else if (PUBLIC_DEFAULTS.has(orgDefault)) {
      return true;
    }
    return this.ownsOrIsAbove(record.OwnerId) || this.isOnAccountTeam(record);
  }

  private canSeeId(id: unknown): boolean {
    const parent = typeof id === 'string' && id ? this.context.org.record(id) : undefined;
    return parent !== undefined && this.canSee(parent);
  }

  /**
   * The owner is the user, or a user whose role is below the user's (org.json `roles`): what
   * sharing gives the user, and who may change an account's team besides admins (PLATFORM.md).
   */
  ownsOrIsAbove(ownerId: unknown): boolean {
    const { org, user } = this.context;
    if (ownerId === user.id) return true;
    const ownerRole = typeof ownerId === 'string' ? org.user(ownerId)?.role : undefined;
    return ownerRole !== undefined && this.roleBelow().has(ownerRole);
  }

  /** The roles under the user's role in org.json `roles`. */
  private roleBelow(): Set<string> {
    if (this.rolesBelow) return this.rolesBelow;
    const roles = this.context.org.config.roles ?? {};
    const below = new Set<string>();
    const mine = this.context.user.role;
    if (mine !== undefined) {
      for (const role of Object.keys(roles)) {
        // Walk up from each role; a loop in the data stops at a role already seen.
        const seen = new Set<string>();
        for (let parent = roles[role]; parent && !seen.has(parent); parent = roles[parent]) {
          seen.add(parent);
          if (parent === mine) {
            below.add(role);
            break;
          }
        }
      }
    }
    this.rolesBelow = below;
    return below;
  }

  /**
   * Account team members can read the account (AccountAccessLevel is at least Read); with `levels`,
   * only members whose AccountAccessLevel is one of them count (Edit, All: they may edit it).
   */
  private isOnAccountTeam(record: SObjectRecord, levels?: ReadonlySet<string>): boolean {
    const { org, user } = this.context;
    if (record.attributes.type !== 'Account' || !org.objectExists('AccountTeamMember')) return false;
    const team = org.groupedBy('AccountTeamMember', 'AccountId').get(record.Id) ?? [];
    return team.some(
      (member) =>
        member.UserId === user.id && (levels === undefined || levels.has(String(member.AccountAccessLevel))),
    );
  }
}
