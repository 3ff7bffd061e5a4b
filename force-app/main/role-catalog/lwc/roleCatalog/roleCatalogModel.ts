/**
 * Role catalog view model: turns `RoleCatalogController.getRoleCatalog`'s report (the catalog
 * entries against the org's picklist values, per category) into what the consultant reads: one
 * table per category with a badge preview and a status per row, and the mismatches counted.
 *
 * Pure TypeScript: texts come in as a dictionary of labels, so the component owns the
 * `@salesforce/label` imports and this module is tested without a DOM.
 */
import type {
  RoleCatalogReport,
  RoleCatalogRow,
  RoleCatalogSection,
  RoleCatalogStatus,
  RoleCategory,
} from '@contract';
import { badgeClass, badgeStyle } from 'c/roleBadges';
import { formatLabel } from 'c/ldsUtils';

export { formatLabel };

/** Every text the view needs; keys match the custom labels the component imports. */
export interface RoleCatalogLabels {
  sectionContactRelationship: string;
  sectionAccountTeam: string;
  picklistField: string;
  featureOffContactRelationship: string;
  featureOffAccountTeam: string;
  yes: string;
  no: string;
  statusOk: string;
  statusNoCatalogEntry: string;
  statusNotInPicklist: string;
  statusInactiveInPicklist: string;
  statusNotCompared: string;
  mismatchesNone: string;
  mismatchesOne: string;
  mismatchesMany: string;
  noEntryOne: string;
  noEntryMany: string;
  emptySection: string;
  nothingCompared: string;
}

/** A row's status as shown: the contract's, or `notCompared` when the feature is off. */
export type RowStatus = RoleCatalogStatus | 'notCompared';

export interface CatalogRowView {
  key: string;
  value: string;
  picklistLabel: string;
  activeText: string;
  badgeText: string;
  badgeClass: string;
  badgeStyle: string;
  sortOrderText: string;
  keyRoleText: string;
  helpText: string;
  entryName: string;
  status: RowStatus;
  statusLabel: string;
  statusClass: string;
  /** An entry the picklist lacks or has deactivated: what the setup check reports too. */
  mismatch: boolean;
}

export interface CatalogSectionView {
  key: string;
  title: string;
  /** "Picklist: AccountContactRelation.Roles". */
  fieldText: string;
  featureEnabled: boolean;
  /** What to turn on, when the feature is off (empty otherwise). */
  featureOffMessage: string;
  rows: CatalogRowView[];
  isEmpty: boolean;
  emptyText: string;
  mismatchCount: number;
  noEntryCount: number;
}

/** `notCompared`: every section's feature is off, so no picklist was read. */
export type CatalogState = 'match' | 'mismatch' | 'notCompared';

export interface CatalogView {
  state: CatalogState;
  sections: CatalogSectionView[];
  mismatchCount: number;
  noEntryCount: number;
  /** How many entries do not match, or that all do. */
  summary: string;
  /** How many picklist values have no entry (empty when none). */
  noEntrySummary: string;
}

const SECTION_TITLE: Record<RoleCategory, keyof RoleCatalogLabels> = {
  ContactRelationship: 'sectionContactRelationship',
  AccountTeam: 'sectionAccountTeam',
};
const FEATURE_OFF: Record<RoleCategory, keyof RoleCatalogLabels> = {
  ContactRelationship: 'featureOffContactRelationship',
  AccountTeam: 'featureOffAccountTeam',
};
const STATUS: Record<RowStatus, { label: keyof RoleCatalogLabels; className: string }> = {
  ok: { label: 'statusOk', className: 'slds-badge slds-theme_success' },
  noCatalogEntry: { label: 'statusNoCatalogEntry', className: 'slds-badge slds-badge_lightest' },
  notInPicklist: { label: 'statusNotInPicklist', className: 'slds-badge slds-theme_warning' },
  inactiveInPicklist: { label: 'statusInactiveInPicklist', className: 'slds-badge slds-theme_warning' },
  notCompared: { label: 'statusNotCompared', className: 'slds-badge slds-badge_lightest' },
};

