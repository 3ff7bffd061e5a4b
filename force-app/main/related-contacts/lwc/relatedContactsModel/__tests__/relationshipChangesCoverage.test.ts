import {
  actionChange,
  applyChange,
  bulkChanges,
  coverageByAccount,
  coverageOf,
  roleEditChange,
} from 'c/relatedContactsModel';
import type { ContactRelationship } from '@contract';
import { ALAN, EMILE, JAMES, LEUNG, ROLE_OPTIONS, ZOE, getCloudyRows } from './relationshipFixture';

function byId(id: string): ContactRelationship {
  const row = getCloudyRows().find((r) => r.id === id);
  if (!row) throw new Error(id);
  return row;
}

const KEY_ROLES = ['Economic Buyer', 'Decision Maker', 'Executive Sponsor'];

describe('change sets', () => {
  it('an inline role edit sends the new roles with the date the user saw; no change for the same roles', () => {
    const alan = byId(ALAN);
    expect(roleEditChange(alan, ['Economic Buyer', 'Decision Maker'])).toBeNull();
    expect(roleEditChange(alan, ['Economic Buyer', 'Influencer'])).toEqual({
      id: ALAN,
      lastModifiedDate: '2026-11-02T10:00:00.000Z',
      fields: ['Roles'],
      roles: ['Economic Buyer', 'Influencer'],
    });
  });

  it('bulk add / remove role: only rows that change, read-only rows left out', () => {
    const rows = getCloudyRows();
    const add = bulkChanges(rows, { type: 'addRole', role: 'Economic Buyer' });
    expect(add.changes.map((c) => c.id)).toEqual([LEUNG, JAMES]);
    expect(add.changes[0]?.roles).toEqual(['Technical Buyer', 'Economic Buyer']);
    expect(add.readOnlyIds).toEqual([ZOE]);
    expect(add.unchangedIds).toEqual([ALAN, EMILE]);
    const remove = bulkChanges(rows, { type: 'removeRole', role: 'Economic Buyer' });
    expect(remove.changes.map((c) => [c.id, c.roles])).toEqual([
      [ALAN, ['Decision Maker']],
      [EMILE, []],
    ]);
  });

  it('end = inactive with end date today; reactivate = active with no end date', () => {
    const rows = getCloudyRows();
    const end = bulkChanges(rows, { type: 'end', today: '2026-12-03' });
    expect(end.changes.map((c) => c.id)).toEqual([ALAN, LEUNG, JAMES]);
    expect(end.changes[0]).toEqual({
      id: ALAN,
      lastModifiedDate: '2026-11-02T10:00:00.000Z',
      fields: ['IsActive', 'EndDate'],
      isActive: false,
      endDate: '2026-12-03',
    });
    expect(end.unchangedIds).toEqual([EMILE]);
    const reactivate = bulkChanges(rows, { type: 'reactivate' });
    expect(reactivate.changes).toEqual([
      {
        id: EMILE,
        lastModifiedDate: '2024-01-02T08:00:00.000Z',
        fields: ['IsActive', 'EndDate'],
        isActive: true,
        endDate: null,
      },
    ]);
    // An active row with an end date set is "reactivated" too: its end date goes.
    expect(
      actionChange({ ...byId(ALAN), endDate: '2027-01-01' }, { type: 'reactivate' })?.endDate,
    ).toBeNull();
  });

  it('applies a change to a row copy, only the fields named', () => {
    const emile = byId(EMILE);
    const next = applyChange(emile, {
      id: EMILE,
      lastModifiedDate: emile.lastModifiedDate,
      fields: ['IsActive', 'EndDate', 'StartDate'],
      isActive: true,
      endDate: null,
      startDate: '2026-01-01',
    });
    expect(next).toMatchObject({
      isActive: true,
      endDate: null,
      startDate: '2026-01-01',
      roles: ['Economic Buyer'],
    });
    expect(emile.isActive).toBe(false);
  });
});

describe('coverage', () => {
  it('counts key roles over active relationships only', () => {
    const coverage = coverageOf(getCloudyRows(), KEY_ROLES, ROLE_OPTIONS);
    expect(coverage.present).toEqual([
      { role: 'Economic Buyer', label: 'Economic Buyer', count: 1 },
      { role: 'Decision Maker', label: 'Decision Maker', count: 1 },
    ]);
    expect(coverage.missing).toEqual([{ role: 'Executive Sponsor', label: 'Executive Sponsor' }]);
  });

  it('an ended Economic Buyer leaves the role missing', () => {
    const rows = getCloudyRows().filter((r) => r.id !== ALAN);
    expect(coverageOf(rows, KEY_ROLES, ROLE_OPTIONS).missing.map((m) => m.role)).toContain('Economic Buyer');
  });

  it('per account in hierarchy mode, accounts without relationships included', () => {
    const coverage = coverageByAccount(getCloudyRows(), KEY_ROLES, ROLE_OPTIONS, [
      { id: '001000000000001AAA', name: 'Get Cloudy Consulting' },
      { id: '001000000000003AAA', name: 'Get Cloudy West' },
    ]);
    expect(coverage.map((c) => [c.accountName, c.present.length, c.missing.length])).toEqual([
      ['Get Cloudy Consulting', 2, 1],
      ['Get Cloudy West', 0, 3],
      ['Get Cloudy East', 0, 3],
    ]);
    expect(coverageByAccount([], ['Unlisted'], [])[0]).toBeUndefined();
    expect(coverageOf([], ['Unlisted'], []).missing).toEqual([{ role: 'Unlisted', label: 'Unlisted' }]);
  });
});
