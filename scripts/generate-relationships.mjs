#!/usr/bin/env node
// @ts-check
/**
 * Generates one account with many contact relationships, as a dataset in the format of
 * data/README.md: a Salesforce CLI data-tree plan with Account, Contact and AccountContactRelation
 * record files, and an org.json (both features on, one rep user). Used for the Related Contacts
 * benchmark (issue "Related Contacts", 5,000 relationships on one account); generated datasets are
 * never committed.
 *
 * The account (`Acc1`, "Altitude Outfitters") gets N relationships: a few direct ones (contacts whose
 * primary account it is: implied by Contact.AccountId, so never in the relation file, as in
 * data/README.md) and the rest indirect, to contacts whose primary accounts are other generated
 * companies (`Acc2`…). Indirect relations mix active and past ones (past: inactive, with an end
 * date), 0 to 3 roles from the standard values of AccountContactRelation.Roles, and start dates.
 * Only plain data-tree fields are written: AccountId, ContactId, Roles, IsActive, StartDate, EndDate.
 *
 * Usage:
 *   node scripts/generate-relationships.mjs [--relationships N] [--direct D] [--out DIR] [--seed S]
 *
 *   --relationships N  relationships of Acc1, direct ones included, 1..200,000 (default 5000)
 *   --direct D         how many of them are direct (default 2 % of N, at least 1; at most N)
 *   --out DIR          output folder (default data/generated/relationships-<N>); replaced if it holds a dataset
 *   --seed S           integer seed of the pseudo-random generator (default 1); same options → same bytes
 *
 * Load it in a scratch org with scripts/seed-scratch-org.sh DIR, or open it in the workbench.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  emptyDatasetFolder,
  failure,
  printUsage,
  prng,
  writeJson,
  writeRecordFile,
} from './lib/generatedDataset.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {{ relationships: number, direct: number, out: string, seed: number }} Options */

