/**
 * Account team model: everything the Default Account Team assistant and the default-team editor
 * decide, without a DOM. This entry file is the bundle's public API (`c/accountTeamModel`); each
 * job has its own file:
 *
 * - `teamAccess.ts`: access levels against the org-wide defaults (ATM and UATM rules), the options
 *   to offer given what the user may grant, validation, the save input;
 * - `teamDiff.ts`: current team vs a default team (add / same / different), keep-or-update choices,
 *   grouping by role and sorting;
 * - `teamResults.ts`: a run's per-account results (paged in, counted, failures first, CSV) and the
 *   per-member results of a default-team save;
 * - `teamRunProgress.ts`: a run's progress and the polling schedule (back-off, stop conditions);
 * - `teamRoles.ts`: a team role as a badge (colours and catalog order from the shared `c/roleBadges`).
 *
 * Pure TypeScript: no DOM, no platform imports; the components pass in labels and the locale.
 */
export {
  ACCESS_OBJECTS,
  accessFrom,
  defaultOf,
  grantableOf,
  initialAccess,
  levelOf,
  isContactSettable,
  levelRank,
  offeredLevels,
  settableObjects,
  toMemberInput,
  validLevels,
  validateAccess,
} from './teamAccess';
export type { AccessObject, AccessProblem, AccessProblemReason, TeamKind } from './teamAccess';
export {
  DifferenceChoices,
  changedObjects,
  countDiffs,
  countPreview,
  diffTeam,
  groupByRole,
  sameAccess,
  sortDiffs,
  sortMembers,
} from './teamDiff';
export type { DiffCounts, DiffKind, MemberSortField, RoleGroup, SortDirection } from './teamDiff';
export {
  RunResults,
  countResults,
  failuresCsv,
  isFailure,
  isMemberFailure,
  memberFailures,
  orderResults,
} from './teamResults';
import { formatLabel } from 'c/ldsUtils';

export { formatLabel };
export type { FailureCsvLabels, ResultCounts } from './teamResults';
export { RunPolling, isRunFinished, runProgress } from './teamRunProgress';
export type { PollStep, PollStopReason, PollingOptions, RunProgress } from './teamRunProgress';
export { badgeClass, badgeStyle, compareRoleOptions, roleBadge } from './teamRoles';
export type { RoleBadge } from './teamRoles';