function isMismatch(status: RowStatus): boolean {
  return status === 'notInPicklist' || status === 'inactiveInPicklist';
}

function rowView(
  section: RoleCatalogSection,
  row: RoleCatalogRow,
  index: number,
  labels: RoleCatalogLabels,
  numbers: Intl.NumberFormat,
): CatalogRowView {
  // With the feature off the picklist cannot be read: no row can be said to match or not.
  const status: RowStatus = section.featureEnabled ? row.status : 'notCompared';
  const inPicklist = section.featureEnabled && row.picklistLabel != null;
  return {
    // Values are unique within a picklist, but an org could hold two entries for one value.
    key: `${section.category}:${index}:${row.value}`,
    value: row.value,
    picklistLabel: row.picklistLabel ?? '',
    activeText: inPicklist ? labels[row.picklistActive ? 'yes' : 'no'] : '',
    badgeText: row.picklistLabel ?? row.value,
    badgeClass: badgeClass(row.badgeColor),
    badgeStyle: badgeStyle(row.badgeColor),
    sortOrderText: row.sortOrder == null ? '' : numbers.format(row.sortOrder),
    keyRoleText: row.keyRole ? labels.yes : '',
    helpText: row.helpText ?? '',
    entryName: row.entryName ?? '',
    status,
    statusLabel: labels[STATUS[status].label],
    statusClass: STATUS[status].className,
    mismatch: isMismatch(status),
  };
}

function sectionView(
  section: RoleCatalogSection,
  labels: RoleCatalogLabels,
  numbers: Intl.NumberFormat,
): CatalogSectionView {
  const titleLabel = SECTION_TITLE[section.category] as keyof RoleCatalogLabels | undefined;
  const featureOffLabel = FEATURE_OFF[section.category] as keyof RoleCatalogLabels | undefined;
  const rows = section.rows.map((row, index) => rowView(section, row, index, labels, numbers));
  return {
    key: section.category,
    // A category a newer server adds is still listed, under its field's name.
    title: titleLabel ? labels[titleLabel] : section.fieldApiName,
    fieldText: formatLabel(labels.picklistField, section.fieldApiName),
    featureEnabled: section.featureEnabled,
    featureOffMessage: section.featureEnabled || !featureOffLabel ? '' : labels[featureOffLabel],
    rows,
    isEmpty: rows.length === 0,
    emptyText: labels.emptySection,
    mismatchCount: rows.filter((r) => r.mismatch).length,
    noEntryCount: rows.filter((r) => r.status === 'noCatalogEntry').length,
  };
}

function countText(count: number, none: string, one: string, many: string): string {
  if (count === 0) {
    return none;
  }
  return count === 1 ? one : formatLabel(many, count);
}

/**
 * The view of the whole report.
 * @param locale the user's locale (`@salesforce/i18n/locale`), for the sort orders
 */
export function buildCatalogView(
  report: RoleCatalogReport,
  labels: RoleCatalogLabels,
  locale: string,
): CatalogView {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const sections = report.sections.map((section) => sectionView(section, labels, numbers));
  const mismatchCount = sections.reduce((sum, s) => sum + s.mismatchCount, 0);
  const noEntryCount = sections.reduce((sum, s) => sum + s.noEntryCount, 0);
  // "Every entry matches" would claim a comparison that never happened.
  const compared = sections.some((s) => s.featureEnabled);
  let state: CatalogState = mismatchCount > 0 ? 'mismatch' : 'match';
  if (!compared && sections.length > 0) {
    state = 'notCompared';
  }
  return {
    state,
    sections,
    mismatchCount,
    noEntryCount,
    summary:
      state === 'notCompared'
        ? labels.nothingCompared
        : countText(mismatchCount, labels.mismatchesNone, labels.mismatchesOne, labels.mismatchesMany),
    noEntrySummary: countText(noEntryCount, '', labels.noEntryOne, labels.noEntryMany),
  };
}
