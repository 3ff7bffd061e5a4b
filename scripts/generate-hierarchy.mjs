#!/usr/bin/env node
// @ts-check
/**
 * Generates a large Account hierarchy as a dataset in the format of data/README.md: a Salesforce CLI
 * data-tree plan, one Account record file per hierarchy level (a file may only refer to records saved by
 * an earlier file), and an org.json (both features on, one rep user who owns every account and has a
 * five-member default team, and those five users). Used for the Account Hierarchy
 * speed and paging work; generated datasets are never committed.
 *
 * Usage:
 *   node scripts/generate-hierarchy.mjs [--accounts N] [--shape balanced|deep|wide] [--branch-depth D]
 *                                       [--out DIR] [--seed S]
 *
 *   --accounts N   number of accounts, 1..1,000,000 (default 1000)
 *   --shape        balanced  one root, realistic uneven fan-out (regions, countries, offices…) (default)
 *                  deep      a single chain: every account is the parent of the next (N levels, N files)
 *                  wide      one root with N-1 direct children (2 levels)
 *   --branch-depth D
 *                  one branch reaches level D (2..1,000,000): a chain of accounts, in addition to the N,
 *                  hangs below the first account of the last level (a deep branch in a realistic tree,
 *                  as corrupt or over-structured data makes); its last account is the last reference
 *                  (Acc<total>), in the last level file. Ignored when the tree is already that deep.
 *   --out DIR      output folder (default data/generated/<shape>-<N>[-branch-<D>]); replaced if it holds a dataset
 *   --seed S       integer seed of the pseudo-random generator (default 1); same options → same bytes
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

const SHAPES = /** @type {const} */ (['balanced', 'deep', 'wide']);
/** The members of the rep's default team: key, name, title, team role, opportunity and case access. */
const TEAM_USERS = [
  ['se', 'Priya Raman', 'Solutions Engineer', 'Pre-Sales Consultant', 'Read', 'Read'],
  ['csm', 'Dana Whitfield', 'Customer Success Manager', 'Account Manager', 'Read', 'Edit'],
  ['manager', 'Sofia Alvarez', 'Regional Sales Manager', 'Sales Manager', 'Edit', 'Read'],
  ['channel', 'Omar Haddad', 'Channel Manager', 'Channel Manager', 'Read', 'Read'],
  ['exec', 'Grace Liu', 'VP Sales', 'Executive Sponsor', 'Read', 'Read'],
];
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ accounts: number, shape: typeof SHAPES[number], branchDepth: number, out: string, seed: number }} Options
 * @typedef {{ ref: string, name: string, parent: string | null, level: number, city: number }} Node
 */

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
    const m = /^--(accounts|shape|branch-depth|out|seed)(?:=(.*))?$/.exec(arg);
    if (!m) fail(`Unknown argument "${arg}".`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) fail(`--${m[1]} needs a value.`);
    raw[m[1]] = value;
  }
  const accounts = raw.accounts === undefined ? 1000 : Number(raw.accounts);
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > 1_000_000) {
    fail(`--accounts must be a whole number from 1 to 1000000, not "${raw.accounts}".`);
  }
  const shape = /** @type {Options['shape']} */ (raw.shape ?? 'balanced');
  if (!SHAPES.includes(shape)) fail(`--shape must be one of ${SHAPES.join(', ')}, not "${raw.shape}".`);
  const seed = raw.seed === undefined ? 1 : Number(raw.seed);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not "${raw.seed}".`);
  const branchDepth = raw['branch-depth'] === undefined ? 0 : Number(raw['branch-depth']);
  if (
    raw['branch-depth'] !== undefined &&
    (!Number.isInteger(branchDepth) || branchDepth < 2 || branchDepth > 1_000_000)
  ) {
    fail(`--branch-depth must be a whole number from 2 to 1000000, not "${raw['branch-depth']}".`);
  }
  const suffix = branchDepth ? `-branch-${branchDepth}` : '';
  const out = path.resolve(
    raw.out ?? path.join(repoRoot, 'data', 'generated', `${shape}-${accounts}${suffix}`),
  );
  return { accounts, shape, branchDepth, out, seed };
}

const fail = failure('generate-hierarchy');

const BRAND = 'Stratus';
const LEVEL_WORDS = ['Holdings', 'Region', 'Division', 'Office', 'Branch', 'Unit', 'Team', 'Desk'];
/** Regions under the root of a balanced tree, each with the index of its head-office city in CITIES. */
const REGIONS = /** @type {const} */ ([
  ['North America', 3],
  ['Latin America', 12],
  ['EMEA', 15],
  ['Asia Pacific', 41],
  ['Nordics', 29],
  ['DACH', 21],
  ['Benelux', 24],
  ['Iberia', 26],
]);
const CITIES = [
  ['Boulder', 'United States'],
  ['Denver', 'United States'],
  ['Austin', 'United States'],
  ['Chicago', 'United States'],
  ['Boston', 'United States'],
  ['Seattle', 'United States'],
  ['Atlanta', 'United States'],
  ['Phoenix', 'United States'],
  ['Toronto', 'Canada'],
  ['Vancouver', 'Canada'],
  ['Montreal', 'Canada'],
  ['Mexico City', 'Mexico'],
  ['São Paulo', 'Brazil'],
  ['Bogotá', 'Colombia'],
  ['Santiago', 'Chile'],
  ['London', 'United Kingdom'],
  ['Manchester', 'United Kingdom'],
  ['Dublin', 'Ireland'],
  ['Paris', 'France'],
  ['Lyon', 'France'],
  ['Berlin', 'Germany'],
  ['Munich', 'Germany'],
  ['Zürich', 'Switzerland'],
  ['Vienna', 'Austria'],
  ['Amsterdam', 'Netherlands'],
  ['Brussels', 'Belgium'],
  ['Madrid', 'Spain'],
  ['Lisbon', 'Portugal'],
  ['Milan', 'Italy'],
  ['Stockholm', 'Sweden'],
  ['Oslo', 'Norway'],
  ['Copenhagen', 'Denmark'],
  ['Helsinki', 'Finland'],
  ['Warsaw', 'Poland'],
  ['Prague', 'Czechia'],
  ['Tel Aviv', 'Israel'],
  ['Dubai', 'United Arab Emirates'],
  ['Johannesburg', 'South Africa'],
  ['Nairobi', 'Kenya'],
  ['Mumbai', 'India'],
  ['Bengaluru', 'India'],
  ['Singapore', 'Singapore'],
  ['Tokyo', 'Japan'],
  ['Osaka', 'Japan'],
  ['Seoul', 'Korea, Republic of'],
  ['Shanghai', 'China'],
  ['Sydney', 'Australia'],
  ['Auckland', 'New Zealand'],
];
const INDUSTRIES = [
  'Consulting',
  'Technology',
  'Retail',
  'Manufacturing',
  'Healthcare',
  'Banking',
  'Transportation',
];

/**
 * The tree, level by level (breadth-first), so each level can go to its own file.
 * @param {Options} opts @returns {Node[][]}
 */
function buildLevels(opts) {
  const { accounts: n, shape } = opts;
  const rand = prng(opts.seed);
  const int = (/** @type {number} */ lo, /** @type {number} */ hi) => lo + Math.floor(rand() * (hi - lo + 1));
  let serial = 0;
  /** @param {string | null} parent @param {number} level @returns {Node} */
  const make = (parent, level) => {
    serial++;
    const ref = `Acc${serial}`;
    const city = int(0, CITIES.length - 1);
    if (level === 0) return { ref, name: `${BRAND} Holdings`, parent, level, city: 0 };
    const id = String(serial).padStart(6, '0');
    if (level === 1 && shape === 'balanced') {
      const [region, regionCity] = REGIONS[(serial - 2) % REGIONS.length];
      return { ref, name: `${BRAND} ${region} ${id}`, parent, level, city: regionCity };
    }
    const word =
      shape === 'balanced'
        ? LEVEL_WORDS[Math.min(level, LEVEL_WORDS.length - 1)]
        : shape === 'deep'
          ? 'Unit'
          : 'Office';
    return { ref, name: `${BRAND} ${CITIES[city][0]} ${word} ${id}`, parent, level, city };
  };

  /** @type {Node[][]} */
  const levels = [[make(null, 0)]];
  if (shape === 'deep') {
    for (let i = 1; i < n; i++) levels.push([make(levels[i - 1][0].ref, i)]);
  } else if (shape === 'wide') {
    if (n > 1) levels.push(Array.from({ length: n - 1 }, () => make(levels[0][0].ref, 1)));
  } else {
    // Realistic fan-out: a few regions under the root, then uneven branching that narrows with depth;
    // some accounts are leaves. Every level is filled breadth-first until N accounts exist.
    let made = 1;
    while (made < n) {
      const parents = levels[levels.length - 1];
      const depth = levels.length;
      /** @type {Node[]} */
      const next = [];
      for (const p of parents) {
        if (made >= n) break;
        const leafChance = depth === 1 ? 0 : 0.25;
        let k = rand() < leafChance ? 0 : depth === 1 ? int(4, 7) : depth <= 3 ? int(2, 12) : int(1, 8);
        k = Math.min(k, n - made);
        for (let j = 0; j < k; j++) next.push(make(p.ref, depth));
        made += k;
      }
      if (!next.length) {
        // every parent drew "leaf": give the first one a child so the tree keeps growing
        next.push(make(parents[0].ref, depth));
        made++;
      }
      levels.push(next);
    }
  }
  // A deep branch: a chain from the first account of the last level down to level D (1-based).
  while (levels.length < opts.branchDepth) {
    const parent = /** @type {Node} */ (levels[levels.length - 1]?.[0]);
    levels.push([make(parent.ref, levels.length)]);
  }
  return levels;
}

/** @param {Node} node @param {() => number} rand */
function record(node, rand) {
  const [city, country] = CITIES[node.city];
  const employees = Math.max(3, Math.round(Math.exp(2 + rand() * 5)));
  const rec = {
    attributes: { type: 'Account', referenceId: node.ref },
    Name: node.name,
    Type: 'Customer - Direct',
    Industry: INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)],
    BillingCity: city,
    BillingCountry: country,
    AnnualRevenue: employees * (80000 + Math.floor(rand() * 120000)),
    NumberOfEmployees: employees,
  };
  return node.parent ? { ...rec, ParentId: `@${node.parent}` } : rec;
}

/** @param {Options} opts */
function main(opts) {
  const started = Date.now();
  const levels = buildLevels(opts);
  const name = path.basename(opts.out);
  emptyDatasetFolder(opts.out, fail);

  const rand = prng(opts.seed ^ 0x5eed);
  const width = String(levels.length).length;
  /** @type {string[]} */
  const files = [];
  levels.forEach((level, i) => {
    const file = `Account-${String(i + 1).padStart(width, '0')}.json`;
    files.push(file);
    writeRecordFile(
      opts.out,
      file,
      level.map((node) => record(node, rand)),
    );
  });

  const plan = [{ sobject: 'Account', saveRefs: true, resolveRefs: true, files }];
  writeJson(opts.out, `${name}-plan.json`, plan);

  const total = levels.reduce((sum, level) => sum + level.length, 0);
  const org = {
    description: `Generated ${opts.shape} hierarchy of ${total.toLocaleString('en-US')} accounts in ${levels.length} levels${opts.branchDepth ? ` (one branch ${opts.branchDepth} levels deep)` : ''} (seed ${opts.seed}).`,
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
          Opportunity: ['read', 'create', 'edit'],
          Case: ['read', 'create', 'edit'],
          // TeamApplyRun__c and TeamApplyResult__c come from the AccountRelationships_User permission set.
        },
        fieldAccess: {},
      },
      ...TEAM_USERS.map(([key, name, title]) => ({
        key,
        name,
        username: `${key}@cloudkicks.example`,
        title,
        profile: 'Standard User',
        permissionSets: ['AccountRelationships_User'],
        objectAccess: { Account: ['read', 'edit'], Contact: ['read'], AccountTeamMember: ['read'] },
        fieldAccess: {},
      })),
    ],
    // Rita's default team: five members, valid against the defaults above (each level above its
    // default), to apply to the whole hierarchy (npm run bench).
    defaultTeams: {
      rep: TEAM_USERS.map(([key, , , role, opportunity, kase]) => ({
        user: key,
        role,
        account: 'Edit',
        opportunity,
        case: kase,
      })),
    },
  };
  writeJson(opts.out, 'org.json', org);

  process.stdout.write(
    `Wrote ${total} accounts in ${levels.length} level file(s) to ${path.relative(process.cwd(), opts.out) || '.'} ` +
      `in ${Date.now() - started} ms.\n`,
  );
}

main(parseArgs(process.argv.slice(2)));
