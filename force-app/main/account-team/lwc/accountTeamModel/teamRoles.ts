/**
 * A team role as a badge. The colours and the catalog order come from the shared `c/roleBadges`
 * bundle, so a role looks the same on the account team as among the related contacts and in the
 * role catalog; they are re-exported here for the team components.
 *
 * Part of `c/accountTeamModel`; pure TypeScript, no DOM, no platform imports.
 */
import type { RoleOption } from '@contract';
import { badgeClass, badgeStyle, compareRoleOptions } from 'c/roleBadges';

export { badgeClass, badgeStyle, compareRoleOptions };

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
