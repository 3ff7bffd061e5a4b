/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests use users known to be in the dataset */
/**
 * The role catalog in the sample org: the package's RoleCatalogEntry__mdt records (read from the
 * metadata, as the workbench build reads them) against the org's picklists — role options,
 * RoleCatalogController.getRoleCatalog and the setup check's catalog issues, from one module.
 */
import type { RoleCatalogReport, SetupStatus } from '@contract';
import CATALOG from '@workbench/role-catalog';
import { loadDataset } from './datasets';
import { DatasetError, SampleOrg } from '../sampleOrg';
import { APEX_METHODS } from '../apex/registry';
import type { OrgConfig } from '../dataset';
import { CONTACT_ROLES } from '../schema';
import { keyRoles, roleOptions } from '../roleCatalog';

function orgWith(name: string, change: (org: OrgConfig) => OrgConfig = (org) => org): SampleOrg {
  const bundle = loadDataset(name);
  return new SampleOrg({ ...bundle, org: change(bundle.org!) });
}

// The result's type is the method's contract type, named by the caller.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function run<T>(org: SampleOrg, method: string): T {
  const user = org.user('admin')!;
  return APEX_METHODS[method]!({}, { org, user, describe: org.describeFor(user) }) as T;
}

const STANDARD_WITHOUT = (removed: string): { value: string }[] =>
  CONTACT_ROLES.values.filter((v) => v.value !== removed).map((v) => ({ value: v.value }));

describe('role catalog', () => {
  it('is read from the package metadata: an entry per standard contact and team role', () => {
    const contact = CATALOG.filter((e) => e.category === 'ContactRelationship').map((e) => e.value);
    expect(contact.sort()).toEqual(CONTACT_ROLES.values.map((v) => v.value).sort());
    expect(CATALOG.find((e) => e.developerName === 'Contact_EconomicBuyer')).toMatchObject({
      value: 'Economic Buyer',
      keyRole: true,
      badgeColor: 'green',
      sortOrder: 10,
    });
  });

  it('offers the active picklist values in catalog order, then picklist order for values without an entry', () => {
    const org = orgWith('get-cloudy');
    const options = roleOptions(org.describeFor(org.user('rep')!), 'ContactRelationship');
    const sortOrders = options.filter((o) => o.inCatalog).map((o) => o.sortOrder!);
    expect(sortOrders).toEqual([...sortOrders].sort((a, b) => a - b));
    // Champion, the org's own value, has no entry: last, neutral, not key.
    expect(options[options.length - 1]).toMatchObject({
      value: 'Champion',
      inCatalog: false,
      badgeColor: 'neutral',
    });
    expect(options.map((o) => o.value).sort()).toEqual(
      [...CONTACT_ROLES.values.map((v) => v.value), 'Champion'].sort(),
    );
  });

  it('leaves out a deactivated value, and its key role', () => {
    const org = orgWith('get-cloudy', (config) => ({
      ...config,
      picklists: {
        'AccountContactRelation.Roles': [
          ...STANDARD_WITHOUT('Economic Buyer'),
          { value: 'Economic Buyer', active: false },
        ],
      },
    }));
    const describe = org.describeFor(org.user('rep')!);
    expect(roleOptions(describe, 'ContactRelationship').some((o) => o.value === 'Economic Buyer')).toBe(
      false,
    );
    expect(keyRoles(describe, 'ContactRelationship')).toEqual(['Decision Maker', 'Executive Sponsor']);
  });

  it('reports the catalog against the picklists: values without an entry, entries not (or no longer) in the picklist', () => {
    const org = orgWith('get-cloudy', (config) => ({
      ...config,
      picklists: {
        'AccountContactRelation.Roles': [
          ...STANDARD_WITHOUT('Evaluator').filter((v) => v.value !== 'Other'),
          { value: 'Evaluator', active: false },
          { value: 'Champion' },
        ],
      },
    }));
    const report = run<RoleCatalogReport>(org, 'RoleCatalogController.getRoleCatalog');
    const contact = report.sections.find((s) => s.category === 'ContactRelationship')!;
    const status = Object.fromEntries(contact.rows.map((row) => [row.value, row.status]));
    expect(status).toMatchObject({
      'Economic Buyer': 'ok',
      Champion: 'noCatalogEntry',
      Evaluator: 'inactiveInPicklist',
      Other: 'notInPicklist',
    });
    // Picklist values first (org order), then entries the picklist lacks.
    expect(contact.rows[contact.rows.length - 1]).toMatchObject({
      value: 'Other',
      entryName: 'Contact_Other',
      picklistActive: false,
    });
    expect(contact).toMatchObject({ fieldApiName: 'AccountContactRelation.Roles', featureEnabled: true });
    const team = report.sections.find((s) => s.category === 'AccountTeam')!;
    expect(team.rows.every((row) => row.status === 'ok')).toBe(true);

    const issues = run<SetupStatus>(org, 'SetupCheckController.getSetupStatus').roleCatalogIssues;
    expect(issues).toEqual([
      {
        category: 'ContactRelationship',
        value: 'Evaluator',
        entryName: 'Contact_Evaluator',
        status: 'inactiveInPicklist',
      },
      {
        category: 'ContactRelationship',
        value: 'Other',
        entryName: 'Contact_Other',
        status: 'notInPicklist',
      },
    ]);
  });

  it('finds no issue in get-cloudy (one extra value, nothing deactivated) and shares team values between both team objects', () => {
    const org = orgWith('get-cloudy', (config) => ({
      ...config,
      picklists: {
        ...config.picklists,
        'UserAccountTeamMember.TeamMemberRole': [{ value: 'Sales Rep' }, { value: 'Renewals Manager' }],
      },
    }));
    const describe = org.describeFor(org.user('rep')!);
    expect(describe.picklistValues('AccountTeamMember', 'TeamMemberRole').map((v) => v.value)).toEqual([
      'Sales Rep',
      'Renewals Manager',
    ]);
    expect(
      run<SetupStatus>(orgWith('get-cloudy'), 'SetupCheckController.getSetupStatus').roleCatalogIssues,
    ).toEqual([]);
  });

  it('lists only the entries when the feature is off, and reports no issue then', () => {
    const org = orgWith('features-off');
    const report = run<RoleCatalogReport>(org, 'RoleCatalogController.getRoleCatalog');
    expect(report.sections.map((s) => s.featureEnabled)).toEqual([false, false]);
    expect(report.sections[0]!.rows).toHaveLength(
      CATALOG.filter((e) => e.category === 'ContactRelationship').length,
    );
    expect(run<SetupStatus>(org, 'SetupCheckController.getSetupStatus').roleCatalogIssues).toEqual([]);
    expect(roleOptions(org.describeFor(org.user('rep')!), 'ContactRelationship')).toEqual([]);
  });

  it('refuses a dataset that overrides a field that is no picklist', () => {
    expect(() =>
      orgWith('get-cloudy', (config) => ({ ...config, picklists: { 'Account.Name': [] } })),
    ).toThrow(DatasetError);
  });
});
