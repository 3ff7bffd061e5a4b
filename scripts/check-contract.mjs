// @ts-check
/**
 * Contract check: the Apex DTOs returned by every `@AuraEnabled` method must match the
 * TypeScript types the components use (types/contract.ts, wired to each method in
 * types/salesforce.d.ts), field for field, in both directions, with the same broad types
 * (string, number, boolean, list, object, map). Parameters are compared the same way.
 *
 * A field of a result that TypeScript types as nullable must also be optional (`field?: T | null`):
 * a null field of an Apex result may reach JavaScript as a missing property (PLATFORM.md), and the
 * `?` makes the compiler insist that code treats missing and null alike.
 *
 * Every class with `@AuraEnabled` methods must also be opened by at least one of the package's
 * permission sets (`<classAccesses>`): without it, every user's call fails in an org.
 *
 * Exits non-zero and lists every difference when they drift apart.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import { readPermissionSets } from '../workbench/build/permissionSets.mjs';
import { PACKAGE_DIR } from './lib/packageLayout.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const APEX_DIRS = ['force-app', 'unpackaged'];
const DECLARATIONS = join(ROOT, 'types/salesforce.d.ts');
const APEX_MODULE = '@salesforce/apex/';

/**
 * A broad type, as both languages can express it.
 * @typedef {{ kind: 'string' | 'number' | 'boolean' | 'unknown' }
 *   | { kind: 'list', of: Shape }
 *   | { kind: 'map', of: Shape }
 *   | { kind: 'object', name: string, fields: () => Map<string, Shape>, nullableRequired?: () => string[] }} Shape
 */

// ---------------------------------------------------------------- Apex side

const APEX_SCALARS = new Map([
  ['string', 'string'],
  ['id', 'string'],
  ['date', 'string'],
  ['datetime', 'string'],
  ['time', 'string'],
  ['integer', 'number'],
  ['long', 'number'],
  ['decimal', 'number'],
  ['double', 'number'],
  ['boolean', 'boolean'],
  ['object', 'unknown'],
]);

/** @param {string} dir @returns {string[]} */
function apexFiles(dir) {
  let files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      files = files.concat(apexFiles(path));
    } else if (name.endsWith('.cls')) {
      files.push(path);
    }
  }
  return files;
}

/**
 * @typedef {{ name: string, file: string, fields: Map<string, string>,
 *   methods: Map<string, { returnType: string, params: Map<string, string>, auraEnabled: boolean }> }} ApexClass
 */

/** @param {import('@apexdevtools/apex-parser').ClassDeclarationContext} declaration @param {string} file @param {ApexClass[]} out */
function readClass(declaration, file, out) {
  /** @type {ApexClass} */
  const apexClass = { name: declaration.id().getText(), file, fields: new Map(), methods: new Map() };
  out.push(apexClass);
  for (const body of declaration.classBody().classBodyDeclaration_list()) {
    const member = body.memberDeclaration();
    if (!member) {
      continue;
    }
    const auraEnabled = body.modifier_list().some((m) => /^@auraenabled/i.test(m.getText()));
    const field = member.fieldDeclaration();
    if (field && auraEnabled) {
      for (const variable of field.variableDeclarators().variableDeclarator_list()) {
        apexClass.fields.set(variable.id().getText(), field.typeRef().getText());
      }
    }
    const method = member.methodDeclaration();
    if (method) {
      const params = new Map();
      for (const param of method.formalParameters().formalParameterList()?.formalParameter_list() ?? []) {
        params.set(param.id().getText(), param.typeRef().getText());
      }
      apexClass.methods.set(method.id().getText(), {
        returnType: method.typeRef()?.getText() ?? 'void',
        params,
        auraEnabled,
      });
    }
    const inner = member.classDeclaration();
    if (inner) {
      readClass(inner, file, out);
    }
  }
}

function readApex() {
  /** @type {ApexClass[]} */
  const classes = [];
  for (const dir of APEX_DIRS) {
    for (const file of apexFiles(join(ROOT, dir))) {
      const unit = ApexParserFactory.createParser(readFileSync(file, 'utf8')).compilationUnit();
      const declaration = unit.typeDeclaration()?.classDeclaration();
      if (declaration) {
        readClass(declaration, relative(ROOT, file), classes);
      }
    }
  }
  return new Map(classes.map((c) => [c.name.toLowerCase(), c]));
}

