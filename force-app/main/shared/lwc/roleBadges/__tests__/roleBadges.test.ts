import { ROLE_BADGE_COLORS, badgeClass, badgeStyle, compareRoleOptions, sortRoleOptions } from 'c/roleBadges';
import type { RoleBadgeColor } from '@contract';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// Every value of the BadgeColor__c picklist (and of the contract's RoleBadgeColor).
const COLORS: RoleBadgeColor[] = ['neutral', 'blue', 'green', 'orange', 'red', 'purple', 'teal', 'gray'];

describe('role badges', () => {
  it.each(COLORS)('gives %s a colour pair readable at 4.5:1 or more', (color) => {
    const { background, text } = ROLE_BADGE_COLORS[color];
    expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5);
    expect(badgeStyle(color)).toBe(`background-color: ${background}; color: ${text};`);
  });

  it('gives every colour its own look', () => {
    const styles = new Set(COLORS.map((color) => badgeStyle(color)));
    expect(styles.size).toBe(COLORS.length);
  });

  it('shows a role without a known colour as neutral, with a border', () => {
    const unknown = 'magenta' as RoleBadgeColor;
    expect(badgeStyle('constructor' as RoleBadgeColor)).toBe(badgeStyle('neutral'));
    expect(badgeStyle(unknown)).toBe(badgeStyle('neutral'));
    expect(badgeStyle(null)).toBe(badgeStyle('neutral'));
    expect(badgeClass(undefined)).toBe('slds-badge slds-badge_lightest');
    expect(badgeClass('blue')).toBe('slds-badge');
  });
});

describe('role order', () => {
  it('lists roles by catalog sort order, then those without one in picklist order', () => {
    // Picklist order: Other, Evaluator, Champion (no entry), Economic Buyer, Partner (no entry).
    const picklist = [
      { value: 'Other', sortOrder: 90 },
      { value: 'Evaluator', sortOrder: 60 },
      { value: 'Champion', sortOrder: null },
      { value: 'Economic Buyer', sortOrder: 10 },
      { value: 'Partner' },
      { value: 'Influencer', sortOrder: 60 },
    ];

    const sorted = sortRoleOptions(picklist).map((o) => o.value);

    expect(sorted).toEqual(['Economic Buyer', 'Evaluator', 'Influencer', 'Other', 'Champion', 'Partner']);
    expect(picklist[0]?.value).toBe('Other');
  });

  it('compares as a comparator should: opposite signs when swapped, zero when equal', () => {
    expect(compareRoleOptions({ sortOrder: 10 }, { sortOrder: 20 })).toBeLessThan(0);
    expect(compareRoleOptions({ sortOrder: 20 }, { sortOrder: 10 })).toBeGreaterThan(0);
    expect(compareRoleOptions({ sortOrder: 5 }, { sortOrder: null })).toBeLessThan(0);
    expect(compareRoleOptions({ sortOrder: null }, { sortOrder: 5 })).toBeGreaterThan(0);
    expect(compareRoleOptions({}, { sortOrder: null })).toBe(0);
  });
});
