/**
 * The sample org: an in-memory org built from one dataset (data-tree plan + record files +
 * org.json). It resolves `@referenceId`s to deterministic fake Ids, derives each contact's direct
 * AccountContactRelation from Contact.AccountId (as the platform does), maintains the audit fields
 * (LastModifiedDate, LastModifiedById) of every record, knows the users and gives each a describe.
 * The Apex contract is implemented over it in ./apex/; user-mode DML goes through ./dml.ts.
 */
import type { FeatureName } from '@contract';
import type { DatasetBundle, OrgConfig, OrgUserConfig, TreeRecord } from './dataset';
import { Describe } from './describe';
import { IdFactory } from './ids';
import { isPackagePermissionSet, packagePermissionSetNames } from './permissionSets';
import { fieldSchema, objectSchema } from './schema';
import type { ValidationRule } from './validationRules';
import { parseValidationRule, ValidationRuleError } from './validationRules';
import { teamRecords } from './teamData';

/** A record as Apex/SOQL would return it: Id, fields, and lookups as Ids. */
export interface SObjectRecord {
  attributes: { type: string; referenceId?: string };
  Id: string;
  [field: string]: unknown;
}

/** A user of the sample org (org.json), with an Id. */
export interface OrgUser extends OrgUserConfig {
  id: string;
}

/** Used when a dataset has no org.json: every feature on, one administrator. */
const DEFAULT_ORG: OrgConfig = {
  description: 'No org.json: every feature on, one System Administrator.',
  features: { ContactsToMultipleAccounts: true, AccountTeams: true },
  sharingDefaults: { Account: 'Read', Contact: 'ControlledByParent', Opportunity: 'None', Case: 'None' },
  currentUser: 'admin',
  users: [
    {
      key: 'admin',
      name: 'Workbench Admin',
      profile: 'System Administrator',
      permissionSets: ['AccountRelationships_User', 'AccountRelationships_Admin'],
      objectAccess: Object.fromEntries(
        [
          'Account',
          'Contact',
          'AccountContactRelation',
          'AccountTeamMember',
          'UserAccountTeamMember',
          'Opportunity',
          'Case',
        ].map((name) => [name, ['read', 'create', 'edit', 'delete']]),
      ),
      fieldAccess: {},
      viewAllData: true,
      modifyAllData: true,
    },
  ],
};

/**
 * When every loaded record was created and last modified: data-tree files cannot set audit fields,
 * and a fixed instant keeps Ids, rows and screenshots the same on every load.
 */
export const LOAD_TIME = '2026-01-05T09:00:00.000Z';

export class DatasetError extends Error {}

/**
 * A user's permission sets must be the package's own (a misspelt one would silently lock the user
 * out); custom permissions come from those sets, never from org.json itself.
 */
function checkPermissionSets(dataset: string, user: OrgUserConfig): void {
  if ('customPermissions' in user) {
    throw new DatasetError(
      `Dataset "${dataset}": user ${user.key} lists customPermissions; list the permission sets ` +
        'assigned instead ("permissionSets"): their metadata grants the custom permissions ' +
        '(a generated dataset: generate it again).',
    );
  }
  for (const name of user.permissionSets ?? []) {
    if (!isPackagePermissionSet(name)) {
      throw new DatasetError(
        `Dataset "${dataset}": user ${user.key} has permission set ${name}, which is not one of the ` +
          `package's (${packagePermissionSetNames().join(', ')})`,
      );
    }
  }
}

export class SampleOrg {
  readonly name: string;
  readonly description: string;
  readonly features: Readonly<Record<FeatureName, boolean>>;
  readonly sharingDefaults: Readonly<Partial<Record<string, string>>>;
  readonly users: readonly OrgUser[];
  readonly defaultUserKey: string;
  /** org.json as given, for later Apex methods that need more of it (teams, …). */
  readonly config: Readonly<OrgConfig>;
  /** org.json `validationRules`, parsed (./validationRules.ts); ./dml.ts applies them. */
  readonly validationRules: readonly ValidationRule[];

  private readonly ids = new IdFactory();
  private readonly firstUser: OrgUser;
  private readonly byObject = new Map<string, SObjectRecord[]>();
  private readonly byId = new Map<string, SObjectRecord>();
  /** referenceId (and user key) → Id, so URLs and files may use either. */
  private readonly refToId = new Map<string, string>();
  /** `Object.LookupField` → records grouped by that field's value (see groupedBy); dropped on insert/delete. */
  private readonly groupIndexes = new Map<string, Map<string, SObjectRecord[]>>();
  /** The last audit timestamp handed out (ms), so two changes never share a LastModifiedDate. */
  private lastStamp = 0;
  /** Who created the loaded records (their LastModifiedById) when they have no owner. */
  private loadUserId = '';

