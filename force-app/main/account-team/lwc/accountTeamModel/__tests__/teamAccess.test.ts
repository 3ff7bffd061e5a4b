import {
  initialAccess,
  offeredLevels,
  settableObjects,
  toMemberInput,
  validLevels,
  validateAccess,
} from 'c/accountTeamModel';
import type { AccessObject, TeamKind } from 'c/accountTeamModel';
import type {
  GrantableAccess,
  OrgWideDefault,
  OrgWideDefaults,
  TeamAccess,
  TeamAccessLevel,
} from '@contract';

const ACCOUNT_DEFAULTS: OrgWideDefault[] = [
  'None',
  'Read',
  'Edit',
  'ControlledByLeadOrContact',
  'ControlledByCampaign',
];
const OPPORTUNITY_DEFAULTS: OrgWideDefault[] = [
  'None',
  'Read',
  'Edit',
  'ControlledByLeadOrContact',
  'ControlledByCampaign',
];
const CONTACT_DEFAULTS: OrgWideDefault[] = ['None', 'Read', 'Edit', 'ControlledByParent'];
const CASE_DEFAULTS: OrgWideDefault[] = ['None', 'Read', 'Edit', 'ReadEditTransfer'];
const LEVELS: TeamAccessLevel[] = ['None', 'Read', 'Edit', 'All'];

const EVERYTHING: GrantableAccess = {
  account: ['Read', 'Edit', 'All'],
  opportunity: ['None', 'Read', 'Edit'],
  caseAccess: ['None', 'Read', 'Edit'],
  contact: ['None', 'Read', 'Edit'],
};

/** The rules written out plainly, as PLATFORM.md states them (the oracle for every combination). */
function expectedValid(access: TeamAccess, d: OrgWideDefaults, kind: TeamKind): boolean {
  // A default's floor: Private (and "Controlled by …" for accounts and opportunities) 0, Read 1,
  // Read/Write 2, Read/Write/Transfer 2 (a member's case access tops out at Edit).
  const floor = (value: OrgWideDefault): number =>
    value === 'Read' ? 1 : value === 'Edit' || value === 'ReadEditTransfer' ? 2 : 0;
  const rank = (level: TeamAccessLevel): number => ({ None: 0, Read: 1, Edit: 2, All: 3 })[level];
  if (access.account === 'None') return false; // no member without account access
  if (kind === 'defaultTeam' && access.account === 'All') return false; // UATM: Read or Edit
  if (access.opportunity === 'All' || access.caseAccess === 'All') return false;
  // Contact access is left out (whatever it holds) when contacts are Controlled by Parent.
  if (d.contact !== 'ControlledByParent' && access.contact === 'All') return false;
  const checks: [TeamAccessLevel, OrgWideDefault][] = [
    [access.account, d.account],
    [access.opportunity, d.opportunity],
    [access.caseAccess, d.caseAccess],
  ];
  if (d.contact !== 'ControlledByParent') checks.push([access.contact ?? 'None', d.contact]);
  if (kind === 'defaultTeam') {
    return checks.every(([level, def]) => rank(level) > floor(def));
  }
  return (
    checks.every(([level, def]) => rank(level) >= floor(def)) &&
    checks.some(([level, def]) => rank(level) > floor(def))
  );
}

