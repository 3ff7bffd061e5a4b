/**
 * Setup check: tells an admin (or a rep wondering why a component is empty) which org features,
 * object and field access and package permission sets are missing, in plain words. All the
 * reasoning lives in `c/setupCheckModel`; this component fetches the facts and renders them.
 */
import { LightningElement, api } from 'lwc';
import getSetupStatus from '@salesforce/apex/SetupCheckController.getSetupStatus';
import locale from '@salesforce/i18n/locale';
import { isNoApexClassAccess, reduceErrors } from 'c/ldsUtils';
import { buildSetupReport, formatLabel } from 'c/setupCheckModel';
import type { SetupCheckLabels, SetupItem, SetupReport, SetupSection } from 'c/setupCheckModel';

import title from '@salesforce/label/c.AR_SetupCheck_Title';
import refresh from '@salesforce/label/c.AR_SetupCheck_Refresh';
import loading from '@salesforce/label/c.AR_SetupCheck_Loading';
import errorTitle from '@salesforce/label/c.AR_SetupCheck_ErrorTitle';
import unknownError from '@salesforce/label/c.AR_Error_Unknown';
import noApexClassAccess from '@salesforce/label/c.AR_Error_NoApexClassAccess';
import problemsOne from '@salesforce/label/c.AR_SetupCheck_ProblemsOne';
import problemsMany from '@salesforce/label/c.AR_SetupCheck_ProblemsMany';
import allGood from '@salesforce/label/c.AR_SetupCheck_AllGood';
import sectionFeatures from '@salesforce/label/c.AR_SetupCheck_SectionFeatures';
import sectionAccess from '@salesforce/label/c.AR_SetupCheck_SectionAccess';
import sectionPermissions from '@salesforce/label/c.AR_SetupCheck_SectionPermissions';
import statusOk from '@salesforce/label/c.AR_SetupCheck_StatusOk';
import statusMissing from '@salesforce/label/c.AR_SetupCheck_StatusMissing';
import statusNotChecked from '@salesforce/label/c.AR_SetupCheck_StatusNotChecked';
import statusOptional from '@salesforce/label/c.AR_SetupCheck_StatusOptional';
import featureOn from '@salesforce/label/c.AR_SetupCheck_FeatureOn';
import fixContactsToMultipleAccounts from '@salesforce/label/c.AR_SetupCheck_FixContactsToMultipleAccounts';
import fixAccountTeams from '@salesforce/label/c.AR_SetupCheck_FixAccountTeams';
import neededBy from '@salesforce/label/c.AR_SetupCheck_NeededBy';
import objectTitle from '@salesforce/label/c.AR_SetupCheck_ObjectTitle';
import objectOk from '@salesforce/label/c.AR_SetupCheck_ObjectOk';
import objectUnavailable from '@salesforce/label/c.AR_SetupCheck_ObjectUnavailable';
import objectMissingAccess from '@salesforce/label/c.AR_SetupCheck_ObjectMissingAccess';
import fieldMissingAccess from '@salesforce/label/c.AR_SetupCheck_FieldMissingAccess';
import askAdminForAccess from '@salesforce/label/c.AR_SetupCheck_AskAdminForAccess';
import featureOffNotChecked from '@salesforce/label/c.AR_SetupCheck_FeatureOffNotChecked';
import fieldWithAccess from '@salesforce/label/c.AR_SetupCheck_FieldWithAccess';
import permissionAssigned from '@salesforce/label/c.AR_SetupCheck_PermissionAssigned';
import permissionUserMissing from '@salesforce/label/c.AR_SetupCheck_PermissionUserMissing';
import permissionAdminMissing from '@salesforce/label/c.AR_SetupCheck_PermissionAdminMissing';
import featureContactsToMultipleAccounts from '@salesforce/label/c.AR_Feature_ContactsToMultipleAccounts';
import featureAccountTeams from '@salesforce/label/c.AR_Feature_AccountTeams';
import componentRelatedContacts from '@salesforce/label/c.AR_Component_relatedContacts';
import componentAccountHierarchy from '@salesforce/label/c.AR_Component_accountHierarchy';
import componentAccountTeam from '@salesforce/label/c.AR_Component_accountTeam';
import accessRead from '@salesforce/label/c.AR_Access_read';
import accessCreate from '@salesforce/label/c.AR_Access_create';
import accessEdit from '@salesforce/label/c.AR_Access_edit';
import accessDelete from '@salesforce/label/c.AR_Access_delete';
import permissionSetUser from '@salesforce/label/c.AR_PermissionSet_AccountRelationships_User';
import permissionSetAdmin from '@salesforce/label/c.AR_PermissionSet_AccountRelationships_Admin';
import sectionRoleCatalog from '@salesforce/label/c.AR_SetupCheck_SectionRoleCatalog';
import statusReview from '@salesforce/label/c.AR_SetupCheck_StatusReview';
import roleCatalogOk from '@salesforce/label/c.AR_SetupCheck_RoleCatalogOk';
import roleCatalogOkTitle from '@salesforce/label/c.AR_SetupCheck_RoleCatalogOkTitle';
import roleCatalogIssueTitle from '@salesforce/label/c.AR_SetupCheck_RoleCatalogIssueTitle';
import roleCategoryContactRelationship from '@salesforce/label/c.AR_SetupCheck_RoleCategoryContactRelationship';
import roleCategoryAccountTeam from '@salesforce/label/c.AR_SetupCheck_RoleCategoryAccountTeam';
import roleCatalogNotInPicklist from '@salesforce/label/c.AR_SetupCheck_RoleCatalogNotInPicklist';
import roleCatalogInactiveInPicklist from '@salesforce/label/c.AR_SetupCheck_RoleCatalogInactiveInPicklist';
import roleCatalogSeePage from '@salesforce/label/c.AR_SetupCheck_RoleCatalogSeePage';
import allGoodCatalogReview from '@salesforce/label/c.AR_SetupCheck_AllGoodCatalogReview';

