/**
 * AccountTeamController.applyTeam, getRun and listRuns over the sample org, and the Queueable chain
 * that applies a default team to many accounts.
 *
 * A run is a `TeamApplyRun__c` record owned by the user who started it, with one `TeamApplyResult__c`
 * per account (the package's own objects, schema.ts): components follow progress by polling getRun,
 * never AsyncApexJob (PLATFORM.md). Scope `account` runs in the call; `hierarchy` and `owned` run as a
 * chain of transactions (a Queueable enqueuing the next) unless they hold at most SYNC_MAX_ACCOUNTS
 * accounts (then in the call too), each within a quarter of the governor
 * limits (teamShared.ts `TRANSACTION_BUDGET`): first listing the accounts in scope (one query per
 * hierarchy level), then applying to a batch of accounts per transaction, as many as fit a quarter
 * of the DML rows. Every transaction's usage is recorded (`asyncApexOf(org).transactions`) so tests
 * can bound it. In the browser the chain advances on timers (a few transactions per second, so the
 * component's polling sees progress); tests set `auto = false` and call `step()`.
 *
 * Applying writes only the diff (accountTeam.ts `diffAccount`): members to add are inserted, members
 * whose role or access differ are updated when the user chose `update` (for all, or per member), and
 * nothing else is written, so applying twice changes nothing. Each row succeeds or fails alone
 * (Database.insert/update with allOrNone false, user mode); an account the user may not change is
 * `refused` before any DML; org.json `teamRowLocks` makes an account's rows fail the first N times
 * (UNABLE_TO_LOCK_ROW), as a record lock held by an integration would. A retry is a new run over
 * the previous run's failed accounts only.
 */
import type {
  OrgWideDefaults,
  TeamAccountResult,
  TeamDifferenceChoice,
  TeamMember,
  TeamRun,
  TeamRunList,
  TeamRunPage,
  TeamRunStatus,
  TeamScope,
  TeamSource,
} from '@contract';
import type { RecordAccess } from '../../access';
import { UserModeDml } from '../../dml';
import type { SampleOrg, SObjectRecord } from '../../sampleOrg';
import type { ApexContext, ApexParams } from '../registry';
import { diffAccount, isTeamSource, sourceTeam } from './accountTeam';
import { accessCap, accessViolation, levelFields, orgWideDefaults } from './teamAccess';
import type { TransactionUsage } from './teamShared';
import {
  accountTeamRecords,
  assertFeatureOn,
  ATM,
  guarded,
  idOf,
  InvalidRequestException,
  labelOf,
  newAccess,
  RecordNotFoundException,
  TeamRefusalException,
  text,
  Transaction,
  TRANSACTION_BUDGET,
  violationMessage,
} from './teamShared';

export const RUN = 'TeamApplyRun__c';
export const RESULT = 'TeamApplyResult__c';
/**
 * Accounts one apply transaction reads at most (`LIMIT` of its account query): small enough that
 * one transaction of the workbench's chain stays a short task in the browser (the component stays
 * responsive while a 2,000-account run progresses).
 */
export const ACCOUNTS_PER_TRANSACTION = 50;
/** Hierarchy levels one listing transaction reads at most (one query each). */
export const LEVEL_QUERIES_PER_TRANSACTION = 20;
/** The most accounts a run applies in the call (more: the Queueable chain), as the Apex does. */
export const SYNC_MAX_ACCOUNTS = 5;
/** Results one getRun page holds at most. */
export const RESULTS_PAGE_SIZE = 200;
/** Runs listRuns returns at most. */
export const RUNS_LISTED = 20;
/** Time between two transactions of a chain in the browser (a few per second). */
export const TICK_MS = 150;
/** The platform's message for a row locked by another transaction. */
export const ROW_LOCK_MESSAGE =
  'UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record or 1 records';

interface RunSettings {
  source: TeamSource;
  onDifferent: TeamDifferenceChoice;
  /** Per-member choices for `different` members, by user Id. */
  choices: ReadonlyMap<string, TeamDifferenceChoice>;
}