describe('team access rules against the org-wide defaults', () => {
  it('agrees with the written rules for every org-default combination, both kinds of team, every level', () => {
    let combinations = 0;
    let validSeen = 0;
    for (const account of ACCOUNT_DEFAULTS)
      for (const opportunity of OPPORTUNITY_DEFAULTS)
        for (const contact of CONTACT_DEFAULTS)
          for (const kase of CASE_DEFAULTS) {
            const defaults: OrgWideDefaults = { account, opportunity, contact, caseAccess: kase };
            for (const kind of ['accountTeam', 'defaultTeam'] as const)
              for (const a of LEVELS)
                for (const o of LEVELS)
                  for (const c of LEVELS)
                    for (const k of LEVELS) {
                      const access: TeamAccess = { account: a, opportunity: o, contact: c, caseAccess: k };
                      const valid = validateAccess(access, defaults, kind).length === 0;
                      combinations++;
                      if (valid) validSeen++;
                      if (valid !== expectedValid(access, defaults, kind)) {
                        throw new Error(
                          `${kind} ${JSON.stringify(access)} with ${JSON.stringify(defaults)}: model says ${valid}`,
                        );
                      }
                    }
          }
    expect(combinations).toBe(5 * 5 * 4 * 4 * 2 * 256);
    expect(validSeen).toBeGreaterThan(0);
  });

  it('offers, per object, exactly the levels that pass validation on their own', () => {
    for (const account of ACCOUNT_DEFAULTS)
      for (const contact of CONTACT_DEFAULTS)
        for (const kase of CASE_DEFAULTS) {
          const defaults: OrgWideDefaults = { account, opportunity: 'None', contact, caseAccess: kase };
          for (const kind of ['accountTeam', 'defaultTeam'] as const)
            for (const object of ['account', 'case', 'contact'] as AccessObject[]) {
              const offered = offeredLevels(object, defaults, kind, EVERYTHING);
              const problemsOf = (level: TeamAccessLevel) =>
                validateAccess(
                  {
                    account: 'Edit',
                    opportunity: 'Edit',
                    caseAccess: 'Edit',
                    contact: 'Edit',
                    // The object's field in the contract (`case` is `caseAccess`: reserved in Apex).
                    [object === 'case' ? 'caseAccess' : object]: level,
                  },
                  defaults,
                  kind,
                ).filter((p) => p.object === object);
              const passing = LEVELS.filter((level) => problemsOf(level).length === 0);
              // Contact access is not offered at all when contacts are Controlled by Parent.
              const expected = object === 'contact' && contact === 'ControlledByParent' ? [] : passing;
              expect(offered).toEqual(expected);
            }
        }
  });

  it('lets a default team member (UATM) have Account Read or Edit only, each above its default', () => {
    const privateOrg: OrgWideDefaults = {
      account: 'None',
      opportunity: 'None',
      contact: 'None',
      caseAccess: 'None',
    };
    expect(validLevels('account', privateOrg, 'defaultTeam')).toEqual(['Read', 'Edit']);
    expect(validLevels('account', privateOrg, 'accountTeam')).toEqual(['Read', 'Edit', 'All']);
    expect(validLevels('opportunity', privateOrg, 'defaultTeam')).toEqual(['Read', 'Edit']);
    expect(validLevels('opportunity', privateOrg, 'accountTeam')).toEqual(['None', 'Read', 'Edit']);
    const readOrg: OrgWideDefaults = { ...privateOrg, account: 'Read' };
    expect(validLevels('account', readOrg, 'defaultTeam')).toEqual(['Edit']);
    expect(
      validateAccess(
        { account: 'Read', opportunity: 'Read', caseAccess: 'Read', contact: 'Read' },
        readOrg,
        'defaultTeam',
      ),
    ).toEqual([{ object: 'account', reason: 'notAboveDefault' }]);
  });

  it('says when nothing can be valid: a default team in an org whose accounts are Public Read/Write', () => {
    const publicOrg: OrgWideDefaults = {
      account: 'Edit',
      opportunity: 'None',
      contact: 'None',
      caseAccess: 'None',
    };
    expect(validLevels('account', publicOrg, 'defaultTeam')).toEqual([]);
    expect(
      validateAccess(
        { account: 'Edit', opportunity: 'Read', caseAccess: 'Read', contact: 'Read' },
        publicOrg,
        'defaultTeam',
      ),
    ).toContainEqual({
      object: 'account',
      reason: 'noValidLevel',
    });
  });

  it('refuses an account team member that adds nothing over the defaults', () => {
    const readOrg: OrgWideDefaults = {
      account: 'Read',
      opportunity: 'Read',
      contact: 'Read',
      caseAccess: 'Read',
    };
    expect(
      validateAccess(
        { account: 'Read', opportunity: 'Read', caseAccess: 'Read', contact: 'Read' },
        readOrg,
        'accountTeam',
      ),
    ).toEqual([{ object: null, reason: 'noneAboveDefault' }]);
    expect(
      validateAccess(
        { account: 'Read', opportunity: 'None', caseAccess: 'Read', contact: 'Read' },
        readOrg,
        'accountTeam',
      ),
    ).toEqual([{ object: 'opportunity', reason: 'belowDefault' }]);
  });

  it('leaves contact access out with contacts Controlled by Parent: not checked, not offered, null on save', () => {
    const parentOrg: OrgWideDefaults = {
      account: 'None',
      opportunity: 'None',
      contact: 'ControlledByParent',
      caseAccess: 'None',
    };
    expect(settableObjects(parentOrg)).toEqual(['account', 'opportunity', 'case']);
    expect(
      validateAccess({ account: 'Read', opportunity: 'Read', caseAccess: 'Read' }, parentOrg, 'defaultTeam'),
    ).toEqual([]);
    const input = toMemberInput(
      {
        id: null,
        userId: '005A',
        role: '',
        access: { account: 'Read', opportunity: 'Read', caseAccess: 'Read', contact: 'Edit' },
      },
      parentOrg,
    );
    expect(input).toEqual({
      id: null,
      userId: '005A',
      role: null,
      accountAccess: 'Read',
      opportunityAccess: 'Read',
      caseAccess: 'Read',
      contactAccess: null,
    });
  });

  it('reports a missing level and a level the user may not grant', () => {
    const privateOrg: OrgWideDefaults = {
      account: 'None',
      opportunity: 'None',
      contact: 'None',
      caseAccess: 'None',
    };
    const limited: GrantableAccess = { ...EVERYTHING, account: ['Read'] };
    expect(
      validateAccess(
        { account: 'Edit', opportunity: 'Read', caseAccess: 'Read' },
        privateOrg,
        'defaultTeam',
        limited,
      ),
    ).toEqual([
      { object: 'account', reason: 'notGrantable' },
      { object: 'contact', reason: 'missing' },
    ]);
    expect(offeredLevels('account', privateOrg, 'defaultTeam', limited)).toEqual(['Read']);
  });

  it('starts a new member at the lowest valid level, raised once for an account team member', () => {
    const readOrg: OrgWideDefaults = {
      account: 'Read',
      opportunity: 'Read',
      contact: 'ControlledByParent',
      caseAccess: 'ReadEditTransfer',
    };
    expect(initialAccess(readOrg, 'defaultTeam', EVERYTHING)).toEqual({
      account: 'Edit',
      opportunity: 'Edit',
      case: null,
      contact: null,
    });
    const start = initialAccess(readOrg, 'accountTeam', EVERYTHING);
    expect(start).toEqual({ account: 'Edit', opportunity: 'Read', case: 'Edit', contact: null });
    expect(
      validateAccess({ account: 'Edit', opportunity: 'Read', caseAccess: 'Edit' }, readOrg, 'accountTeam'),
    ).toEqual([]);
  });
});
