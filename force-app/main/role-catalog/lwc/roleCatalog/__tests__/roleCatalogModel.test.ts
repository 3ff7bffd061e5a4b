import { buildCatalogView, formatLabel } from '../roleCatalogModel';
import type { CatalogRowView, CatalogView, RoleCatalogLabels } from '../roleCatalogModel';
import type { RoleCatalogReport } from '@contract';
import { badgeStyle } from 'c/roleBadges';
import catalog from './data/getRoleCatalog.json';
import featuresOff from './data/getRoleCatalog-featuresOff.json';

const LABELS: RoleCatalogLabels = {
  sectionContactRelationship: 'Contact Relationship Roles',
  sectionAccountTeam: 'Account Team Roles',
  picklistField: 'Picklist field: {0}',
  featureOffContactRelationship: 'Turn on Contacts to Multiple Accounts.',
  featureOffAccountTeam: 'Turn on Account Teams.',
  yes: 'Yes',
  no: 'No',
  statusOk: 'OK',
  statusNoCatalogEntry: 'No catalog entry',
  statusNotInPicklist: 'Not in picklist',
  statusInactiveInPicklist: 'Inactive in picklist',
  statusNotCompared: 'Not compared',
  mismatchesNone: 'All match.',
  mismatchesOne: '1 entry does not match.',
  mismatchesMany: '{0} entries do not match.',
  noEntryOne: '1 value has no entry.',
  noEntryMany: '{0} values have no entry.',
  emptySection: 'Nothing here.',
  nothingCompared: 'Nothing compared.',
};

function view(report: unknown, locale = 'en-US'): CatalogView {
  return buildCatalogView(report as RoleCatalogReport, LABELS, locale);
}

function rowOf(v: CatalogView, category: string, value: string): CatalogRowView {
  const found = v.sections.find((s) => s.key === category)?.rows.find((r) => r.value === value);
  if (!found) {
    throw new Error(`no row ${category}/${value}`);
  }
  return found;
}

