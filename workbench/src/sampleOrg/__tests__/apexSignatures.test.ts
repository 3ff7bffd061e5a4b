/**
 * The sample org deserialises each method's parameters by the types in APEX_SIGNATURES: they must be
 * the types the Apex declares, or the workbench would accept (or refuse) what the platform does not.
 */
import { APEX_METHODS } from '../apex/registry';
import { APEX_SIGNATURES } from '../apex/shared/parameters';
import { apexSource } from './apexSource';

/** `@AuraEnabled … static <type> <name>(<params>)` of a class: name → parameter name → type. */
function auraEnabledMethods(className: string): Map<string, Record<string, string>> {
  const source = apexSource(className);
  const methods = new Map<string, Record<string, string>>();
  const pattern = /@AuraEnabled[^\n]*\s+public\s+static\s+[\w<>, ]+?\s+(\w+)\s*\(([^)]*)\)/g;
  for (const match of source.matchAll(pattern)) {
    const params: Record<string, string> = {};
    for (const param of (match[2] ?? '').split(/,(?![^<]*>)/)) {
      const [type, name] = param.trim().split(/\s+(?=\w+$)/);
      if (type !== undefined && name !== undefined) params[name] = type.replace(/\s+/g, '');
    }
    methods.set(match[1] ?? '', params);
  }
  return methods;
}

describe('APEX_SIGNATURES', () => {
  it('lists every method the sample org implements', () => {
    expect(Object.keys(APEX_SIGNATURES).sort()).toEqual(Object.keys(APEX_METHODS).sort());
  });

  it.each(Object.keys(APEX_SIGNATURES))('declares %s as the Apex does', (method) => {
    const [className, methodName] = method.split('.') as [string, string];
    expect(APEX_SIGNATURES[method]).toEqual(auraEnabledMethods(className).get(methodName));
  });
});