/** The Queueable's state (its member variables), carried from one transaction to the next. */
interface ChainJob {
  runId: string;
  context: ApexContext;
  settings: RunSettings;
  scope: TeamScope;
  phase: 'list' | 'apply';
  /** Hierarchy listing: the accounts whose children are still to be read. */
  frontier: string[];
  /** Listing of owned accounts: the last Id read (ORDER BY Id cursor). */
  ownedAfter: string | null;
  /** Accounts listed and not applied yet. */
  pending: string[];
}

/** The org's queue of Queueable jobs, and the usage of every transaction run so far. */
export class AsyncApexQueue {
  /** Advance on timers (the browser); false: only `step()` runs a transaction (tests). */
  auto = true;
  tickMs = TICK_MS;
  readonly transactions: TransactionUsage[] = [];
  private readonly jobs: ChainJob[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Jobs enqueued and not finished. */
  get size(): number {
    return this.jobs.length;
  }

  enqueue(job: ChainJob): void {
    this.jobs.push(job);
    this.schedule();
  }

  /** Runs one transaction of the first job; whether any job is left. */
  step(): boolean {
    const job = this.jobs[0];
    if (!job) return false;
    if (!executeChain(job, this)) this.jobs.shift();
    return this.jobs.length > 0;
  }

  /** Runs transactions until no job is left (at most `maxSteps`); how many ran. */
  runAll(maxSteps = 100_000): number {
    let steps = 0;
    while (this.jobs.length > 0 && steps < maxSteps) {
      this.step();
      steps++;
    }
    return steps;
  }

  private schedule(): void {
    if (!this.auto || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.step()) this.schedule();
    }, this.tickMs);
  }
}

const QUEUES = new WeakMap<SampleOrg, AsyncApexQueue>();
const ROW_LOCKS = new WeakMap<SampleOrg, Map<string, number>>();

/** The org's Queueable jobs. */
export function asyncApexOf(org: SampleOrg): AsyncApexQueue {
  let queue = QUEUES.get(org);
  if (!queue) {
    queue = new AsyncApexQueue();
    QUEUES.set(org, queue);
  }
  return queue;
}

/** How many more times the account's team rows fail with a row lock (org.json `teamRowLocks`). */
function rowLocks(org: SampleOrg): Map<string, number> {
  let locks = ROW_LOCKS.get(org);
  if (!locks) {
    locks = new Map();
    for (const [ref, times] of Object.entries(org.config.teamRowLocks ?? {})) {
      const id = org.resolveId(ref);
      if (id !== undefined) locks.set(id, times);
    }
    ROW_LOCKS.set(org, locks);
  }
  return locks;
}

// ------------------------------------------------------------------ applying to accounts

interface Write {
  member: TeamMember;
  /** The existing member to update; undefined: insert. */
  existingId?: string;
}

interface AccountPlan {
  account: SObjectRecord;
  refusal: TeamAccountResult['status'] | null;
  message: string | null;
  writes: Write[];
  unchanged: number;
}

interface BatchOutcome {
  results: Omit<TeamAccountResult, 'id'>[];
  /** Accounts read but left for the next transaction (DML rows budget). */
  deferred: string[];
}

function choiceFor(settings: RunSettings, userId: string): TeamDifferenceChoice {
  return settings.choices.get(userId) ?? settings.onDifferent;
}

function planAccount(
  context: ApexContext,
  access: RecordAccess,
  account: SObjectRecord,
  team: readonly TeamMember[],
  defaults: OrgWideDefaults,
  settings: RunSettings,
): AccountPlan {
  const current = accountTeamRecords(context, access, account.Id);
  const diff = diffAccount(context, access, account, team, current, defaults);
  if (!diff.canChange) {
    const label = {
      noAccountEdit: 'AR_AccountTeam_Refusal_NoAccountEdit',
      notOwnerOrAbove: 'AR_AccountTeam_Refusal_NotOwnerOrAbove',
      noTeamMemberAccess: 'AR_AccountTeam_Refusal_NoTeamMemberAccess',
    }[diff.changeRefusal ?? 'notOwnerOrAbove'];
    return {
      account,
      refusal: 'refused',
      message: labelOf(context, label),
      writes: [],
      unchanged: 0,
    };
  }
  const writes: Write[] = [];
  let unchanged = 0;
  for (const member of diff.members) {
    if (member.kind === 'add') writes.push({ member: member.proposed });
    else if (member.kind === 'different' && choiceFor(settings, member.userId) === 'update') {
      writes.push({ member: member.proposed, existingId: member.current?.id ?? undefined });
    } else unchanged++;
  }
  return { account, refusal: null, message: null, writes, unchanged };
}

