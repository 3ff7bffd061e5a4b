/**
 * The parameter types of every `@AuraEnabled` method the sample org implements, as the Apex
 * declares them (a test compares this with the .cls files), and the platform's deserialisation of a
 * call's parameters into them, which happens before any Apex runs: an `Id` (or `List<Id>` element)
 * that is not a 15- or 18-character Id with a valid checksum fails the call with the platform's
 * message "Value provided is invalid for action parameter '<name>' of type '<type>'"; a 15-character
 * Id arrives as its 18-character form. Only Id types are checked: the others reach the handlers as
 * sent, and the handlers read them defensively.
 *
 * The workbench URL's data-tree referenceIds are turned into Ids by the workbench page (app.ts)
 * before a component has them: Apex never sees a referenceId.
 */
import { idChecksum, isSalesforceId } from '../../ids';
import { PlatformException } from './errors';
import type { ApexParams } from '../registry';

export type ApexParameterType =
  | 'Id'
  | 'List<Id>'
  | 'String'
  | 'List<String>'
  | 'Integer'
  | 'Boolean'
  | 'Date'
  | 'Datetime'
  | 'List<RelationshipChange>'
  | 'TeamApplyRequest'
  | 'List<TeamMemberInput>';

/** Parameter names and types of each method, in declaration order (ClassName.method). */
export const APEX_SIGNATURES: Readonly<Record<string, Readonly<Record<string, ApexParameterType>>>> = {
  'SetupCheckController.getSetupStatus': {},
  'AccountHierarchyController.findTop': { recordId: 'Id', columns: 'List<String>', startFromId: 'Id' },
  'AccountHierarchyController.loadChildren': {
    parentIds: 'List<Id>',
    afterId: 'Id',
    columns: 'List<String>',
    pageSize: 'Integer',
    levels: 'Integer',
  },
  'RoleCatalogController.getRoleCatalog': {},
  'RelatedContactsController.getRelatedContactsContext': { recordId: 'Id' },
  'RelatedContactsController.loadRelationships': {
    mode: 'String',
    recordIds: 'List<Id>',
    afterId: 'Id',
    pageSize: 'Integer',
  },
  'RelatedContactsController.saveRelationships': { changes: 'List<RelationshipChange>' },
  'RelatedContactsController.addRelationship': {
    accountId: 'Id',
    contactId: 'Id',
    roles: 'List<String>',
    startDate: 'Date',
    isActive: 'Boolean',
  },
  'RelatedContactsController.removeRelationship': { relationshipId: 'Id', lastModifiedDate: 'Datetime' },
  'RelatedContactsController.searchContacts': { accountId: 'Id', term: 'String' },
  'AccountTeamController.getAccountTeamContext': { accountId: 'Id' },
  'AccountTeamController.previewTeam': { accountIds: 'List<Id>', source: 'String' },
  'AccountTeamController.applyTeam': { request: 'TeamApplyRequest' },
  'AccountTeamController.getRun': { runId: 'Id', afterResultId: 'Id' },
  'AccountTeamController.listRuns': {},
  'DefaultTeamController.getMyDefaultTeam': {},
  'DefaultTeamController.saveMyDefaultTeam': { members: 'List<TeamMemberInput>' },
  'DefaultTeamController.removeFromMyDefaultTeam': { memberIds: 'List<Id>' },
  'DefaultTeamController.searchUsers': { term: 'String' },
};

/**
 * A parameter the platform cannot deserialise into its declared type. The exact exceptionType the
 * platform reports for it is unverified: components recognise the message (see ldsUtils).
 */
export class InvalidParameterException extends PlatformException {
  constructor(name: string, type: ApexParameterType) {
    super(`Value provided is invalid for action parameter '${name}' of type '${type}'`, '');
  }
}

/** The Id a value deserialises to (18 characters), or undefined when it is not an Id. */
export function toApexId(value: string): string | undefined {
  if (/^[a-zA-Z0-9]{15}$/.test(value)) return value + idChecksum(value);
  return isSalesforceId(value) ? value : undefined;
}

function deserialiseId(value: unknown, name: string, type: ApexParameterType): unknown {
  if (value === null || value === undefined) return null;
  const id = typeof value === 'string' ? toApexId(value) : undefined;
  if (id === undefined) throw new InvalidParameterException(name, type);
  return id;
}

/**
 * The parameters as the method receives them.
 * @throws InvalidParameterException when an Id parameter holds something else
 */
export function deserialiseParameters(method: string, params: ApexParams): ApexParams {
  const signature = APEX_SIGNATURES[method];
  if (!signature) return params;
  const result: Record<string, unknown> = { ...params };
  for (const [name, type] of Object.entries(signature)) {
    const value = params[name];
    if (type === 'Id') {
      result[name] = deserialiseId(value, name, type);
    } else if (type === 'List<Id>' && Array.isArray(value)) {
      result[name] = value.map((item: unknown) => deserialiseId(item, name, type));
    }
  }
  return result;
}
