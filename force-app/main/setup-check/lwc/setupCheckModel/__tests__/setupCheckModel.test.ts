import { buildSetupReport, formatLabel } from 'c/setupCheckModel';
import type { SetupCheckLabels, SetupItem, SetupReport } from 'c/setupCheckModel';
import type { SetupStatus } from '@contract';
import everythingGranted from '../../setupCheck/__tests__/data/getSetupStatus.json';

const LABELS: SetupCheckLabels = {
  problemsOne: '1 item needs attention.',
  problemsMany: '{0} items need attention.',
  allGood: 'Everything is set up.',
  sectionFeatures: 'Org features',
  sectionAccess: 'Your access',
  sectionPermissions: 'Permission sets',
  statusOk: 'OK',
  statusMissing: 'Missing',
  statusNotChecked: 'Not checked',
  statusOptional: 'Optional',
  featureOn: 'Turned on.',
  fixContactsToMultipleAccounts: 'Turn on Contacts to Multiple Accounts.',
  fixAccountTeams: 'Turn on Account Teams.',
  neededBy: 'Needed by: {0}.',
  objectTitle: 'Access to {0}',
  objectOk: 'All access.',
  objectUnavailable: 'You cannot see this object.',
  objectMissingAccess: 'Missing object permissions: {0}.',
  fieldMissingAccess: 'Missing field access: {0}.',
  askAdminForAccess: 'Ask your admin.',
  featureOffNotChecked: 'Not checked, because {0} is off.',
  fieldWithAccess: '{0} ({1})',
  permissionAssigned: 'Assigned.',
  permissionUserMissing: 'Ask for the {0} permission set.',
  permissionAdminMissing: 'Only admins need {0}.',
  featureContactsToMultipleAccounts: 'Contacts to Multiple Accounts',
  featureAccountTeams: 'Account Teams',
  componentRelatedContacts: 'Related Contacts',
  componentAccountHierarchy: 'Account Hierarchy',
  componentAccountTeam: 'Default Account Team',
  accessRead: 'Read',
  accessCreate: 'Create',
  accessEdit: 'Edit',
  accessDelete: 'Delete',
  permissionSetUser: 'Account Relationships User',
  permissionSetAdmin: 'Account Relationships Admin',
  sectionRoleCatalog: 'Role catalog',
  statusReview: 'Review',
  roleCatalogOk: 'Every entry matches.',
  roleCatalogOkTitle: 'Role catalog entries',
  roleCatalogIssueTitle: '{0} “{1}”',
  roleCategoryContactRelationship: 'Contact relationship role',
  roleCategoryAccountTeam: 'Account team role',
  roleCatalogNotInPicklist: 'Entry {0}: not in the picklist.',
  roleCatalogInactiveInPicklist: 'Entry {0}: inactive in the picklist.',
  roleCatalogSeePage: 'See the Role Catalog page.',
  allGoodCatalogReview: 'Everything is set up. To review: {0}.',
};

/** A fresh copy of the "everything granted" response, changed by the test. */
function status(change: (s: SetupStatus) => void = () => undefined): SetupStatus {
  const copy = JSON.parse(JSON.stringify(everythingGranted)) as SetupStatus;
  change(copy);
  return copy;
}

function findItem(report: SetupReport, key: string): SetupItem {
  const found = report.sections.flatMap((s) => s.items).find((i) => i.key === key);
  if (!found) {
    throw new Error(`no item ${key}`);
  }
  return found;
}

function objectNamed(s: SetupStatus, name: string) {
  const found = s.objects.find((o) => o.objectApiName === name);
  if (!found) {
    throw new Error(`no object ${name}`);
  }
  return found;
}

describe('formatLabel', () => {
  it('replaces numbered placeholders and leaves unknown ones alone', () => {
    expect(formatLabel('{0} of {1} ({2})', 3, 'ten')).toBe('3 of ten ({2})');
  });
});

