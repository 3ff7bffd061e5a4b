/**
 * The role catalog against the org's picklists, for every feature that has roles: the package's
 * RoleCatalogEntry__mdt records (read from the metadata at build time: workbench/build/roleCatalog.mjs)
 * joined with the values describe reports for the field each category describes. One module gives the
 * role options a component offers, RoleCatalogController.getRoleCatalog's report and the setup check's
 * catalog issues, so the three always agree; the account team reuses it with its own category.
 */
import type {
  RoleBadgeColor,
  RoleCatalogIssue,
  RoleCatalogReport,
  RoleCatalogRow,
  RoleCatalogSection,
  RoleCategory,
  RoleOption,
} from '@contract';
import CATALOG from '@workbench/role-catalog';
import type { Describe } from './describe';

/** The field each category describes (RoleCatalogEntry__mdt.Category__c). */
export const ROLE_FIELDS: Readonly<Record<RoleCategory, { objectApiName: string; fieldApiName: string }>> = {
  ContactRelationship: { objectApiName: 'AccountContactRelation', fieldApiName: 'Roles' },
  AccountTeam: { objectApiName: 'AccountTeamMember', fieldApiName: 'TeamMemberRole' },
};

const CATEGORIES: readonly RoleCategory[] = ['ContactRelationship', 'AccountTeam'];

/** BadgeColor__c's values (a restricted picklist); anything else shows neutral. */
const BADGE_COLORS: ReadonlySet<string> = new Set<RoleBadgeColor>([
  'neutral',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'teal',
  'gray',
]);

export interface RoleCatalogEntry {
  developerName: string;
  value: string;
  badgeColor: RoleBadgeColor;
  sortOrder: number | null;
  keyRole: boolean;
  helpText: string | null;
}

/** The catalog's entries of a category, by value (the first entry of a value wins, by DeveloperName). */
export function catalogEntries(category: RoleCategory): Map<string, RoleCatalogEntry> {
  const entries = new Map<string, RoleCatalogEntry>();
  for (const entry of CATALOG) {
    if (entry.category !== category || !entry.value || entries.has(entry.value)) continue;
    entries.set(entry.value, {
      developerName: entry.developerName,
      value: entry.value,
      badgeColor: BADGE_COLORS.has(entry.badgeColor) ? (entry.badgeColor as RoleBadgeColor) : 'neutral',
      sortOrder: entry.sortOrder,
      keyRole: entry.keyRole,
      helpText: entry.helpText,
    });
  }
  return entries;
}

function featureEnabled(describe: Describe, category: RoleCategory): boolean {
  return describe.objectExists(ROLE_FIELDS[category].objectApiName);
}

/**
 * The values a user may choose for the category's field: its active picklist values joined with the
 * catalog, in catalog order (ascending SortOrder__c, entries without one last), then picklist order.
 * Empty when the feature is off.
 */
export function roleOptions(describe: Describe, category: RoleCategory): RoleOption[] {
  const { objectApiName, fieldApiName } = ROLE_FIELDS[category];
  const entries = catalogEntries(category);
  const options = describe
    .picklistValues(objectApiName, fieldApiName)
    .filter((value) => value.active)
    .map((value, index): { option: RoleOption; index: number } => {
      const entry = entries.get(value.value);
      return {
        index,
        option: {
          value: value.value,
          label: value.label,
          inCatalog: entry !== undefined,
          badgeColor: entry?.badgeColor ?? 'neutral',
          sortOrder: entry?.sortOrder ?? null,
          keyRole: entry?.keyRole ?? false,
          helpText: entry?.helpText ?? null,
        },
      };
    });
  const order = (sortOrder: number | null | undefined): number => sortOrder ?? Number.POSITIVE_INFINITY;
  options.sort((a, b) => order(a.option.sortOrder) - order(b.option.sortOrder) || a.index - b.index);
  return options.map(({ option }) => option);
}

/** The key roles of the category that are active picklist values, in catalog order. */
export function keyRoles(describe: Describe, category: RoleCategory): string[] {
  return roleOptions(describe, category)
    .filter((option) => option.keyRole)
    .map((option) => option.value);
}

/**
 * One category of the catalog against its field: every picklist value in the org's order (inactive
 * ones only when an entry describes them), then the entries whose value the picklist lacks. With the
 * feature off there is no picklist: every entry is listed, `notInPicklist`.
 */
export function roleCatalogSection(describe: Describe, category: RoleCategory): RoleCatalogSection {
  const { objectApiName, fieldApiName } = ROLE_FIELDS[category];
  const entries = catalogEntries(category);
  const rows: RoleCatalogRow[] = [];
  const entryRow = (entry: RoleCatalogEntry) => ({
    entryName: entry.developerName,
    badgeColor: entry.badgeColor,
    sortOrder: entry.sortOrder,
    keyRole: entry.keyRole,
    helpText: entry.helpText,
  });
  const listed = new Set<string>();
  for (const value of describe.picklistValues(objectApiName, fieldApiName)) {
    const entry = entries.get(value.value);
    if (!entry && !value.active) continue;
    listed.add(value.value);
    rows.push({
      value: value.value,
      picklistLabel: value.label,
      picklistActive: value.active,
      ...(entry
        ? entryRow(entry)
        : { entryName: null, badgeColor: 'neutral', sortOrder: null, keyRole: false, helpText: null }),
      status: !entry ? 'noCatalogEntry' : value.active ? 'ok' : 'inactiveInPicklist',
    });
  }
  for (const entry of entries.values()) {
    if (listed.has(entry.value)) continue;
    rows.push({
      value: entry.value,
      picklistLabel: null,
      picklistActive: false,
      ...entryRow(entry),
      status: 'notInPicklist',
    });
  }
  return {
    category,
    fieldApiName: `${objectApiName}.${fieldApiName}`,
    featureEnabled: featureEnabled(describe, category),
    rows,
  };
}

/** RoleCatalogController.getRoleCatalog: every category, contact relationships first. */
export function roleCatalogReport(describe: Describe): RoleCatalogReport {
  return { sections: CATEGORIES.map((category) => roleCatalogSection(describe, category)) };
}

/**
 * What the setup check reports: entries whose value the picklist lacks or has deactivated, for the
 * features that are on (with a feature off there is no picklist to disagree with).
 */
export function roleCatalogIssues(describe: Describe): RoleCatalogIssue[] {
  return roleCatalogReport(describe).sections.flatMap((section) =>
    section.featureEnabled
      ? section.rows
          .filter((row) => row.status === 'notInPicklist' || row.status === 'inactiveInPicklist')
          .map((row) => ({
            category: section.category,
            value: row.value,
            entryName: row.entryName ?? '',
            status: row.status,
          }))
      : [],
  );
}
