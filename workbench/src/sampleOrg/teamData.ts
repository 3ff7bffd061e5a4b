/**
 * The team records org.json describes (data/README.md): `defaultTeams` (UserAccountTeamMember, by the
 * owner's user key) and `accountTeams` (AccountTeamMember, by the account's referenceId). Data-tree
 * files cannot hold them: they name users, who differ per org. Values are checked against the
 * fields' value sets (schema.ts), so a typo fails the load instead of showing an odd member; the
 * org-wide default rules are not applied here (an org keeps members saved under older defaults).
 */
import type { TeamMemberConfig } from './dataset';
import type { SampleOrg } from './sampleOrg';
import { DatasetError } from './sampleOrg';

/** AccountAccessLevel of team members; the other three also allow None (PLATFORM.md). */
const ACCOUNT_LEVELS = ['Read', 'Edit', 'All'];
const OTHER_LEVELS = ['None', 'Read', 'Edit'];

export interface TeamRecord {
  objectApiName: 'UserAccountTeamMember' | 'AccountTeamMember';
  key: string;
  fields: Record<string, unknown>;
}

function memberFields(
  dataset: string,
  org: SampleOrg,
  where: string,
  member: TeamMemberConfig,
  defaultTeam: boolean,
): Record<string, unknown> {
  const user = org.user(member.user);
  if (!user) throw new DatasetError(`Dataset "${dataset}": ${where} names unknown user ${member.user}`);
  const accountLevels = defaultTeam ? ['Read', 'Edit'] : ACCOUNT_LEVELS;
  const check = (field: string, value: unknown, allowed: readonly string[]): string => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new DatasetError(
        `Dataset "${dataset}": ${where} gives ${member.user} ${field} ${String(value)}; one of ${allowed.join(', ')}`,
      );
    }
    return value;
  };
  const controlledByParent = org.sharingDefaults.Contact === 'ControlledByParent';
  if (controlledByParent && member.contact != null) {
    throw new DatasetError(
      `Dataset "${dataset}": ${where} sets contact access for ${member.user}, which contacts Controlled by Parent leave out`,
    );
  }
  return {
    UserId: user.id,
    TeamMemberRole: member.role ?? null,
    AccountAccessLevel: check('account', member.account, accountLevels),
    OpportunityAccessLevel: check('opportunity', member.opportunity, OTHER_LEVELS),
    CaseAccessLevel: check('case', member.case, OTHER_LEVELS),
    ContactAccessLevel: controlledByParent ? null : check('contact', member.contact, OTHER_LEVELS),
  };
}

/** The records of org.json's teams, in file order. @throws DatasetError */
export function teamRecords(dataset: string, org: SampleOrg): TeamRecord[] {
  const { defaultTeams = {}, accountTeams = {}, teamRowLocks = {} } = org.config;
  const named = Object.keys(defaultTeams).length + Object.keys(accountTeams).length;
  if (named > 0 && !org.features.AccountTeams) {
    throw new DatasetError(`Dataset "${dataset}": org.json lists teams, but Account Teams are off`);
  }
  const records: TeamRecord[] = [];
  for (const [ownerKey, members] of Object.entries(defaultTeams)) {
    const owner = org.user(ownerKey);
    if (!owner) throw new DatasetError(`Dataset "${dataset}": defaultTeams names unknown user ${ownerKey}`);
    for (const member of members) {
      const fields = memberFields(dataset, org, `defaultTeams.${ownerKey}`, member, true);
      records.push({
        objectApiName: 'UserAccountTeamMember',
        key: `DefaultTeam_${ownerKey}_${member.user}`,
        fields: { ...fields, OwnerId: owner.id },
      });
    }
  }
  for (const [accountRef, members] of Object.entries(accountTeams)) {
    const accountId = org.resolveId(accountRef);
    if (accountId === undefined || org.record(accountId)?.attributes.type !== 'Account') {
      throw new DatasetError(
        `Dataset "${dataset}": accountTeams names ${accountRef}, which is not an account`,
      );
    }
    for (const member of members) {
      const fields = memberFields(dataset, org, `accountTeams.${accountRef}`, member, false);
      records.push({
        objectApiName: 'AccountTeamMember',
        key: `AccountTeam_${accountRef}_${member.user}`,
        fields: { ...fields, AccountId: accountId },
      });
    }
  }
  for (const accountRef of Object.keys(teamRowLocks)) {
    if (org.record(org.resolveId(accountRef) ?? '')?.attributes.type !== 'Account') {
      throw new DatasetError(
        `Dataset "${dataset}": teamRowLocks names ${accountRef}, which is not an account`,
      );
    }
  }
  return records;
}
