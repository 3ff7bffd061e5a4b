/**
 * What the AccountTeamController and DefaultTeamController stand-ins share: labels, exceptions,
 * reading team members (user-mode: through RecordAccess), turning records into the contract's
 * TeamMember, and the governor accounting of one transaction.
 */
import type { OrgWideDefaults, TeamAccess, TeamMember } from '@contract';
import { QueryException, RecordAccess } from '../../access';
import type { SObjectRecord } from '../../sampleOrg';
import { AuraHandledException } from '../shared/errors';
import { toApexId } from '../shared/parameters';
import type { ApexContext, ApexParams } from '../registry';
import type { AccessViolation } from './teamAccess';
import { accessOfRecord } from './teamAccess';

export const ATM = 'AccountTeamMember';
export const UATM = 'UserAccountTeamMember';
export const MEMBER_FIELDS = [
  'Id',
  'UserId',
  'TeamMemberRole',
  'AccountAccessLevel',
  'OpportunityAccessLevel',
  'CaseAccessLevel',
  'ContactAccessLevel',
];

/**
 * English text of the labels these methods use, when the context gives no label function: the
 * package's labels (force-app/main/shared/labels, AR_AccountTeam_*) as the Apex raises them.
 */
const ENGLISH_LABELS: Readonly<Record<string, string>> = {
  AR_AccountTeam_AccountNotFound: "This account doesn't exist or you don't have access to it.",
  AR_AccountTeam_ApplyFailed:
    "The default team couldn't be applied. Try again, or ask your admin if it keeps failing.",
  AR_AccountTeam_FeatureOff:
    'Account Teams are turned off in this org. Ask your admin to enable them in Setup under Account Teams.',
  AR_AccountTeam_InactiveUser: "This user is inactive and can't be added to a team.",
  AR_AccountTeam_InvalidRequest: "The request couldn't be processed. Reload the page and try again.",
  AR_AccountTeam_Invalid_AboveOwnAccess:
    "You can't give more access than you have on this account. Ask an admin to give this access.",
  AR_AccountTeam_Invalid_BelowDefault:
    'Each access level must be at least the org-wide default for that object.',
  AR_AccountTeam_Invalid_ContactNotSettable:
    'Contact access is controlled by the account in this org: leave it out.',
  AR_AccountTeam_Invalid_ContactRequired: 'Choose a contact access level.',
  AR_AccountTeam_Invalid_Level: "One of the access levels isn't valid for this object.",
  AR_AccountTeam_Invalid_NoneAboveDefault:
    'At least one access level must be higher than the org-wide default.',
  AR_AccountTeam_Invalid_NotAboveDefault:
    'For a default team, each access level must be higher than the org-wide default where a higher level exists.',
  AR_AccountTeam_LoadFailed:
    "The account team couldn't be loaded. Try again, or ask your admin if it keeps failing.",
  AR_AccountTeam_MemberNotFound: 'This team member no longer exists. Reload to see the current team.',
  AR_AccountTeam_Refusal_NoAccountEdit:
    'You need edit access to this account to change its team. Ask the account owner.',
  AR_AccountTeam_Refusal_NoTeamMemberAccess:
    "You don't have permission to edit account team members. Ask your admin.",
  AR_AccountTeam_Refusal_NotOwnerOrAbove:
    'Only the account owner, users above the owner in the role hierarchy, and admins can change this team. Ask the owner.',
  AR_AccountTeam_RunNotFound: "This run no longer exists or you don't have access to it.",
  AR_AccountTeam_RunStopped:
    'The run stopped before it finished. The accounts done so far are kept: retry the failed ones.',
  AR_AccountTeam_SaveFailed:
    "Your default team couldn't be saved. Try again, or ask your admin if it keeps failing.",
  AR_AccountTeam_UserNotFound: "This user doesn't exist or you can't see them.",
};

export function labelOf(context: ApexContext, name: string, ...args: string[]): string {
  const text = context.label?.(name) ?? ENGLISH_LABELS[name] ?? name;
  return args.reduce((result, arg, index) => result.replace(`{${index}}`, arg), text);
}

/** The service refuses the record: not an account (or run) the user can see. */
export class RecordNotFoundException extends Error {
  constructor(
    message: string,
    readonly label = 'AR_AccountTeam_AccountNotFound',
  ) {
    super(message);
  }
}
/** The service refuses the request as given (bad source, too many Ids…). */
export class InvalidRequestException extends Error {}
/** Account Teams are off: the objects do not exist. */
export class FeatureOffException extends Error {}
/** A readable refusal whose label the service chose. */
export class TeamRefusalException extends Error {
  constructor(readonly label: string) {
    super(label);
  }
}

/** The controllers: every failure of the service becomes an AuraHandledException with a label's text. */
export function guarded<T>(failedLabel: string, body: (params: ApexParams, context: ApexContext) => T) {
  return (params: ApexParams, context: ApexContext): T => {
    try {
      return body(params, context);
    } catch (error) {
      if (error instanceof RecordNotFoundException) {
        throw new AuraHandledException(labelOf(context, error.label));
      }
      if (error instanceof FeatureOffException) {
        throw new AuraHandledException(labelOf(context, 'AR_AccountTeam_FeatureOff'));
      }
      if (error instanceof TeamRefusalException)
        throw new AuraHandledException(labelOf(context, error.label));
      if (error instanceof InvalidRequestException) {
        throw new AuraHandledException(labelOf(context, 'AR_AccountTeam_InvalidRequest'));
      }
      if (error instanceof QueryException) throw new AuraHandledException(labelOf(context, failedLabel));
      throw error;
    }
  };
}

