/**
 * The package's permission sets as the sample org enforces them, read from their metadata at build
 * time (workbench/build/permissionSets.mjs): which Apex classes each opens, which custom
 * permissions it grants, and the access it grants on the package's own custom objects. Users in
 * org.json list the sets they are assigned (`permissionSets`); nothing else says what a user may
 * call or which custom permissions they have.
 */
import type { ObjectAccessLevel } from '@contract';
import PACKAGE_PERMISSION_SETS from '@workbench/permission-sets';

/** The package's permission set API names, sorted. */
export function packagePermissionSetNames(): string[] {
  return Object.keys(PACKAGE_PERMISSION_SETS).sort();
}

export function isPackagePermissionSet(name: string): boolean {
  return PACKAGE_PERMISSION_SETS[name] !== undefined;
}

/** Whether one of these permission sets opens the Apex class (`<classAccesses>`). */
export function opensApexClass(permissionSets: readonly string[], apexClass: string): boolean {
  return permissionSets.some(
    (name) => PACKAGE_PERMISSION_SETS[name]?.classAccesses.includes(apexClass) === true,
  );
}

/** The custom permissions these permission sets grant together. */
export function customPermissionsOf(permissionSets: readonly string[]): string[] {
  return [
    ...new Set(permissionSets.flatMap((name) => PACKAGE_PERMISSION_SETS[name]?.customPermissions ?? [])),
  ];
}

/**
 * The access these permission sets grant together on one of the package's custom objects
 * (`<objectPermissions>`); empty for standard objects, which a packaged set cannot grant.
 */
export function objectAccessOf(
  permissionSets: readonly string[],
  objectApiName: string,
): ObjectAccessLevel[] {
  return [
    ...new Set(
      permissionSets.flatMap((name) => PACKAGE_PERMISSION_SETS[name]?.objectPermissions[objectApiName] ?? []),
    ),
  ];
}