/** Splits `Map<String,List<X>>`'s arguments at top-level commas. @param {string} text */
function typeArguments(text) {
  const inner = text.slice(text.indexOf('<') + 1, text.lastIndexOf('>'));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '<') depth++;
    if (inner[i] === '>') depth--;
    if (inner[i] === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

/** @param {string} typeText @param {Map<string, ApexClass>} classes @returns {Shape} */
function apexShape(typeText, classes) {
  const lower = typeText.toLowerCase();
  const scalar = APEX_SCALARS.get(lower);
  if (scalar) {
    return /** @type {Shape} */ ({ kind: scalar });
  }
  if (lower.endsWith('[]')) {
    return { kind: 'list', of: apexShape(typeText.slice(0, -2), classes) };
  }
  if (lower.startsWith('list<') || lower.startsWith('set<')) {
    return { kind: 'list', of: apexShape(typeArguments(typeText)[0] ?? '', classes) };
  }
  if (lower.startsWith('map<')) {
    return { kind: 'map', of: apexShape(typeArguments(typeText)[1] ?? '', classes) };
  }
  const simpleName = lower.split('.').at(-1) ?? lower;
  const apexClass = classes.get(simpleName);
  if (!apexClass) {
    throw new Error(`Apex type ${typeText} is neither a primitive nor a class of this project`);
  }
  return {
    kind: 'object',
    name: apexClass.name,
    fields: () => new Map([...apexClass.fields].map(([name, type]) => [name, apexShape(type, classes)])),
  };
}

// ---------------------------------------------------------- TypeScript side

/** @param {ts.TypeChecker} checker @param {ts.Type} type @returns {Shape} */
function tsShape(checker, type) {
  if (type.isUnion()) {
    const kept = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    const broad = new Set(kept.map((t) => JSON.stringify(describe(tsShape(checker, t)))));
    if (broad.size === 1 && kept[0]) {
      return tsShape(checker, kept[0]);
    }
    // `true | false` is how TypeScript spells boolean.
    if (type.flags & ts.TypeFlags.Boolean || kept.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) {
      return { kind: 'boolean' };
    }
    // A union of scalars (a cell value) is Apex's `Object`.
    const scalars = ['string', 'number', 'boolean'];
    if ([...broad].every((b) => scalars.includes(JSON.parse(b)))) {
      return { kind: 'unknown' };
    }
    throw new Error(`union ${checker.typeToString(type)} mixes broad types`);
  }
  if (type.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return { kind: 'string' };
  if (type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return { kind: 'number' };
  if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { kind: 'boolean' };
  if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return { kind: 'unknown' };
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(/** @type {ts.TypeReference} */ (type));
    if (!element) throw new Error('array without element type');
    return { kind: 'list', of: tsShape(checker, element) };
  }
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  if (index) {
    return { kind: 'map', of: tsShape(checker, index.type) };
  }
  return {
    kind: 'object',
    name: checker.typeToString(type),
    fields: () =>
      new Map(
        checker
          .getPropertiesOfType(type)
          .map((property) => [
            property.name,
            tsShape(checker, checker.getNonNullableType(checker.getTypeOfSymbol(property))),
          ]),
      ),
    // Properties typed `T | null` without `?`: code may then compare with `=== null` and miss a
    // property that arrived missing.
    nullableRequired: () =>
      checker
        .getPropertiesOfType(type)
        .filter((property) => !(property.flags & ts.SymbolFlags.Optional))
        .filter((property) => {
          const propertyType = checker.getTypeOfSymbol(property);
          const parts = propertyType.isUnion() ? propertyType.types : [propertyType];
          return parts.some((part) => part.flags & ts.TypeFlags.Null);
        })
        .map((property) => property.name),
  };
}

/** The `@salesforce/apex/Class.method` modules declared for the components. */
function readDeclarations() {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    /** @type {any} */ ({ ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }),
  );
  if (!config) throw new Error('cannot read tsconfig.json');
  const program = ts.createProgram([DECLARATIONS], config.options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(DECLARATIONS);
  if (!source) throw new Error(`cannot read ${DECLARATIONS}`);
  /** @type {Map<string, { returns: Shape, params: Map<string, Shape> }>} */
  const methods = new Map();
  for (const statement of source.statements) {
    if (!ts.isModuleDeclaration(statement) || !statement.name.text.startsWith(APEX_MODULE)) continue;
    const symbol = checker.getSymbolAtLocation(statement.name);
    const exported = symbol && checker.getExportsOfModule(symbol).find((s) => s.name === 'default');
    if (!exported) throw new Error(`${statement.name.text} has no default export`);
    const signature = checker.getTypeOfSymbol(checker.getAliasedSymbol(exported)).getCallSignatures()[0];
    if (!signature) throw new Error(`${statement.name.text}'s default export is not a function`);
    const promised = checker.getPromisedTypeOfPromise(checker.getReturnTypeOfSignature(signature));
    if (!promised) throw new Error(`${statement.name.text} must return a Promise`);
    const [paramSymbol] = signature.getParameters();
    const params = new Map();
    if (paramSymbol) {
      for (const property of checker.getPropertiesOfType(checker.getTypeOfSymbol(paramSymbol))) {
        params.set(
          property.name,
          tsShape(checker, checker.getNonNullableType(checker.getTypeOfSymbol(property))),
        );
      }
    }
    const isVoid = (promised.flags & ts.TypeFlags.Void) !== 0;
    methods.set(statement.name.text.slice(APEX_MODULE.length), {
      returns: isVoid ? { kind: 'unknown' } : tsShape(checker, promised),
      params,
    });
  }
  return methods;
}

// ---------------------------------------------------------------- comparing

/** @param {Shape} shape @returns {string} */
function describe(shape) {
  if (shape.kind === 'list' || shape.kind === 'map') return `${shape.kind}<${describe(shape.of)}>`;
  if (shape.kind === 'object') return `object`;
  return shape.kind;
}

/**
 * @param {Shape} apex @param {Shape} typescript @param {string} path
 * @param {string[]} problems @param {Set<string>} seen
 * @param {boolean} [result] true for what Apex returns (null fields may arrive missing)
 */
function compare(apex, typescript, path, problems, seen, result = false) {
  if (apex.kind === 'unknown' || typescript.kind === 'unknown') return;
  if (apex.kind !== typescript.kind) {
    problems.push(`${path}: Apex has ${describe(apex)}, TypeScript has ${describe(typescript)}`);
    return;
  }
  if (
    (apex.kind === 'list' || apex.kind === 'map') &&
    (typescript.kind === 'list' || typescript.kind === 'map')
  ) {
    compare(apex.of, typescript.of, `${path}[]`, problems, seen, result);
    return;
  }
  if (apex.kind === 'object' && typescript.kind === 'object') {
    const key = `${apex.name}~${typescript.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const apexFields = apex.fields();
    const tsFields = typescript.fields();
    if (result) {
      for (const name of typescript.nullableRequired?.() ?? []) {
        problems.push(
          `${path}.${name}: nullable in TypeScript ${typescript.name} but not optional; a null Apex field ` +
            'may arrive as a missing property: type it `' +
            name +
            '?: T | null`',
        );
      }
    }
    for (const [name, shape] of tsFields) {
      const apexField = apexFields.get(name);
      if (!apexField) {
        problems.push(
          `${path}.${name}: in TypeScript ${typescript.name} but not an @AuraEnabled field of Apex ${apex.name}`,
        );
      } else {
        compare(apexField, shape, `${path}.${name}`, problems, seen, result);
      }
    }
    for (const name of apexFields.keys()) {
      if (!tsFields.has(name)) {
        problems.push(
          `${path}.${name}: @AuraEnabled in Apex ${apex.name} but missing from TypeScript ${typescript.name}`,
        );
      }
    }
  }
}

