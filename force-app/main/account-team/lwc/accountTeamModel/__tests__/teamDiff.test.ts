import {
  DifferenceChoices,
  countDiffs,
  countPreview,
  diffTeam,
  groupByRole,
  roleBadge,
  sortMembers,
} from 'c/accountTeamModel';
import type { AccountTeamDiff, RoleOption, TeamAccess, TeamMember } from '@contract';

const EDIT: TeamAccess = { account: 'Edit', opportunity: 'Read', caseAccess: 'Read', contact: 'Read' };

function member(
  userId: string,
  userName: string,
  role: string | null,
  access: TeamAccess = EDIT,
): TeamMember {
  return { userId, userName, userActive: true, role, access };
}

const ROLES: RoleOption[] = [
  {
    value: 'Sales Rep',
    label: 'Sales Rep',
    inCatalog: true,
    badgeColor: 'blue',
    sortOrder: 20,
    keyRole: true,
  },
  {
    value: 'Account Manager',
    label: 'Account Manager',
    inCatalog: true,
    badgeColor: 'green',
    sortOrder: 10,
    keyRole: true,
  },
  {
    value: 'Lead Qualifier',
    label: 'Lead Qualifier',
    inCatalog: false,
    badgeColor: 'neutral',
    keyRole: false,
  },
];

describe('current team vs a default team', () => {
  const current = [
    member('u1', 'Ada', 'Sales Rep'),
    member('u2', 'Bo', 'Account Manager'),
    member('u3', 'Cy', 'Sales Rep', { ...EDIT, caseAccess: 'Edit' }),
    member('u9', 'Zed', 'Sales Manager'),
  ];
  const proposed = [
    member('u3', 'Cy', 'Sales Rep'),
    member('u1', 'Ada', 'Sales Rep'),
    member('u4', 'Dee', 'Lead Qualifier'),
    member('u2', 'Bo', 'Sales Rep'),
  ];

  it('marks each default-team member add, same or different, needing a choice first', () => {
    const diffs = diffTeam(current, proposed, 'en-US');
    expect(diffs.map((d) => [d.userName, d.kind])).toEqual([
      ['Bo', 'different'],
      ['Cy', 'different'],
      ['Dee', 'add'],
      ['Ada', 'same'],
    ]);
    expect(diffs.find((d) => d.userId === 'u3')?.current?.access.caseAccess).toBe('Edit');
    expect(countDiffs(diffs)).toEqual({ add: 1, same: 1, different: 2 });
  });

  it('leaves members the default team lacks out of the diff (they are not touched)', () => {
    expect(diffTeam(current, proposed).some((d) => d.userId === 'u9')).toBe(false);
  });

  it('leaves inactive default-team members out: they are never added', () => {
    const inactive = { ...member('u5', 'Eve', 'Sales Rep'), userActive: false };
    expect(diffTeam(current, [...proposed, inactive]).some((d) => d.userId === 'u5')).toBe(false);
  });

  it('treats a missing role and an empty role alike, and a missing contact level only as missing', () => {
    const a = { ...member('u1', 'Ada', null), role: undefined };
    const b = member('u1', 'Ada', '');
    expect(diffTeam([a], [b])[0]?.kind).toBe('same');
    const noContact = member('u1', 'Ada', null, { account: 'Edit', opportunity: 'Read', caseAccess: 'Read' });
    expect(diffTeam([noContact], [b])[0]?.kind).toBe('different');
  });

  it('applies keep or update once for all, overridden per member', () => {
    const diffs = diffTeam(current, proposed);
    const choices = new DifferenceChoices('keep');
    expect(choices.outcome(diffs)).toEqual({ add: 1, update: 0, keep: 2, same: 1 });
    choices.set('u3', 'update');
    expect(choices.choices()).toEqual([{ userId: 'u3', choice: 'update' }]);
    expect(choices.outcome(diffs)).toEqual({ add: 1, update: 1, keep: 1, same: 1 });
    choices.setAll('update');
    expect(choices.choices()).toEqual([]);
    expect(choices.choiceFor('u2')).toBe('update');
    choices.set('u2', 'keep');
    choices.set('u2', 'update');
    expect(choices.choices()).toEqual([]);
  });

  it('counts a preview over accounts, leaving out those the user may not change', () => {
    const diffs = diffTeam(current, proposed);
    const accounts: AccountTeamDiff[] = [
      { accountId: 'a1', accountName: 'HQ', canChange: true, members: diffs },
      {
        accountId: 'a2',
        accountName: 'East',
        canChange: false,
        changeRefusal: 'notOwnerOrAbove',
        members: diffs,
      },
    ];
    expect(countPreview(accounts)).toEqual({ add: 1, same: 1, different: 2, refusedAccounts: 1 });
  });
});

describe('grouping and sorting', () => {
  const team = [
    member('u1', 'Ada', 'Sales Rep'),
    member('u2', 'Bo', 'Account Manager'),
    member('u5', 'Eve', null),
    member('u6', 'Fay', 'Retired Role'),
    member('u7', 'Gus', 'Lead Qualifier'),
    member('u8', 'Hal', 'Account Manager', { ...EDIT, account: 'Read' }),
  ];

  it('groups by role in catalog order, then roles the picklist lacks, then members without a role', () => {
    const groups = groupByRole(sortMembers(team, 'name', 'asc'), ROLES);
    expect(groups.map((g) => [g.role, g.members.map((m) => m.userName)])).toEqual([
      ['Account Manager', ['Bo', 'Hal']],
      ['Sales Rep', ['Ada']],
      ['Lead Qualifier', ['Gus']],
      ['Retired Role', ['Fay']],
      [null, ['Eve']],
    ]);
  });

  it('sorts by name, role or an access level, either way, ties by name', () => {
    expect(sortMembers(team, 'name', 'desc').map((m) => m.userName)).toEqual([
      'Hal',
      'Gus',
      'Fay',
      'Eve',
      'Bo',
      'Ada',
    ]);
    expect(sortMembers(team, 'role', 'asc', ROLES).map((m) => m.userName)).toEqual([
      'Bo',
      'Hal',
      'Ada',
      'Gus',
      'Fay',
      'Eve',
    ]);
    expect(sortMembers(team, 'account', 'asc').map((m) => m.userName)[0]).toBe('Hal');
    expect(
      sortMembers(team, 'account', 'desc')
        .map((m) => m.userName)
        .slice(-1),
    ).toEqual(['Hal']);
  });

  it('sorts names as people read them (case and accents folded, numbers in order)', () => {
    const names = [
      member('a', 'émile', null),
      member('b', 'Zoë', null),
      member('c', 'Rep 10', null),
      member('d', 'Rep 9', null),
    ];
    expect(sortMembers(names, 'name', 'asc', [], 'en-US').map((m) => m.userName)).toEqual([
      'émile',
      'Rep 9',
      'Rep 10',
      'Zoë',
    ]);
  });

  it('shows a role as a badge with the catalog colour, an unknown role neutral, no role as nothing', () => {
    expect(roleBadge('Sales Rep', ROLES)).toMatchObject({ label: 'Sales Rep', badgeClass: 'slds-badge' });
    expect(roleBadge('Retired Role', ROLES)).toMatchObject({
      label: 'Retired Role',
      badgeClass: 'slds-badge slds-badge_lightest',
    });
    expect(roleBadge('', ROLES)).toBeNull();
  });
});