/** @param {string[]} argv @returns {Options} */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const raw = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      printUsage(import.meta.url);
      process.exit(0);
    }
    const m = /^--(relationships|direct|out|seed)(?:=(.*))?$/.exec(arg);
    if (!m) fail(`Unknown argument "${arg}".`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) fail(`--${m[1]} needs a value.`);
    raw[m[1]] = value;
  }
  const relationships = raw.relationships === undefined ? 5000 : Number(raw.relationships);
  if (!Number.isInteger(relationships) || relationships < 1 || relationships > 200_000) {
    fail(`--relationships must be a whole number from 1 to 200000, not "${raw.relationships}".`);
  }
  const direct =
    raw.direct === undefined ? Math.max(1, Math.round(relationships * 0.02)) : Number(raw.direct);
  if (!Number.isInteger(direct) || direct < 0 || direct > relationships) {
    fail(`--direct must be a whole number from 0 to ${relationships}, not "${raw.direct}".`);
  }
  const seed = raw.seed === undefined ? 1 : Number(raw.seed);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not "${raw.seed}".`);
  const out = path.resolve(
    raw.out ?? path.join(repoRoot, 'data', 'generated', `relationships-${relationships}`),
  );
  return { relationships, direct, out, seed };
}

const fail = failure('generate-relationships');

const FIRST_NAMES = [
  'Alan',
  'Leung',
  'James',
  'Maria',
  'Priya',
  'Sam',
  'Aiko',
  'Bruno',
  'Chloé',
  'Dmitri',
  'Emeka',
  'Fatima',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Lars',
  'Mei',
  'Nadia',
  'Omar',
  'Paula',
  'Quinn',
  'Rafael',
  'Sofia',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoë',
  'Ana',
  'Ben',
  'Carla',
  'David',
];
const LAST_NAMES = [
  'Weston',
  'Chen',
  'Gordan',
  'Delgado',
  'Natarajan',
  'Ortega',
  'Tanaka',
  'Silva',
  'Dubois',
  'Ivanov',
  'Okafor',
  'Haddad',
  'Lindqvist',
  'Sato',
  'Moreau',
  'Becker',
  'Iyer',
  'Nielsen',
  'Wang',
  'Petrova',
  'Farouk',
  'Rossi',
  'Murphy',
  'García',
  'Costa',
  'Novak',
  'Kowalski',
  'Schmidt',
  'Müller',
  'Jensen',
  'O’Brien',
  'Van der Berg',
  'Nakamura',
  'Fernández',
  'Kim',
  'Singh',
];
const TITLES = [
  'CEO',
  'CFO',
  'CIO',
  'VP Operations',
  'VP Sales',
  'IT Director',
  'Procurement Manager',
  'Head of Finance',
  'Solutions Architect',
  'Operations Manager',
  'Buyer',
  'Consultant',
  'Project Manager',
  'Legal Counsel',
  'Director of Partnerships',
  'Security Officer',
];
const COMPANY_WORDS = [
  'Nimbus',
  'Cirrus',
  'Summit',
  'Harbor',
  'Granite',
  'Aurora',
  'Cedar',
  'Meridian',
  'Beacon',
  'Atlas',
  'Pioneer',
  'Vertex',
  'Lumen',
  'Keystone',
  'Horizon',
  'Sierra',
];
const COMPANY_KINDS = ['Analytics', 'Logistics', 'Partners', 'Systems', 'Retail', 'Capital', 'Labs', 'Foods'];
/** The standard values of AccountContactRelation.Roles (PLATFORM.md), with how often each is drawn. */
const ROLES = /** @type {const} */ ([
  ['Business User', 5],
  ['Decision Maker', 3],
  ['Economic Buyer', 1],
  ['Economic Decision Maker', 1],
  ['Evaluator', 4],
  ['Executive Sponsor', 1],
  ['Influencer', 4],
  ['Technical Buyer', 3],
  ['Other', 2],
]);

const pad = (/** @type {number} */ n, /** @type {number} */ width) => String(n).padStart(width, '0');

/** @param {Options} opts */
function main(opts) {
  const started = Date.now();
  const rand = prng(opts.seed);
  const int = (/** @type {number} */ lo, /** @type {number} */ hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (/** @type {readonly string[]} */ list) =>
    /** @type {string} */ (list[Math.floor(rand() * list.length)]);
  const totalWeight = ROLES.reduce((sum, [, w]) => sum + w, 0);
  const pickRole = () => {
    let r = rand() * totalWeight;
    for (const [role, weight] of ROLES) {
      r -= weight;
      if (r < 0) return role;
    }
    return ROLES[0][0];
  };
  /** A date between the two years (inclusive), as YYYY-MM-DD. */
  const date = (/** @type {number} */ fromYear, /** @type {number} */ toYear) =>
    `${int(fromYear, toYear)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;

  const indirect = opts.relationships - opts.direct;
  // About ten indirect contacts per other company: enough distinct primary accounts to look real.
  const companies = Math.max(1, Math.ceil(indirect / 10));
  const width = String(opts.relationships).length;

  const accounts = [
    {
      attributes: { type: 'Account', referenceId: 'Acc1' },
      Name: 'Altitude Outfitters',
      Type: 'Customer - Direct',
      Industry: 'Retail',
      BillingCity: 'Boulder',
      BillingCountry: 'United States',
    },
  ];
  for (let i = 1; i <= (indirect > 0 ? companies : 0); i++) {
    accounts.push({
      attributes: { type: 'Account', referenceId: `Acc${i + 1}` },
      Name: `${pick(COMPANY_WORDS)} ${pick(COMPANY_KINDS)} ${pad(i, String(companies).length)}`,
      Type: 'Partner',
      Industry: pick(['Consulting', 'Technology', 'Manufacturing', 'Banking']),
      BillingCity: pick(['Denver', 'Austin', 'Toronto', 'London', 'Lyon', 'Singapore', 'Sydney']),
      BillingCountry: 'United States',
    });
  }

  /** @type {Record<string, unknown>[]} */
  const contacts = [];
  /** @type {Record<string, unknown>[]} */
  const relations = [];
  for (let i = 1; i <= opts.relationships; i++) {
    const ref = `Con${i}`;
    const isDirect = i <= opts.direct;
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const account = isDirect ? 'Acc1' : `Acc${2 + ((i - opts.direct - 1) % companies)}`;
    contacts.push({
      attributes: { type: 'Contact', referenceId: ref },
      FirstName: first,
      LastName: `${last} ${pad(i, width)}`,
      Title: pick(TITLES),
      Email: `${first}.${last}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@example.com',
      Phone: `(303) 555-${pad(i % 10000, 4)}`,
      AccountId: `@${account}`,
    });
    if (isDirect) continue;
    // Past relationships (inactive, ended) are about one in four, as a long-lived customer collects.
    const active = rand() >= 0.25;
    const roles = [...new Set(Array.from({ length: int(0, 3) }, pickRole))];
    /** @type {Record<string, unknown>} */
    const relation = {
      attributes: { type: 'AccountContactRelation', referenceId: `Rel${i}` },
      AccountId: '@Acc1',
      ContactId: `@${ref}`,
      Roles: roles.join(';'),
      IsActive: active,
    };
    if (roles.length === 0) delete relation.Roles;
    // Most relationships have a start date; a past one ends in a later year than it started.
    if (rand() < 0.85) {
      const startYear = int(2012, 2024);
      relation.StartDate = `${startYear}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
      if (!active) relation.EndDate = date(startYear + 1, 2025);
    } else if (!active) {
      relation.EndDate = date(2018, 2025);
    }
    relations.push(relation);
  }

  emptyDatasetFolder(opts.out, fail);
  const write = (/** @type {string} */ file, /** @type {unknown[]} */ records) =>
    writeRecordFile(opts.out, file, records);
  write('Account.json', accounts);
  write('Contact.json', contacts);
  /** @type {{ sobject: string, saveRefs: boolean, resolveRefs: boolean, files: string[] }[]} */
  const plan = [
    { sobject: 'Account', saveRefs: true, resolveRefs: true, files: ['Account.json'] },
    { sobject: 'Contact', saveRefs: true, resolveRefs: true, files: ['Contact.json'] },
  ];
  if (relations.length > 0) {
    write('AccountContactRelation.json', relations);
    plan.push({
      sobject: 'AccountContactRelation',
      saveRefs: false,
      resolveRefs: true,
      files: ['AccountContactRelation.json'],
    });
  }
  const name = path.basename(opts.out);
  writeJson(opts.out, `${name}-plan.json`, plan);

  const org = {
    description: `Generated: Altitude Outfitters with ${opts.relationships.toLocaleString('en-US')} contact relationships (${opts.direct.toLocaleString('en-US')} direct) (seed ${opts.seed}).`,
    features: { ContactsToMultipleAccounts: true, AccountTeams: true },
    sharingDefaults: { Account: 'Read', Contact: 'ControlledByParent', Opportunity: 'None', Case: 'None' },
    currentUser: 'rep',
    users: [
      {
        key: 'rep',
        name: 'Rita Reyes',
        username: 'rita.reyes@cloudkicks.example',
        title: 'Account Executive',
        profile: 'Standard User',
        permissionSets: ['AccountRelationships_User'],
        objectAccess: {
          Account: ['read', 'create', 'edit'],
          Contact: ['read', 'create', 'edit'],
          AccountContactRelation: ['read', 'create', 'edit', 'delete'],
          AccountTeamMember: ['read', 'create', 'edit', 'delete'],
          UserAccountTeamMember: ['read', 'create', 'edit', 'delete'],
        },
        fieldAccess: {},
      },
    ],
  };
  writeJson(opts.out, 'org.json', org);

  process.stdout.write(
    `Wrote ${opts.relationships} relationships of Acc1 (${opts.direct} direct, ${relations.length} indirect), ` +
      `${contacts.length} contacts and ${accounts.length} accounts to ${path.relative(process.cwd(), opts.out) || '.'} ` +
      `in ${Date.now() - started} ms.\n`,
  );
}

main(parseArgs(process.argv.slice(2)));
