/* eslint-disable @typescript-eslint/no-non-null-assertion -- tests assert on users known to be in the dataset */
/**
 * The package's permission sets grant its own custom objects (`<objectPermissions>` of `…__c`
 * objects), read from the metadata by the workbench build's reader: the sample org's describe
 * gives a user that access from their permission sets, so org.json need not repeat it. Standard
 * objects stay with org.json: a packaged permission set cannot grant them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from './datasets';
import { SampleOrg } from '../sampleOrg';
import { objectAccessOf } from '../permissionSets';

const READER = path.resolve(__dirname, '../../../build/permissionSets.mjs');

/** The build's reader (an ES module) run on one file, as the build and jest.config.js run it. */
function readWithBuildReader(xml: string): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'permset-'));
  try {
    const file = path.join(dir, 'Test.permissionset-meta.xml');
    fs.writeFileSync(file, xml);
    const script = `import { readPermissionSet } from ${JSON.stringify(READER)};
console.log(JSON.stringify(readPermissionSet(process.argv[1])));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], {
      encoding: 'utf8',
    });
    return JSON.parse(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const objectPermission = (
  object: string,
  read: boolean,
  create: boolean,
  edit: boolean,
  del: boolean,
): string =>
  `<objectPermissions><allowCreate>${create}</allowCreate><allowDelete>${del}</allowDelete>` +
  `<allowEdit>${edit}</allowEdit><allowRead>${read}</allowRead><modifyAllRecords>false</modifyAllRecords>` +
  `<object>${object}</object><viewAllRecords>false</viewAllRecords></objectPermissions>`;

describe('the permission set reader (workbench/build/permissionSets.mjs)', () => {
  it("reads the object permissions of the package's custom objects, and leaves standard objects out", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">' +
      '<label>Test</label>' +
      objectPermission('Account', true, true, true, true) +
      objectPermission('Run__c', true, true, true, false) +
      objectPermission('Result__c', true, false, false, false) +
      '</PermissionSet>';
    expect(readWithBuildReader(xml)).toMatchObject({
      label: 'Test',
      objectPermissions: { Run__c: ['read', 'create', 'edit'], Result__c: ['read'] },
    });
    expect(readWithBuildReader(xml)).not.toHaveProperty('objectPermissions.Account');
  });

  it("gives the package's sets the access their metadata grants on the run objects", () => {
    expect(objectAccessOf(['AccountRelationships_User'], 'TeamApplyRun__c')).toEqual([
      'read',
      'create',
      'edit',
    ]);
    expect(objectAccessOf(['AccountRelationships_User'], 'TeamApplyResult__c')).toEqual([
      'read',
      'create',
      'edit',
    ]);
    expect(
      objectAccessOf(['AccountRelationships_User', 'AccountRelationships_Admin'], 'TeamApplyRun__c'),
    ).toEqual(['read', 'create', 'edit', 'delete']);
    expect(objectAccessOf(['AccountRelationships_User'], 'Account')).toEqual([]);
  });
});

describe("the sample org's describe", () => {
  const org = new SampleOrg(loadDataset('get-cloudy'));

  it('grants the run objects from the permission sets, not from org.json', () => {
    const rep = org.user('rep')!;
    expect(rep.objectAccess?.TeamApplyRun__c).toBeUndefined();
    expect(org.describeFor(rep).objectAccess('TeamApplyRun__c')).toEqual(['read', 'create', 'edit']);
    // Casey Morgan has no package permission set: no access to the package's objects.
    expect(org.describeFor(org.user('newhire')!).objectAccess('TeamApplyRun__c')).toEqual([]);
  });

  it('keeps standard objects to org.json: the read-only user gets no edit from the permission set', () => {
    const readonly = org.user('readonly')!;
    expect(readonly.permissionSets).toContain('AccountRelationships_User');
    expect(org.describeFor(readonly).objectAccess('AccountContactRelation')).toEqual(['read']);
  });
});
