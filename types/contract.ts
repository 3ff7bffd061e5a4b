/**
 * The Apex ↔ component contract: request and response shapes of every `@AuraEnabled` method,
 * declared once. Components import these types; the Apex DTOs mirror them field for field and
 * `scripts/check-contract.mjs` (part of `npm test`) fails when the two drift apart.
 *
 * Conventions: Apex `String`/`Id`/`Date`/`Datetime` ↔ `string`, `Integer`/`Decimal`/`Long` ↔
 * `number`, `Boolean` ↔ `boolean`, `List<T>` ↔ `T[]`.
 *
 * A field that Apex may leave null is typed `field?: T | null`: the platform may deliver a null
 * field of an Apex result as a missing property rather than `null` (PLATFORM.md), so code reading
 * it must treat both alike (`== null`, `??`), and the optional `?` makes TypeScript insist on it.
 * The same holds for map entries whose value is null (e.g. `HierarchyRow.values`): read them with
 * `?? null`. `scripts/check-contract.mjs` fails on a nullable field that is not optional.
 */

/** The org features the package depends on (see DESIGN.md, "Feature-dependent objects"). */
export type FeatureName = 'ContactsToMultipleAccounts' | 'AccountTeams';

/** Object-level access, as the user's describe results report it. */
export type ObjectAccessLevel = 'read' | 'create' | 'edit' | 'delete';

/** Field-level access the package needs: reading the field, or editing it too. */
export type FieldAccessLevel = 'read' | 'edit';

/** The package's components, named as their bundles (`force-app/main/<feature>/lwc/<name>`). */
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
  feature?: FeatureName | null;
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

// ------------------------------------------------------------------ Account Hierarchy

/**
 * Broad type of a hierarchy column, from the field's describe: `text` (string, picklist, email,
 * phone, url, id, reference…), `number` (double, integer, long), `currency`, `percent`, `date`,
 * `datetime`, `boolean`. Numeric types (number, currency, percent) can be rolled up.
 */
export type HierarchyColumnType =
  'text' | 'number' | 'currency' | 'percent' | 'date' | 'datetime' | 'boolean';

/** A column the user can read, validated against describe (a field or a relationship path). */
export interface HierarchyColumn {
  /** As configured: `AnnualRevenue`, `Owner.Name`, `Parent.Industry`… */
  fieldPath: string;
  /** The field's label in the user's language. */
  label: string;
  type: HierarchyColumnType;
}

/**
 * Why a configured column is not shown. `tooManyRelationships`: the column would take the query past
 * SOQL's 55 child-to-parent relationships (the columns before it already use them all).
 */
export type DroppedColumnReason =
  'unknownField' | 'notReadable' | 'unsupportedType' | 'tooDeep' | 'tooManyRelationships';

export interface DroppedColumn {
  fieldPath: string;
  reason: DroppedColumnReason;
}

/** A cell value as Apex serialises it: text, number or boolean; dates as ISO strings; null when empty. */
export type HierarchyCellValue = string | number | boolean | null;

export interface HierarchyRow {
  id: string;
  /** Null for the top of the hierarchy. */
  parentId?: string | null;
  name: string;
  /** One value per column, keyed by the column's fieldPath (an empty value may be missing). */
  values: Record<string, HierarchyCellValue>;
}

/** What one call cost against the synchronous governor limits (so tests can bound every call). */
export interface GovernorUsage {
  queries: number;
  queryRows: number;
  cpuTimeMs: number;
  heapBytes: number;
}

/**
 * `AccountHierarchyController.findTop(recordId, columns, startFromId)`: walks up from the account
 * (five levels per query, at most a bounded number of queries per call) and returns the rows of the
 * accounts it walked through, so the path from the top to the account can be shown as soon as the
 * top is reached. When `topReached` is false, call again with `startFromId = nextStartId` to keep
 * walking up.
 */
export interface HierarchyTop {
  topReached: boolean;
  /** The highest account the user can see above (or at) the record, when topReached. */
  topAccountId?: string | null;
  /** Where to continue walking up when topReached is false. */
  nextStartId?: string | null;
  /** Ids from the start account up to (and including) the highest one reached by this call. */
  ancestorIds: string[];
  /**
   * The rows of `ancestorIds` (in any order): this call's part of the path. The top's row, when
   * reached, has a null parentId.
   */
  rows: HierarchyRow[];
  columns: HierarchyColumn[];
  droppedColumns: DroppedColumn[];
  usage: GovernorUsage;
}

/**
 * `AccountHierarchyController.loadChildren(parentIds, afterId, columns, pageSize, levels)`: one page
 * of the descendants of some parents down to `levels` levels below them (1 to 5: children only, up
 * to great-great-great-grandchildren), reached through accounts the user can see, ordered by Id,
 * all levels mixed. `nextAfterId` is the cursor: non-null when more may follow, to pass as
 * `afterId` next time; null once every such descendant has been returned. A page holds what fits a
 * quarter of the server's governor limits (and at most `pageSize` rows): it may be short, even
 * empty, with a cursor.
 */
export interface HierarchyChildrenPage {
  rows: HierarchyRow[];
  nextAfterId?: string | null;
  columns: HierarchyColumn[];
  droppedColumns: DroppedColumn[];
  usage: GovernorUsage;
}
