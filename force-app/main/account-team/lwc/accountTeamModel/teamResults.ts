/**
 * Results of applying a team: per-account results of a run gathered across `getRun` pages, counted,
 * ordered with failures first, and the failures as CSV; and the per-member results of saving a
 * default team, keyed for per-row errors.
 *
 * Part of `c/accountTeamModel`; pure TypeScript, no DOM, no platform imports.
 */
import type { TeamAccountResult, TeamMemberResult, TeamResultStatus, TeamRunPage } from '@contract';
import { csvCell } from 'c/hierarchyModel';

export interface ResultCounts {
  total: number;
  done: number;
  failed: number;
  refused: number;
  membersAdded: number;
  membersUpdated: number;
  membersUnchanged: number;
}

export function countResults(results: readonly TeamAccountResult[]): ResultCounts {
  const counts: ResultCounts = {
    total: results.length,
    done: 0,
    failed: 0,
    refused: 0,
    membersAdded: 0,
    membersUpdated: 0,
    membersUnchanged: 0,
  };
  for (const result of results) {
    counts[result.status]++;
    counts.membersAdded += result.added;
    counts.membersUpdated += result.updated;
    counts.membersUnchanged += result.unchanged;
  }
  return counts;
}

const STATUS_ORDER: Record<TeamAccountResult['status'], number> = { failed: 0, refused: 1, done: 2 };

export function isFailure(result: Pick<TeamAccountResult, 'status'>): boolean {
  return result.status !== 'done';
}

/** Failures first (failed, then refused), then done; by account name within each. */
export function orderResults(results: readonly TeamAccountResult[], locale?: string): TeamAccountResult[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...results].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || collator.compare(a.accountName, b.accountName),
  );
}

export interface FailureCsvLabels {
  accountName: string;
  accountId: string;
  status: string;
  message: string;
  /** The translated status of a result. */
  statusText: (status: TeamAccountResult['status']) => string;
}

/**
 * The failed and refused accounts as CSV (UTF-8 BOM for spreadsheets, CRLF, RFC 4180 quoting,
 * formulas defused: the cells are written by `c/hierarchyModel`'s `csvCell`). Header line only when
 * nothing failed.
 */
export function failuresCsv(
  results: readonly TeamAccountResult[],
  labels: FailureCsvLabels,
  locale?: string,
): string {
  const lines = [
    [labels.accountName, labels.accountId, labels.status, labels.message].map(csvCell).join(','),
  ];
  for (const result of orderResults(results.filter(isFailure), locale)) {
    lines.push(
      [result.accountName, result.accountId, labels.statusText(result.status), result.message ?? null]
        .map(csvCell)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * A run's per-account results as they arrive page by page (`getRun(runId, afterResultId)`): kept
 * once per result Id, with the cursor to ask for the next page from. Re-reading a page is harmless.
 */
export class RunResults {
  private readonly byId = new Map<string, TeamAccountResult>();
  private after: string | null = null;
  /** False once a page said no more results follow (for now: a running run may add more). */
  morePages = true;

  get cursor(): string | null {
    return this.after;
  }

  get results(): TeamAccountResult[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  accept(page: Pick<TeamRunPage, 'results' | 'nextAfterResultId'>): void {
    for (const result of page.results) {
      this.byId.set(result.id, result);
    }
    const last = page.results[page.results.length - 1];
    const next = page.nextAfterResultId ?? null;
    // The next page starts after the last result read, whether or not the server said more follow:
    // a running run adds results after it.
    if (next !== null) {
      this.after = next;
    } else if (last) {
      this.after = last.id;
    }
    this.morePages = next !== null;
  }
}

/** Statuses of a member save that mean it was not done (the row keeps what the user typed). */
const MEMBER_FAILURES: ReadonlySet<TeamResultStatus> = new Set([
  'invalidAccess',
  'inactiveUser',
  'noAccess',
  'notFound',
  'failed',
]);

export function isMemberFailure(status: TeamResultStatus): boolean {
  return MEMBER_FAILURES.has(status);
}

/** The failed members of a save, by user Id (one per user: the last result wins). */
export function memberFailures(results: readonly TeamMemberResult[]): Map<string, TeamMemberResult> {
  const failures = new Map<string, TeamMemberResult>();
  for (const result of results) {
    if (isMemberFailure(result.status)) failures.set(result.userId, result);
  }
  return failures;
}
