/**
 * Role catalog: shows consultants the role catalog (custom metadata `RoleCatalogEntry__mdt`) against
 * the org's picklist values, per category (contact relationship roles, account team roles), with a
 * preview of each badge, the entries that do not match flagged and counted, and how to edit the
 * catalog in Setup. The reasoning lives in `./roleCatalogModel`; this component fetches and renders.
 */
import { LightningElement } from 'lwc';
import getRoleCatalog from '@salesforce/apex/RoleCatalogController.getRoleCatalog';
import locale from '@salesforce/i18n/locale';
import { isNoApexClassAccess, reduceErrors } from 'c/ldsUtils';
import { buildCatalogView, formatLabel } from './roleCatalogModel';
import type { CatalogView, RoleCatalogLabels } from './roleCatalogModel';

import title from '@salesforce/label/c.AR_RoleCatalog_Title';
import refresh from '@salesforce/label/c.AR_RoleCatalog_Refresh';
import loading from '@salesforce/label/c.AR_RoleCatalog_Loading';
import errorTitle from '@salesforce/label/c.AR_RoleCatalog_ErrorTitle';
import columnValue from '@salesforce/label/c.AR_RoleCatalog_ColumnValue';
import columnPicklistLabel from '@salesforce/label/c.AR_RoleCatalog_ColumnPicklistLabel';
import columnActive from '@salesforce/label/c.AR_RoleCatalog_ColumnActive';
import columnBadge from '@salesforce/label/c.AR_RoleCatalog_ColumnBadge';
import columnSortOrder from '@salesforce/label/c.AR_RoleCatalog_ColumnSortOrder';
import columnKeyRole from '@salesforce/label/c.AR_RoleCatalog_ColumnKeyRole';
import columnHelpText from '@salesforce/label/c.AR_RoleCatalog_ColumnHelpText';
import columnEntry from '@salesforce/label/c.AR_RoleCatalog_ColumnEntry';
import columnStatus from '@salesforce/label/c.AR_RoleCatalog_ColumnStatus';
import howToTitle from '@salesforce/label/c.AR_RoleCatalog_HowToTitle';
import howToOpen from '@salesforce/label/c.AR_RoleCatalog_HowToOpen';
import howToAdd from '@salesforce/label/c.AR_RoleCatalog_HowToAdd';
import howToFields from '@salesforce/label/c.AR_RoleCatalog_HowToFields';
import howToMismatch from '@salesforce/label/c.AR_RoleCatalog_HowToMismatch';
import sectionContactRelationship from '@salesforce/label/c.AR_RoleCatalog_SectionContactRelationship';
import sectionAccountTeam from '@salesforce/label/c.AR_RoleCatalog_SectionAccountTeam';
import picklistField from '@salesforce/label/c.AR_RoleCatalog_PicklistField';
import featureOffContactRelationship from '@salesforce/label/c.AR_RoleCatalog_FeatureOffContactRelationship';
import featureOffAccountTeam from '@salesforce/label/c.AR_RoleCatalog_FeatureOffAccountTeam';
import yes from '@salesforce/label/c.AR_RoleCatalog_Yes';
import no from '@salesforce/label/c.AR_RoleCatalog_No';
import statusOk from '@salesforce/label/c.AR_RoleCatalog_StatusOk';
import statusNoCatalogEntry from '@salesforce/label/c.AR_RoleCatalog_StatusNoCatalogEntry';
import statusNotInPicklist from '@salesforce/label/c.AR_RoleCatalog_StatusNotInPicklist';
import statusInactiveInPicklist from '@salesforce/label/c.AR_RoleCatalog_StatusInactiveInPicklist';
import statusNotCompared from '@salesforce/label/c.AR_RoleCatalog_StatusNotCompared';
import mismatchesNone from '@salesforce/label/c.AR_RoleCatalog_MismatchesNone';
import mismatchesOne from '@salesforce/label/c.AR_RoleCatalog_MismatchesOne';
import mismatchesMany from '@salesforce/label/c.AR_RoleCatalog_MismatchesMany';
import noEntryOne from '@salesforce/label/c.AR_RoleCatalog_NoEntryOne';
import noEntryMany from '@salesforce/label/c.AR_RoleCatalog_NoEntryMany';
import emptySection from '@salesforce/label/c.AR_RoleCatalog_EmptySection';
import nothingCompared from '@salesforce/label/c.AR_RoleCatalog_NothingCompared';
import unknownError from '@salesforce/label/c.AR_Error_Unknown';
import noApexClassAccess from '@salesforce/label/c.AR_Error_NoApexClassAccess';
import permissionSetUser from '@salesforce/label/c.AR_PermissionSet_AccountRelationships_User';

const MODEL_LABELS: RoleCatalogLabels = {
  sectionContactRelationship,
  sectionAccountTeam,
  picklistField,
  featureOffContactRelationship,
  featureOffAccountTeam,
  yes,
  no,
  statusOk,
  statusNoCatalogEntry,
  statusNotInPicklist,
  statusInactiveInPicklist,
  statusNotCompared,
  mismatchesNone,
  mismatchesOne,
  mismatchesMany,
  noEntryOne,
  noEntryMany,
  emptySection,
  nothingCompared,
};

/** How the summary looks in each state: SLDS alert theme and icon. */
const SUMMARY_STYLE = {
  match: { theme: 'slds-theme_success', icon: 'utility:success' },
  mismatch: { theme: 'slds-theme_warning', icon: 'utility:warning' },
  notCompared: { theme: 'slds-theme_info', icon: 'utility:info' },
} as const;

interface SectionHeading {
  headingId: string;
}

export default class RoleCatalog extends LightningElement {
  labels = {
    title,
    refresh,
    loading,
    errorTitle,
    columnValue,
    columnPicklistLabel,
    columnActive,
    columnBadge,
    columnSortOrder,
    columnKeyRole,
    columnHelpText,
    columnEntry,
    columnStatus,
    howToTitle,
    howToOpen,
    howToAdd,
    howToFields,
    howToMismatch,
  };
  view?: CatalogView;
  errors: string[] = [];
  isLoading = false;

  override connectedCallback(): void {
    this.load().catch(() => undefined);
  }

  get sections(): (CatalogView['sections'][number] & SectionHeading)[] {
    return (this.view?.sections ?? []).map((section) => ({
      ...section,
      headingId: `role-catalog-${section.key}`,
    }));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  get summaryClass(): string {
    const { theme } = SUMMARY_STYLE[this.view?.state ?? 'match'];
    return `slds-notify slds-notify_alert slds-m-bottom_medium ${theme}`;
  }

  get summaryIcon(): string {
    return SUMMARY_STYLE[this.view?.state ?? 'match'].icon;
  }

  handleRefresh(): void {
    this.load().catch(() => undefined);
  }

  private async load(): Promise<void> {
    this.isLoading = true;
    this.errors = [];
    try {
      const report = await getRoleCatalog();
      this.view = buildCatalogView(report, MODEL_LABELS, locale);
    } catch (error: unknown) {
      // A consultant without the User permission set cannot run the controller: say which to ask for.
      const messages = isNoApexClassAccess(error, ['RoleCatalogController'])
        ? [formatLabel(noApexClassAccess, permissionSetUser)]
        : reduceErrors(error);
      this.errors = messages.length > 0 ? messages : [unknownError];
      this.view = undefined;
    } finally {
      this.isLoading = false;
    }
  }
}