/**
 * Applies the team to the accounts (in the order given) within one transaction: reads them, their
 * teams and the source teams (a query each), plans each account, then writes as many accounts as
 * fit the DML rows budget (the rest are deferred), in one insert and one update statement, and
 * inserts one result per account.
 */
function applyAccounts(
  context: ApexContext,
  ids: readonly string[],
  settings: RunSettings,
  tx: Transaction,
  runId: string,
  /** DML rows this transaction still writes besides the accounts' (the run's update). */
  reservedRows: number,
): BatchOutcome {
  const { org } = context;
  const access = newAccess(context);
  const defaults = orgWideDefaults(org);
  const dml = new UserModeDml(context);
  const accounts = ids.map((id) => ({ id, account: access.visibleRecord('Account', id) }));
  tx.query(accounts.filter((entry) => entry.account).length);
  const teams = new Map<string, TeamMember[]>();
  const plans: (AccountPlan | { missing: string })[] = [];
  const deferred: string[] = [];
  let rows = reservedRows;
  let teamRows = 0;
  for (const { id, account } of accounts) {
    if (deferred.length > 0) {
      deferred.push(id);
      continue;
    }
    if (!account) {
      rows += 1;
      plans.push({ missing: id });
      continue;
    }
    const ownerId = settings.source === 'mine' ? context.user.id : String(account.OwnerId);
    let team = teams.get(ownerId);
    if (!team) {
      team = sourceTeam(context, access, ownerId, defaults);
      teams.set(ownerId, team);
    }
    const plan = planAccount(context, access, account, team, defaults, settings);
    const accountRows = plan.writes.length + 1;
    if (plans.length > 0 && rows + accountRows > TRANSACTION_BUDGET.dmlRows) {
      deferred.push(id);
      continue;
    }
    teamRows += plan.writes.length + plan.unchanged;
    rows += accountRows;
    plans.push(plan);
  }
  // SELECT … FROM AccountTeamMember WHERE AccountId IN :accounts; the source default teams.
  tx.query(teamRows);
  tx.query([...teams.values()].reduce((sum, team) => sum + team.length, 0));

  const locks = rowLocks(org);
  let inserts = 0;
  let updates = 0;
  const results = plans.map((plan): Omit<TeamAccountResult, 'id'> => {
    if ('missing' in plan) {
      const message = labelOf(context, 'AR_AccountTeam_AccountNotFound');
      return {
        accountId: plan.missing,
        accountName: '',
        status: 'failed',
        added: 0,
        updated: 0,
        unchanged: 0,
        message,
      };
    }
    const { account } = plan;
    const base = { accountId: account.Id, accountName: text(account.Name) ?? '', unchanged: plan.unchanged };
    if (plan.refusal) return { ...base, status: 'refused', added: 0, updated: 0, message: plan.message };
    const cap = accessCap(context, access, account);
    const locked = (locks.get(account.Id) ?? 0) > 0 && plan.writes.length > 0;
    if (locked) locks.set(account.Id, (locks.get(account.Id) ?? 1) - 1);
    let added = 0;
    let updated = 0;
    const failures: string[] = [];
    for (const { member, existingId } of plan.writes) {
      // Checked before the DML, as the Apex does: a member the rules refuse is never sent.
      const violation = accessViolation('AccountTeamMember', defaults, cap, member.access);
      if (violation) {
        failures.push(`${member.userName}: ${violationMessage(context, violation)}`);
        continue;
      }
      if (existingId === undefined) inserts++;
      else updates++;
      if (locked) {
        failures.push(`${member.userName}: ${ROW_LOCK_MESSAGE}`);
        continue;
      }
      const fields = { TeamMemberRole: member.role ?? null, ...levelFields(member.access, defaults) };
      const result =
        existingId === undefined
          ? dml.insert(ATM, { AccountId: account.Id, UserId: member.userId, ...fields })
          : dml.update(ATM, existingId, fields);
      if (!result.success) failures.push(`${member.userName}: ${result.errors[0]?.message ?? ''}`);
      else if (existingId === undefined) added++;
      else updated++;
    }
    return {
      ...base,
      status: failures.length > 0 ? 'failed' : 'done',
      added,
      updated,
      message: failures.length > 0 ? failures.join('\n') : null,
    };
  });
  tx.dml(inserts);
  tx.dml(updates);

  // One result per account, in one statement.
  tx.dml(results.length);
  for (const result of results) {
    const saved = dml.insert(RESULT, {
      Run__c: runId,
      Account__c: result.accountId,
      AccountName__c: result.accountName,
      Status__c: result.status,
      Added__c: result.added,
      Updated__c: result.updated,
      Unchanged__c: result.unchanged,
      Message__c: result.message ?? null,
    });
    if (!saved.success) throw new TeamRefusalException('AR_AccountTeam_ApplyFailed');
  }
  return { results, deferred };
}

