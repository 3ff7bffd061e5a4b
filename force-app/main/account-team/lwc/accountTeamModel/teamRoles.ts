/**
 * How a team role looks and in which order roles are listed. A local stand-in for the shared
 * `c/roleBadges` bundle (same function names and colour pairs), which was not on main when the
 * account team components were written: switch the imports to `c/roleBadges` once it is.
 *
 * Part of `c/accountTeamModel`; pure TypeScript, no DOM, no platform imports.
 */
import type { RoleBadgeColor, RoleOption } from '@contract';

/** Background and text colour of each badge colour (SLDS palette pairs, each at least 4.5:1). */
const ROLE_BADGE_COLORS: Readonly<Record<RoleBadgeColor, { background: string; text: string }>> = {
  neutral: { background: '#f3f3f3', text: '#2e2e2e' },
  blue: { background: '#d8e6fe', text: '#014486' },
  green: { background: '#cdefc4', text: '#194e31' },
  orange: { background: '#fedfd0', text: '#7e2600' },
  red: { background: '#fddde3', text: '#8e030f' },
  purple: { background: '#ece1f9', text: '#481a54' },
  teal: { background: '#acf3e4', text: '#023434' },
  gray: { background: '#706e6b', text: '#ffffff' },
};

function colorsOf(color: RoleBadgeColor | null | undefined): { background: string; text: string } {
  return color != null && Object.prototype.hasOwnProperty.call(ROLE_BADGE_COLORS, color)
    ? ROLE_BADGE_COLORS[color]
    : ROLE_BADGE_COLORS.neutral;
}

/** The classes of a role badge: SLDS's badge shape (neutral ones keep a border to stay visible). */
export function badgeClass(color: RoleBadgeColor | null | undefined): string {
  return colorsOf(color) === ROLE_BADGE_COLORS.neutral ? 'slds-badge slds-badge_lightest' : 'slds-badge';
}

/** The inline style giving a badge its colour pair. */
export function badgeStyle(color: RoleBadgeColor | null | undefined): string {
  const { background, text } = colorsOf(color);
  return `background-color: ${background}; color: ${text};`;
}

/** Catalog order: ascending sortOrder, options without one after; equal ones keep picklist order (stable sort). */
export function compareRoleOptions(
  a: Pick<RoleOption, 'sortOrder'>,
  b: Pick<RoleOption, 'sortOrder'>,
): number {
  const left = a.sortOrder ?? null;
  const right = b.sortOrder ?? null;
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return left - right;
}

/** A role as a badge: the option's label and colours; a role the options lack shows its value, neutral. */
export interface RoleBadge {
  value: string;
  label: string;
  badgeClass: string;
  badgeStyle: string;
}

export function roleBadge(role: string | null | undefined, options: readonly RoleOption[]): RoleBadge | null {
  if (role == null || role === '') {
    return null;
  }
  const option = options.find((o) => o.value === role);
  return {
    value: role,
    label: option?.label ?? role,
    badgeClass: badgeClass(option?.badgeColor),
    badgeStyle: badgeStyle(option?.badgeColor),
  };
}