const MODEL_LABELS: SetupCheckLabels = {
  problemsOne,
  problemsMany,
  allGood,
  sectionFeatures,
  sectionAccess,
  sectionPermissions,
  statusOk,
  statusMissing,
  statusNotChecked,
  statusOptional,
  featureOn,
  fixContactsToMultipleAccounts,
  fixAccountTeams,
  neededBy,
  objectTitle,
  objectOk,
  objectUnavailable,
  objectMissingAccess,
  fieldMissingAccess,
  askAdminForAccess,
  featureOffNotChecked,
  fieldWithAccess,
  permissionAssigned,
  permissionUserMissing,
  permissionAdminMissing,
  featureContactsToMultipleAccounts,
  featureAccountTeams,
  componentRelatedContacts,
  componentAccountHierarchy,
  componentAccountTeam,
  accessRead,
  accessCreate,
  accessEdit,
  accessDelete,
  permissionSetUser,
  permissionSetAdmin,
  sectionRoleCatalog,
  statusReview,
  roleCatalogOk,
  roleCatalogOkTitle,
  roleCatalogIssueTitle,
  roleCategoryContactRelationship,
  roleCategoryAccountTeam,
  roleCatalogNotInPicklist,
  roleCatalogInactiveInPicklist,
  roleCatalogSeePage,
  allGoodCatalogReview,
};

/** How each state looks: SLDS icon and badge theme. */
const STATE_STYLE = {
  ok: { iconName: 'utility:success', iconVariant: 'success', badgeClass: 'slds-badge slds-theme_success' },
  missing: {
    iconName: 'utility:warning',
    iconVariant: 'warning',
    badgeClass: 'slds-badge slds-theme_warning',
  },
  notChecked: { iconName: 'utility:dash', iconVariant: '', badgeClass: 'slds-badge' },
  optional: { iconName: 'utility:info', iconVariant: '', badgeClass: 'slds-badge slds-badge_lightest' },
  // Worth a look, nothing blocked: informational, not the warning colour of what is missing.
  review: { iconName: 'utility:info', iconVariant: '', badgeClass: 'slds-badge slds-theme_info' },
} as const;

interface ItemView extends SetupItem {
  iconName: string;
  iconVariant: string;
  badgeClass: string;
  headingId: string;
}

interface SectionView extends Omit<SetupSection, 'items'> {
  headingId: string;
  items: ItemView[];
}

export default class SetupCheck extends LightningElement {
  /** Set when the check sits on a record page; the check itself does not depend on the record. */
  @api recordId?: string;

  labels = { title, refresh, loading, errorTitle };
  report?: SetupReport;
  errors: string[] = [];
  isLoading = false;

  override connectedCallback(): void {
    this.load().catch(() => undefined);
  }

  get sections(): SectionView[] {
    return (this.report?.sections ?? []).map((section) => ({
      ...section,
      headingId: `setup-section-${section.key}`,
      items: section.items.map((item, index) => ({
        ...item,
        ...STATE_STYLE[item.state],
        headingId: `setup-item-${section.key}-${index}`,
      })),
    }));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  get summaryClass(): string {
    const theme = this.report?.ready ? 'slds-theme_success' : 'slds-theme_warning';
    return `slds-notify slds-notify_alert slds-m-bottom_medium ${theme}`;
  }

  get summaryIcon(): string {
    return this.report?.ready ? 'utility:success' : 'utility:warning';
  }

  handleRefresh(): void {
    this.load().catch(() => undefined);
  }

  private async load(): Promise<void> {
    this.isLoading = true;
    this.errors = [];
    try {
      const status = await getSetupStatus();
      this.report = buildSetupReport(status, MODEL_LABELS, locale);
    } catch (error: unknown) {
      // Without the User permission set the check's own call is refused: the users who most need
      // it learn at least which permission set to ask for.
      const messages = isNoApexClassAccess(error, ['SetupCheckController'])
        ? [formatLabel(noApexClassAccess, permissionSetUser)]
        : reduceErrors(error);
      this.errors = messages.length > 0 ? messages : [unknownError];
      this.report = undefined;
    } finally {
      this.isLoading = false;
    }
  }
}
