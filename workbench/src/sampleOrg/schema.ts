/**
 * The one description of the platform's objects that the sample org's rules derive from: which
 * objects exist (and which only with an org feature), their key prefixes, how their records are
 * shared, and each field's describe facts (label, type, length, createable, updateable, nillable,
 * lookups). Describe (./describe.ts), field and object access checks and record visibility
 * (./access.ts), Id parameters (./apex/shared/parameters.ts) and hierarchy columns read it, so a new
 * feature inherits the platform's rules instead of restating them.
 *
 * Field properties are written as the Object Reference lists them ("Create, Filter, Group, Sort,
 * Update"; API 67): a field is createable with "Create", updateable with "Update", nillable with
 * "Nillable". System fields (Id, audit fields, IsDeleted, IsDirect, Contact.Name, User.Name…) have
 * neither Create nor Update. Labels are the English describe labels; text lengths those of the
 * Field Reference (picklists report 255 unless stated). Picklists the package reads list their
 * standard values (PLATFORM.md: the value set, its API values and labels, in Setup's order); a dataset
 * may replace them, as an admin does (org.json `picklists`, see describe.ts). Only the fields the package uses or a
 * hierarchy column can reasonably name are listed: a field missing here does not exist for the
 * sample org.
 */
import type { FeatureName } from '@contract';

export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'email'
  | 'phone'
  | 'url'
  | 'double'
  | 'int'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'address';

/** One value of a picklist as describe's getPicklistValues() reports it. */
export interface PicklistValue {
  /** The API value (what records store). */
  value: string;
  label: string;
  active: boolean;
}

/** A standard value set: its name (Setup) and its values, in order. */
export interface ValueSet {
  name: string;
  values: readonly PicklistValue[];
}

export interface FieldSchema {
  name: string;
  label: string;
  type: FieldType;
  /** Text fields: the most characters the field holds (describe's getLength()). */
  length?: number;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  /** The object's name field (Account.Name, User.Name). */
  nameField: boolean;
  /** Lookups: the object the Id points to, and the relationship's name (OwnerId → Owner). */
  referenceTo?: string;
  relationshipName?: string;
  /** Picklists: the standard value set behind the field (fields sharing one share its values). */
  valueSet?: ValueSet;
}

/**
 * How the platform decides which records of an object a user sees (beyond object access):
 * - `owner`: the org-wide default of `sharingDefault` (org.json `sharingDefaults`, as Organization
 *   reports it); with `None` (Private) the user sees records they own, records owned by users below
 *   them in the role hierarchy, and (Account) those whose team they are on. A default of
 *   `ControlledByParent` defers to the record's `parentField`.
 * - `parents`: visible when every record its `parentFields` point to is visible (a detail or
 *   junction object, e.g. AccountContactRelation needs both the account and the contact); editable
 *   when the user can edit the `editParentField` record (AccountContactRelation: the contact,
 *   PLATFORM.md) and see the others, or, without one, edit every parent.
 * - `public`: every record (User; and default account teams, whose sharing is unverified).
 * An `owner` object whose default org.json does not give (the package's custom objects) has
 * `unsetDefault` (Private for the package's runs: their metadata's sharing model), else Public Read Only.
 *
 * Who may edit a record it shares (access.ts `canEdit`): with `owner`, an org-wide default of `Edit`
 * (Public Read/Write) lets everyone who sees the record edit it; `Read` or `None` only its owner,
 * users above the owner in the role hierarchy and (Account) team members with Edit access;
 * `ControlledByParent` whoever can edit the parent. Modify All Data edits everything.
 */
export type SharingRule =
  | { kind: 'owner'; sharingDefault: string; parentField?: string; unsetDefault?: string }
  | { kind: 'parents'; parentFields: string[]; editParentField?: string }
  | { kind: 'public' };

