/**
 * Setup check model: turns the facts `SetupCheckController.getSetupStatus` reports (features,
 * object and field access, package permissions) into what the admin or rep reads — one item per
 * thing to have, each OK / missing / not checked / optional, with what to do about it.
 *
 * Pure TypeScript: no DOM, no platform imports. Texts come in as a dictionary of labels, and lists
 * are joined for the user's locale (`Intl.ListFormat`), so the component owns the
 * `@salesforce/label` and `@salesforce/i18n` imports and this module stays testable and reusable.
 */
import type {
  FeatureName,
  ObjectAccessLevel,
  PackageComponent,
  RoleCatalogIssue,
  RoleCategory,
  SetupFieldAccess,
  SetupObjectAccess,
  SetupPermission,
  SetupStatus,
} from '@contract';
import { formatLabel } from 'c/ldsUtils';

export { formatLabel };

/** Every text the model needs; keys match the custom labels the component imports. */
export interface SetupCheckLabels {
  problemsOne: string;
  problemsMany: string;
  allGood: string;
  sectionFeatures: string;
  sectionAccess: string;
  sectionPermissions: string;
  statusOk: string;
  statusMissing: string;
  statusNotChecked: string;
  statusOptional: string;
  featureOn: string;
  fixContactsToMultipleAccounts: string;
  fixAccountTeams: string;
  neededBy: string;
  objectTitle: string;
  objectOk: string;
  objectUnavailable: string;
  objectMissingAccess: string;
  fieldMissingAccess: string;
  askAdminForAccess: string;
  featureOffNotChecked: string;
  fieldWithAccess: string;
  permissionAssigned: string;
  permissionUserMissing: string;
  permissionAdminMissing: string;
  featureContactsToMultipleAccounts: string;
  featureAccountTeams: string;
  componentRelatedContacts: string;
  componentAccountHierarchy: string;
  componentAccountTeam: string;
  accessRead: string;
  accessCreate: string;
  accessEdit: string;
  accessDelete: string;
  permissionSetUser: string;
  permissionSetAdmin: string;
  sectionRoleCatalog: string;
  statusReview: string;
  roleCatalogOk: string;
  roleCatalogOkTitle: string;
  roleCatalogIssueTitle: string;
  roleCategoryContactRelationship: string;
  roleCategoryAccountTeam: string;
  roleCatalogNotInPicklist: string;
  roleCatalogInactiveInPicklist: string;
  roleCatalogSeePage: string;
  allGoodCatalogReview: string;
}

/**
 * `review`: worth the admin's look, nothing is blocked (a role catalog entry that does not match its
 * picklist: the role still works, it just has no badge or key-role effect). Not counted as a problem.
 */
export type SetupItemState = 'ok' | 'missing' | 'notChecked' | 'optional' | 'review';

export interface SetupItem {
  /** Unique within the whole check, stable across refreshes (used as the template `key`). */
  key: string;
  state: SetupItemState;
  title: string;
  statusLabel: string;
  /** Sentences that say what is there or what to do, in reading order. */
  details: string[];
}

export interface SetupSection {
  key: 'features' | 'access' | 'permissions' | 'roleCatalog';
  title: string;
  items: SetupItem[];
}

export interface SetupReport {
  /** True when nothing is missing (optional and not-checked items do not count). */
  ready: boolean;
  problemCount: number;
  /** Items in the `review` state (role catalog entries that do not match their picklist). */
  reviewCount: number;
  summary: string;
  sections: SetupSection[];
}

/** The package permission set every user of the components needs; the others are optional. */
export const USER_PERMISSION_SET = 'AccountRelationships_User';

