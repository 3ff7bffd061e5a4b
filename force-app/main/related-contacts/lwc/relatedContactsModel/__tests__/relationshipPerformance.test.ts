/**
 * Performance budgets of the Related Contacts model at 5,000 relationships (the benchmark
 * size): loading into the list, a keystroke of the text filter, a sort, the counts. The component's
 * budgets (typing → painted ≤ 30 ms, paint ≤ 100 ms) include rendering, so the model must take a
 * small part of them. Budgets carry SLACK for CI noise and coverage instrumentation; run with
 * RELATED_CONTACTS_TIMINGS=1 to print the timings.
 */
import { RelationshipList } from 'c/relatedContactsModel';
import { ROLE_OPTIONS, generateRows } from './relationshipFixture';

const SLACK = 3;
const ROWS = generateRows(5000);

/**
 * The best of several runs: what the code costs, not how busy the shared machine is (several test
 * runs share two cores here; a median still caught their spikes). Quadratic work or a lost cache
 * still shows in every run.
 */
function best(run: () => void, times = 7): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function report(name: string, ms: number): void {
  if (process.env.RELATED_CONTACTS_TIMINGS === '1') {
    console.log(`${name}: ${ms.toFixed(2)} ms`);
  }
}

function loaded(): RelationshipList {
  const list = new RelationshipList({ locale: 'en-US', roleOptions: ROLE_OPTIONS });
  list.addRows(ROWS);
  return list;
}

describe('5,000 relationships', () => {
  it('load, sort by name and count within 60 ms', () => {
    const ms = best(() => {
      const list = loaded();
      list.visibleIds();
      list.counts();
    });
    report('load + first view', ms);
    expect(ms).toBeLessThan(60 * SLACK);
  });

  it('filter by text per keystroke (view + counts) within 5 ms', () => {
    const list = loaded();
    list.setFilter({ status: 'all' });
    list.visibleIds();
    const words = ['m', 'ma', 'mar', 'mari', 'maria', 'mari', 'mar', 'ma', 'm', ''];
    let i = 0;
    const ms = best(() => {
      list.setFilter({ text: words[i++ % words.length] ?? '' });
      list.visibleIds();
      list.counts();
    }, 21);
    report('text keystroke', ms);
    expect(ms).toBeLessThan(5 * SLACK);
  });

  it('sort by each column within 25 ms', () => {
    const list = loaded();
    for (const column of ['contact', 'title', 'roles', 'startDate', 'active'] as const) {
      let descending = false;
      const ms = best(() => {
        descending = !descending;
        list.setSort({ column, direction: descending ? 'descending' : 'ascending' });
        list.visibleIds();
      });
      report(`sort ${column}`, ms);
      expect(ms).toBeLessThan(25 * SLACK);
    }
  });
});