  constructor(bundle: DatasetBundle) {
    const config = bundle.org ?? DEFAULT_ORG;
    this.config = config;
    this.name = bundle.name;
    this.description = config.description ?? '';
    this.features = {
      ContactsToMultipleAccounts: config.features?.ContactsToMultipleAccounts === true,
      AccountTeams: config.features?.AccountTeams === true,
    };
    this.sharingDefaults = config.sharingDefaults ?? {};
    this.users = (config.users ?? []).map((user) => ({ ...user, id: this.ids.idFor('User', user.key) }));
    for (const user of this.users) checkPermissionSets(bundle.name, user);
    const firstUser = this.users[0];
    if (!firstUser) throw new DatasetError(`Dataset "${bundle.name}": org.json lists no users`);
    this.firstUser = firstUser;
    this.defaultUserKey = config.currentUser ?? firstUser.key;
    for (const user of this.users) this.refToId.set(user.key, user.id);
    checkPicklists(bundle.name, config);
    this.validationRules = (config.validationRules ?? []).map((rule) => {
      try {
        return parseValidationRule(rule);
      } catch (error) {
        if (error instanceof ValidationRuleError)
          throw new DatasetError(`Dataset "${bundle.name}": ${error.message}`);
        throw error;
      }
    });
    this.loadUserId = this.user(config.defaultOwner ?? this.defaultUserKey)?.id ?? firstUser.id;
    this.loadRecords(bundle);
    this.deriveDirectRelations(bundle.name);
    this.loadTeams(bundle.name);
  }

  /**
   * Default teams and account teams from org.json (`defaultTeams`, `accountTeams`: data-tree files
   * cannot name users), added as loaded records (./teamData.ts checks and converts them).
   */
  private loadTeams(dataset: string): void {
    const stamp = { time: LOAD_TIME, userId: this.loadUserId };
    for (const { objectApiName, key, fields } of teamRecords(dataset, this)) {
      this.add(objectApiName, fields, key, stamp);
    }
  }

  /** Whether the object exists in this org (feature objects only while their feature is on). */
  objectExists(objectApiName: string): boolean {
    return this.describeFor(this.firstUser).objectExists(objectApiName);
  }

  describeFor(user: OrgUserConfig): Describe {
    return new Describe(this.features, user, this.config.picklists ?? {});
  }