/** Which label names each value of the contract's string unions. */
const FEATURE_LABEL: Record<FeatureName, keyof SetupCheckLabels> = {
  ContactsToMultipleAccounts: 'featureContactsToMultipleAccounts',
  AccountTeams: 'featureAccountTeams',
};
const FEATURE_FIX_LABEL: Record<FeatureName, keyof SetupCheckLabels> = {
  ContactsToMultipleAccounts: 'fixContactsToMultipleAccounts',
  AccountTeams: 'fixAccountTeams',
};
const COMPONENT_LABEL: Record<PackageComponent, keyof SetupCheckLabels> = {
  relatedContacts: 'componentRelatedContacts',
  accountHierarchy: 'componentAccountHierarchy',
  accountTeam: 'componentAccountTeam',
};
const ACCESS_LABEL: Record<ObjectAccessLevel, keyof SetupCheckLabels> = {
  read: 'accessRead',
  create: 'accessCreate',
  edit: 'accessEdit',
  delete: 'accessDelete',
};
const STATUS_LABEL: Record<SetupItemState, keyof SetupCheckLabels> = {
  ok: 'statusOk',
  missing: 'statusMissing',
  notChecked: 'statusNotChecked',
  optional: 'statusOptional',
  review: 'statusReview',
};
const ROLE_CATEGORY_LABEL: Record<RoleCategory, keyof SetupCheckLabels> = {
  ContactRelationship: 'roleCategoryContactRelationship',
  AccountTeam: 'roleCategoryAccountTeam',
};

function item(
  key: string,
  state: SetupItemState,
  title: string,
  details: string[],
  labels: SetupCheckLabels,
) {
  return { key, state, title, statusLabel: labels[STATUS_LABEL[state]], details };
}

/** The components that cannot work while a feature is off: every user of its objects. */
function componentsNeeding(feature: FeatureName, objects: SetupObjectAccess[]): PackageComponent[] {
  const components = objects.filter((o) => o.feature === feature).flatMap((o) => o.usedBy);
  return [...new Set(components)];
}

/** Labels and the user's locale: everything the report's wording depends on. */
interface Wording {
  labels: SetupCheckLabels;
  list: Intl.ListFormat;
}

function neededBy(components: PackageComponent[], { labels, list }: Wording): string[] {
  if (components.length === 0) {
    return [];
  }
  const names = list.format(components.map((c) => labels[COMPONENT_LABEL[c]]));
  return [formatLabel(labels.neededBy, names)];
}

function featureItems(status: SetupStatus, wording: Wording): SetupItem[] {
  const { labels } = wording;
  return status.features.map((feature) => {
    const title = labels[FEATURE_LABEL[feature.name]];
    if (feature.enabled) {
      return item(`feature:${feature.name}`, 'ok', title, [labels.featureOn], labels);
    }
    const fix = labels[FEATURE_FIX_LABEL[feature.name]];
    const components = componentsNeeding(feature.name, status.objects);
    return item(`feature:${feature.name}`, 'missing', title, [fix, ...neededBy(components, wording)], labels);
  });
}

function isFieldMissing(field: SetupFieldAccess): boolean {
  return field.requiredAccess === 'edit' ? !field.updateable : !field.readable;
}

function objectItem(
  object: SetupObjectAccess,
  enabledFeatures: Set<FeatureName>,
  wording: Wording,
): SetupItem {
  const { labels, list } = wording;
  const key = `object:${object.objectApiName}`;
  const title = formatLabel(labels.objectTitle, object.objectApiName);
  // Objects every org has come with a null feature, which may arrive as a missing property.
  if (object.feature != null && !enabledFeatures.has(object.feature)) {
    const details = [formatLabel(labels.featureOffNotChecked, labels[FEATURE_LABEL[object.feature]])];
    return item(key, 'notChecked', title, details, labels);
  }
  const usedBy = neededBy(object.usedBy, wording);
  if (!object.available) {
    return item(key, 'missing', title, [labels.objectUnavailable, ...usedBy], labels);
  }
  const granted = new Set(object.grantedAccess);
  const missingAccess = object.requiredAccess.filter((level) => !granted.has(level));
  // Without read access on the object no field is visible: listing each one would only be noise.
  const missingFields = granted.has('read') ? object.fields.filter(isFieldMissing) : [];
  if (missingAccess.length === 0 && missingFields.length === 0) {
    return item(key, 'ok', title, [labels.objectOk], labels);
  }
  const details: string[] = [];
  if (missingAccess.length > 0) {
    const names = list.format(missingAccess.map((level) => labels[ACCESS_LABEL[level]]));
    details.push(formatLabel(labels.objectMissingAccess, names));
  }
  if (missingFields.length > 0) {
    const names = list.format(
      missingFields.map((f) =>
        formatLabel(labels.fieldWithAccess, f.fieldApiName, labels[ACCESS_LABEL[f.requiredAccess]]),
      ),
    );
    details.push(formatLabel(labels.fieldMissingAccess, names));
  }
  details.push(labels.askAdminForAccess, ...usedBy);
  return item(key, 'missing', title, details, labels);
}

