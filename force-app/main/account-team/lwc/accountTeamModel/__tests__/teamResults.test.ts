import {
  RunPolling,
  RunResults,
  countResults,
  failuresCsv,
  memberFailures,
  orderResults,
  runProgress,
} from 'c/accountTeamModel';
import type { TeamAccountResult, TeamRun } from '@contract';

function result(
  id: string,
  accountName: string,
  status: TeamAccountResult['status'],
  message?: string,
): TeamAccountResult {
  return {
    id,
    accountId: `001${id}`,
    accountName,
    status,
    added: status === 'done' ? 2 : 0,
    updated: status === 'done' ? 1 : 0,
    unchanged: 1,
    message,
  };
}

const [WEST, EAST, HQ] = [
  result('r1', 'Get Cloudy West', 'done'),
  result('r2', 'Get Cloudy East', 'refused', 'Only the owner can change this team.'),
  result('r3', 'Get Cloudy HQ', 'done'),
];
const RESULTS = [
  WEST,
  EAST,
  HQ,
  result('r4', 'Zeta "Quoted", Inc.', 'failed', 'Line one\nline two'),
  result('r5', '=HYPERLINK("x")', 'failed', '+1 for trying'),
];

describe('run results', () => {
  it('counts accounts and members', () => {
    expect(countResults(RESULTS)).toEqual({
      total: 5,
      done: 2,
      failed: 2,
      refused: 1,
      membersAdded: 4,
      membersUpdated: 2,
      membersUnchanged: 5,
    });
  });

  it('orders failures first (failed, then refused), then done, by name', () => {
    expect(orderResults(RESULTS, 'en-US').map((r) => r.id)).toEqual(['r5', 'r4', 'r2', 'r3', 'r1']);
  });

  it('writes the failures as CSV: quoted, line breaks kept inside quotes, formulas defused, done left out', () => {
    const csv = failuresCsv(
      RESULTS,
      {
        accountName: 'Account',
        accountId: 'Id',
        status: 'Status',
        message: 'Reason',
        statusText: (s) => `[${s}]`,
      },
      'en-US',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Account,Id,Status,Reason',
      `"'=HYPERLINK(""x"")",001r5,[failed],'+1 for trying`,
      '"Zeta ""Quoted"", Inc.",001r4,[failed],"Line one\nline two"',
      'Get Cloudy East,001r2,[refused],Only the owner can change this team.',
      '',
    ]);
  });

  it('gathers paged results once each and knows where to continue', () => {
    const collected = new RunResults();
    collected.accept({
      results: [WEST, EAST],
      nextAfterResultId: 'r2',
    });
    expect(collected.cursor).toBe('r2');
    expect(collected.morePages).toBe(true);
    // The same page again (a poll that raced) and the last page, without a cursor (a null dropped in transit).
    collected.accept({ results: [EAST] });
    collected.accept({ results: [HQ] });
    expect(collected.size).toBe(3);
    expect(collected.cursor).toBe('r3');
    expect(collected.morePages).toBe(false);
    collected.accept({ results: [] });
    expect(collected.cursor).toBe('r3');
  });

  it('picks out the failed members of a default-team save, by user', () => {
    const failures = memberFailures([
      { userId: 'u1', status: 'saved' },
      { userId: 'u2', status: 'invalidAccess', message: 'Too low' },
      { userId: 'u3', status: 'inactiveUser' },
      { userId: 'u4', status: 'removed' },
    ]);
    expect([...failures.keys()]).toEqual(['u2', 'u3']);
    expect(failures.get('u2')?.message).toBe('Too low');
  });
});

function run(overrides: Partial<TeamRun>): TeamRun {
  return {
    id: 'run1',
    status: 'Running',
    scope: 'hierarchy',
    source: 'mine',
    accountsDone: 0,
    accountsFailed: 0,
    membersAdded: 0,
    membersUpdated: 0,
    createdDate: '2026-12-03T08:00:00.000Z',
    ...overrides,
  };
}

describe('run progress', () => {
  it('has no percent before the run has counted its accounts', () => {
    expect(runProgress(run({ status: 'Queued' }))).toMatchObject({
      percent: null,
      total: null,
      finished: false,
    });
  });

  it('counts done and failed accounts as processed, and never says 100 % before the run is over', () => {
    expect(runProgress(run({ accountsTotal: 2000, accountsDone: 990, accountsFailed: 10 }))).toEqual({
      percent: 50,
      processed: 1000,
      done: 990,
      failed: 10,
      total: 2000,
      finished: false,
    });
    expect(runProgress(run({ accountsTotal: 2000, accountsDone: 2000 })).percent).toBe(99);
    expect(runProgress(run({ accountsTotal: 0 })).percent).toBe(0);
    expect(
      runProgress(
        run({ status: 'CompletedWithErrors', accountsTotal: 5, accountsDone: 4, accountsFailed: 1 }),
      ),
    ).toMatchObject({
      percent: 100,
      finished: true,
    });
  });
});

describe('polling schedule', () => {
  it('waits longer after each poll, up to the longest delay', () => {
    const polling = new RunPolling({ initialDelayMs: 1000, maxDelayMs: 4000, factor: 2 });
    expect(polling.firstDelayMs).toBe(1000);
    const delays = [1, 2, 3, 4].map(() => polling.onRun({ status: 'Running' }));
    expect(delays).toEqual([
      { stop: false, delayMs: 2000 },
      { stop: false, delayMs: 4000 },
      { stop: false, delayMs: 4000 },
      { stop: false, delayMs: 4000 },
    ]);
  });

  it('stops when the run is over, whichever way it ended', () => {
    for (const status of ['Completed', 'CompletedWithErrors', 'Failed'] as const) {
      const polling = new RunPolling();
      expect(polling.onRun({ status: 'Queued' }).stop).toBe(false);
      expect(polling.onRun({ status })).toEqual({ stop: true, reason: 'finished' });
      expect(polling.stopped).toBe(true);
    }
  });

  it('stops after too many failed polls in a row; a good poll in between starts the count again', () => {
    const polling = new RunPolling({ maxErrors: 2 });
    expect(polling.onError().stop).toBe(false);
    expect(polling.onRun({ status: 'Running' }).stop).toBe(false);
    expect(polling.onError().stop).toBe(false);
    expect(polling.onError()).toEqual({ stop: true, reason: 'errors' });
  });

  it('stops for good when the component leaves the page', () => {
    const polling = new RunPolling();
    polling.stop();
    expect(polling.onRun({ status: 'Running' })).toEqual({ stop: true, reason: 'stopped' });
    expect(polling.onError()).toEqual({ stop: true, reason: 'stopped' });
  });

  it('refuses a schedule that could poll without pause', () => {
    expect(() => new RunPolling({ initialDelayMs: 0 })).toThrow(RangeError);
    expect(() => new RunPolling({ initialDelayMs: 2000, maxDelayMs: 1000 })).toThrow(RangeError);
  });
});
