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
  /** Role catalog entries that do not match the org's picklists (`notInPicklist`, `inactiveInPicklist`). */
  roleCatalogIssues: RoleCatalogIssue[];
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

// ------------------------------------------------------------------ Role catalog

/**
 * What a role catalog entry describes (custom metadata `RoleCatalogEntry__mdt.Category__c`):
 * `ContactRelationship` for `AccountContactRelation.Roles`, `AccountTeam` for
 * `AccountTeamMember.TeamMemberRole` / `UserAccountTeamMember.TeamMemberRole`.
 */
export type RoleCategory = 'ContactRelationship' | 'AccountTeam';

/**
 * The badge colours a catalog entry may choose (`BadgeColor__c`, a restricted picklist): each maps
 * to an SLDS colour pair with at least 4.5:1 contrast. A role without an entry is `neutral`.
 */
export type RoleBadgeColor = 'neutral' | 'blue' | 'green' | 'orange' | 'red' | 'purple' | 'teal' | 'gray';

/**
 * One value a user may choose for a role field: an active picklist value (the org's API value and
 * its label in the user's language, in the picklist's order), joined with its catalog entry when
 * there is one. Values without an entry still work: neutral badge, not a key role.
 */
export interface RoleOption {
  value: string;
  label: string;
  /** Whether a catalog entry describes this value (else the defaults below apply). */
  inCatalog: boolean;
  badgeColor: RoleBadgeColor;
  /** Catalog order (ascending), then picklist order for equal or missing sort orders. */
  sortOrder?: number | null;
  /** A role an account should have covered (coverage counts active relationships/members). */
  keyRole: boolean;
  helpText?: string | null;
}

/**
 * How a catalog entry and the org's picklist agree: `ok`; `noCatalogEntry` (an active value without
 * an entry: works, neutral badge); `notInPicklist` (an entry whose value the picklist lacks: the
 * setup check reports it); `inactiveInPicklist` (an entry for a value the admin deactivated).
 */
export type RoleCatalogStatus = 'ok' | 'noCatalogEntry' | 'notInPicklist' | 'inactiveInPicklist';

export interface RoleCatalogRow {
  value: string;
  /** The picklist's label for the value, when the picklist has it. */
  picklistLabel?: string | null;
  picklistActive: boolean;
  /** The entry's DeveloperName (for Setup → Custom Metadata Types), when there is one. */
  entryName?: string | null;
  badgeColor: RoleBadgeColor;
  sortOrder?: number | null;
  keyRole: boolean;
  helpText?: string | null;
  status: RoleCatalogStatus;
}

export interface RoleCatalogSection {
  category: RoleCategory;
  /** The field the category describes, e.g. `AccountContactRelation.Roles`. */
  fieldApiName: string;
  /** False when the org feature behind the field is off: only the entries are listed then (status `ok`). */
  featureEnabled: boolean;
  /**
   * Picklist values in the org's order (an inactive one only when an entry names it), then entries whose
   * value is not in the picklist.
   */
  rows: RoleCatalogRow[];
}

/** `RoleCatalogController.getRoleCatalog()`: the catalog against the org's picklists. */
export interface RoleCatalogReport {
  sections: RoleCatalogSection[];
}

/** A catalog entry the setup check reports (`SetupStatus.roleCatalogIssues`). */
export interface RoleCatalogIssue {
  category: RoleCategory;
  value: string;
  entryName: string;
  status: RoleCatalogStatus;
}

// ------------------------------------------------------------------ Related Contacts

/** Which side a relationship list is read from: an account's contacts, or a contact's accounts. */
export type RelationshipMode = 'account' | 'contact';

