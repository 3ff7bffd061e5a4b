/**
 * The translated words both account team components use for the contract's codes: access levels,
 * the four objects, member and account result statuses, access problems, why a team may not be
 * changed, run statuses. One place, so the assistant and the default-team editor say the same.
 */
import type {
  TeamAccessLevel,
  TeamAccountResult,
  TeamChangeRefusal,
  TeamResultStatus,
  TeamRunStatus,
} from '@contract';
import type { AccessObject, AccessProblem } from 'c/accountTeamModel';
import { formatLabel } from 'c/accountTeamModel';

import levelNone from '@salesforce/label/c.AR_AccountTeam_LevelNone';
import levelRead from '@salesforce/label/c.AR_AccountTeam_LevelRead';
import levelEdit from '@salesforce/label/c.AR_AccountTeam_LevelEdit';
import levelAll from '@salesforce/label/c.AR_AccountTeam_LevelAll';
import objectAccount from '@salesforce/label/c.AR_AccountTeam_ObjectAccount';
import objectOpportunity from '@salesforce/label/c.AR_AccountTeam_ObjectOpportunity';
import objectCase from '@salesforce/label/c.AR_AccountTeam_ObjectCase';
import objectContact from '@salesforce/label/c.AR_AccountTeam_ObjectContact';
import problemBelowDefault from '@salesforce/label/c.AR_AccountTeam_ProblemBelowDefault';
import problemNotAboveDefault from '@salesforce/label/c.AR_AccountTeam_ProblemNotAboveDefault';
import problemNotAllowed from '@salesforce/label/c.AR_AccountTeam_ProblemNotAllowed';
import problemNotGrantable from '@salesforce/label/c.AR_AccountTeam_ProblemNotGrantable';
import problemNoValidLevel from '@salesforce/label/c.AR_AccountTeam_ProblemNoValidLevel';
import problemMissing from '@salesforce/label/c.AR_AccountTeam_ProblemMissing';
import problemNoneAboveDefault from '@salesforce/label/c.AR_AccountTeam_ProblemNoneAboveDefault';
import statusSaved from '@salesforce/label/c.AR_AccountTeam_StatusSaved';
import statusInvalidAccess from '@salesforce/label/c.AR_AccountTeam_StatusInvalidAccess';
import statusInactiveUser from '@salesforce/label/c.AR_AccountTeam_StatusInactiveUser';
import statusNoAccess from '@salesforce/label/c.AR_AccountTeam_StatusNoAccess';
import statusNotFound from '@salesforce/label/c.AR_AccountTeam_StatusNotFound';
import statusFailed from '@salesforce/label/c.AR_AccountTeam_StatusFailed';
import resultDone from '@salesforce/label/c.AR_AccountTeam_ResultDone';
import resultFailed from '@salesforce/label/c.AR_AccountTeam_ResultFailed';
import resultRefused from '@salesforce/label/c.AR_AccountTeam_ResultRefused';
import refusalNoAccountEdit from '@salesforce/label/c.AR_AccountTeam_RefusalNoAccountEdit';
import refusalNotOwnerOrAbove from '@salesforce/label/c.AR_AccountTeam_RefusalNotOwnerOrAbove';
import refusalNoTeamMemberAccess from '@salesforce/label/c.AR_AccountTeam_RefusalNoTeamMemberAccess';
import ownerUnknown from '@salesforce/label/c.AR_AccountTeam_OwnerUnknown';
import runQueued from '@salesforce/label/c.AR_AccountTeam_RunQueued';
import runRunning from '@salesforce/label/c.AR_AccountTeam_RunRunning';
import runCompleted from '@salesforce/label/c.AR_AccountTeam_RunCompleted';
import runCompletedWithErrors from '@salesforce/label/c.AR_AccountTeam_RunCompletedWithErrors';
import runFailed from '@salesforce/label/c.AR_AccountTeam_RunFailed';

const LEVELS: Record<TeamAccessLevel, string> = {
  None: levelNone,
  Read: levelRead,
  Edit: levelEdit,
  All: levelAll,
};
const OBJECTS: Record<AccessObject, string> = {
  account: objectAccount,
  opportunity: objectOpportunity,
  case: objectCase,
  contact: objectContact,
};
const PROBLEMS: Record<AccessProblem['reason'], string> = {
  belowDefault: problemBelowDefault,
  notAboveDefault: problemNotAboveDefault,
  notAllowed: problemNotAllowed,
  notGrantable: problemNotGrantable,
  noValidLevel: problemNoValidLevel,
  missing: problemMissing,
  noneAboveDefault: problemNoneAboveDefault,
};
const MEMBER_STATUSES: Partial<Record<TeamResultStatus, string>> = {
  invalidAccess: statusInvalidAccess,
  inactiveUser: statusInactiveUser,
  noAccess: statusNoAccess,
  notFound: statusNotFound,
  failed: statusFailed,
};
const RESULT_STATUSES: Record<TeamAccountResult['status'], string> = {
  done: resultDone,
  failed: resultFailed,
  refused: resultRefused,
};
const REFUSALS: Record<TeamChangeRefusal, string> = {
  noAccountEdit: refusalNoAccountEdit,
  notOwnerOrAbove: refusalNotOwnerOrAbove,
  noTeamMemberAccess: refusalNoTeamMemberAccess,
};
const RUN_STATUSES: Record<TeamRunStatus, string> = {
  Queued: runQueued,
  Running: runRunning,
  Completed: runCompleted,
  CompletedWithErrors: runCompletedWithErrors,
  Failed: runFailed,
};

/** An access level as Salesforce names it (Private, Read Only, Read/Write, Owner). */
export function levelLabel(level: TeamAccessLevel): string {
  return LEVELS[level];
}

export function objectLabel(object: AccessObject): string {
  return OBJECTS[object];
}

/** One access problem in words, naming the object ("Case access must be above the org-wide default."). */
export function accessProblemText(problem: AccessProblem): string {
  return formatLabel(PROBLEMS[problem.reason], problem.object ? OBJECTS[problem.object] : '');
}

/** Why a member was not saved (saved-like statuses read as saved). */
export function memberStatusText(status: TeamResultStatus): string {
  return MEMBER_STATUSES[status] ?? statusSaved;
}

export function resultStatusText(status: TeamAccountResult['status']): string {
  return RESULT_STATUSES[status];
}

/** Why the user may not change the team, naming whom to ask (the owner, or "the account's owner"). */
export function refusalText(
  refusal: TeamChangeRefusal | null | undefined,
  ownerName: string | null | undefined,
): string {
  return formatLabel(REFUSALS[refusal ?? 'notOwnerOrAbove'], ownerName ?? ownerUnknown);
}

export function runStatusText(status: TeamRunStatus): string {
  return RUN_STATUSES[status];
}
