/** Run-time half of `@salesforce/user/Id` and `@salesforce/customPermission/<Name>`. */
import { workbenchContext } from './context';

export function currentUserId(): string {
  return workbenchContext().user.id;
}

export function hasCustomPermission(name: string): boolean {
  return workbenchContext().describe.hasCustomPermission(name);
}