/** What the user may do with relationships, from describe (object access and field-level security). */
export interface RelationshipAccess {
  /** Read on AccountContactRelation (and on the record the list is for). */
  canRead: boolean;
  /** Create on AccountContactRelation, AccountId/ContactId/Roles/IsActive createable. */
  canCreate: boolean;
  /** Edit on AccountContactRelation; per row, Edit on the contact is also needed (`canEdit` of the row). */
  canEdit: boolean;
  /** Delete on AccountContactRelation. */
  canDelete: boolean;
  /** The editable fields among Roles, IsActive, StartDate, EndDate (field-level security). */
  editableFields: string[];
}

/**
 * `RelatedContactsController.getRelatedContactsContext(recordId)`: what the list needs besides its rows.
 * With the feature off (`featureEnabled` false) only `recordKind` and `recordName` are set.
 */
export interface RelatedContactsContext {
  featureEnabled: boolean;
  /** The kind of record the list is for (from the Id's key prefix). */
  recordKind: RelationshipMode;
  recordName?: string | null;
  access: RelationshipAccess;
  /** Active values of AccountContactRelation.Roles joined with the catalog (ContactRelationship). */
  roleOptions: RoleOption[];
  /** The key roles of the catalog that are active picklist values, in catalog order. */
  keyRoles: string[];
  /** Today in the user's time zone (YYYY-MM-DD): the end date "End relationship" sets. */
  today: string;
}

/** One AccountContactRelation as the list shows it. */
export interface ContactRelationship {
  id: string;
  accountId: string;
  accountName: string;
  contactId: string;
  contactName: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  /** The contact's primary account (Contact.AccountId); null for a private contact. */
  primaryAccountId?: string | null;
  primaryAccountName?: string | null;
  isDirect: boolean;
  isActive: boolean;
  /** The multi-select picklist's values, in the order stored. */
  roles: string[];
  startDate?: string | null;
  endDate?: string | null;
  /** ISO date-time: what a change must carry back (stale-data check). */
  lastModifiedDate: string;
  lastModifiedById?: string | null;
  lastModifiedByName?: string | null;
  /** Whether the user may change this row: ACR edit access and Edit on the contact. */
  canEdit: boolean;
}

/**
 * `RelatedContactsController.loadRelationships(mode, recordIds, afterId, pageSize)`: one page of the
 * relationships of some accounts (`account`: one account, or the accounts of a hierarchy as the
 * hierarchy loader found them, up to 2,000 ids) or of one contact (`contact`), active and inactive,
 * ordered by Id. `nextAfterId` is non-null while more may follow; a page holds what fits a quarter of
 * the governor limits (and at most `pageSize` rows, 2,000 when null).
 */
export interface RelationshipPage {
  rows: ContactRelationship[];
  nextAfterId?: string | null;
  usage: GovernorUsage;
}

/** The relationship fields a change may set. */
export type RelationshipField = 'Roles' | 'IsActive' | 'StartDate' | 'EndDate';

/**
 * One row's change, as `saveRelationships` receives it (Apex class `RelationshipChange`). Only the
 * fields named in `fields` are written (a null there clears the field); `lastModifiedDate` is the one
 * the user saw: a row changed since is refused (`conflict`), never overwritten.
 */
export interface RelationshipChange {
  id: string;
  lastModifiedDate: string;
  fields: RelationshipField[];
  roles?: string[] | null;
  isActive?: boolean | null;
  startDate?: string | null;
  endDate?: string | null;
}

/**
 * The outcome of one row of a save, add or remove:
 * - `saved`, `added`, `removed`: done (`row` is the row as saved, absent for `removed`);
 * - `conflict`: someone else changed the row since (`row` is the current one, with who and when);
 * - `duplicate`: add only — the contact is already related (`existingId` names that row);
 * - `privateContact`: add only — a contact with no account cannot be related;
 * - `directNotRemovable`: remove only — refused before any DML (change the primary account instead);
 * - `notFound`: the row is gone or no longer visible; `noAccess`: the user may not change it;
 * - `failed`: the platform refused it (`message` says why).
 */
