/**
 * How a role looks and in which order roles are listed, shared by every component that shows roles
 * (the related contacts grid, the role catalog, later the account team). Pure TypeScript: no DOM,
 * no platform imports.
 *
 * Colours are inline styles rather than classes: a component's CSS is scoped to its own template,
 * so one shared stylesheet would have to be imported by each of them, while a style string travels
 * with the data. Each pair is taken from the SLDS colour palette (a light tint with its dark shade)
 * and keeps at least 4.5:1 contrast (WCAG AA for normal text; the test computes it).
 */
import type { RoleBadgeColor, RoleOption } from '@contract';

/** Background and text colour of each badge colour a catalog entry may choose. */
export const ROLE_BADGE_COLORS: Readonly<Record<RoleBadgeColor, { background: string; text: string }>> = {
  neutral: { background: '#f3f3f3', text: '#2e2e2e' },
  blue: { background: '#d8e6fe', text: '#014486' },
  green: { background: '#cdefc4', text: '#194e31' },
  orange: { background: '#fedfd0', text: '#7e2600' },
  red: { background: '#fddde3', text: '#8e030f' },
  purple: { background: '#ece1f9', text: '#481a54' },
  teal: { background: '#acf3e4', text: '#023434' },
  gray: { background: '#706e6b', text: '#ffffff' },
};

/** A colour the map does not know (a newer package's value, a hand-made record) looks neutral. */
function colorsOf(color: RoleBadgeColor | null | undefined) {
  return color != null && Object.prototype.hasOwnProperty.call(ROLE_BADGE_COLORS, color)
    ? ROLE_BADGE_COLORS[color]
    : ROLE_BADGE_COLORS.neutral;
}

/** The classes of a role badge: SLDS's badge shape; the colour comes from `badgeStyle`. */
export function badgeClass(color: RoleBadgeColor | null | undefined): string {
  // Neutral badges keep a border so they stay visible on a white or grey row.
  return colorsOf(color) === ROLE_BADGE_COLORS.neutral ? 'slds-badge slds-badge_lightest' : 'slds-badge';
}

/** The inline style giving a badge its colour pair (for `style={…}` in a template). */
export function badgeStyle(color: RoleBadgeColor | null | undefined): string {
  const { background, text } = colorsOf(color);
  return `background-color: ${background}; color: ${text};`;
}

/**
 * Orders role options as the catalog asks: ascending `sortOrder`, options without one after those
 * with one. Equal or missing sort orders compare equal, so a stable sort (Array.prototype.sort is
 * stable) of options given in picklist order keeps picklist order among them: use `sortRoleOptions`.
 */
export function compareRoleOptions(
  a: Pick<RoleOption, 'sortOrder'>,
  b: Pick<RoleOption, 'sortOrder'>,
): number {
  const left = a.sortOrder ?? null;
  const right = b.sortOrder ?? null;
  if (left === right) {
    return 0;
  }
  if (left === null) {
    return 1;
  }
  if (right === null) {
    return -1;
  }
  return left - right;
}

/** A copy of options (given in picklist order) in catalog order, then picklist order. */
export function sortRoleOptions<T extends Pick<RoleOption, 'sortOrder'>>(options: readonly T[]): T[] {
  return [...options].sort(compareRoleOptions);
}