// ------------------------------------------------------------------ runs

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Adds one transaction's outcome to the run's counts (and closes it when nothing is left). */
function updateRun(
  context: ApexContext,
  run: SObjectRecord,
  results: readonly Omit<TeamAccountResult, 'id'>[],
  finished: boolean,
  tx: Transaction,
): void {
  const failed = results.filter((result) => result.status !== 'done').length;
  const fields: Record<string, unknown> = {
    // Done counts the accounts applied without error, as TeamRunService.count does (failed ones apart).
    AccountsDone__c: num(run.AccountsDone__c) + results.length - failed,
    AccountsFailed__c: num(run.AccountsFailed__c) + failed,
    MembersAdded__c: num(run.MembersAdded__c) + results.reduce((sum, result) => sum + result.added, 0),
    MembersUpdated__c: num(run.MembersUpdated__c) + results.reduce((sum, result) => sum + result.updated, 0),
    Status__c: 'Running',
  };
  if (finished) {
    fields.Status__c = num(fields.AccountsFailed__c) > 0 ? 'CompletedWithErrors' : 'Completed';
    fields.CompletedDate__c = context.org.now();
  }
  tx.dml(1);
  const saved = new UserModeDml(context).update(RUN, run.Id, fields);
  if (!saved.success) throw new TeamRefusalException('AR_AccountTeam_ApplyFailed');
}

/**
 * One listing transaction: reads accounts in scope up to the query and row budgets; whether the
 * listing is complete (the job then applies).
 */
function listStep(job: ChainJob, access: RecordAccess, tx: Transaction): boolean {
  const { org, user } = job.context;
  if (job.scope === 'owned') {
    // SELECT Id FROM Account WHERE OwnerId = :me AND Id > :after ORDER BY Id LIMIT :budget
    const owned = org.groupedBy('Account', 'OwnerId').get(user.id) ?? [];
    const limit = TRANSACTION_BUDGET.queryRows - tx.usage.queryRows - 1;
    const page = owned
      .filter((account) => job.ownedAfter === null || account.Id > job.ownedAfter)
      .slice(0, limit);
    tx.query(page.length);
    for (const account of page) if (access.canSee(account)) job.pending.push(account.Id);
    job.ownedAfter = page.length < limit ? null : (page[page.length - 1]?.Id ?? null);
    if (job.ownedAfter === null) job.phase = 'apply';
    return job.ownedAfter === null;
  }
  // SELECT Id FROM Account WHERE ParentId IN :frontier: one query per level.
  const children = org.groupedBy('Account', 'ParentId');
  let levels = 0;
  while (job.frontier.length > 0 && levels < LEVEL_QUERIES_PER_TRANSACTION) {
    if (tx.usage.queryRows >= TRANSACTION_BUDGET.queryRows / 2) break;
    const next: string[] = [];
    for (const parentId of job.frontier) {
      for (const child of children.get(parentId) ?? []) if (access.canSee(child)) next.push(child.Id);
    }
    tx.query(next.length);
    levels++;
    job.pending.push(...next);
    job.frontier = next;
  }
  if (job.frontier.length === 0) job.phase = 'apply';
  return job.frontier.length === 0;
}