export type RelationshipResultStatus =
  | 'saved'
  | 'added'
  | 'removed'
  | 'conflict'
  | 'duplicate'
  | 'privateContact'
  | 'directNotRemovable'
  | 'notFound'
  | 'noAccess'
  | 'failed';

export interface RelationshipResult {
  /** The relationship's Id (for an add: the new one, or null when refused). */
  id?: string | null;
  status: RelationshipResultStatus;
  /** A readable, translated reason when not done. */
  message?: string | null;
  row?: ContactRelationship | null;
  existingId?: string | null;
}

/**
 * `saveRelationships(changes)`: one result per change, in the same order (partial success). At most 200
 * changes per call (one DML chunk): send more in several calls; more is refused as a whole.
 */
export interface RelationshipSaveResponse {
  results: RelationshipResult[];
  usage: GovernorUsage;
}

/** A contact the add dialog offers, from `searchContacts(accountId, term)`. */
export interface ContactCandidate {
  id: string;
  name: string;
  title?: string | null;
  email?: string | null;
  accountId?: string | null;
  accountName?: string | null;
  /** Set when the contact is already related to the account: that relationship's Id. */
  existingRelationshipId?: string | null;
  /** Whether the user may relate this contact (Edit on it; not private). */
  canRelate: boolean;
}

/**
 * `RelatedContactsController.searchContacts(accountId, term)`: up to 50 contacts whose name or email contains
 * the term (`%` and `_` match themselves; a blank term finds none), by name.
 */
export interface ContactSearchResponse {
  contacts: ContactCandidate[];
  /** True when more than the returned contacts match (the user should type more). */
  more: boolean;
}

// ------------------------------------------------------------------ Default Account Team

/**
 * An org-wide default as `Organization` reports it (DefaultAccountAccess, DefaultOpportunityAccess,
 * DefaultContactAccess, DefaultCaseAccess): `None` (Private), `Read`, `Edit` (Read/Write),
 * `ReadEditTransfer` (cases), `ControlledByParent` (contacts), `ControlledByLeadOrContact` and
 * `ControlledByCampaign` (opportunities, and accounts in some orgs).
 */
export type OrgWideDefault =
  | 'None'
  | 'Read'
  | 'Edit'
  | 'ReadEditTransfer'
  | 'ControlledByParent'
  | 'ControlledByLeadOrContact'
  | 'ControlledByCampaign';

export interface OrgWideDefaults {
  account: OrgWideDefault;
  opportunity: OrgWideDefault;
  contact: OrgWideDefault;
  /** Named `caseAccess`, not `case`: `case` is a reserved word in Apex and cannot name a DTO field. */
  caseAccess: OrgWideDefault;
}

/** A team member's access to one object: `All` only for accounts (owners' teams); `None` not for accounts. */
export type TeamAccessLevel = 'None' | 'Read' | 'Edit' | 'All';

/** The four access levels of a team member (contact left out, null, when contacts are Controlled by Parent). */
export interface TeamAccess {
  account: TeamAccessLevel;
  opportunity: TeamAccessLevel;
  /** Case access (`case` is reserved in Apex). */
  caseAccess: TeamAccessLevel;
  contact?: TeamAccessLevel | null;
}

/**
 * A member of an account team (`AccountTeamMember`) or of a user's default team
 * (`UserAccountTeamMember`), or a member proposed for one (no `id`).
 */
export interface TeamMember {
  /** The AccountTeamMember / UserAccountTeamMember Id; null for a member not saved yet. */
  id?: string | null;
  userId: string;
  userName: string;
  /** Inactive users cannot be added: flagged so the user removes them from the default team. */
  userActive: boolean;
  userTitle?: string | null;
  role?: string | null;
  access: TeamAccess;
}

/** Why the user may not change an account's team (`AccountTeamContext.changeRefusal`). */
export type TeamChangeRefusal = 'noAccountEdit' | 'notOwnerOrAbove' | 'noTeamMemberAccess';

