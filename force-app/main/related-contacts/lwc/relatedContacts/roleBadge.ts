/**
 * Badge colours of the roles, by catalog colour. A local copy of the shared `c/roleBadges` helper
 * (written in parallel on another branch; same colour pairs, each ≥ 4.5:1 contrast): replace with
 * `import { badgeClass, badgeStyle } from 'c/roleBadges'` once both are merged.
 */
import type { RoleBadgeColor } from '@contract';

const COLORS: Readonly<Record<RoleBadgeColor, { background: string; text: string }>> = {
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
  return color != null && Object.prototype.hasOwnProperty.call(COLORS, color)
    ? COLORS[color]
    : COLORS.neutral;
}

export function badgeClass(color: RoleBadgeColor | null | undefined): string {
  return colorsOf(color) === COLORS.neutral
    ? 'slds-badge slds-badge_lightest role-badge'
    : 'slds-badge role-badge';
}

export function badgeStyle(color: RoleBadgeColor | null | undefined): string {
  const { background, text } = colorsOf(color);
  return `background-color: ${background}; color: ${text};`;
}