/** One execute() of the chain; whether the job goes on (enqueues itself again). */
function executeChain(job: ChainJob, queue: AsyncApexQueue): boolean {
  const tx = new Transaction('queueable', 'TeamApplyJob.execute', job.runId);
  const { context } = job;
  const access = newAccess(context);
  try {
    const run = access.visibleRecord(RUN, job.runId);
    tx.query(run ? 1 : 0);
    if (!run) return false;
    if (job.phase === 'list') {
      const listed = listStep(job, access, tx);
      const fields: Record<string, unknown> = { Status__c: 'Running' };
      if (listed) fields.AccountsTotal__c = job.pending.length;
      tx.dml(1);
      if (!new UserModeDml(context).update(RUN, run.Id, fields).success) {
        throw new TeamRefusalException('AR_AccountTeam_ApplyFailed');
      }
      return true;
    }
    const batch = job.pending.splice(0, ACCOUNTS_PER_TRANSACTION);
    const outcome = applyAccounts(context, batch, job.settings, tx, run.Id, 1);
    job.pending.unshift(...outcome.deferred);
    const finished = job.pending.length === 0;
    updateRun(context, run, outcome.results, finished, tx);
    return !finished;
  } catch (error) {
    // The chain stops: the run says why (a Queueable's uncaught exception ends it).
    const message =
      error instanceof TeamRefusalException
        ? labelOf(context, error.label)
        : labelOf(context, 'AR_AccountTeam_RunStopped');
    const run = context.org.record(job.runId);
    if (run)
      context.org.update(
        run.Id,
        { Status__c: 'Failed', Message__c: message, CompletedDate__c: context.org.now() },
        context.user.id,
      );
    if (!(error instanceof Error)) throw error;
    return false;
  } finally {
    queue.transactions.push(tx.usage);
  }
}

function toRun(context: ApexContext, record: SObjectRecord): TeamRun {
  const accountId = text(record.Account__c);
  const account = newAccess(context).visibleRecord('Account', accountId);
  const total = record.AccountsTotal__c;
  return {
    id: record.Id,
    status: String(record.Status__c) as TeamRunStatus,
    scope: String(record.Scope__c) as TeamScope,
    source: String(record.Source__c) as TeamSource,
    accountId,
    accountName: text(account?.Name),
    accountsTotal: typeof total === 'number' ? total : null,
    accountsDone: num(record.AccountsDone__c),
    accountsFailed: num(record.AccountsFailed__c),
    membersAdded: num(record.MembersAdded__c),
    membersUpdated: num(record.MembersUpdated__c),
    createdDate: String(record.CreatedDate),
    completedDate: text(record.CompletedDate__c),
    retryOfRunId: text(record.RetryOf__c),
    message: text(record.Message__c),
  };
}

function settingsOf(run: SObjectRecord): RunSettings {
  let choices: [string, TeamDifferenceChoice][] = [];
  try {
    const parsed: unknown = JSON.parse(text(run.Choices__c) ?? '[]');
    if (Array.isArray(parsed)) choices = parsed as [string, TeamDifferenceChoice][];
  } catch {
    choices = [];
  }
  return {
    source: String(run.Source__c) as TeamSource,
    onDifferent: run.OnDifferent__c === 'update' ? 'update' : 'keep',
    choices: new Map(choices),
  };
}

function createRun(
  context: ApexContext,
  scope: TeamScope,
  accountId: string | null,
  settings: RunSettings,
  retryOf: string | null,
  total: number | null,
  tx: Transaction,
): SObjectRecord {
  tx.dml(1);
  const saved = new UserModeDml(context).insert(RUN, {
    Status__c: 'Queued',
    Scope__c: scope,
    Source__c: settings.source,
    Account__c: accountId,
    OnDifferent__c: settings.onDifferent,
    Choices__c: JSON.stringify([...settings.choices]),
    AccountsTotal__c: total,
    AccountsDone__c: 0,
    AccountsFailed__c: 0,
    MembersAdded__c: 0,
    MembersUpdated__c: 0,
    RetryOf__c: retryOf,
  });
  if (!saved.success || !saved.record) throw new TeamRefusalException('AR_AccountTeam_ApplyFailed');
  return saved.record;
}

