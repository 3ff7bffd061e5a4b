/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests assert on records known to be in the dataset */
/**
 * AccountHierarchyController.findTop / .loadChildren over get-cloudy: the walk up, columns and
 * values, field-level security, paging by Id cursor and errors.
 */
import type { HierarchyChildrenPage, HierarchyTop } from '@contract';
import { loadDataset } from './datasets';
import { SampleOrg } from '../sampleOrg';
import { invokeApex } from '../apex/registry';
import { AuraHandledException, PlatformException } from '../apex/shared/errors';
import type { ResolvedColumn } from '../apex/accountHierarchy/hierarchyColumns';
import { DEFAULT_HIERARCHY_COLUMNS, validateColumns } from '../apex/accountHierarchy/hierarchyColumns';
import {
  HEAP_BUDGET_BYTES,
  ROW_BYTES,
  levelsOf,
  maxRows,
  walkQueriesFor,
  worstCaseRowBytes,
} from '../apex/accountHierarchy/accountHierarchy';

const org = new SampleOrg(loadDataset('get-cloudy'));
const NOT_FOUND = "This account doesn't exist or you don't have access to it.";
const LOAD_FAILED =
  'The account hierarchy could not be loaded. Try again, and if it keeps failing, tell your Salesforce admin.';
const id = (referenceId: string): string => org.resolveId(referenceId)!;

function call(method: string, params: Record<string, unknown>, userKey = 'rep'): unknown {
  const user = org.user(userKey)!;
  return invokeApex(`AccountHierarchyController.${method}`, params, {
    org,
    user,
    describe: org.describeFor(user),
  });
}

const findTop = (params: Record<string, unknown>, userKey?: string): HierarchyTop =>
  call('findTop', { columns: null, startFromId: null, ...params }, userKey) as HierarchyTop;
const loadChildren = (params: Record<string, unknown>, userKey?: string): HierarchyChildrenPage =>
  call(
    'loadChildren',
    { afterId: null, columns: null, pageSize: null, levels: null, ...params },
    userKey,
  ) as HierarchyChildrenPage;

/**
 * Column paths that each follow one relationship more than those before them, as
 * TestFactory.relationshipColumns makes them: breadth-first through Account's Parent, Owner,
 * CreatedBy, LastModifiedBy and User's Manager, CreatedBy, LastModifiedBy, up to four relationships
 * deep, each ending with the related record's Name.
 */
function relationshipColumns(count: number): string[] {
  const paths: string[] = [];
  let level = [''];
  for (let depth = 1; depth <= 4; depth++) {
    level = level.flatMap((path) =>
      (path === '' || path.endsWith('Parent')
        ? ['Parent', 'Owner', 'CreatedBy', 'LastModifiedBy']
        : ['Manager', 'CreatedBy', 'LastModifiedBy']
      ).map((relationship) => (path === '' ? relationship : `${path}.${relationship}`)),
    );
    paths.push(...level);
  }
  return paths.slice(0, count).map((path) => `${path}.Name`);
}

