/**
 * Every `@AuraEnabled` method the sample org implements, by `Class.method` as components import it
 * (`@salesforce/apex/Class.method`). Each handler mirrors its Apex class's semantics over the
 * sample org; add new methods here. Calling a method that is missing throws
 * ApexNotImplementedError (loud: console error + an error response), never silently returns.
 *
 * The handlers are grouped by feature as the package is (force-app/main/<feature>): setupCheck/,
 * accountHierarchy/, relatedContacts/, roleCatalog/, accountTeam/, and shared/ for the exceptions and the
 * platform's parameter deserialisation.
 *
 * As in an org, a call runs only when one of the user's permission sets opens the method's class
 * (`<classAccesses>` in the permission set metadata); otherwise it fails with NoApexClassAccessError.
 */
import type { Describe } from '../describe';
import type { OrgUser, SampleOrg } from '../sampleOrg';
import { findTop, loadChildren } from './accountHierarchy/accountHierarchy';
import { ApexNotImplementedError, NoApexClassAccessError } from './shared/errors';
import { opensApexClass } from '../permissionSets';
import { deserialiseParameters } from './shared/parameters';
import { getSetupStatus } from './setupCheck/setupCheck';
import { getRoleCatalog } from './roleCatalog/roleCatalog';
import {
  addRelationship,
  getRelatedContactsContext,
  loadRelationships,
  removeRelationship,
  saveRelationships,
  searchContacts,
} from './relatedContacts/relatedContacts';
import { getAccountTeamContext, previewTeam } from './accountTeam/accountTeam';
import { applyTeam, getRun, listRuns } from './accountTeam/teamRuns';
import {
  getMyDefaultTeam,
  removeFromMyDefaultTeam,
  saveMyDefaultTeam,
  searchUsers,
} from './accountTeam/defaultTeam';

/** What every handler runs against: the org, the running user and that user's describe. */
export interface ApexContext {
  org: SampleOrg;
  user: OrgUser;
  describe: Describe;
  /**
   * A custom label's text in the user's language (`System.Label`), when the caller can give one;
   * handlers fall back to the English text of the labels they raise.
   */
  label?: (name: string) => string;
}

/** Parameters arrive as the JSON object the component passed (already JSON round-tripped). */
export type ApexParams = Readonly<Record<string, unknown>>;

export type ApexHandler = (params: ApexParams, context: ApexContext) => unknown;

export const APEX_METHODS: Readonly<Record<string, ApexHandler>> = {
  'SetupCheckController.getSetupStatus': getSetupStatus,
  'AccountHierarchyController.findTop': findTop,
  'AccountHierarchyController.loadChildren': loadChildren,
  'RoleCatalogController.getRoleCatalog': getRoleCatalog,
  'RelatedContactsController.getRelatedContactsContext': getRelatedContactsContext,
  'RelatedContactsController.loadRelationships': loadRelationships,
  'RelatedContactsController.saveRelationships': saveRelationships,
  'RelatedContactsController.addRelationship': addRelationship,
  'RelatedContactsController.removeRelationship': removeRelationship,
  'RelatedContactsController.searchContacts': searchContacts,
  'AccountTeamController.getAccountTeamContext': getAccountTeamContext,
  'AccountTeamController.previewTeam': previewTeam,
  'AccountTeamController.applyTeam': applyTeam,
  'AccountTeamController.getRun': getRun,
  'AccountTeamController.listRuns': listRuns,
  'DefaultTeamController.getMyDefaultTeam': getMyDefaultTeam,
  'DefaultTeamController.saveMyDefaultTeam': saveMyDefaultTeam,
  'DefaultTeamController.removeFromMyDefaultTeam': removeFromMyDefaultTeam,
  'DefaultTeamController.searchUsers': searchUsers,
};

export function invokeApex(method: string, params: ApexParams, context: ApexContext): unknown {
  const handler = APEX_METHODS[method];
  if (!handler) throw new ApexNotImplementedError(method);
  const apexClass = method.slice(0, method.indexOf('.'));
  if (!opensApexClass(context.user.permissionSets ?? [], apexClass)) {
    throw new NoApexClassAccessError(apexClass);
  }
  return handler(deserialiseParameters(method, params), context);
}