/** Runs the accounts in this call (scope account, or a retry of one account's run). */
function runNow(
  context: ApexContext,
  run: SObjectRecord,
  ids: string[],
  settings: RunSettings,
  tx: Transaction,
): void {
  const outcome = applyAccounts(context, ids, settings, tx, run.Id, 1);
  if (outcome.deferred.length > 0) throw new InvalidRequestException('Too many rows for one call');
  updateRun(context, run, outcome.results, true, tx);
}

function readRequest(params: ApexParams): Record<string, unknown> {
  const request = params.request;
  if (typeof request !== 'object' || request === null) throw new InvalidRequestException('No request');
  return request as Record<string, unknown>;
}

function apply(params: ApexParams, context: ApexContext): TeamRun {
  assertFeatureOn(context);
  const request = readRequest(params);
  const { org, user } = context;
  const access = newAccess(context);
  access.assertReadable(ATM);
  const tx = new Transaction('call', 'AccountTeamController.applyTeam');
  const queue = asyncApexOf(org);
  try {
    const retryOfRunId = idOf(request.retryOfRunId);
    if (retryOfRunId !== null) {
      const previous = access.visibleRecord(RUN, retryOfRunId);
      tx.query(previous ? 1 : 0);
      if (previous?.OwnerId !== user.id)
        throw new RecordNotFoundException(`No run ${retryOfRunId}`, 'AR_AccountTeam_RunNotFound');
      if (previous.Status__c === 'Queued' || previous.Status__c === 'Running') {
        throw new TeamRefusalException('AR_AccountTeam_InvalidRequest');
      }
      const failed = (org.groupedBy(RESULT, 'Run__c').get(previous.Id) ?? [])
        .filter((result) => result.Status__c === 'failed')
        .map((result) => String(result.Account__c));
      tx.query(failed.length);
      if (failed.length === 0) throw new TeamRefusalException('AR_AccountTeam_InvalidRequest');
      const settings = settingsOf(previous);
      const scope = String(previous.Scope__c) as TeamScope;
      const run = createRun(
        context,
        scope,
        text(previous.Account__c),
        settings,
        previous.Id,
        failed.length,
        tx,
      );
      if (failed.length <= SYNC_MAX_ACCOUNTS) runNow(context, run, failed, settings, tx);
      else queue.enqueue(chainJob(context, run, scope, settings, 'apply', [], failed));
      return toRun(context, run);
    }

    const scope = request.scope;
    const source = request.source;
    if (scope !== 'account' && scope !== 'hierarchy' && scope !== 'owned') {
      throw new InvalidRequestException(`Unknown scope ${String(scope)}`);
    }
    if (!isTeamSource(source)) throw new InvalidRequestException(`Unknown source ${String(source)}`);
    const choices = new Map<string, TeamDifferenceChoice>();
    for (const choice of Array.isArray(request.choices) ? (request.choices as unknown[]) : []) {
      const { userId, choice: value } = (choice ?? {}) as Record<string, unknown>;
      const id = idOf(userId);
      if (id !== null && (value === 'keep' || value === 'update')) choices.set(id, value);
    }
    const settings: RunSettings = {
      source,
      onDifferent: request.onDifferent === 'update' ? 'update' : 'keep',
      choices,
    };
    let account: SObjectRecord | undefined;
    if (scope !== 'owned') {
      account = access.visibleRecord('Account', idOf(request.accountId));
      tx.query(account ? 1 : 0);
      if (!account) throw new RecordNotFoundException(`No visible account ${String(request.accountId)}`);
    }
    const accountId = account?.Id ?? null;
    const small =
      scope === 'account' && accountId !== null
        ? [accountId]
        : smallScope(context, access, scope, accountId, tx);
    if (small) {
      const run = createRun(context, scope, accountId, settings, null, small.length, tx);
      runNow(context, run, small, settings, tx);
      return toRun(context, run);
    }
    const run = createRun(context, scope, accountId, settings, null, null, tx);
    const frontier = accountId === null ? [] : [accountId];
    queue.enqueue(chainJob(context, run, scope, settings, 'list', frontier, [...frontier]));
    return toRun(context, run);
  } finally {
    queue.transactions.push(tx.usage);
  }
}

