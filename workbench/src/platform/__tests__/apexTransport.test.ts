/**
 * The workbench's Apex transport delivers results the way the platform may: null fields missing.
 */
import { apexResultOverTheWire, overTheWire } from '../context';

describe('Apex results over the wire', () => {
  it('drops null fields at every depth, as the platform may, and keeps nulls inside lists', () => {
    const result = {
      topAccountId: null,
      rows: [{ id: 'A', parentId: null, values: { Industry: null, AnnualRevenue: 5 } }, null],
      usage: { queries: 0 },
    };

    expect(apexResultOverTheWire(result)).toEqual({
      rows: [{ id: 'A', values: { AnnualRevenue: 5 } }, null],
      usage: { queries: 0 },
    });
    expect('topAccountId' in apexResultOverTheWire(result)).toBe(false);
  });

  it('gives null for a method that returns nothing, and keeps parameters as they are', () => {
    expect(apexResultOverTheWire<unknown>(undefined)).toBeNull();
    expect(apexResultOverTheWire(null)).toBeNull();
    expect(overTheWire({ afterId: null })).toEqual({ afterId: null });
  });
});