  /**
   * The time of a change, as an ISO date-time: now, but always later than the previous change, so
   * that a stale-data check can tell any two versions of a record apart.
   */
  now(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  /** The user with this key (org.json) or Id. */
  user(keyOrId: string): OrgUser | undefined {
    return this.users.find((user) => user.key === keyOrId || user.id === keyOrId);
  }

  /** An Id for a record Id (15 or 18 characters) or a referenceId; undefined when unknown. */
  resolveId(idOrReference: string): string | undefined {
    if (this.byId.has(idOrReference)) return idOrReference;
    const fromRef = this.refToId.get(idOrReference);
    if (fromRef) return fromRef;
    if (idOrReference.length === 15) {
      for (const id of this.byId.keys()) if (id.startsWith(idOrReference)) return id;
    }
    return undefined;
  }

  record(id: string): SObjectRecord | undefined {
    return this.byId.get(id);
  }

  /** All records of an object, in plan order (no access checks: Apex handlers apply those). */
  records(objectApiName: string): readonly SObjectRecord[] {
    return this.byObject.get(objectApiName) ?? [];
  }

  /**
   * The records of an object grouped by the value of one of its fields (e.g. Account by ParentId:
   * each account's children), each group in Id order as `ORDER BY Id` returns it. Built once per
   * object and field (one pass, so a 100,000-account hierarchy stays fast) and rebuilt after
   * insert or delete (a field edited in place on a record object is not seen: go through
   * insert/delete, or add an invalidation, before grouping by a field that can change). Records
   * whose field is empty are in no group.
   */
  groupedBy(objectApiName: string, field: string): ReadonlyMap<string, readonly SObjectRecord[]> {
    const key = `${objectApiName}.${field}`;
    let index = this.groupIndexes.get(key);
    if (!index) {
      index = new Map<string, SObjectRecord[]>();
      for (const record of this.records(objectApiName)) {
        const value = record[field];
        if (typeof value !== 'string' || !value) continue;
        const group = index.get(value);
        if (group) group.push(record);
        else index.set(value, [record]);
      }
      for (const group of index.values()) group.sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
      this.groupIndexes.set(key, index);
    }
    return index;
  }

  /**
   * Adds a record as `userId` does it now (no checks: ./dml.ts applies the user's access and the
   * org's rules first): gives it an Id and audit fields, and indexes it.
   */
  insert(
    objectApiName: string,
    fields: Record<string, unknown>,
    key?: string,
    userId?: string,
  ): SObjectRecord {
    const stamp = { time: this.now(), userId: userId ?? this.loadUserId };
    return this.add(objectApiName, { ...fields }, key, stamp);
  }

  /**
   * Writes fields of a record as `userId` does it now (no checks, see insert): LastModifiedDate and
   * LastModifiedById follow. The lookups a change may not touch (create-only) are the caller's to
   * refuse; the group indexes are dropped when a field they are built on changes.
   */
  update(id: string, fields: Readonly<Record<string, unknown>>, userId: string): SObjectRecord | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'Id' || field === 'attributes') continue;
      if (record[field] !== value && [...this.groupIndexes.keys()].some((key) => key.endsWith(`.${field}`))) {
        this.groupIndexes.clear();
      }
      record[field] = value;
    }
    record.LastModifiedDate = this.now();
    record.LastModifiedById = userId;
    return record;
  }

  /**
   * Turns `fields` itself (the caller's own object, not copied: loading 100,000 accounts spends most
   * of its time copying otherwise) into a record with an Id, and indexes it.
   */
  private add(
    objectApiName: string,
    fields: Record<string, unknown>,
    key: string | undefined,
    stamp: { time: string; userId: string },
  ): SObjectRecord {
    const list = this.byObject.get(objectApiName) ?? [];
    const id = this.ids.idFor(objectApiName, key ?? `${objectApiName}-${list.length}-${Date.now()}`);
    const record = fields as SObjectRecord;
    record.attributes = { type: objectApiName, referenceId: key };
    record.Id = id;
    // Audit fields: who created the record (its owner when it has one) and when.
    const userId = typeof record.OwnerId === 'string' && record.OwnerId ? record.OwnerId : stamp.userId;
    record.CreatedDate = stamp.time;
    record.CreatedById = userId;
    record.LastModifiedDate = stamp.time;
    record.LastModifiedById = userId;
    list.push(record);
    this.byObject.set(objectApiName, list);
    this.indexRecord(record);
    this.byId.set(id, record);
    if (key) this.refToId.set(key, id);
    return record;
  }

  /**
   * Adds a new record to the group indexes already built on its object, in Id order (rebuilding them
   * on every insert made a run inserting thousands of team members quadratic).
   */
  private indexRecord(record: SObjectRecord): void {
    const prefix = `${record.attributes.type}.`;
    for (const [key, index] of this.groupIndexes) {
      if (!key.startsWith(prefix)) continue;
      const value = record[key.slice(prefix.length)];
      if (typeof value !== 'string' || !value) continue;
      const group = index.get(value);
      if (!group) {
        index.set(value, [record]);
        continue;
      }
      let low = 0;
      let high = group.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((group[mid]?.Id ?? '') < record.Id) low = mid + 1;
        else high = mid;
      }
      group.splice(low, 0, record);
    }
  }

  /** Removes a record (an Apex delete stand-in). */
  delete(id: string): boolean {
    const record = this.byId.get(id);
    if (!record) return false;
    this.byId.delete(id);
    this.groupIndexes.clear();
    const list = this.byObject.get(record.attributes.type) ?? [];
    list.splice(list.indexOf(record), 1);
    return true;
  }

  private loadRecords(bundle: DatasetBundle): void {
    const ownerKey = this.config.defaultOwner ?? this.defaultUserKey;
    const ownerId = this.user(ownerKey)?.id ?? this.firstUser.id;
    for (const step of bundle.plan) {
      if (!this.objectExists(step.sobject)) {
        throw new DatasetError(
          `Dataset "${bundle.name}": the plan loads ${step.sobject}, which does not exist while its feature is off`,
        );
      }
      for (const fileName of step.files) {
        const file = bundle.files[fileName];
        if (!file) throw new DatasetError(`Dataset "${bundle.name}": record file ${fileName} is missing`);
        for (const tree of file.records) this.addTreeRecord(bundle.name, step.sobject, tree, ownerId);
      }
    }
  }

  /** A data-tree record's fields, `@referenceId`s resolved. */
  private treeFields(dataset: string, type: string, key: string, tree: TreeRecord): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const field in tree) {
      if (field === 'attributes' || !Object.prototype.hasOwnProperty.call(tree, field)) continue;
      const value = tree[field];
      if (typeof value === 'string' && value.startsWith('@')) {
        const id = this.refToId.get(value.slice(1));
        if (!id)
          throw new DatasetError(`Dataset "${dataset}": ${type} ${key}.${field} refers to unknown ${value}`);
        fields[field] = id;
      } else {
        fields[field] = value;
      }
    }
    return fields;
  }

  private addTreeRecord(dataset: string, sobject: string, tree: TreeRecord, ownerId: string): void {
    const type = tree.attributes.type || sobject;
    const key = tree.attributes.referenceId ?? `${type}-${this.records(type).length}`;
    const fields = this.treeFields(dataset, type, key, tree);
    if (objectSchema(type)?.fields.OwnerId && fields.OwnerId === undefined) {
      // Data-tree files cannot name users (they differ per org): org.json says who owns what.
      const ownerKey = this.config.recordOwners?.[key];
      const owner = ownerKey === undefined ? undefined : this.user(ownerKey);
      if (ownerKey !== undefined && !owner)
        throw new DatasetError(`Dataset "${dataset}": recordOwners gives ${key} to unknown user ${ownerKey}`);
      fields.OwnerId = owner?.id ?? ownerId;
    }
    if (type === 'Contact' && fields.Name === undefined) {
      fields.Name = [fields.FirstName, fields.LastName]
        .filter((part) => typeof part === 'string' && part)
        .join(' ');
    }
    if (type === 'AccountContactRelation') {
      fields.IsDirect ??= false;
      fields.IsActive ??= true;
      fields.Roles ??= null;
      fields.StartDate ??= null;
      fields.EndDate ??= null;
    }
    this.add(type, fields, key, { time: LOAD_TIME, userId: this.loadUserId });
  }

  /**
   * As in a real org: each contact with an AccountId has a direct, active relation to that account.
   * The platform creates it, so no record file can: org.json `directRelations` (by the contact's
   * referenceId) gives it roles, dates or an inactive flag, as a user would edit it afterwards.
   */
  private deriveDirectRelations(dataset: string): void {
    if (!this.objectExists('AccountContactRelation')) return;
    const given = new Map<string, Record<string, unknown>>();
    for (const [contactRef, fields] of Object.entries(this.config.directRelations ?? {})) {
      const contactId = this.refToId.get(contactRef);
      const contact = contactId === undefined ? undefined : this.byId.get(contactId);
      if (
        contact?.attributes.type !== 'Contact' ||
        typeof contact.AccountId !== 'string' ||
        !contact.AccountId
      ) {
        throw new DatasetError(
          `Dataset "${dataset}": directRelations names ${contactRef}, which is not a contact with an account`,
        );
      }
      const unknown = Object.keys(fields).filter((field) => !DIRECT_RELATION_FIELDS.includes(field));
      if (unknown.length > 0) {
        throw new DatasetError(
          `Dataset "${dataset}": directRelations.${contactRef} sets ${unknown.join(', ')}; only ` +
            `${DIRECT_RELATION_FIELDS.join(', ')} can be set on a direct relation`,
        );
      }
      given.set(contact.Id, { ...fields });
    }
    for (const contact of this.records('Contact')) {
      if (typeof contact.AccountId !== 'string' || !contact.AccountId) continue;
      const key = `${contact.attributes.referenceId ?? contact.Id}_Direct`;
      const fromFile = given.get(contact.Id) ?? {};
      this.add(
        'AccountContactRelation',
        {
          Roles: null,
          StartDate: null,
          EndDate: null,
          IsActive: true,
          ...fromFile,
          AccountId: contact.AccountId,
          ContactId: contact.Id,
          IsDirect: true,
        },
        key,
        { time: LOAD_TIME, userId: this.loadUserId },
      );
    }
  }
}

/** What org.json `directRelations` may set: the fields a user edits on a relation. */
const DIRECT_RELATION_FIELDS = ['Roles', 'IsActive', 'StartDate', 'EndDate'];

/** org.json `picklists` may only name picklist fields the platform has (schema.ts). */
function checkPicklists(dataset: string, config: OrgConfig): void {
  for (const key of Object.keys(config.picklists ?? {})) {
    const [objectApiName = '', fieldApiName = ''] = key.split('.');
    if (!fieldSchema(objectApiName, fieldApiName)?.valueSet) {
      throw new DatasetError(
        `Dataset "${dataset}": picklists names ${key}, which is not a picklist the sample org knows (schema.ts)`,
      );
    }
  }
}
