/**
 * SetupCheckController.getSetupStatus over the sample org. Mirrors
 * force-app/main/setup-check/classes/SetupCheckService.cls: keep SETUP_REQUIREMENTS below in step with
 * its REQUIRED_FEATURES, REQUIRED_OBJECTS and PACKAGE_PERMISSIONS. The role catalog issues come from
 * the same module as RoleCatalogController's report (../../roleCatalog.ts).
 */
import type {
  FeatureName,
  FieldAccessLevel,
  ObjectAccessLevel,
  PackageComponent,
  SetupFieldAccess,
  SetupObjectAccess,
  SetupStatus,
} from '@contract';
import type { ApexContext } from '../registry';
import { roleCatalogIssues } from '../../roleCatalog';

interface ObjectRequirement {
  objectApiName: string;
  feature: FeatureName | null;
  objectAccess: ObjectAccessLevel[];
  fields: [fieldApiName: string, requiredAccess: FieldAccessLevel][];
  usedBy: PackageComponent[];
}

const TEAM_FIELDS: [string, FieldAccessLevel][] = [
  ['UserId', 'read'],
  ['TeamMemberRole', 'edit'],
  ['AccountAccessLevel', 'edit'],
  ['OpportunityAccessLevel', 'edit'],
  ['CaseAccessLevel', 'edit'],
  ['ContactAccessLevel', 'edit'],
];

/** What the package needs — the same lists, in the same order, as SetupCheckService.cls. */
export const SETUP_REQUIREMENTS: {
  features: { name: FeatureName; objectApiNames: string[] }[];
  objects: ObjectRequirement[];
  permissions: string[];
} = {
  features: [
    { name: 'ContactsToMultipleAccounts', objectApiNames: ['AccountContactRelation'] },
    { name: 'AccountTeams', objectApiNames: ['AccountTeamMember', 'UserAccountTeamMember'] },
  ],
  objects: [
    {
      objectApiName: 'Account',
      feature: null,
      objectAccess: ['read', 'edit'],
      fields: [
        ['Name', 'read'],
        ['ParentId', 'read'],
        ['OwnerId', 'read'],
        ['AnnualRevenue', 'read'],
        ['NumberOfEmployees', 'read'],
        ['Industry', 'read'],
      ],
      usedBy: ['accountHierarchy', 'relatedContacts', 'accountTeam'],
    },
    {
      objectApiName: 'Contact',
      feature: null,
      objectAccess: ['read'],
      fields: [
        ['Name', 'read'],
        ['AccountId', 'read'],
        ['Title', 'read'],
        ['Email', 'read'],
        ['Phone', 'read'],
      ],
      usedBy: ['relatedContacts'],
    },
    {
      objectApiName: 'AccountContactRelation',
      feature: 'ContactsToMultipleAccounts',
      objectAccess: ['read', 'create', 'edit', 'delete'],
      fields: [
        ['AccountId', 'read'],
        ['ContactId', 'read'],
        ['Roles', 'edit'],
        ['IsActive', 'edit'],
        ['IsDirect', 'read'],
        ['StartDate', 'edit'],
        ['EndDate', 'edit'],
      ],
      usedBy: ['relatedContacts'],
    },
    {
      objectApiName: 'AccountTeamMember',
      feature: 'AccountTeams',
      objectAccess: ['read', 'create', 'edit', 'delete'],
      fields: [['AccountId', 'read'], ...TEAM_FIELDS],
      usedBy: ['accountTeam'],
    },
    {
      objectApiName: 'UserAccountTeamMember',
      feature: 'AccountTeams',
      objectAccess: ['read', 'create', 'edit', 'delete'],
      fields: [['OwnerId', 'read'], ...TEAM_FIELDS],
      usedBy: ['accountTeam'],
    },
  ],
  permissions: ['AccountRelationships_User', 'AccountRelationships_Admin'],
};

export function getSetupStatus(_params: unknown, { describe }: ApexContext): SetupStatus {
  return {
    roleCatalogIssues: roleCatalogIssues(describe),
    features: SETUP_REQUIREMENTS.features.map(({ name, objectApiNames }) => ({
      name,
      enabled: objectApiNames.every((objectApiName) => describe.objectExists(objectApiName)),
    })),
    objects: SETUP_REQUIREMENTS.objects.map((requirement): SetupObjectAccess => {
      const available = describe.objectExists(requirement.objectApiName);
      return {
        objectApiName: requirement.objectApiName,
        feature: requirement.feature,
        available,
        usedBy: [...requirement.usedBy],
        requiredAccess: [...requirement.objectAccess],
        grantedAccess: available ? describe.objectAccess(requirement.objectApiName) : [],
        fields: requirement.fields.map(([fieldApiName, requiredAccess]): SetupFieldAccess => ({
          fieldApiName,
          requiredAccess,
          readable: available && describe.fieldReadable(requirement.objectApiName, fieldApiName),
          updateable: available && describe.fieldUpdateable(requirement.objectApiName, fieldApiName),
        })),
      };
    }),
    permissions: SETUP_REQUIREMENTS.permissions.map((name) => ({
      permissionSetName: name,
      customPermissionName: name,
      granted: describe.hasCustomPermission(name),
    })),
  };
}
