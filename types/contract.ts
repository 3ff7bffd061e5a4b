/**
 * The Apex ↔ component contract: request and response shapes of every `@AuraEnabled` method,
 * declared once. Components import these types; the Apex DTOs mirror them field for field and
 * `scripts/check-contract.mjs` (part of `npm test`) fails when the two drift apart.
 *
 * Conventions: Apex `String`/`Id`/`Date`/`Datetime` ↔ `string`, `Integer`/`Decimal`/`Long` ↔
 * `number`, `Boolean` ↔ `boolean`, `List<T>` ↔ `T[]`. A field that Apex may leave null is typed
 * `T | null`.
 */

/** The org features the package depends on (see DESIGN.md, "Feature-dependent objects"). */
export type FeatureName = 'ContactsToMultipleAccounts' | 'AccountTeams';

/** Object-level access, as the user's describe results report it. */
export type ObjectAccessLevel = 'read' | 'create' | 'edit' | 'delete';

/** Field-level access the package needs: reading the field, or editing it too. */
export type FieldAccessLevel = 'read' | 'edit';

/** The package's components, named as in `force-app/main/default/lwc`. */
export type PackageComponent = 'relatedContacts' | 'accountHierarchy' | 'accountTeam';

/** `SetupCheckController.getSetupStatus()`: what the org and the current user have. */
export interface SetupStatus {
  features: SetupFeature[];
  objects: SetupObjectAccess[];
  permissions: SetupPermission[];
}

export interface SetupFeature {
  name: FeatureName;
  enabled: boolean;
}

export interface SetupObjectAccess {
  objectApiName: string;
  /** The org feature that makes this object exist, or null for objects every org has. */
  feature: FeatureName | null;
  /** Whether the object is in the user's describe results at all. */
  available: boolean;
  /** Which of the package's components need this object. */
  usedBy: PackageComponent[];
  requiredAccess: ObjectAccessLevel[];
  grantedAccess: ObjectAccessLevel[];
  fields: SetupFieldAccess[];
}

export interface SetupFieldAccess {
  fieldApiName: string;
  requiredAccess: FieldAccessLevel;
  readable: boolean;
  updateable: boolean;
}

/** A package permission set, detected through the custom permission it grants. */
export interface SetupPermission {
  permissionSetName: string;
  customPermissionName: string;
  granted: boolean;
}