/**
 * The accounts of a hierarchy or of "all I own" when there are at most SYNC_MAX_ACCOUNTS of them
 * (read with a LIMIT of one more), else null: a small scope runs in the call, as the Apex does.
 */
function smallScope(
  context: ApexContext,
  access: RecordAccess,
  scope: TeamScope,
  accountId: string | null,
  tx: Transaction,
): string[] | null {
  const { org, user } = context;
  const found: string[] = [];
  if (scope === 'owned') {
    // SELECT Id FROM Account WHERE OwnerId = :me ORDER BY Id LIMIT 6
    for (const account of org.groupedBy('Account', 'OwnerId').get(user.id) ?? []) {
      if (found.length > SYNC_MAX_ACCOUNTS) break;
      if (access.canSee(account)) found.push(account.Id);
    }
    tx.query(found.length);
    return found.length <= SYNC_MAX_ACCOUNTS ? found : null;
  }
  if (accountId === null) return null;
  // Levels below the account, one query each, until more than SYNC_MAX_ACCOUNTS are found.
  const children = org.groupedBy('Account', 'ParentId');
  found.push(accountId);
  let frontier = [accountId];
  while (frontier.length > 0 && found.length <= SYNC_MAX_ACCOUNTS) {
    const next = frontier.flatMap((id) => (children.get(id) ?? []).filter((child) => access.canSee(child)));
    tx.query(next.length);
    found.push(...next.map((child) => child.Id));
    frontier = next.map((child) => child.Id);
  }
  return found.length <= SYNC_MAX_ACCOUNTS ? found : null;
}

function chainJob(
  context: ApexContext,
  run: SObjectRecord,
  scope: TeamScope,
  settings: RunSettings,
  phase: ChainJob['phase'],
  frontier: string[],
  pending: string[],
): ChainJob {
  return { runId: run.Id, context, settings, scope, phase, frontier, ownedAfter: null, pending };
}

export const applyTeam = guarded('AR_AccountTeam_ApplyFailed', apply);

function runPage(params: ApexParams, context: ApexContext): TeamRunPage {
  const access = newAccess(context);
  access.assertReadable(RUN);
  const run = access.visibleRecord(RUN, idOf(params.runId));
  if (!run) throw new RecordNotFoundException(`No run ${String(params.runId)}`, 'AR_AccountTeam_RunNotFound');
  const after = idOf(params.afterResultId);
  // SELECT … FROM TeamApplyResult__c WHERE Run__c = :runId AND Id > :after ORDER BY Id LIMIT 201
  const rows = (context.org.groupedBy(RESULT, 'Run__c').get(run.Id) ?? []).filter(
    (result) => (after === null || result.Id > after) && access.canSee(result),
  );
  const page = rows.slice(0, RESULTS_PAGE_SIZE);
  const results = page.map((result): TeamAccountResult => ({
    id: result.Id,
    accountId: String(result.Account__c),
    accountName: text(result.AccountName__c) ?? '',
    status: String(result.Status__c) as TeamAccountResult['status'],
    added: num(result.Added__c),
    updated: num(result.Updated__c),
    unchanged: num(result.Unchanged__c),
    message: text(result.Message__c),
  }));
  return {
    run: toRun(context, run),
    results,
    nextAfterResultId: rows.length > RESULTS_PAGE_SIZE ? (page[page.length - 1]?.Id ?? null) : null,
  };
}

export const getRun = guarded('AR_AccountTeam_LoadFailed', runPage);

function runList(_params: ApexParams, context: ApexContext): TeamRunList {
  const access = newAccess(context);
  access.assertReadable(RUN);
  // SELECT … FROM TeamApplyRun__c WHERE OwnerId = :me ORDER BY CreatedDate DESC, Id DESC LIMIT 20
  const runs = access
    .visibleRecords(RUN)
    .filter((run) => run.OwnerId === context.user.id)
    .sort(
      (a, b) =>
        String(b.CreatedDate).localeCompare(String(a.CreatedDate)) ||
        (a.Id < b.Id ? 1 : a.Id > b.Id ? -1 : 0),
    )
    .slice(0, RUNS_LISTED);
  return { runs: runs.map((run) => toRun(context, run)) };
}

export const listRuns = guarded('AR_AccountTeam_LoadFailed', runList);
