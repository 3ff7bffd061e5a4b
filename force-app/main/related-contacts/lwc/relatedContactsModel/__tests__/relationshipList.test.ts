import { DEFAULT_SORT, RelationshipList, bulkChanges, roleEditChange } from 'c/relatedContactsModel';
import type { ContactRelationship } from '@contract';
import { ALAN, EMILE, JAMES, LEUNG, ROLE_OPTIONS, ZOE, getCloudyRows } from './relationshipFixture';

function list(rows: ContactRelationship[] = getCloudyRows()): RelationshipList {
  const result = new RelationshipList({ locale: 'en-US', roleOptions: ROLE_OPTIONS });
  result.addRows(rows);
  return result;
}

function rowOf(l: RelationshipList, id: string): ContactRelationship {
  const row = l.row(id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}

function names(l: RelationshipList): string[] {
  return l.visibleRows(0, l.visibleCount).map((row) => row.contactName);
}

describe('filters', () => {
  it('shows current relationships first, sorted by contact name', () => {
    expect(names(list())).toEqual(['Alan Ramos', 'James Gordan', 'Leung Chen', 'zoe Adams']);
  });

  it('counts each choice with the other filters applied', () => {
    const l = list();
    l.setFilter({ kind: 'indirect' });
    const counts = l.counts();
    expect(counts.status).toEqual({ current: 1, past: 1, all: 2 });
    expect(counts.kind).toEqual({ all: 4, direct: 3, indirect: 1 });
    expect(counts.roles).toEqual({ Influencer: 1 });
    expect(counts.matching).toBe(1);
    expect(counts.total).toBe(5);
  });

  it('shows past (ended) relationships, and all', () => {
    const l = list();
    l.setFilter({ status: 'past' });
    expect(names(l)).toEqual(['Émile Zola']);
    l.setFilter({ status: 'all' });
    expect(l.visibleCount).toBe(5);
  });

  it('keeps rows holding any of the chosen roles', () => {
    const l = list();
    l.setFilter({ status: 'all', roles: ['Economic Buyer', 'Influencer'] });
    expect(names(l)).toEqual(['Alan Ramos', 'Émile Zola', 'James Gordan']);
  });

  it('finds text in name, title and email, ignoring case and accents, every word', () => {
    const l = list();
    l.setFilter({ status: 'all', text: 'emile' });
    expect(names(l)).toEqual(['Émile Zola']);
    l.setFilter({ text: 'ARCHITECT' });
    expect(names(l)).toEqual(['Leung Chen']);
    l.setFilter({ text: 'getcloudy.example' });
    expect(l.visibleCount).toBe(3);
    l.setFilter({ text: 'getcloudy zoe' });
    expect(names(l)).toEqual(['zoe Adams']);
    l.setFilter({ text: '' });
    expect(l.visibleCount).toBe(5);
  });

  it('narrows while typing on and widens again when the text is deleted', () => {
    const l = list();
    l.setFilter({ status: 'all', text: 'a' });
    const wide = l.visibleCount;
    l.setFilter({ text: 'al' });
    expect(names(l)).toEqual(['Alan Ramos']);
    l.setFilter({ text: 'a' });
    expect(l.visibleCount).toBe(wide);
  });

  it("searches the account's name in a contact's list", () => {
    const l = new RelationshipList({ locale: 'en-US', searchFields: 'account' });
    l.addRows(getCloudyRows());
    l.setFilter({ status: 'all', text: 'east' });
    expect(names(l)).toEqual(['zoe Adams']);
  });

  it('does not match a word spanning two fields', () => {
    const l = list();
    l.setFilter({ status: 'all', text: 'ramosvp' });
    expect(l.visibleCount).toBe(0);
  });
});

describe('sorting', () => {
  it('sorts names the way the language does (accents, case), empty values last both ways', () => {
    const l = list();
    l.setFilter({ status: 'all' });
    expect(names(l)).toEqual(['Alan Ramos', 'Émile Zola', 'James Gordan', 'Leung Chen', 'zoe Adams']);
    l.setSort({ column: 'title', direction: 'ascending' });
    // Consultant, Former CFO, Solutions Architect, VP Operations, (none)
    expect(names(l)).toEqual(['James Gordan', 'Émile Zola', 'Leung Chen', 'Alan Ramos', 'zoe Adams']);
    l.setSort({ column: 'title', direction: 'descending' });
    expect(names(l)).toEqual(['Alan Ramos', 'Leung Chen', 'Émile Zola', 'James Gordan', 'zoe Adams']);
  });

  it('sorts dates, empty last, and is stable for equal values', () => {
    const l = list();
    l.setFilter({ status: 'all' });
    l.setSort({ column: 'startDate', direction: 'descending' });
    expect(names(l)).toEqual(['James Gordan', 'Leung Chen', 'Alan Ramos', 'Émile Zola', 'zoe Adams']);
    l.setSort({ column: 'endDate', direction: 'ascending' });
    expect(names(l)).toEqual(['Émile Zola', 'Alan Ramos', 'Leung Chen', 'James Gordan', 'zoe Adams']);
  });

  it('sorts by kind, active, account and roles (catalog order)', () => {
    const l = list();
    l.setFilter({ status: 'all' });
    l.setSort({ column: 'kind', direction: 'ascending' });
    expect(l.visibleRows(0, 5).map((r) => r.isDirect)).toEqual([true, true, true, false, false]);
    l.setSort({ column: 'active', direction: 'descending' });
    expect(l.visibleRows(0, 5).map((r) => r.isActive)).toEqual([false, true, true, true, true]);
    l.setSort({ column: 'account', direction: 'descending' });
    expect(l.visibleRows(0, 1)[0]?.accountName).toBe('Get Cloudy East');
    l.setSort({ column: 'roles', direction: 'ascending' });
    expect(names(l)).toEqual(['Émile Zola', 'Alan Ramos', 'James Gordan', 'Leung Chen', 'zoe Adams']);
    expect(l.orderedRoles(['Decision Maker', 'Unknown', 'Economic Buyer'])).toEqual([
      'Economic Buyer',
      'Decision Maker',
      'Unknown',
    ]);
    l.setSort(DEFAULT_SORT);
    expect(l.indexOf(ZOE)).toBe(4);
  });
});

describe('optimistic saving', () => {
  it('shows a change at once and puts the row back when the call fails, with the error', () => {
    const l = list();
    const alan = rowOf(l, ALAN);
    const change = roleEditChange(alan, ['Economic Buyer']);
    if (!change) throw new Error('no change');
    l.applyOptimistic([change]);
    expect(l.row(ALAN)?.roles).toEqual(['Economic Buyer']);
    expect(l.isPending(ALAN)).toBe(true);
    l.rollback([ALAN], { status: 'failed', message: 'Server down' });
    expect(l.row(ALAN)?.roles).toEqual(['Decision Maker', 'Economic Buyer']);
    expect(l.isPending(ALAN)).toBe(false);
    expect(l.rowError(ALAN)?.message).toBe('Server down');
  });

  it('merges results: saved rows replaced, a conflict keeps the server row with who and when, failures roll back', () => {
    const l = list();
    const { changes } = bulkChanges(
      [ALAN, LEUNG, JAMES].map((id) => rowOf(l, id)),
      { type: 'addRole', role: 'Executive Sponsor' },
    );
    l.applyOptimistic(changes);
    const leungNow: ContactRelationship = {
      ...rowOf(l, LEUNG),
      roles: ['Other'],
      lastModifiedDate: '2026-12-01T08:00:00.000Z',
      lastModifiedByName: 'Maria Manager',
    };
    const alanSaved: ContactRelationship = {
      ...rowOf(l, ALAN),
      lastModifiedDate: '2026-12-03T07:00:00.000Z',
    };
    const outcomes = l.mergeSaveResults(changes, [
      { id: ALAN, status: 'saved', row: alanSaved },
      { id: LEUNG, status: 'conflict', message: 'Changed by Maria Manager', row: leungNow },
      { id: JAMES, status: 'failed', message: 'Validation rule' },
    ]);
    expect(l.row(ALAN)).toEqual(alanSaved);
    expect(l.rowError(ALAN)).toBeUndefined();
    expect(l.row(LEUNG)?.roles).toEqual(['Other']);
    expect(l.rowError(LEUNG)).toEqual({
      status: 'conflict',
      message: 'Changed by Maria Manager',
      modifiedByName: 'Maria Manager',
      modifiedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(l.row(JAMES)?.roles).toEqual(['Influencer']);
    expect(l.rowError(JAMES)?.message).toBe('Validation rule');
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['Alan Ramos', 'saved'],
      ['Leung Chen', 'conflict'],
      ['James Gordan', 'failed'],
    ]);
    expect([ALAN, LEUNG, JAMES].some((id) => l.isPending(id))).toBe(false);
  });

  it('refilters after an optimistic end: an ended row leaves the current list', () => {
    const l = list();
    const { changes } = bulkChanges([rowOf(l, JAMES)], {
      type: 'end',
      today: '2026-12-03',
    });
    l.applyOptimistic(changes);
    expect(names(l)).not.toContain('James Gordan');
    expect(l.counts().status.past).toBe(2);
  });

  it('removes a row and replaces one by id', () => {
    const l = list();
    l.removeRow(EMILE);
    l.removeRow('nothing');
    expect(l.size).toBe(4);
    l.replaceRow({ ...rowOf(l, ZOE), contactName: 'Aaron Adams' });
    expect(names(l)[0]).toBe('Aaron Adams');
    expect(l.allRows()).toHaveLength(4);
  });

  it('shows and clears a row error', () => {
    const l = list();
    l.setRowError(ZOE, { status: 'noAccess', message: null, modifiedByName: null, modifiedAt: null });
    expect(l.rowError(ZOE)?.status).toBe('noAccess');
    l.clearRowError(ZOE);
    expect(l.rowError(ZOE)).toBeUndefined();
  });
});
