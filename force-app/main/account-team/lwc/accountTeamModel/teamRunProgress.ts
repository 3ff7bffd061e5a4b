/**
 * Run progress: what a run's record says about how far it is (percent, done, failed), whether it is
 * over, and when to ask again. The component polls `getRun`; this decides the delays (a back-off, so
 * a long run costs few calls) and when to stop (the run is over, the component left the page, or the
 * server keeps failing).
 *
 * Part of `c/accountTeamModel`; pure TypeScript, no DOM, no platform imports.
 */
import type { TeamRun, TeamRunStatus } from '@contract';

const FINISHED: ReadonlySet<TeamRunStatus> = new Set(['Completed', 'CompletedWithErrors', 'Failed']);

export function isRunFinished(status: TeamRunStatus): boolean {
  return FINISHED.has(status);
}

export interface RunProgress {
  /** 0–100, whole numbers; null while the run has not counted its accounts. */
  percent: number | null;
  /** Accounts handled so far (done or failed). */
  processed: number;
  done: number;
  failed: number;
  total: number | null;
  finished: boolean;
}

export function runProgress(run: TeamRun): RunProgress {
  const total = run.accountsTotal ?? null;
  const failed = run.accountsFailed;
  const processed = run.accountsDone + failed;
  const finished = isRunFinished(run.status);
  let percent: number | null = null;
  if (finished) {
    percent = 100;
  } else if (total !== null) {
    // Never 100 before the run says it is over (its last transaction may still be writing).
    percent = total === 0 ? 0 : Math.min(99, Math.floor((processed / total) * 100));
  }
  return { percent, processed, done: run.accountsDone, failed, total, finished };
}

export interface PollingOptions {
  /** Delay before the first poll and after progress (ms). */
  initialDelayMs?: number;
  /** Longest delay between two polls (ms). */
  maxDelayMs?: number;
  /** Each poll waits this much longer than the previous one. */
  factor?: number;
  /** Consecutive failed polls after which polling stops. */
  maxErrors?: number;
}

export type PollStopReason = 'finished' | 'stopped' | 'errors';

/** After a poll: wait `delayMs` and poll again, or stop (and why). */
export type PollStep = { stop: false; delayMs: number } | { stop: true; reason: PollStopReason };

/**
 * The polling schedule of one run (no timers: the component keeps the timer). Delays grow by
 * `factor` up to `maxDelayMs` with each poll; failed polls back off the same way and stop polling
 * after `maxErrors` in a row; `stop()` (the component disconnected) ends it for good.
 */
export class RunPolling {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  readonly maxErrors: number;
  private delay: number;
  private errors = 0;
  private stoppedBy: PollStopReason | null = null;
  polls = 0;

  constructor({
    initialDelayMs = 1000,
    maxDelayMs = 10_000,
    factor = 1.5,
    maxErrors = 3,
  }: PollingOptions = {}) {
    if (!(initialDelayMs > 0) || !(maxDelayMs >= initialDelayMs) || !(factor >= 1) || !(maxErrors >= 1)) {
      throw new RangeError('RunPolling: delays must be positive, max ≥ initial, factor ≥ 1, maxErrors ≥ 1');
    }
    this.initialDelayMs = initialDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.factor = factor;
    this.maxErrors = maxErrors;
    this.delay = initialDelayMs;
  }

  /** The delay before the first poll (a run just started is rarely over at once). */
  get firstDelayMs(): number {
    return this.initialDelayMs;
  }

  get stopped(): boolean {
    return this.stoppedBy !== null;
  }

  get stopReason(): PollStopReason | null {
    return this.stoppedBy;
  }

  /** A poll answered with the run: stop when it is over, else wait longer than last time. */
  onRun(run: Pick<TeamRun, 'status'>): PollStep {
    this.polls++;
    this.errors = 0;
    if (this.stoppedBy) return { stop: true, reason: this.stoppedBy };
    if (isRunFinished(run.status)) {
      this.stoppedBy = 'finished';
      return { stop: true, reason: 'finished' };
    }
    return { stop: false, delayMs: this.grow() };
  }

  /** A poll failed: try again later, or stop after too many failures in a row. */
  onError(): PollStep {
    this.polls++;
    this.errors++;
    if (this.stoppedBy) return { stop: true, reason: this.stoppedBy };
    if (this.errors >= this.maxErrors) {
      this.stoppedBy = 'errors';
      return { stop: true, reason: 'errors' };
    }
    return { stop: false, delayMs: this.grow() };
  }

  /** The component left the page (or the user closed the run): no more polls. */
  stop(): void {
    this.stoppedBy ??= 'stopped';
  }

  private grow(): number {
    this.delay = Math.min(this.maxDelayMs, Math.round(this.delay * this.factor));
    return this.delay;
  }
}
