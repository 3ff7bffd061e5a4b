/**
 * The dataset format as the workbench server sends it (one JSON document per dataset): the
 * data-tree plan, its record files and org.json, exactly as they are in data/<name>/ (see
 * data/README.md). The sample org turns this into records, users and a describe.
 */
import type { FeatureName, ObjectAccessLevel } from '@contract';

/** One step of a `sf data export tree --plan` plan. */
export interface PlanEntry {
  sobject: string;
  saveRefs?: boolean;
  resolveRefs?: boolean;
  files: string[];
}

/** A record as data-tree files hold it: field values, `@referenceId` strings for lookups. */
export interface TreeRecord {
  attributes: { type: string; referenceId?: string };
  [field: string]: unknown;
}

export interface RecordFile {
  records: TreeRecord[];
}

export type FieldAccessRule = 'none' | 'read' | 'edit';

export interface OrgUserConfig {
  key: string;
  name: string;
  username?: string;
  title?: string;
  profile?: string;
  /**
   * The package permission sets assigned to the user (API names). They decide which Apex classes
   * the user may call and which custom permissions the user has, as their metadata says.
   */
  permissionSets?: string[];
  objectAccess?: Partial<Record<string, ObjectAccessLevel[]>>;
  fieldAccess?: Partial<Record<string, FieldAccessRule>>;
  /** The user's role (a key of org.json `roles`): users above it see what its users own. */
  role?: string;
  /** "View All Data" (System Administrators): sharing does not hide any record from this user. */
  viewAllData?: boolean;
  /** "Modify All Data" (System Administrators): sharing lets this user edit every record. */
  modifyAllData?: boolean;
  /** False for a deactivated user (User.IsActive): still on teams, but cannot be added to one. */
  active?: boolean;
}

/**
 * A member of a default team or an account team in org.json (`defaultTeams`, `accountTeams`): the
 * user's key, the team role and the access levels as the records hold them (`contact` left out when
 * contacts are Controlled by Parent).
 */
export interface TeamMemberConfig {
  user: string;
  role?: string | null;
  account: string;
  opportunity: string;
  case: string;
  contact?: string | null;
}

/** A picklist value as org.json `picklists` gives it: label defaults to the value, active to true. */
export interface PicklistValueConfig {
  value: string;
  label?: string;
  active?: boolean;
}

/**
 * A validation rule (org.json `validationRules`, kinds in data/README.md): the record is refused
 * with `message` when `errorWhen` holds after the change, on insert and update.
 */
export interface ValidationRuleConfig {
  object: string;
  errorWhen: string;
  message: string;
}

/** org.json: what records cannot say. */
export interface OrgConfig {
  description?: string;
  features?: Partial<Record<FeatureName, boolean>>;
  sharingDefaults?: Partial<Record<string, string>>;
  currentUser?: string;
  /** Who owns which record (referenceId → user key); records not listed belong to `defaultOwner`. */
  recordOwners?: Record<string, string>;
  /** Owner of records `recordOwners` does not list (a user key); `currentUser` when absent. */
  defaultOwner?: string;
  /** The role hierarchy: each role's parent role (null at the top). */
  roles?: Record<string, string | null>;
  users?: OrgUserConfig[];
  /**
   * The org's values of picklists, by "Object.Field", in the org's order, replacing the standard
   * values of schema.ts (fields sharing a value set, such as the two TeamMemberRole fields, share
   * the replacement).
   */
  picklists?: Record<string, PicklistValueConfig[]>;
  validationRules?: ValidationRuleConfig[];
  /**
   * Roles, dates or active flag of the direct relations the org derives from Contact.AccountId
   * (which no record file can hold: the platform creates them), by the contact's referenceId.
   */
  directRelations?: Record<
    string,
    { Roles?: string; IsActive?: boolean; StartDate?: string; EndDate?: string }
  >;
  /** Each user's default team (UserAccountTeamMember records), by the owner's user key. */
  defaultTeams?: Record<string, TeamMemberConfig[]>;
  /** Each account's current team (AccountTeamMember records), by the account's referenceId. */
  accountTeams?: Record<string, TeamMemberConfig[]>;
  /**
   * Accounts whose team changes fail the first N times they are tried (UNABLE_TO_LOCK_ROW, as an
   * integration holding the account's row makes them fail), by referenceId: a run shows a failing
   * account, and its retry succeeds.
   */
  teamRowLocks?: Record<string, number>;
  [more: string]: unknown;
}

/** GET /api/datasets/<name> */
export interface DatasetBundle {
  name: string;
  plan: PlanEntry[];
  /** Record files by the name the plan uses. */
  files: Record<string, RecordFile>;
  /** org.json, or null when the dataset has none (a plain `sf data export tree` folder). */
  org: OrgConfig | null;
}

/** GET /api/datasets */
export interface DatasetSummary {
  name: string;
  description: string;
}