export interface ObjectSchema {
  name: string;
  keyPrefix: string;
  /** The org feature without which the object does not exist at all (DESIGN.md). */
  feature: FeatureName | null;
  sharing: SharingRule;
  /** Fields by API name. */
  fields: Readonly<Record<string, FieldSchema>>;
  /**
   * Fields whose values together identify at most one record (AccountContactRelation: one relation
   * per account and contact, PLATFORM.md): an insert that repeats them fails (DUPLICATE_VALUE).
   */
  uniqueTogether?: readonly string[];
  /**
   * Fields whose values identify the record an insert really writes (PLATFORM.md): inserting an
   * AccountTeamMember for a user already on the account's team overwrites that member, and a
   * UserAccountTeamMember matching an existing one updates it; ./dml.ts returns the existing Id.
   */
  insertUpdatesMatch?: readonly string[];
}

interface FieldOptions {
  length?: number;
  nameField?: boolean;
  referenceTo?: string;
  valueSet?: ValueSet;
}

/** A field from its Object Reference entry: label, type, "Properties" line. */
function field(label: string, type: FieldType, properties: string, options: FieldOptions = {}): FieldSchema {
  const props = new Set(properties.split(',').map((p) => p.trim()));
  return {
    name: '', // set by object()
    label,
    type,
    length: options.length,
    createable: props.has('Create'),
    updateable: props.has('Update'),
    nillable: props.has('Nillable'),
    nameField: options.nameField === true,
    referenceTo: options.referenceTo,
    valueSet: options.valueSet,
  };
}

/** A standard value set whose values are all active, labels equal to their API values. */
function valueSet(name: string, values: readonly string[]): ValueSet {
  return { name, values: values.map((value) => ({ value, label: value, active: true })) };
}

/** AccountContactRelation.Roles: "Contact Roles on Accounts" in Setup (PLATFORM.md). */
export const CONTACT_ROLES = valueSet('AccountContactMultiRoles', [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other',
]);

/** TeamMemberRole of account (and opportunity) team members and default team members (PLATFORM.md). */
export const TEAM_MEMBER_ROLES = valueSet('TeamMemberRole', [
  'Account Manager',
  'Channel Manager',
  'Executive Sponsor',
  'Lead Qualifier',
  'Pre-Sales Consultant',
  'Sales Manager',
  'Sales Rep',
]);

const EDITABLE = 'Create, Filter, Group, Nillable, Sort, Update';
const text = (label: string, length: number, properties = EDITABLE): FieldSchema =>
  field(label, 'string', properties, { length });
const picklist = (label: string, length = 255, properties = EDITABLE, values?: ValueSet): FieldSchema =>
  field(label, 'picklist', properties, { length, valueSet: values });
const lookup = (label: string, referenceTo: string, properties = EDITABLE): FieldSchema =>
  field(label, 'reference', properties, { length: 18, referenceTo });

/** Id and the audit fields every object has: none createable or updateable. */
function systemFields(idLabel: string): Record<string, FieldSchema> {
  return {
    Id: field(idLabel, 'id', 'Defaulted on create, Filter, Group, Sort', { length: 18 }),
    CreatedDate: field('Created Date', 'datetime', 'Defaulted on create, Filter, Sort'),
    LastModifiedDate: field('Last Modified Date', 'datetime', 'Defaulted on create, Filter, Sort'),
    CreatedById: lookup('Created By ID', 'User', 'Defaulted on create, Filter, Group, Sort'),
    LastModifiedById: lookup('Last Modified By ID', 'User', 'Defaulted on create, Filter, Group, Sort'),
  };
}

function object(
  name: string,
  keyPrefix: string,
  feature: FeatureName | null,
  sharing: SharingRule,
  fields: Record<string, FieldSchema>,
  uniqueTogether?: readonly string[],
  insertUpdatesMatch?: readonly string[],
): ObjectSchema {
  const named: Record<string, FieldSchema> = {};
  for (const [fieldName, schema] of Object.entries(fields)) {
    // Lookups are named after their field: OwnerId → Owner (standard fields end with Id).
    const relationshipName = schema.referenceTo ? fieldName.replace(/Id$/, '') : undefined;
    named[fieldName] = { ...schema, name: fieldName, relationshipName };
  }
  return { name, keyPrefix, feature, sharing, fields: named, uniqueTogether, insertUpdatesMatch };
}

const ACCESS_LEVEL = 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update';
/** UserAccountTeamMember's access levels: required, so not nillable. */
const DEFAULT_TEAM_ACCESS_LEVEL = 'Create, Filter, Restricted picklist, Update';
const CREATE_ONLY = 'Create, Filter, Group, Sort';

