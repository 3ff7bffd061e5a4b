/**
 * The describe a user gets in the sample org: which objects exist (an object of a feature that is
 * off does not exist at all), the user's object access and field-level security, by the rules of
 * data/README.md ("org.json"), capped by what the platform allows on each field (./schema.ts: a
 * system field is never updateable, whatever the user's access).
 */
import type { FeatureName, ObjectAccessLevel } from '@contract';
import type { FieldAccessRule, OrgUserConfig, PicklistValueConfig } from './dataset';
import { customPermissionsOf, objectAccessOf } from './permissionSets';
import type { FieldSchema, PicklistValue } from './schema';
import { fieldSchema, objectSchema } from './schema';

const ACCESS_ORDER: readonly ObjectAccessLevel[] = ['read', 'create', 'edit', 'delete'];

export class Describe {
  constructor(
    private readonly features: Readonly<Partial<Record<FeatureName, boolean>>>,
    private readonly user: OrgUserConfig,
    private readonly picklists: Readonly<Record<string, readonly PicklistValueConfig[]>> = {},
  ) {}

  /** Whether the object is in the org's (global) describe at all. */
  objectExists(objectApiName: string): boolean {
    const feature = objectSchema(objectApiName)?.feature ?? null;
    return feature === null || this.features[feature] === true;
  }

  /**
   * The user's object access, in the order read, create, edit, delete; empty when the object does not
   * exist. User is readable when org.json does not say otherwise: every profile can read users
   * (an account's `Owner.Name` shows to anyone who can see the account). Permissions add up, as on
   * the platform: org.json (the profile) and, for the package's custom objects, the user's package
   * permission sets (their `<objectPermissions>`).
   */
  objectAccess(objectApiName: string): ObjectAccessLevel[] {
    if (!this.objectExists(objectApiName)) return [];
    const granted = [
      ...(this.user.objectAccess?.[objectApiName] ?? (objectApiName === 'User' ? ['read'] : [])),
      ...objectAccessOf(this.user.permissionSets ?? [], objectApiName),
    ];
    return ACCESS_ORDER.filter((level) => granted.includes(level));
  }

  canAccessObject(objectApiName: string, level: ObjectAccessLevel): boolean {
    return this.objectAccess(objectApiName).includes(level);
  }

  /** The field's platform description (type, length, createable…); undefined when it does not exist. */
  field(objectApiName: string, fieldApiName: string): FieldSchema | undefined {
    return this.objectExists(objectApiName) ? fieldSchema(objectApiName, fieldApiName) : undefined;
  }

  /**
   * Field-level access: an org.json exception ("Object.Field") if there is one, else "edit" when the
   * object is editable and "read" when it is readable. Object access caps it, as describe's
   * isAccessible()/isUpdateable() do: no read on the object → none; no edit → at most read. A field
   * that does not exist (of a described object) is none.
   */
  fieldAccess(objectApiName: string, fieldApiName: string): FieldAccessRule {
    const objectAccess = this.objectAccess(objectApiName);
    if (!objectAccess.includes('read')) return 'none';
    if (objectSchema(objectApiName) && !fieldSchema(objectApiName, fieldApiName)) return 'none';
    const editable = objectAccess.includes('edit');
    const rule = this.user.fieldAccess?.[`${objectApiName}.${fieldApiName}`] ?? (editable ? 'edit' : 'read');
    return rule === 'edit' && !editable ? 'read' : rule;
  }

  fieldReadable(objectApiName: string, fieldApiName: string): boolean {
    return this.fieldAccess(objectApiName, fieldApiName) !== 'none';
  }

  /** isUpdateable(): edit access and a field the platform lets anyone update (not Contact.Name, IsDirect…). */
  fieldUpdateable(objectApiName: string, fieldApiName: string): boolean {
    return (
      this.fieldAccess(objectApiName, fieldApiName) === 'edit' &&
      fieldSchema(objectApiName, fieldApiName)?.updateable !== false
    );
  }

  /** isCreateable(): edit access and a field that can be set on insert (not Id, IsDirect, audit fields…). */
  fieldCreateable(objectApiName: string, fieldApiName: string): boolean {
    return (
      this.canAccessObject(objectApiName, 'create') &&
      this.fieldAccess(objectApiName, fieldApiName) !== 'none' &&
      this.user.fieldAccess?.[`${objectApiName}.${fieldApiName}`] !== 'read' &&
      fieldSchema(objectApiName, fieldApiName)?.createable !== false
    );
  }

  /**
   * getPicklistValues() of a picklist field, active and inactive, in the org's order: the dataset's
   * values (org.json `picklists`, by "Object.Field" or by another field of the same value set) or
   * else the standard ones of schema.ts; empty for a field that does not exist or is no picklist.
   * Labels are the org's (the sample org translates no picklist values).
   */
  picklistValues(objectApiName: string, fieldApiName: string): PicklistValue[] {
    const schema = this.field(objectApiName, fieldApiName);
    const valueSet = schema?.valueSet;
    if (!schema || !valueSet) return [];
    const override = picklistOverride(this.picklists, `${objectApiName}.${schema.name}`, valueSet.name);
    if (!override) return valueSet.values.map((value) => ({ ...value }));
    return override.map((value) => ({
      value: value.value,
      label: value.label ?? value.value,
      active: value.active !== false,
    }));
  }

  /** Custom permissions come from the user's permission sets, as their metadata grants them. */
  hasCustomPermission(name: string): boolean {
    return customPermissionsOf(this.user.permissionSets ?? []).includes(name);
  }
}

/** org.json's values for a field: named by the field itself, or by another field of its value set. */
function picklistOverride(
  picklists: Readonly<Record<string, readonly PicklistValueConfig[]>>,
  fieldKey: string,
  valueSetName: string,
): readonly PicklistValueConfig[] | undefined {
  const exact = picklists[fieldKey];
  if (exact) return exact;
  for (const [key, values] of Object.entries(picklists)) {
    const [objectApiName = '', fieldApiName = ''] = key.split('.');
    if (fieldSchema(objectApiName, fieldApiName)?.valueSet?.name === valueSetName) return values;
  }
  return undefined;
}