export const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
export const idOf = (value: unknown): string | null => {
  const raw = text(value);
  return raw === null ? null : (toApexId(raw) ?? null);
};

export function assertFeatureOn(context: ApexContext): void {
  if (!context.describe.objectExists(ATM)) throw new FeatureOffException();
}

/** A team member record as the contract shows it. */
export function toTeamMember(
  context: ApexContext,
  record: SObjectRecord,
  defaults: OrgWideDefaults,
): TeamMember {
  const user = context.org.user(String(record.UserId));
  return {
    id: record.Id,
    userId: String(record.UserId),
    userName: user?.name ?? '',
    userActive: user !== undefined && user.active !== false,
    userTitle: user?.title ?? null,
    role: text(record.TeamMemberRole),
    access: accessOfRecord(record, defaults),
  };
}

/** A proposed member (no Id) from a default team member record. */
export function proposedMember(
  context: ApexContext,
  record: SObjectRecord,
  defaults: OrgWideDefaults,
): TeamMember {
  return { ...toTeamMember(context, record, defaults), id: null };
}

const byUserName =
  (context: ApexContext) =>
  (a: SObjectRecord, b: SObjectRecord): number =>
    (context.org.user(String(a.UserId))?.name ?? '').localeCompare(
      context.org.user(String(b.UserId))?.name ?? '',
    ) || (a.Id < b.Id ? -1 : 1);

/** A user's default team records (user mode; empty without read access), by member name. */
export function defaultTeamRecords(
  context: ApexContext,
  access: RecordAccess,
  ownerId: string,
): SObjectRecord[] {
  if (!context.describe.canAccessObject(UATM, 'read')) return [];
  access.assertReadable(UATM, [...MEMBER_FIELDS, 'OwnerId']);
  return (context.org.groupedBy(UATM, 'OwnerId').get(ownerId) ?? [])
    .filter((record) => access.canSee(record))
    .sort(byUserName(context));
}

/** An account's team records (user mode; empty without read access), by member name. */
export function accountTeamRecords(
  context: ApexContext,
  access: RecordAccess,
  accountId: string,
): SObjectRecord[] {
  if (!context.describe.canAccessObject(ATM, 'read')) return [];
  access.assertReadable(ATM, [...MEMBER_FIELDS, 'AccountId']);
  return (context.org.groupedBy(ATM, 'AccountId').get(accountId) ?? [])
    .filter((record) => access.canSee(record))
    .sort(byUserName(context));
}

export function newAccess(context: ApexContext): RecordAccess {
  return new RecordAccess(context);
}

/** The four levels, for messages: "Opportunity, Case". */
export function objectsText(objects: readonly (keyof TeamAccess)[]): string {
  const names: Record<keyof TeamAccess, string> = {
    account: 'Account',
    opportunity: 'Opportunity',
    caseAccess: 'Case',
    contact: 'Contact',
  };
  return objects.map((object) => names[object]).join(', ');
}

// ------------------------------------------------------------------ governor accounting

/** The synchronous per-transaction limits the package plans against (Apex governor limits). */
export const GOVERNOR_LIMITS = {
  queries: 100,
  queryRows: 50_000,
  dmlStatements: 150,
  dmlRows: 10_000,
} as const;
/** A quarter of each: what one transaction of the package may use. */
export const TRANSACTION_BUDGET = {
  queries: GOVERNOR_LIMITS.queries / 4,
  queryRows: GOVERNOR_LIMITS.queryRows / 4,
  dmlStatements: Math.floor(GOVERNOR_LIMITS.dmlStatements / 4),
  dmlRows: GOVERNOR_LIMITS.dmlRows / 4,
} as const;

export interface TransactionUsage {
  /** `call`: an @AuraEnabled call; `queueable`: one execute() of the chain. */
  kind: 'call' | 'queueable';
  method: string;
  runId: string | null;
  queries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
}

/**
 * What one transaction consumed, as the Apex would count it: each SOQL query with the rows it
 * returns, each DML statement (a list insert/update/delete, however many records) with its rows.
 */
export class Transaction {
  readonly usage: TransactionUsage;

  constructor(kind: TransactionUsage['kind'], method: string, runId: string | null = null) {
    this.usage = { kind, method, runId, queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0 };
  }

  query(rows: number): void {
    this.usage.queries += 1;
    this.usage.queryRows += rows;
  }

  /** A DML statement of `rows` records (an empty list is not sent: no statement). */
  dml(rows: number): void {
    if (rows === 0) return;
    this.usage.dmlStatements += 1;
    this.usage.dmlRows += rows;
  }
}

/** A refused member's message, from the rule it breaks. */
export function violationMessage(context: ApexContext, violation: AccessViolation): string {
  const labels: Record<AccessViolation['kind'], string> = {
    notSettable: 'AR_AccountTeam_Invalid_Level',
    contactRequired: 'AR_AccountTeam_Invalid_ContactRequired',
    belowDefault: 'AR_AccountTeam_Invalid_BelowDefault',
    notAboveDefault: 'AR_AccountTeam_Invalid_NotAboveDefault',
    noneAbove: 'AR_AccountTeam_Invalid_NoneAboveDefault',
    contactSet: 'AR_AccountTeam_Invalid_ContactNotSettable',
    exceedsOwn: 'AR_AccountTeam_Invalid_AboveOwnAccess',
  };
  return labelOf(context, labels[violation.kind]);
}