describe('findTop on get-cloudy', () => {
  it('walks up from Get Cloudy Boston to Get Cloudy HQ, listing the ancestors in order', () => {
    const top = findTop({ recordId: id('GetCloudyBoston') });

    expect(top).toMatchObject({
      topReached: true,
      topAccountId: id('GetCloudyHQ'),
      nextStartId: null,
      ancestorIds: [id('GetCloudyBoston'), id('GetCloudyEast'), id('GetCloudyHQ')],
    });
    expect(top.usage).toMatchObject({ queries: 2, queryRows: 4 }); // one walk query + the path's 3 rows
    // The path's rows in walk order, so the component shows Boston at once; the top's without parent.
    expect(top.rows.map((r) => [r.id, r.parentId])).toEqual([
      [id('GetCloudyBoston'), id('GetCloudyEast')],
      [id('GetCloudyEast'), id('GetCloudyHQ')],
      [id('GetCloudyHQ'), null],
    ]);
  });

  it('returns the top row with the default columns, typed and labelled, Owner.Name from the dataset user', () => {
    const top = findTop({ recordId: id('GetCloudyHQ') });

    expect(top.columns).toEqual([
      { fieldPath: 'Type', label: 'Account Type', type: 'text' },
      { fieldPath: 'Industry', label: 'Industry', type: 'text' },
      { fieldPath: 'BillingCity', label: 'Billing City', type: 'text' },
      // As FieldPath.cls: the relationship's label ("Owner ID" less " ID"), then the field's (User.Name).
      { fieldPath: 'Owner.Name', label: 'Owner › Full Name', type: 'text' },
      { fieldPath: 'AnnualRevenue', label: 'Annual Revenue', type: 'currency' },
      { fieldPath: 'NumberOfEmployees', label: 'Employees', type: 'number' },
    ]);
    expect(top.droppedColumns).toEqual([]);
    expect(top.rows).toEqual([
      {
        id: id('GetCloudyHQ'),
        parentId: null,
        name: 'Get Cloudy Consulting',
        values: {
          Type: 'Customer - Direct',
          Industry: 'Consulting',
          BillingCity: 'Boulder',
          'Owner.Name': 'Rita Reyes', // org.json currentUser "rep" owns every dataset record
          AnnualRevenue: 48000000,
          NumberOfEmployees: 320,
        },
      },
    ]);
  });

  it('is the account itself at the top, and takes a 15-character Id as the platform does', () => {
    const top = findTop({ recordId: id('GetCloudyHQ').slice(0, 15) });
    expect(top).toMatchObject({
      topReached: true,
      topAccountId: id('GetCloudyHQ'),
      ancestorIds: [id('GetCloudyHQ')],
    });
  });

  it('refuses an Id parameter that is not an Id before any Apex runs, as the platform does', () => {
    // The workbench page turns a URL's referenceId into an Id; Apex itself never accepts one.
    const invalid = (name: string, type: string): string =>
      `Value provided is invalid for action parameter '${name}' of type '${type}'`;
    expect(() => findTop({ recordId: 'GetCloudyHQ' })).toThrow(invalid('recordId', 'Id'));
    expect(() => findTop({ recordId: 'NoSuchAccount' })).toThrow(invalid('recordId', 'Id'));
    expect(() => findTop({ recordId: `${id('GetCloudyHQ').slice(0, 15)}AAA` })).toThrow(
      invalid('recordId', 'Id'), // an 18-character Id with a wrong checksum
    );
    expect(() => findTop({ recordId: id('GetCloudyEast'), startFromId: 'x' })).toThrow(
      invalid('startFromId', 'Id'),
    );
    expect(() => loadChildren({ parentIds: [id('GetCloudyHQ'), 'GetCloudyEast'] })).toThrow(
      invalid('parentIds', 'List<Id>'),
    );
    expect(() => loadChildren({ parentIds: [id('GetCloudyHQ')], afterId: 'next' })).toThrow(
      invalid('afterId', 'Id'),
    );
    let error: unknown;
    try {
      findTop({ recordId: 'NoSuchAccount' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PlatformException);
    expect(error).not.toBeInstanceOf(AuraHandledException);
  });

  it('continues from startFromId instead of recordId', () => {
    const top = findTop({ recordId: id('GetCloudyBoston'), startFromId: id('GetCloudyEast') });
    expect(top.ancestorIds).toEqual([id('GetCloudyEast'), id('GetCloudyHQ')]);
  });

  it('stops at a loop in the data: the last new account is the top, and its row has no parent', () => {
    const loopOrg = new SampleOrg(loadDataset('get-cloudy'));
    const hq = loopOrg.record(loopOrg.resolveId('GetCloudyHQ')!)!;
    const boston = loopOrg.resolveId('GetCloudyBoston')!;
    hq.ParentId = boston; // Boston → East → HQ → Boston
    const user = loopOrg.user('rep')!;
    const top = invokeApex(
      'AccountHierarchyController.findTop',
      { recordId: boston, columns: null, startFromId: null },
      { org: loopOrg, user, describe: loopOrg.describeFor(user) },
    ) as HierarchyTop;
    expect(top).toMatchObject({
      topReached: true,
      topAccountId: hq.Id,
      ancestorIds: [boston, id('GetCloudyEast'), hq.Id],
    });
    expect(top.rows[2]).toMatchObject({ id: hq.Id, parentId: null });
    expect(top.rows[0]).toMatchObject({ id: boston, parentId: id('GetCloudyEast') });
  });

  it('drops AnnualRevenue as notReadable for the read-only user', () => {
    const top = findTop({ recordId: id('GetCloudyBoston') }, 'readonly');

    expect(top.droppedColumns).toEqual([{ fieldPath: 'AnnualRevenue', reason: 'notReadable' }]);
    expect(top.columns.map((c) => c.fieldPath)).toEqual(
      DEFAULT_HIERARCHY_COLUMNS.filter((fieldPath) => fieldPath !== 'AnnualRevenue'),
    );
    expect(top.rows[0]!.values).not.toHaveProperty('AnnualRevenue');
  });

  it('validates configured columns as FieldPath does: unknown, too deep, unsupported, duplicates, labels', () => {
    const top = findTop({
      recordId: id('GetCloudyEast'),
      columns: [
        'Parent.Name',
        'NoSuch__c',
        'Owner.NoSuch',
        'Parent.Parent.Parent.Parent.Parent.Name',
        'Parent.Parent.Parent.Parent.Name',
        'BillingAddress',
        'Description',
        ' rating ',
        'Rating',
        'Parent.Industry',
        'Owner.Title',
        '',
        null,
        '   ',
      ],
    });

    expect(top.droppedColumns).toEqual([
      { fieldPath: 'NoSuch__c', reason: 'unknownField' },
      { fieldPath: 'Owner.NoSuch', reason: 'unknownField' },
      { fieldPath: 'Parent.Parent.Parent.Parent.Parent.Name', reason: 'tooDeep' },
      { fieldPath: 'BillingAddress', reason: 'unsupportedType' },
      { fieldPath: 'Description', reason: 'unsupportedType' }, // long text area
    ]); // blank entries ('', null, spaces) are skipped, not dropped
    expect(top.columns).toEqual([
      { fieldPath: 'Parent.Name', label: 'Parent Account › Account Name', type: 'text' },
      {
        fieldPath: 'Parent.Parent.Parent.Parent.Name',
        label: 'Parent Account › Parent Account › Parent Account › Parent Account › Account Name',
        type: 'text',
      },
      { fieldPath: 'rating', label: 'Account Rating', type: 'text' }, // trimmed; 'Rating' is its duplicate
      { fieldPath: 'Parent.Industry', label: 'Parent Account › Industry', type: 'text' },
      { fieldPath: 'Owner.Title', label: 'Owner › Title', type: 'text' },
    ]);
    // The top (HQ) has no parent: related values are null. Values are keyed by the path as configured.
    expect(top.rows.find((r) => r.id === id('GetCloudyHQ'))!.values).toEqual({
      'Parent.Name': null,
      'Parent.Parent.Parent.Parent.Name': null,
      rating: 'Hot',
      'Parent.Industry': null,
      'Owner.Title': 'Account Executive',
    });
  });

  it('skips blank column entries and shows the defaults when nothing else is configured', () => {
    const top = findTop({ recordId: id('GetCloudyHQ'), columns: ['', ' ', null] });
    expect(top.columns.map((c) => c.fieldPath)).toEqual(DEFAULT_HIERARCHY_COLUMNS);
    expect(top.droppedColumns).toEqual([]);
  });

  it('checks readability before the type, as FieldPath does: an unreadable long text area is notReadable', () => {
    const rep = org.user('rep')!;
    const user = { ...rep, key: 'noDescription', fieldAccess: { 'Account.Description': 'none' as const } };
    const top = invokeApex(
      'AccountHierarchyController.findTop',
      { recordId: id('GetCloudyHQ'), columns: ['Description', 'BillingAddress'], startFromId: null },
      { org, user, describe: org.describeFor(user) },
    ) as HierarchyTop;
    expect(top.droppedColumns).toEqual([
      { fieldPath: 'Description', reason: 'notReadable' },
      { fieldPath: 'BillingAddress', reason: 'unsupportedType' },
    ]);
  });

  it('drops the columns that would take the query past 55 relationships (its own four included) as tooManyRelationships', () => {
    const columns = [
      ...relationshipColumns(60),
      'Industry',
      'Owner.Email',
      'Parent.Parent.Parent.Parent.Industry',
    ];

    const top = findTop({ recordId: id('GetCloudyBoston'), columns });

    const kept = top.columns.map((c) => c.fieldPath);
    // The descendant query follows Parent up to four hops (AccountSelector.ROW_QUERY_RELATIONSHIPS):
    // the 1st, 5th, 18th and 58th columns, down the Parent chain, take none of the 55 of their own.
    expect(columns[57]).toBe('Parent.Parent.Parent.Parent.Name');
    expect(kept).toEqual([
      ...columns.slice(0, 54),
      columns[57],
      'Industry',
      'Owner.Email',
      'Parent.Parent.Parent.Parent.Industry',
    ]);
    expect(top.droppedColumns).toEqual(
      [...columns.slice(54, 57), ...columns.slice(58, 60)].map((fieldPath) => ({
        fieldPath,
        reason: 'tooManyRelationships',
      })),
    );
    // Each kept relationship column follows one relationship more than those before it: 55 in all.
    const relationships = new Set(
      kept.flatMap((path) => {
        const hops = path.toLowerCase().split('.').slice(0, -1);
        return hops.map((_, i) => hops.slice(0, i + 1).join('.'));
      }),
    );
    expect(relationships.size).toBe(55);
    expect(top.rows[0]!.values['Owner.Manager.Name']).toBeNull(); // the dataset's users have no manager
  });

  it('reads relationship values below the top', () => {
    const page = loadChildren({
      parentIds: [id('GetCloudyEast')],
      columns: ['Parent.Name', 'Parent.AnnualRevenue'],
    });
    expect(page.rows[0]!.values).toEqual({
      'Parent.Name': 'Get Cloudy East',
      'Parent.AnnualRevenue': 14500000,
    });
    expect(page.columns[1]).toEqual({
      fieldPath: 'Parent.AnnualRevenue',
      label: 'Parent Account › Annual Revenue',
      type: 'currency',
    });
  });

  it('drops a field behind an unreadable field as notReadable, but an unsupported one as unsupportedType', () => {
    const top = findTop(
      { recordId: id('GetCloudyEast'), columns: ['Parent.AnnualRevenue', 'BillingAddress'] },
      'readonly',
    );
    expect(top.droppedColumns).toEqual([
      { fieldPath: 'Parent.AnnualRevenue', reason: 'notReadable' },
      { fieldPath: 'BillingAddress', reason: 'unsupportedType' },
    ]);
  });

  it('refuses more than 100 configured columns with the load-failed label', () => {
    const columns = Array.from({ length: 101 }, (_, i) => `Field${i}`);
    expect(() => findTop({ recordId: id('GetCloudyHQ'), columns })).toThrow(
      new AuraHandledException(LOAD_FAILED),
    );
  });

  it('throws the Apex AuraHandledException for an unknown record or one that is not an account', () => {
    const contactId = org.records('Contact')[0]!.Id;
    for (const recordId of ['001000000000000AAA', contactId, null]) {
      expect(() => findTop({ recordId })).toThrow(new AuraHandledException(NOT_FOUND));
    }
    // recordId must be an account Id even when the walk continues from startFromId.
    expect(() => findTop({ recordId: contactId, startFromId: id('GetCloudyEast') })).toThrow(
      new AuraHandledException(NOT_FOUND),
    );
  });

  it('finds no account for a user who cannot read accounts, as AccountHierarchyService.isAccountId; loadChildren’s query fails', () => {
    const noAccess = { ...org.user('rep')!, key: 'noAccess', objectAccess: {} };
    const context = { org, user: noAccess, describe: org.describeFor(noAccess) };
    expect(() =>
      invokeApex(
        'AccountHierarchyController.findTop',
        { recordId: id('GetCloudyHQ'), columns: null, startFromId: null },
        context,
      ),
    ).toThrow(new AuraHandledException(NOT_FOUND));
    expect(() =>
      invokeApex(
        'AccountHierarchyController.loadChildren',
        { parentIds: [id('GetCloudyHQ')], afterId: null, columns: null, pageSize: null },
        context,
      ),
    ).toThrow(new AuraHandledException(LOAD_FAILED));
  });

  it('says the Parent Account field is needed to a user who cannot read Account.ParentId', () => {
    const rep = org.user('rep')!;
    const user = { ...rep, key: 'noParent', fieldAccess: { 'Account.ParentId': 'none' as const } };
    const context = { org, user, describe: org.describeFor(user) };
    const message = 'To see the hierarchy, you need read access to the Parent Account field. Ask your admin.';
    expect(() =>
      invokeApex(
        'AccountHierarchyController.findTop',
        { recordId: id('GetCloudyBoston'), columns: null, startFromId: null },
        context,
      ),
    ).toThrow(new AuraHandledException(message));
    expect(() =>
      invokeApex(
        'AccountHierarchyController.loadChildren',
        { parentIds: [id('GetCloudyHQ')], afterId: null, columns: null, pageSize: null },
        context,
      ),
    ).toThrow(new AuraHandledException(message));
  });

  it('uses the context’s label text when it gives one (the page’s locale)', () => {
    const user = org.user('rep')!;
    const context = { org, user, describe: org.describeFor(user), label: (name: string) => `[${name}]` };
    expect(() =>
      invokeApex(
        'AccountHierarchyController.findTop',
        { recordId: '001000000000000AAA', columns: null, startFromId: null },
        context,
      ),
    ).toThrow('[AR_Error_AccountNotFound]');
  });
});

describe('loadChildren on get-cloudy', () => {
  const hq = id('GetCloudyHQ');
  const children = [id('GetCloudyEast'), id('GetCloudyWest'), id('GetCloudyCanada')].sort();

  it('pages HQ’s children by Id, two at a time, with a cursor and no duplicates', () => {
    const first = loadChildren({ parentIds: [hq], pageSize: 2 });
    expect(first.rows.map((r) => r.id)).toEqual(children.slice(0, 2));
    expect(first.nextAfterId).toBe(children[1]);
    expect(first.usage).toMatchObject({ queries: 1, queryRows: 2 });

    const second = loadChildren({ parentIds: [hq], pageSize: 2, afterId: first.nextAfterId });
    expect(second.rows.map((r) => r.id)).toEqual(children.slice(2));
    expect(second.nextAfterId).toBeNull();
    expect(second.usage).toMatchObject({ queries: 1, queryRows: 1 });

    expect(second.rows[0]!.parentId).toBe(hq);
    expect(second.columns.map((c) => c.fieldPath)).toEqual(DEFAULT_HIERARCHY_COLUMNS);
  });

  it('keeps a cursor when the page is exactly full; the next page is empty and ends it', () => {
    const page = loadChildren({ parentIds: [hq], pageSize: 3 });
    expect(page.rows).toHaveLength(3);
    expect(page.nextAfterId).toBe(children[2]);
    const next = loadChildren({ parentIds: [hq], pageSize: 3, afterId: page.nextAfterId });
    expect(next.rows).toEqual([]);
    expect(next.nextAfterId).toBeNull();
  });

  it('loads the children of several parents in one Id-ordered page', () => {
    const page = loadChildren({ parentIds: [id('GetCloudyEast'), id('GetCloudyWest')] });
    const expected = [
      'GetCloudyBoston',
      'GetCloudyAtlanta',
      'GetCloudySeattle',
      'GetCloudyLosAngeles',
      'GetCloudyPhoenix',
    ]
      .map(id)
      .sort();
    expect(page.rows.map((r) => r.id)).toEqual(expected);
    expect(page.rows.find((r) => r.name === 'Get Cloudy Boston')!.values).toMatchObject({
      BillingCity: 'Boston',
      'Owner.Name': 'Rita Reyes',
    });
    expect(page.nextAfterId).toBeNull();
  });

  it('defaults and clamps pageSize and levels', () => {
    expect(loadChildren({ parentIds: [hq], pageSize: null }).rows).toHaveLength(3);
    expect(loadChildren({ parentIds: [hq], pageSize: 0 }).rows).toHaveLength(1); // clamped to 1
    expect(loadChildren({ parentIds: [hq], pageSize: 99999 }).rows).toHaveLength(3);
    expect([maxRows(null), maxRows(0), maxRows(99_999)]).toEqual([5000, 1, 10_000]);
    expect([levelsOf(null), levelsOf(0), levelsOf(3), levelsOf(9)]).toEqual([1, 1, 3, 5]);
    // Levels 1 (the default) reads HQ's children only; 5 reads the whole of get-cloudy below HQ.
    expect(loadChildren({ parentIds: [hq], levels: 9 }).rows).toHaveLength(8);
  });

  it('reads several levels in one Id-ordered query, all levels mixed, across pages without repeats', () => {
    const all = loadChildren({ parentIds: [hq], levels: 5 }).rows.map((r) => r.id);
    const paged: string[] = [];
    let afterId: string | null = null;
    do {
      const page: HierarchyChildrenPage = loadChildren({ parentIds: [hq], levels: 5, pageSize: 5, afterId });
      expect(page.rows.length).toBeLessThanOrEqual(5);
      paged.push(...page.rows.map((r) => r.id));
      afterId = page.nextAfterId ?? null;
    } while (afterId !== null);
    expect(paged).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
    expect(all).toContain(id('GetCloudyBoston')); // two levels below HQ
    // Two levels only: HQ's regions and their offices, not the offices' own children.
    const twoLevels = loadChildren({ parentIds: [hq], levels: 2 }).rows;
    expect(twoLevels.every((r) => r.parentId === hq || children.includes(r.parentId ?? ''))).toBe(true);
  });

  it('prices a row by its columns at their longest, with the figures AccountHierarchyService quotes', () => {
    const describe = org.describeFor(org.user('rep')!);
    const resolved = (columns: unknown): ResolvedColumn[] => validateColumns(columns, describe).resolved;

    // Objects 200, id and parent id twice (4 × 36), Account.Name's 255 characters × 2.
    expect(ROW_BYTES).toBe(854);
    // Type and Industry 255 × 2 + 40 each, Billing City 40 × 2 + 40, Owner.Name 121 × 2 + 40 + 100,
    // Annual Revenue and Employees 32 + 40 each.
    expect(worstCaseRowBytes(resolved(null))).toBe(2600);
    // findTop walks 19 queries (95 levels) a call when the path's rows at 2,600 bytes fit 1.5 MB.
    expect(walkQueriesFor(worstCaseRowBytes(resolved(null)))).toBe(19);
    expect(walkQueriesFor(HEAP_BUDGET_BYTES / 20)).toBe(4);
    const type = resolved(['Type'])[0]!;
    expect(type.worstCaseBytes).toBe(550);
    const tenLongColumns = Array.from({ length: 10 }, () => type);
    expect(worstCaseRowBytes(tenLongColumns)).toBe(6354);
    expect(resolved(['CreatedDate', 'LastActivityDate', 'IsDeleted']).map((c) => c.worstCaseBytes)).toEqual([
      96, 68, 48,
    ]);
    expect(HEAP_BUDGET_BYTES).toBe(1_500_000);
  });

  it('rejects an empty or too long parentIds list with the load-failed label', () => {
    const message = LOAD_FAILED;
    const tooMany = Array.from({ length: 2001 }, () => hq);
    expect(() => loadChildren({ parentIds: tooMany })).toThrow(new AuraHandledException(message));
    expect(() => loadChildren({ parentIds: [] })).toThrow(new AuraHandledException(message));
    expect(() => loadChildren({ parentIds: null })).toThrow(AuraHandledException);
    expect(() => loadChildren({ parentIds: [null] })).toThrow(new AuraHandledException(message));
    expect(loadChildren({ parentIds: Array.from({ length: 2000 }, () => hq) }).rows).toHaveLength(3);
  });
});