function main() {
  const classes = readApex();
  const declared = readDeclarations();
  const problems = [];
  let checked = 0;
  const permissionSets = Object.entries(readPermissionSets(PACKAGE_DIR));
  for (const apexClass of classes.values()) {
    const auraEnabled = [...apexClass.methods.values()].some((method) => method.auraEnabled);
    if (auraEnabled && !permissionSets.some(([, set]) => set.classAccesses.includes(apexClass.name))) {
      problems.push(
        `${apexClass.name}: has @AuraEnabled methods but no package permission set opens it (<classAccesses>)`,
      );
    }
    for (const [methodName, method] of apexClass.methods) {
      if (!method.auraEnabled) continue;
      const name = `${apexClass.name}.${methodName}`;
      const typescript = declared.get(name);
      if (!typescript) {
        problems.push(`${name}: @AuraEnabled in ${apexClass.file} but not declared in types/salesforce.d.ts`);
        continue;
      }
      declared.delete(name);
      checked++;
      const seen = new Set();
      if (method.returnType.toLowerCase() !== 'void') {
        compare(
          apexShape(method.returnType, classes),
          typescript.returns,
          `${name}() returns`,
          problems,
          seen,
          true,
        );
      }
      for (const [param, type] of method.params) {
        const tsParam = typescript.params.get(param);
        if (!tsParam) {
          problems.push(`${name}(${param}): Apex parameter missing from the TypeScript declaration`);
        } else {
          compare(apexShape(type, classes), tsParam, `${name}(${param})`, problems, seen);
        }
      }
      for (const param of typescript.params.keys()) {
        if (!method.params.has(param)) {
          problems.push(`${name}(${param}): declared in TypeScript but not a parameter of the Apex method`);
        }
      }
    }
  }
  for (const name of declared.keys()) {
    problems.push(`${name}: declared in types/salesforce.d.ts but no @AuraEnabled Apex method has that name`);
  }
  if (problems.length > 0) {
    console.error(`Contract check: ${problems.length} difference(s) between Apex and TypeScript:`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  console.log(`Contract check: ${checked} @AuraEnabled method(s) match their TypeScript types.`);
}

main();