function permissionItem(permission: SetupPermission, labels: SetupCheckLabels): SetupItem {
  const key = `permission:${permission.permissionSetName}`;
  const isUserSet = permission.permissionSetName === USER_PERMISSION_SET;
  const title = isUserSet ? labels.permissionSetUser : labels.permissionSetAdmin;
  if (permission.granted) {
    return item(key, 'ok', title, [labels.permissionAssigned], labels);
  }
  if (isUserSet) {
    return item(key, 'missing', title, [formatLabel(labels.permissionUserMissing, title)], labels);
  }
  return item(key, 'optional', title, [formatLabel(labels.permissionAdminMissing, title)], labels);
}

/** Only entries whose value the picklist lacks or has deactivated are issues. */
function isCatalogMismatch(issue: RoleCatalogIssue): boolean {
  return issue.status === 'notInPicklist' || issue.status === 'inactiveInPicklist';
}

/**
 * One item per catalog entry that does not match its picklist, each pointing to the Role Catalog
 * page; one OK item when all match (so the admin sees the catalog was checked).
 */
function roleCatalogItems(status: SetupStatus, labels: SetupCheckLabels): SetupItem[] {
  const issues = status.roleCatalogIssues.filter(isCatalogMismatch);
  if (issues.length === 0) {
    return [item('roleCatalog:ok', 'ok', labels.roleCatalogOkTitle, [labels.roleCatalogOk], labels)];
  }
  return issues.map((issue) => {
    const categoryLabel = ROLE_CATEGORY_LABEL[issue.category] as keyof SetupCheckLabels | undefined;
    const category = categoryLabel ? labels[categoryLabel] : issue.category;
    const title = formatLabel(labels.roleCatalogIssueTitle, category, issue.value);
    const problem =
      issue.status === 'notInPicklist'
        ? labels.roleCatalogNotInPicklist
        : labels.roleCatalogInactiveInPicklist;
    return item(
      `roleCatalog:${issue.category}:${issue.entryName}`,
      'review',
      title,
      [formatLabel(problem, issue.entryName), labels.roleCatalogSeePage],
      labels,
    );
  });
}

/**
 * Builds the report the setup check shows, in the order the admin should work through it.
 * @param locale the user's locale (`@salesforce/i18n/locale`, e.g. "en-US"), for joining lists
 */
export function buildSetupReport(status: SetupStatus, labels: SetupCheckLabels, locale: string): SetupReport {
  const wording: Wording = {
    labels,
    list: new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
  };
  const enabledFeatures = new Set(status.features.filter((f) => f.enabled).map((f) => f.name));
  const sections: SetupSection[] = [
    { key: 'features', title: labels.sectionFeatures, items: featureItems(status, wording) },
    {
      key: 'access',
      title: labels.sectionAccess,
      items: status.objects.map((o) => objectItem(o, enabledFeatures, wording)),
    },
    {
      key: 'permissions',
      title: labels.sectionPermissions,
      items: status.permissions.map((p) => permissionItem(p, labels)),
    },
    { key: 'roleCatalog', title: labels.sectionRoleCatalog, items: roleCatalogItems(status, labels) },
  ];
  const items = sections.flatMap((s) => s.items);
  const problemCount = items.filter((i) => i.state === 'missing').length;
  const reviewCount = items.filter((i) => i.state === 'review').length;
  let summary = reviewCount > 0 ? formatLabel(labels.allGoodCatalogReview, reviewCount) : labels.allGood;
  if (problemCount === 1) {
    summary = labels.problemsOne;
  } else if (problemCount > 1) {
    summary = formatLabel(labels.problemsMany, problemCount);
  }
  return { ready: problemCount === 0, problemCount, reviewCount, summary, sections };
}
