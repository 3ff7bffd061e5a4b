/**
 * The sample org must check exactly what the Apex checks: this reads the requirement lists out of
 * SetupCheckService.cls and compares them with SETUP_REQUIREMENTS, so the two cannot drift apart.
 */
import { SETUP_REQUIREMENTS } from '../apex/setupCheck/setupCheck';
import { apexSource } from './apexSource';

const APEX = apexSource('SetupCheckService');

/** `private static final String READ = 'read';` → READ ↦ 'read' (and NO_FEATURE ↦ null). */
const CONSTANTS = new Map<string, string | null>(
  [...APEX.matchAll(/static final String (\w+) = (?:'([^']*)'|null);/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? null,
  ]),
);

function valueOf(token: string): string | null {
  const trimmed = token.trim();
  if (trimmed.startsWith("'")) {
    return trimmed.slice(1, -1);
  }
  if (!CONSTANTS.has(trimmed)) {
    throw new Error(`unknown Apex constant ${trimmed}`);
  }
  return CONSTANTS.get(trimmed) ?? null;
}

function listOf(text: string | undefined): (string | null)[] {
  return (text ?? '')
    .split(',')
    .filter((t) => t.trim() !== '')
    .map(valueOf);
}

function apexObjects() {
  const body = /REQUIRED_OBJECTS = new List<ObjectRequirement>\{([\s\S]*?)\n {2}\};/.exec(APEX)?.[1] ?? '';
  return body
    .split('new ObjectRequirement(')
    .slice(1)
    .map((chunk) => {
      const [, name = '', feature = ''] = /^'(\w+)', (\w+)\)/.exec(chunk) ?? [];
      return {
        objectApiName: name,
        feature: valueOf(feature),
        objectAccess: listOf(/\.needs\(new List<String>\{([^}]*)\}\)/.exec(chunk)?.[1]),
        fields: [...chunk.matchAll(/\.field\('(\w+)', (\w+)\)/g)].map((m) => [m[1], valueOf(m[2] ?? '')]),
        usedBy: listOf(/\.usedBy\(new List<String>\{([^}]*)\}\)/.exec(chunk)?.[1]),
      };
    });
}

describe('the sample org’s setup requirements', () => {
  it('list the same objects, fields, access and components as SetupCheckService.cls, in order', () => {
    const objects = apexObjects();

    expect(objects.map((o) => o.objectApiName)).toEqual([
      'Account',
      'Contact',
      'AccountContactRelation',
      'AccountTeamMember',
      'UserAccountTeamMember',
    ]);
    expect(SETUP_REQUIREMENTS.objects).toEqual(objects);
  });

  it('detect the same features by the same objects', () => {
    const features = [
      ...APEX.matchAll(/new FeatureRequirement\(\s*(\w+),\s*new List<String>\{([^}]*)\}/g),
    ].map((m) => ({ name: valueOf(m[1] ?? ''), objectApiNames: listOf(m[2]) }));

    expect(features).toHaveLength(2);
    expect(SETUP_REQUIREMENTS.features).toEqual(features);
  });

  it('check the same package permissions', () => {
    const permissions = listOf(/PACKAGE_PERMISSIONS = new List<String>\{([^}]*)\}/.exec(APEX)?.[1]);

    expect(permissions).toEqual(['AccountRelationships_User', 'AccountRelationships_Admin']);
    expect(SETUP_REQUIREMENTS.permissions).toEqual(permissions);
  });
});