describe('buildSetupReport', () => {
  it('says everything is set up when the org and the user have it all', () => {
    const report = buildSetupReport(status(), LABELS, 'en-US');

    expect(report.ready).toBe(true);
    expect(report.problemCount).toBe(0);
    expect(report.summary).toBe('Everything is set up.');
    expect(report.sections.map((s) => s.title)).toEqual([
      'Org features',
      'Your access',
      'Permission sets',
      'Role catalog',
    ]);
    expect(findItem(report, 'roleCatalog:ok').details).toEqual(['Every entry matches.']);
    expect(report.reviewCount).toBe(0);
    expect(report.sections.flatMap((s) => s.items).every((i) => i.state === 'ok')).toBe(true);
    expect(findItem(report, 'object:Account').title).toBe('Access to Account');
  });

  it('explains how to turn on a feature that is off, skips its objects, and names the components it blocks', () => {
    const report = buildSetupReport(
      status((s) => {
        s.features = s.features.map((f) => (f.name === 'AccountTeams' ? { ...f, enabled: false } : f));
        for (const name of ['AccountTeamMember', 'UserAccountTeamMember']) {
          Object.assign(objectNamed(s, name), { available: false, grantedAccess: [] });
        }
      }),
      LABELS,
      'en-US',
    );

    const feature = findItem(report, 'feature:AccountTeams');
    expect(feature.state).toBe('missing');
    expect(feature.statusLabel).toBe('Missing');
    expect(feature.details).toEqual(['Turn on Account Teams.', 'Needed by: Default Account Team.']);
    const teamObject = findItem(report, 'object:AccountTeamMember');
    expect(teamObject.state).toBe('notChecked');
    expect(teamObject.details).toEqual(['Not checked, because Account Teams is off.']);
    expect(report.problemCount).toBe(1);
    expect(report.summary).toBe('1 item needs attention.');
  });

  it('lists missing object permissions and field access, with the components that need them', () => {
    const report = buildSetupReport(
      status((s) => {
        const acr = objectNamed(s, 'AccountContactRelation');
        acr.grantedAccess = ['read', 'edit'];
        acr.fields = acr.fields.map((f) => {
          return f.fieldApiName === 'Roles' ? { ...f, updateable: false } : f;
        });
        const account = objectNamed(s, 'Account');
        account.fields = account.fields.map((f) =>
          f.fieldApiName === 'AnnualRevenue' ? { ...f, readable: false, updateable: false } : f,
        );
      }),
      LABELS,
      'en-US',
    );

    expect(findItem(report, 'object:AccountContactRelation').details).toEqual([
      'Missing object permissions: Create and Delete.',
      'Missing field access: Roles (Edit).',
      'Ask your admin.',
      'Needed by: Related Contacts.',
    ]);
    expect(findItem(report, 'object:Account').details).toEqual([
      'Missing field access: AnnualRevenue (Read).',
      'Ask your admin.',
      'Needed by: Account Hierarchy, Related Contacts, and Default Account Team.',
    ]);
    expect(report.problemCount).toBe(2);
    expect(report.summary).toBe('2 items need attention.');
    expect(report.ready).toBe(false);
  });

  it('asks for object access only, not field by field, when the user cannot even read the object', () => {
    const report = buildSetupReport(
      status((s) => {
        const acr = objectNamed(s, 'AccountContactRelation');
        acr.grantedAccess = [];
        acr.fields = acr.fields.map((f) => ({ ...f, readable: false, updateable: false }));
      }),
      LABELS,
      'en-US',
    );

    expect(findItem(report, 'object:AccountContactRelation').details).toEqual([
      'Missing object permissions: Read, Create, Edit, and Delete.',
      'Ask your admin.',
      'Needed by: Related Contacts.',
    ]);
  });

  it('joins lists the way the user’s language does', () => {
    const report = buildSetupReport(
      status((s) => {
        objectNamed(s, 'AccountTeamMember').grantedAccess = ['read'];
      }),
      { ...LABELS, accessCreate: '创建', accessEdit: '编辑', accessDelete: '删除' },
      'zh-CN',
    );

    expect(findItem(report, 'object:AccountTeamMember').details[0]).toBe(
      'Missing object permissions: 创建、编辑和删除.',
    );
  });

  it('reports an object the user cannot see at all, even though its feature is on', () => {
    const report = buildSetupReport(
      status((s) => {
        Object.assign(objectNamed(s, 'Contact'), { available: false, grantedAccess: [] });
      }),
      LABELS,
      'en-US',
    );

    expect(findItem(report, 'object:Contact')).toMatchObject({
      state: 'missing',
      details: ['You cannot see this object.', 'Needed by: Related Contacts.'],
    });
  });

  it('requires the user permission set but treats the admin one as optional', () => {
    const report = buildSetupReport(
      status((s) => {
        s.permissions = s.permissions.map((p) => ({ ...p, granted: false }));
      }),
      LABELS,
      'en-US',
    );

    expect(findItem(report, 'permission:AccountRelationships_User')).toMatchObject({
      state: 'missing',
      title: 'Account Relationships User',
      details: ['Ask for the Account Relationships User permission set.'],
    });
    expect(findItem(report, 'permission:AccountRelationships_Admin')).toMatchObject({
      state: 'optional',
      statusLabel: 'Optional',
      details: ['Only admins need Account Relationships Admin.'],
    });
    expect(report.problemCount).toBe(1);
  });

  it('gives every item a unique key', () => {
    const keys = buildSetupReport(status(), LABELS, 'en-US')
      .sections.flatMap((s) => s.items)
      .map((i) => i.key);

    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(2 + 5 + 2 + 1);
  });

  it('checks an object every org has when its null feature arrives as a missing property', () => {
    const report = buildSetupReport(
      status((s) => {
        // The platform may drop a null field of an Apex result instead of sending `feature: null`.
        for (const object of s.objects) if (object.feature === null) delete object.feature;
      }),
      LABELS,
      'en-US',
    );

    expect(findItem(report, 'object:Account')).toMatchObject({ state: 'ok', details: ['All access.'] });
    expect(findItem(report, 'object:Contact').state).toBe('ok');
    expect(report.ready).toBe(true);
  });

  it('lists each role catalog entry that does not match its picklist, for review, without blocking anything', () => {
    const report = buildSetupReport(
      status((s) => {
        s.roleCatalogIssues = [
          {
            category: 'ContactRelationship',
            value: 'Champion',
            entryName: 'Contact_Champion',
            status: 'notInPicklist',
          },
          {
            category: 'AccountTeam',
            value: 'Lead Qualifier',
            entryName: 'Team_LeadQualifier',
            status: 'inactiveInPicklist',
          },
          // Not a mismatch: a value without an entry still works and is not the setup check's business.
          { category: 'ContactRelationship', value: 'Partner', entryName: '', status: 'noCatalogEntry' },
        ];
      }),
      LABELS,
      'en-US',
    );

    const section = report.sections.find((s) => s.key === 'roleCatalog');
    expect(section?.items.map((i) => [i.title, i.state, i.statusLabel])).toEqual([
      ['Contact relationship role “Champion”', 'review', 'Review'],
      ['Account team role “Lead Qualifier”', 'review', 'Review'],
    ]);
    expect(findItem(report, 'roleCatalog:ContactRelationship:Contact_Champion').details).toEqual([
      'Entry Contact_Champion: not in the picklist.',
      'See the Role Catalog page.',
    ]);
    expect(findItem(report, 'roleCatalog:AccountTeam:Team_LeadQualifier').details[0]).toBe(
      'Entry Team_LeadQualifier: inactive in the picklist.',
    );
    expect(report.ready).toBe(true);
    expect(report.problemCount).toBe(0);
    expect(report.reviewCount).toBe(2);
    expect(report.summary).toBe('Everything is set up. To review: 2.');
  });

  it('keeps the problem count as the summary when something is missing besides catalog entries to review', () => {
    const report = buildSetupReport(
      status((s) => {
        s.permissions = s.permissions.map((p) => ({ ...p, granted: false }));
        s.roleCatalogIssues = [
          {
            category: 'ContactRelationship',
            value: 'Champion',
            entryName: 'Contact_Champion',
            status: 'notInPicklist',
          },
        ];
      }),
      LABELS,
      'en-US',
    );

    expect(report.summary).toBe('1 item needs attention.');
    expect(report.reviewCount).toBe(1);
  });
});