/**
 * What a user may grant: for each object, the access levels valid against the org-wide defaults
 * (ATM: each at least its default, one above it; contact left out when Controlled by Parent) and
 * within what the user has (only Modify All Data users may grant more than the owner has).
 */
export interface GrantableAccess {
  account: TeamAccessLevel[];
  opportunity: TeamAccessLevel[];
  /** Case access (`case` is reserved in Apex). */
  caseAccess: TeamAccessLevel[];
  /** Empty when contacts are Controlled by Parent (the level cannot be set). */
  contact: TeamAccessLevel[];
}

/** `AccountTeamController.getAccountTeamContext(accountId)`: everything the assistant shows first. */
export interface AccountTeamContext {
  /** False when Account Teams are off: only `orgDefaults` and the account's name are then set. */
  featureEnabled: boolean;
  accountId: string;
  accountName?: string | null;
  ownerId?: string | null;
  ownerName?: string | null;
  currentUserId: string;
  orgDefaults: OrgWideDefaults;
  canChangeTeam: boolean;
  changeRefusal?: TeamChangeRefusal | null;
  /**
   * Whether the user can read the account's team (Read on AccountTeamMember): when false,
   * `currentTeam` is empty because it could not be read, not because the team is.
   */
  canReadTeam: boolean;
  /** For account team members (AccountTeamMember rules). */
  grantable: GrantableAccess;
  currentTeam: TeamMember[];
  myDefaultTeam: TeamMember[];
  /** Empty when the user is the owner (then it is `myDefaultTeam`). */
  ownerDefaultTeam: TeamMember[];
  /** Active TeamMemberRole values joined with the role catalog (AccountTeam category). */
  roleOptions: RoleOption[];
}

/** `DefaultTeamController.getMyDefaultTeam()`: the user's default team and what may be chosen. */
export interface DefaultTeamContext {
  featureEnabled: boolean;
  currentUserId: string;
  orgDefaults: OrgWideDefaults;
  /** Whether the user may create, edit and delete UserAccountTeamMember records. */
  canEdit: boolean;
  /** For default team members (UserAccountTeamMember rules: Account Read or Edit, each above its default). */
  grantable: GrantableAccess;
  members: TeamMember[];
  roleOptions: RoleOption[];
}

/** A user the default-team editor offers, from `DefaultTeamController.searchUsers(term)` (active users only). */
export interface UserCandidate {
  id: string;
  name: string;
  title?: string | null;
  /** Set when the user is already on my default team: that member's Id. */
  memberId?: string | null;
}

/** `DefaultTeamController.saveMyDefaultTeam(members)` input: a member to add (no id) or change (id). */
export interface TeamMemberInput {
  id?: string | null;
  userId: string;
  role?: string | null;
  accountAccess: TeamAccessLevel;
  opportunityAccess: TeamAccessLevel;
  caseAccess: TeamAccessLevel;
  /** Left out (null) when contacts are Controlled by Parent. */
  contactAccess?: TeamAccessLevel | null;
}

/**
 * Why a member or an account was not saved: `invalidAccess` (against the org-wide defaults),
 * `inactiveUser`, `noAccess` (the user may not change it), `notFound`, `failed` (the platform's message).
 */
export type TeamResultStatus =
  | 'saved'
  | 'removed'
  | 'added'
  | 'updated'
  | 'unchanged'
  | 'invalidAccess'
  | 'inactiveUser'
  | 'noAccess'
  | 'notFound'
  | 'failed';

export interface TeamMemberResult {
  userId: string;
  id?: string | null;
  status: TeamResultStatus;
  message?: string | null;
  member?: TeamMember | null;
}

export interface TeamSaveResponse {
  results: TeamMemberResult[];
  members: TeamMember[];
}

/** Which default team to apply: the clicking user's, or each account's owner's (the standard behaviour). */
export type TeamSource = 'mine' | 'owner';