export const SCHEMA: Readonly<Record<string, ObjectSchema>> = {
  Account: object(
    'Account',
    '001',
    null,
    { kind: 'owner', sharingDefault: 'Account' },
    {
      ...systemFields('Account ID'),
      Name: field('Account Name', 'string', 'Create, Filter, Group, Sort, Update', {
        length: 255,
        nameField: true,
      }),
      ParentId: lookup('Parent Account ID', 'Account'),
      OwnerId: lookup('Owner ID', 'User', 'Create, Defaulted on create, Filter, Group, Sort, Update'),
      AccountNumber: text('Account Number', 40),
      Site: text('Account Site', 80),
      Type: picklist('Account Type'),
      Industry: picklist('Industry'),
      Rating: picklist('Account Rating'),
      Ownership: picklist('Ownership'),
      AccountSource: picklist('Account Source'),
      Description: field('Account Description', 'textarea', 'Create, Nillable, Update', { length: 32000 }),
      Phone: field('Account Phone', 'phone', EDITABLE, { length: 40 }),
      Fax: field('Account Fax', 'phone', EDITABLE, { length: 40 }),
      Website: field('Website', 'url', EDITABLE, { length: 255 }),
      Sic: text('SIC Code', 20),
      SicDesc: text('SIC Description', 80),
      TickerSymbol: text('Ticker Symbol', 20),
      YearStarted: text('Year Started', 4),
      BillingStreet: field('Billing Street', 'textarea', EDITABLE, { length: 255 }),
      BillingCity: text('Billing City', 40),
      BillingState: text('Billing State/Province', 80),
      BillingPostalCode: text('Billing Zip/Postal Code', 20),
      BillingCountry: text('Billing Country', 80),
      BillingLatitude: field('Billing Latitude', 'double', 'Create, Filter, Nillable, Sort, Update'),
      BillingLongitude: field('Billing Longitude', 'double', 'Create, Filter, Nillable, Sort, Update'),
      BillingAddress: field('Billing Address', 'address', 'Filter, Nillable'),
      ShippingStreet: field('Shipping Street', 'textarea', EDITABLE, { length: 255 }),
      ShippingCity: text('Shipping City', 40),
      ShippingState: text('Shipping State/Province', 80),
      ShippingPostalCode: text('Shipping Zip/Postal Code', 20),
      ShippingCountry: text('Shipping Country', 80),
      ShippingAddress: field('Shipping Address', 'address', 'Filter, Nillable'),
      AnnualRevenue: field('Annual Revenue', 'currency', 'Create, Filter, Nillable, Sort, Update'),
      NumberOfEmployees: field('Employees', 'int', EDITABLE),
      LastActivityDate: field('Last Activity', 'date', 'Filter, Group, Nillable, Sort'),
      IsDeleted: field('Deleted', 'boolean', 'Defaulted on create, Filter'),
    },
  ),
  Contact: object(
    'Contact',
    '003',
    null,
    { kind: 'owner', sharingDefault: 'Contact', parentField: 'AccountId' },
    {
      ...systemFields('Contact ID'),
      // A compound of the name parts: read only.
      Name: field('Full Name', 'string', 'Filter, Group, Sort', { length: 121, nameField: true }),
      FirstName: text('First Name', 40),
      LastName: text('Last Name', 80, 'Create, Filter, Group, Sort, Update'),
      AccountId: lookup('Account ID', 'Account'),
      OwnerId: lookup('Owner ID', 'User', 'Create, Defaulted on create, Filter, Group, Sort, Update'),
      Title: text('Title', 128),
      Email: field('Email', 'email', EDITABLE, { length: 80 }),
      Phone: field('Business Phone', 'phone', EDITABLE, { length: 40 }),
    },
  ),
  User: object(
    'User',
    '005',
    null,
    { kind: 'public' },
    {
      ...systemFields('User ID'),
      Name: field('Full Name', 'string', 'Filter, Group, Sort', { length: 121, nameField: true }),
      FirstName: text('First Name', 40),
      LastName: text('Last Name', 80, 'Create, Filter, Group, Sort, Update'),
      Username: text('Username', 80, 'Create, Filter, Group, Sort, Update'),
      Email: field('Email', 'email', 'Create, Filter, Group, Sort, Update', { length: 128 }),
      Title: text('Title', 80),
      Phone: field('Phone', 'phone', EDITABLE, { length: 40 }),
      Alias: text('Alias', 8, 'Create, Filter, Group, Sort, Update'),
      ManagerId: lookup('Manager ID', 'User'),
      IsActive: field('Active', 'boolean', 'Create, Defaulted on create, Filter, Group, Sort, Update'),
    },
  ),
  Opportunity: object(
    'Opportunity',
    '006',
    null,
    { kind: 'owner', sharingDefault: 'Opportunity' },
    {
      ...systemFields('Opportunity ID'),
      Name: field('Name', 'string', 'Create, Filter, Group, Sort, Update', { length: 120, nameField: true }),
      AccountId: lookup('Account ID', 'Account'),
      OwnerId: lookup('Owner ID', 'User', 'Create, Defaulted on create, Filter, Group, Sort, Update'),
    },
  ),
  Case: object(
    'Case',
    '500',
    null,
    { kind: 'owner', sharingDefault: 'Case' },
    {
      ...systemFields('Case ID'),
      Subject: text('Subject', 255),
      AccountId: lookup('Account ID', 'Account'),
      OwnerId: lookup('Owner ID', 'User', 'Create, Defaulted on create, Filter, Group, Sort, Update'),
    },
  ),
  AccountContactRelation: object(
    'AccountContactRelation',
    '07k',
    'ContactsToMultipleAccounts',
    { kind: 'parents', parentFields: ['AccountId', 'ContactId'], editParentField: 'ContactId' },
    {
      ...systemFields('Account Contact Relationship ID'),
      AccountId: lookup('Account ID', 'Account', CREATE_ONLY),
      ContactId: lookup('Contact ID', 'Contact', CREATE_ONLY),
      // Maintained by the platform from Contact.AccountId.
      IsDirect: field('Direct', 'boolean', 'Defaulted on create, Filter, Group, Sort'),
      IsActive: field('Active', 'boolean', 'Create, Defaulted on create, Filter, Group, Sort, Update'),
      Roles: field('Roles', 'multipicklist', 'Create, Filter, Nillable, Update', {
        length: 4099,
        valueSet: CONTACT_ROLES,
      }),
      StartDate: field('Start Date', 'date', EDITABLE),
      EndDate: field('End Date', 'date', EDITABLE),
    },
    ['AccountId', 'ContactId'],
  ),
  AccountTeamMember: object(
    'AccountTeamMember',
    '01M',
    'AccountTeams',
    { kind: 'parents', parentFields: ['AccountId'] },
    {
      ...systemFields('Account Team Member ID'),
      AccountId: lookup('Account ID', 'Account', CREATE_ONLY),
      UserId: lookup('User ID', 'User', CREATE_ONLY),
      TeamMemberRole: picklist('Team Role', 40, EDITABLE, TEAM_MEMBER_ROLES),
      AccountAccessLevel: picklist('Account Access', 40, ACCESS_LEVEL),
      OpportunityAccessLevel: picklist('Opportunity Access', 40, ACCESS_LEVEL),
      CaseAccessLevel: picklist('Case Access', 40, ACCESS_LEVEL),
      ContactAccessLevel: picklist('Contact Access', 40, ACCESS_LEVEL),
    },
    undefined,
    ['AccountId', 'UserId'],
  ),
  UserAccountTeamMember: object(
    'UserAccountTeamMember',
    '0Ux',
    'AccountTeams',
    { kind: 'public' },
    {
      ...systemFields('User Account Team Member ID'),
      OwnerId: lookup('Owner ID', 'User', CREATE_ONLY),
      UserId: lookup('User ID', 'User', CREATE_ONLY),
      TeamMemberRole: picklist('Team Role', 40, 'Create, Filter, Nillable, Update', TEAM_MEMBER_ROLES),
      AccountAccessLevel: picklist('Account Access', 40, DEFAULT_TEAM_ACCESS_LEVEL),
      OpportunityAccessLevel: picklist('Opportunity Access', 40, DEFAULT_TEAM_ACCESS_LEVEL),
      CaseAccessLevel: picklist('Case Access', 40, DEFAULT_TEAM_ACCESS_LEVEL),
      ContactAccessLevel: picklist('Contact Access', 40, DEFAULT_TEAM_ACCESS_LEVEL),
    },
    undefined,
    ['OwnerId', 'UserId'],
  ),
  // The package's own objects (force-app: the Default Account Team's runs of "apply"), Private: a run
  // is its owner's (and the owner's managers'); a result is seen with its run (master-detail).
  TeamApplyRun__c: object(
    'TeamApplyRun__c',
    'a0R',
    null,
    { kind: 'owner', sharingDefault: 'TeamApplyRun__c', unsetDefault: 'None' },
    {
      ...systemFields('Record ID'),
      OwnerId: lookup('Owner ID', 'User', 'Create, Defaulted on create, Filter, Group, Sort, Update'),
      Status__c: picklist('Status', 255, 'Create, Filter, Group, Sort, Update'),
      Scope__c: picklist('Scope', 255, CREATE_ONLY),
      Source__c: picklist('Source', 255, CREATE_ONLY),
      Account__c: lookup('Account', 'Account', 'Create, Filter, Group, Nillable, Sort'),
      OnDifferent__c: picklist('When Different', 255, CREATE_ONLY),
      Choices__c: field('Member Choices', 'textarea', 'Create, Nillable', { length: 131072 }),
      AccountsTotal__c: field('Accounts in Scope', 'double', EDITABLE),
      AccountsDone__c: field('Accounts Done', 'double', EDITABLE),
      AccountsFailed__c: field('Accounts Failed', 'double', EDITABLE),
      MembersAdded__c: field('Members Added', 'double', EDITABLE),
      MembersUpdated__c: field('Members Updated', 'double', EDITABLE),
      CompletedDate__c: field('Completed', 'datetime', EDITABLE),
      RetryOf__c: lookup('Retry Of', 'TeamApplyRun__c', 'Create, Filter, Group, Nillable, Sort'),
      Message__c: field('Message', 'textarea', 'Create, Nillable, Update', { length: 32768 }),
    },
  ),
  TeamApplyResult__c: object(
    'TeamApplyResult__c',
    'a0S',
    null,
    { kind: 'parents', parentFields: ['Run__c'] },
    {
      ...systemFields('Record ID'),
      Run__c: lookup('Run', 'TeamApplyRun__c', CREATE_ONLY),
      Account__c: lookup('Account', 'Account', 'Create, Filter, Group, Nillable, Sort'),
      AccountName__c: text('Account Name', 255),
      Status__c: picklist('Status', 255, 'Create, Filter, Group, Sort, Update'),
      Added__c: field('Added', 'double', EDITABLE),
      Updated__c: field('Updated', 'double', EDITABLE),
      Unchanged__c: field('Unchanged', 'double', EDITABLE),
      Message__c: field('Message', 'textarea', 'Create, Nillable, Update', { length: 32768 }),
    },
  ),
};