describe('buildCatalogView', () => {
  it('counts the entries the picklist lacks or has deactivated, and the values without an entry', () => {
    const v = view(catalog);

    expect(v.mismatchCount).toBe(2);
    expect(v.state).toBe('mismatch');
    expect(v.summary).toBe('2 entries do not match.');
    expect(v.noEntryCount).toBe(1);
    expect(v.noEntrySummary).toBe('1 value has no entry.');
    expect(v.sections.map((s) => [s.title, s.fieldText, s.mismatchCount])).toEqual([
      ['Contact Relationship Roles', 'Picklist field: AccountContactRelation.Roles', 2],
      ['Account Team Roles', 'Picklist field: AccountTeamMember.TeamMemberRole', 0],
    ]);
  });

  it('shows each row as the consultant compares it: picklist side, catalog side, badge preview, status', () => {
    const v = view(catalog);

    const buyer = rowOf(v, 'ContactRelationship', 'Economic Buyer');
    expect(buyer).toMatchObject({
      picklistLabel: 'Economic Buyer',
      activeText: 'Yes',
      badgeText: 'Economic Buyer',
      badgeStyle: badgeStyle('green'),
      sortOrderText: '10',
      keyRoleText: 'Yes',
      entryName: 'Contact_EconomicBuyer',
      status: 'ok',
      statusLabel: 'OK',
      mismatch: false,
    });
    const retired = rowOf(v, 'ContactRelationship', 'Business User');
    expect([retired.activeText, retired.statusLabel, retired.mismatch]).toEqual([
      'No',
      'Inactive in picklist',
      true,
    ]);
    // An entry for a value the picklist lacks: no picklist side at all, the entry's value as badge text.
    const partner = rowOf(v, 'ContactRelationship', 'Partner Contact');
    expect(partner).toMatchObject({
      picklistLabel: '',
      activeText: '',
      badgeText: 'Partner Contact',
      mismatch: true,
    });
    expect(partner.statusLabel).toBe('Not in picklist');
    // A value without an entry works, with a neutral badge, and is not a mismatch.
    const champion = rowOf(v, 'ContactRelationship', 'Champion');
    expect(champion).toMatchObject({
      badgeStyle: badgeStyle('neutral'),
      entryName: '',
      sortOrderText: '',
      keyRoleText: '',
      helpText: '',
      status: 'noCatalogEntry',
      mismatch: false,
    });
  });

  it('says what to turn on when a feature is off, and compares nothing there', () => {
    const v = view(featuresOff);

    const [contacts, team] = v.sections;
    expect(contacts?.featureOffMessage).toBe('Turn on Contacts to Multiple Accounts.');
    expect(team?.featureOffMessage).toBe('Turn on Account Teams.');
    expect(contacts?.rows.map((r) => [r.value, r.status, r.statusLabel, r.activeText])).toEqual([
      ['Economic Buyer', 'notCompared', 'Not compared', ''],
    ]);
    expect(team?.isEmpty).toBe(true);
    expect(team?.emptyText).toBe('Nothing here.');
    expect(v.mismatchCount).toBe(0);
    // With every feature off nothing was compared: the summary must not claim that all match.
    expect(v.state).toBe('notCompared');
    expect(v.summary).toBe('Nothing compared.');
    expect(v.noEntrySummary).toBe('');
  });

  it('still compares the sections whose feature is on when another one is off', () => {
    const report = JSON.parse(JSON.stringify(catalog)) as RoleCatalogReport;
    const team = report.sections[1];
    if (team) {
      team.featureEnabled = false;
    }

    const v = view(report);

    expect(v.state).toBe('mismatch');
    expect(v.sections[1]?.rows.every((r) => r.status === 'notCompared')).toBe(true);
  });

  it('gives no feature-off message where the feature is on', () => {
    expect(view(catalog).sections.every((s) => s.featureOffMessage === '' && s.featureEnabled)).toBe(true);
  });

  it('uses the singular and plural summaries', () => {
    const one = JSON.parse(JSON.stringify(catalog)) as RoleCatalogReport;
    const contacts = one.sections[0];
    if (contacts) {
      contacts.rows = contacts.rows.filter((r) => r.value !== 'Business User');
      const champion = contacts.rows.find((r) => r.value === 'Champion');
      if (champion) {
        contacts.rows.push({ ...champion, value: 'Partner', picklistLabel: 'Partner' });
      }
    }

    const v = view(one);

    expect(v.summary).toBe('1 entry does not match.');
    expect(v.noEntrySummary).toBe('2 values have no entry.');
  });

  it('formats sort orders for the user’s locale and gives every row a unique key', () => {
    const report = JSON.parse(JSON.stringify(catalog)) as RoleCatalogReport;
    const first = report.sections[0]?.rows[0];
    if (first) {
      first.sortOrder = 1234.5;
    }

    const v = view(report, 'de-DE');

    expect(rowOf(v, 'ContactRelationship', 'Business User').sortOrderText).toBe('1.234,5');
    const keys = v.sections.flatMap((s) => s.rows.map((r) => r.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists a category a newer server adds under its field name', () => {
    const v = view({
      sections: [
        {
          category: 'OpportunityTeam',
          fieldApiName: 'OpportunityTeamMember.TeamMemberRole',
          featureEnabled: false,
          rows: [],
        },
      ],
    });

    expect(v.sections[0]?.title).toBe('OpportunityTeamMember.TeamMemberRole');
    expect(v.sections[0]?.featureOffMessage).toBe('');
    expect(v.sections[0]?.isEmpty).toBe(true);
    expect(view({ sections: [] }).summary).toBe('All match.');
  });
});

describe('formatLabel', () => {
  it('replaces numbered placeholders and leaves unknown ones alone', () => {
    expect(formatLabel('{0} of {1} ({2})', 3, 'ten')).toBe('3 of ten ({2})');
  });
});
