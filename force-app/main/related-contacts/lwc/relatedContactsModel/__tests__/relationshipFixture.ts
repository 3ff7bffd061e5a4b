/** Shared test data for the Related Contacts model: the Get Cloudy rows and generated big lists. */
import type { ContactRelationship, RoleOption } from '@contract';
import { seededRandom } from '../../../../../test/seededRandom';
import data from './data/getCloudyRelationships.json';

/** Fresh copies of the Get Cloudy rows (null fields missing, as the platform may deliver them). */
export function getCloudyRows(): ContactRelationship[] {
  return (JSON.parse(JSON.stringify(data)) as { rows: ContactRelationship[] }).rows;
}

export const ALAN = '07k000000000001AAA';
export const LEUNG = '07k000000000002AAA';
export const JAMES = '07k000000000003AAA';
export const EMILE = '07k000000000004AAA';
export const ZOE = '07k000000000005AAA';

function option(value: string, keyRole: boolean, sortOrder: number): RoleOption {
  return { value, label: value, inCatalog: true, badgeColor: keyRole ? 'green' : 'blue', sortOrder, keyRole };
}

export const ROLE_OPTIONS: RoleOption[] = [
  option('Economic Buyer', true, 10),
  option('Decision Maker', true, 20),
  option('Technical Buyer', false, 30),
  option('Influencer', false, 40),
  option('Executive Sponsor', true, 50),
  option('Other', false, 60),
];

const FIRST = ['Alan', 'Leung', 'James', 'Maria', 'Wei', 'Ana', 'Jörg', 'Sofia', 'Chen', 'Ola'];
const LAST = ['Ramos', 'Chen', 'Gordan', 'Silva', 'Zhang', 'Müller', 'Rossi', 'Kim', 'Nowak', 'Berg'];
const TITLES = ['CEO', 'CFO', 'VP Sales', 'Engineer', 'Buyer', 'Architect', null];

/** `count` relationships of one account, deterministic; Ids in creation order. */
export function generateRows(count: number, seed = 42): ContactRelationship[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const rows: ContactRelationship[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const roles = ROLE_OPTIONS.filter(() => random() < 0.2).map((o) => o.value);
    const active = random() < 0.8;
    rows.push({
      id: `07k${String(i).padStart(12, '0')}AAA`,
      accountId: '001000000000001AAA',
      accountName: 'Get Cloudy Consulting',
      contactId: `003${String(i).padStart(12, '0')}AAA`,
      contactName: `${first} ${last} ${i}`,
      title: pick(TITLES),
      email: `${first}.${last}${i}@example.com`.toLowerCase(),
      isDirect: random() < 0.5,
      isActive: active,
      roles,
      startDate: `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-15`,
      endDate: active ? null : '2025-06-30',
      lastModifiedDate: '2026-11-01T00:00:00.000Z',
      canEdit: true,
    });
  }
  return rows;
}
