/**
 * The components the workbench offers. Plain data with no imports: the build reads it too
 * (workbench/build/platformPlugin.mjs generates one lazy loader per `module`). Add new components here.
 */

export interface WorkbenchComponent {
  /** Tag name, as in the URL (`?component=c-setup-check`). */
  tag: string;
  /** Module specifier (`c/<name>` = force-app/main/<feature>/lwc/<name>). */
  module: string;
  /** What the index page calls it. */
  title: string;
  description: string;
  /** Whether the component is meant for a record page: it then gets `recordId` (and needs one). */
  needsRecord: boolean;
  /** Whether it accepts an optional `recordId` when the URL gives one. */
  acceptsRecordId: boolean;
  /** The record the index page links to, by dataset (referenceIds). */
  sampleRecords?: Readonly<Record<string, string>>;
}

export const COMPONENTS: readonly WorkbenchComponent[] = [
  {
    tag: 'c-setup-check',
    module: 'c/setupCheck',
    title: 'Setup Check',
    description: 'Which org features, object and field access and permission sets the package needs.',
    needsRecord: false,
    acceptsRecordId: true,
  },
  {
    tag: 'c-account-hierarchy',
    module: 'c/accountHierarchy',
    title: 'Account Hierarchy',
    description: 'The whole hierarchy around an account: search, totals, export, keyboard treegrid.',
    needsRecord: true,
    acceptsRecordId: true,
    sampleRecords: {
      'get-cloudy': 'GetCloudyBoston',
      'get-cloudy-private': 'GetCloudyBoston',
      'features-off': 'AlpineOutfittersHQ',
    },
  },
  {
    tag: 'c-related-contacts',
    module: 'c/relatedContacts',
    title: 'Related Contacts',
    description:
      'Direct and indirect contacts, current and past: filters, inline and bulk role editing, key-role coverage.',
    needsRecord: true,
    acceptsRecordId: true,
    sampleRecords: {
      'get-cloudy': 'GetCloudyHQ',
      'features-off': 'AlpineOutfittersHQ',
    },
  },
  {
    tag: 'c-role-catalog',
    module: 'c/roleCatalog',
    title: 'Role Catalog',
    description:
      'For consultants: the role catalog against the org’s role picklists, badge previews, mismatches, how to edit it.',
    needsRecord: false,
    acceptsRecordId: false,
  },
  {
    tag: 'c-account-team-assistant',
    module: 'c/accountTeamAssistant',
    title: 'Default Account Team Assistant',
    description:
      "An account's team, its differences from my and the owner's default team, preview-then-apply to the account, its hierarchy or all my accounts.",
    needsRecord: true,
    acceptsRecordId: true,
    sampleRecords: { 'get-cloudy': 'GetCloudyHQ' },
  },
  {
    tag: 'c-my-default-team',
    module: 'c/myDefaultTeam',
    title: 'My Default Account Team',
    description: 'My default account team edited in place: find a user, role, only valid access levels.',
    needsRecord: false,
    acceptsRecordId: false,
  },
  {
    tag: 'bench-tree-grid-bench',
    module: 'bench/treeGridBench',
    title: 'Benchmark: lightning-tree-grid',
    description:
      'The same hierarchy in the standard lightning-tree-grid, for npm run bench (workbench only).',
    needsRecord: true,
    acceptsRecordId: true,
    sampleRecords: { 'get-cloudy': 'GetCloudyHQ' },
  },
  {
    tag: 'bench-datatable-bench',
    module: 'bench/datatableBench',
    title: 'Benchmark: lightning-datatable',
    description:
      'An account’s relationships in the standard lightning-datatable, for npm run bench (workbench only).',
    needsRecord: true,
    acceptsRecordId: true,
    sampleRecords: { 'get-cloudy': 'GetCloudyHQ' },
  },
];