/** A name as describe matches it: case-insensitively. */
function lookupName<T>(map: Readonly<Record<string, T>>, name: string): T | undefined {
  const exact = map[name];
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  return Object.entries(map).find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** The object's description, whatever the case of its name. */
export function objectSchema(objectApiName: string): ObjectSchema | undefined {
  return lookupName(SCHEMA, objectApiName);
}

/** The field's description, whatever the case of its name; undefined when it does not exist. */
export function fieldSchema(objectApiName: string, fieldApiName: string): FieldSchema | undefined {
  const schema = objectSchema(objectApiName);
  return schema ? lookupName(schema.fields, fieldApiName) : undefined;
}

/** The lookup field of a relationship (`Owner` → Account.OwnerId), whatever the case. */
export function relationshipSchema(objectApiName: string, relationshipName: string): FieldSchema | undefined {
  const lower = relationshipName.toLowerCase();
  const fields = Object.values(objectSchema(objectApiName)?.fields ?? {});
  return fields.find((f) => f.relationshipName?.toLowerCase() === lower);
}

/** The object a key prefix belongs to (`001` → Account), among the described objects. */
export function objectOfKeyPrefix(keyPrefix: string): ObjectSchema | undefined {
  return Object.values(SCHEMA).find((schema) => schema.keyPrefix === keyPrefix);
}