/** Which accounts to apply to: one account, the account and all its descendants, or every account I own. */
export type TeamScope = 'account' | 'hierarchy' | 'owned';

/** What to do with a member already on the team with a different role or access. */
export type TeamDifferenceChoice = 'keep' | 'update';

/** One member of one account's preview. */
export interface TeamMemberDiff {
  userId: string;
  userName: string;
  /** add: not on the team; same: same role and access (nothing to do); different: on the team otherwise. */
  kind: 'add' | 'same' | 'different';
  proposed: TeamMember;
  /** The member as the account's team has it (same / different). */
  current?: TeamMember | null;
}

export interface AccountTeamDiff {
  accountId: string;
  accountName: string;
  /** Whether the user may change this account's team; the members are not applied when false. */
  canChange: boolean;
  changeRefusal?: TeamChangeRefusal | null;
  members: TeamMemberDiff[];
}

/**
 * `AccountTeamController.previewTeam(accountIds, source)`: per account (up to 200 per call), what
 * applying the default team would do. Large scopes are previewed on a sample and summarised by the
 * run itself (see TeamRun).
 */
export interface TeamPreview {
  accounts: AccountTeamDiff[];
  usage: GovernorUsage;
}

/** A per-member choice for `different` members; members not listed follow `onDifferent`. */
export interface TeamMemberChoice {
  userId: string;
  choice: TeamDifferenceChoice;
}

/** `AccountTeamController.applyTeam(request)` input (Apex class `TeamApplyRequest`). */
export interface TeamApplyRequest {
  scope: TeamScope;
  /** The account (scope account/hierarchy: the top of what is applied). */
  accountId?: string | null;
  source: TeamSource;
  onDifferent: TeamDifferenceChoice;
  choices: TeamMemberChoice[];
  /** A run whose failed accounts to apply again (retry); the other fields are then taken from that run. */
  retryOfRunId?: string | null;
}

export type TeamRunStatus = 'Queued' | 'Running' | 'Completed' | 'CompletedWithErrors' | 'Failed';

/** The outcome for one account of a run (custom object `TeamApplyResult__c`). */
export interface TeamAccountResult {
  id: string;
  accountId: string;
  accountName: string;
  /** `updated` counts members whose role or access changed; `unchanged` those already right. */
  status: 'done' | 'failed' | 'refused';
  added: number;
  updated: number;
  unchanged: number;
  message?: string | null;
}

/**
 * A run of "apply a default team" (custom object `TeamApplyRun__c`, owned by the user who started
 * it): small ones complete in the call, large ones run as a Queueable chain whose progress is kept
 * here (not in AsyncApexJob, which ordinary users may not read).
 */
export interface TeamRun {
  id: string;
  status: TeamRunStatus;
  scope: TeamScope;
  source: TeamSource;
  accountId?: string | null;
  accountName?: string | null;
  /** Accounts in scope (known once the run has listed them; null before). */
  accountsTotal?: number | null;
  /** Accounts whose team was applied without error (`done` results). */
  accountsDone: number;
  /** Accounts `failed` or `refused`: accountsDone + accountsFailed have been processed so far. */
  accountsFailed: number;
  membersAdded: number;
  membersUpdated: number;
  createdDate: string;
  completedDate?: string | null;
  retryOfRunId?: string | null;
  /** A run-level failure (the chain stopped), translated. */
  message?: string | null;
}

/**
 * `AccountTeamController.getRun(runId, afterResultId)`: the run and a page of its per-account
 * results ordered by Id (failures first is the component's job); `nextAfterResultId` while more follow.
 */
export interface TeamRunPage {
  run: TeamRun;
  results: TeamAccountResult[];
  nextAfterResultId?: string | null;
}

/** `AccountTeamController.listRuns()`: the user's recent runs, newest first (up to 20). */
export interface TeamRunList {
  runs: TeamRun[];
}
