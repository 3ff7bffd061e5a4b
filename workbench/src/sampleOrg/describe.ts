/**
 * The describe a user gets in the sample org: which objects exist (an object of a feature that is
 * off does not exist at all), the user's object access and field-level security, by the rules of
 * data/README.md ("org.json").
 */
import type { FeatureName, ObjectAccessLevel } from '@contract';
import type { FieldAccessRule, OrgUserConfig } from './dataset';
import { customPermissionsOf } from './permissionSets';

/** The objects that exist only while an org feature is on (DESIGN.md, "Feature-dependent objects"). */
export const FEATURE_OBJECTS: Readonly<Record<string, FeatureName>> = {
  AccountContactRelation: 'ContactsToMultipleAccounts',
  AccountTeamMember: 'AccountTeams',
  UserAccountTeamMember: 'AccountTeams',
};

const ACCESS_ORDER: readonly ObjectAccessLevel[] = ['read', 'create', 'edit', 'delete'];

export class Describe {
  constructor(
    private readonly features: Readonly<Partial<Record<FeatureName, boolean>>>,
    private readonly user: OrgUserConfig,
  ) {}

  /** Whether the object is in the org's (global) describe at all. */
  objectExists(objectApiName: string): boolean {
    const feature = FEATURE_OBJECTS[objectApiName];
    return feature === undefined || this.features[feature] === true;
  }

  /**
   * The user's object access, in the order read, create, edit, delete; empty when the object does not
   * exist. User is readable when org.json does not say otherwise: every profile can read users
   * (an account's `Owner.Name` shows to anyone who can see the account).
   */
  objectAccess(objectApiName: string): ObjectAccessLevel[] {
    if (!this.objectExists(objectApiName)) return [];
    const granted = this.user.objectAccess?.[objectApiName] ?? (objectApiName === 'User' ? ['read'] : []);
    return ACCESS_ORDER.filter((level) => granted.includes(level));
  }

  canAccessObject(objectApiName: string, level: ObjectAccessLevel): boolean {
    return this.objectAccess(objectApiName).includes(level);
  }

  /**
   * Field-level access: an org.json exception ("Object.Field") if there is one, else "edit" when the
   * object is editable and "read" when it is readable. Object access caps it, as describe's
   * isAccessible()/isUpdateable() do: no read on the object → none; no edit → at most read.
   */
  fieldAccess(objectApiName: string, fieldApiName: string): FieldAccessRule {
    const objectAccess = this.objectAccess(objectApiName);
    if (!objectAccess.includes('read')) return 'none';
    const editable = objectAccess.includes('edit');
    const rule = this.user.fieldAccess?.[`${objectApiName}.${fieldApiName}`] ?? (editable ? 'edit' : 'read');
    return rule === 'edit' && !editable ? 'read' : rule;
  }

  fieldReadable(objectApiName: string, fieldApiName: string): boolean {
    return this.fieldAccess(objectApiName, fieldApiName) !== 'none';
  }

  fieldUpdateable(objectApiName: string, fieldApiName: string): boolean {
    return this.fieldAccess(objectApiName, fieldApiName) === 'edit';
  }

  /** Custom permissions come from the user's permission sets, as their metadata grants them. */
  hasCustomPermission(name: string): boolean {
    return customPermissionsOf(this.user.permissionSets ?? []).includes(name);
  }
}
