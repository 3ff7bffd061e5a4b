// @ts-check
/**
 * Static checks of the Apex source, offline (`npm run analyze`, part of `npm test`).
 *
 * Every `.cls` and `.trigger` under force-app/ and unpackaged/ goes through five checks; the script prints
 * each check's result and duration and exits non-zero when any check fails:
 *   1. syntax        — @apexdevtools/apex-parser parses every file without a syntax error;
 *   2. semantics     — apex-ls (the JVM build shipped with the PMD engine) finds no unknown type, field,
 *                      variable or label, nor any other error or warning;
 *   3. PMD           — Code Analyzer's PMD rules tagged AppExchange, Security or Recommended find no
 *                      violation of severity 1 (Critical) or 2 (High); lower severities are printed as
 *                      warnings. It runs over all of force-app/ and unpackaged/, so Visualforce, Aura and
 *                      metadata XML rules apply too;
 *   4. feature names — no Apex code names AccountContactRelation, AccountTeamMember or
 *                      UserAccountTeamMember outside string literals and comments: those objects exist only
 *                      when an org feature is on, and naming them makes the package uninstallable elsewhere
 *                      (see DESIGN.md, "Feature-dependent objects");
 *   5. sharing       — every class, top-level and inner (inner classes do not inherit their container's sharing),
 *                      declares `with sharing`, `inherited sharing` or `without sharing`; `without sharing` only
 *                      with a comment right above the class that says why (it must mention sharing).
 * The two Java checks (2 and 3) start first and run in parallel with the Node checks (1, 4 and 5), which share
 * one lexer and parser pass per file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ApexErrorListener,
  ApexLexer,
  ApexParserFactory,
  ClassDeclarationContext,
  MemberDeclarationContext,
  ModifierContext,
  TriggerMemberDeclarationContext,
} from '@apexdevtools/apex-parser';
import { CodeAnalyzer, CodeAnalyzerConfig, SeverityLevel } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_FOLDERS = ['force-app', 'unpackaged'];
const APEX_EXTENSIONS = ['.cls', '.trigger'];

/** The Code Analyzer rule selectors whose rules must pass. */
const PMD_SELECTORS = ['AppExchange', 'Security', 'Recommended'];
/** PMD violations at or above this severity (1 = Critical, 2 = High) fail the check. */
const PMD_FAILING_SEVERITY = SeverityLevel.High;

/** Objects that exist only when an org feature is enabled; Apex reaches them by describe only. */
const FEATURE_DEPENDENT_OBJECTS = ['AccountContactRelation', 'AccountTeamMember', 'UserAccountTeamMember'];

/** apex-ls ships inside the PMD engine (pmd-apex depends on it): same jars, same Java. */
const JAVA_LIB_FOLDER = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@salesforce/code-analyzer-pmd-engine')),
  'java-lib',
);
const APEX_LS_MAIN_CLASS = 'io.github.apexdevtools.apexls.CheckForIssues';
/**
 * Both Java checks are short-lived JVMs that spend most of their time starting up: the quick (C1-only)
 * compiler and the serial collector halve their wall time. Passed through JDK_JAVA_OPTIONS, which the `java`
 * launcher reads, because the Code Analyzer library starts its own JVMs from this process's environment.
 */
const FAST_START_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
/**
 * apex-ls issue categories that are advice, not defects: "Unused" (unused local variables, methods and
 * classes). They are printed but do not fail the check, because apex-ls cannot see every caller of a public
 * method (components, flows, subscriber code) and PMD's UnusedLocalVariable already covers the rest.
 * Nothing else apex-ls reports is filtered: on this code base it has shown no false positive.
 */
const APEX_LS_ADVISORY_CATEGORIES = new Set(['Unused']);

/**
 * @typedef {object} CheckResult
 * @property {string} name what the check verifies
 * @property {string[]} failures one line per problem that fails the check
 * @property {string[]} warnings one line per problem worth reading that does not fail it
 * @property {string} summary one-line description of what was checked
 * @property {number} [milliseconds] wall time of the check
 */

/**
 * @typedef {object} LexedFile
 * @property {string} file path relative to the project root
 * @property {string[]} syntaxErrors `file:line:column message` per syntax error
 * @property {import('@apexdevtools/apex-parser').ApexToken[]} tokens every token, comments included
 * @property {ClassDeclarationContext['parentCtx']} tree the parse tree (a compilation or trigger unit)
 */

/**
 * Lists the Apex files under the source folders, sorted, relative to the project root.
 * @returns {string[]}
 */
function findApexFiles() {
  return SOURCE_FOLDERS.flatMap((folder) => {
    const absoluteFolder = path.join(PROJECT_ROOT, folder);
    /** @type {string[]} */
    let entries;
    try {
      entries = readdirSync(absoluteFolder, { recursive: true, encoding: 'utf8' });
    } catch {
      return [];
    }
    return entries
      .filter((entry) => APEX_EXTENSIONS.includes(path.extname(entry)))
      .map((entry) => path.join(folder, entry));
  }).sort();
}

/**
 * ANTLR lists every token it would have accepted (often hundreds): keep the message, drop a long list.
 * @param {string} message
 * @returns {string}
 */
function shortenSyntaxMessage(message) {
  return message.replace(
    / expecting \{([^}]{120,})\}/,
    (_, expected) => ` expecting one of ${expected.split(', ').length} tokens`,
  );
}

/** Collects the syntax errors the lexer and the parser report for one file. */
class CollectingErrorListener extends ApexErrorListener {
  /** @param {string} file */
  constructor(file) {
    super();
    this.file = file;
    /** @type {string[]} */
    this.errors = [];
  }

  /**
   * @param {number} line
   * @param {number} column zero-based
   * @param {string} message
   */
  apexSyntaxError(line, column, message) {
    this.errors.push(`${this.file}:${line}:${column + 1} ${shortenSyntaxMessage(message)}`);
  }
}

/**
 * Lexes and parses one file, keeping its tokens for the token-based checks.
 * @param {string} file
 * @returns {LexedFile}
 */
function lexAndParse(file) {
  const source = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const listener = new CollectingErrorListener(file);
  const lexer = ApexParserFactory.createLexer(source);
  lexer.addErrorListener(listener);
  const tokenStream = ApexParserFactory.createTokenStream(lexer);
  const parser = ApexParserFactory.createParser(tokenStream);
  parser.addErrorListener(listener);
  const tree = file.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
  tokenStream.fill();
  return { file, syntaxErrors: listener.errors, tokens: tokenStream.tokens, tree };
}

/**
 * Check 1: every file parses.
 * @param {LexedFile[]} lexedFiles
 * @returns {CheckResult}
 */
function checkSyntax(lexedFiles) {
  return {
    name: 'syntax (apex-parser)',
    failures: lexedFiles.flatMap((lexed) => lexed.syntaxErrors),
    warnings: [],
    summary: `${lexedFiles.length} files parsed`,
  };
}

/**
 * Check 4: the feature-dependent objects are never named as identifiers. String literals and comments are
 * separate token types, so `'AccountTeamMember'` and `// AccountTeamMember` are allowed.
 * @param {LexedFile[]} lexedFiles
 * @returns {CheckResult}
 */
function checkFeatureDependentNames(lexedFiles) {
  const forbidden = new Map(FEATURE_DEPENDENT_OBJECTS.map((name) => [name.toLowerCase(), name]));
  const failures = lexedFiles.flatMap(({ file, tokens }) =>
    tokens
      .filter((token) => token.type === ApexLexer.Identifier && forbidden.has(token.text.toLowerCase()))
      .map(
        (token) =>
          `${file}:${token.line}:${token.column + 1} names ${forbidden.get(token.text.toLowerCase())}: ` +
          'reach it by describe and a string name instead',
      ),
  );
  return {
    name: 'feature-dependent names',
    failures,
    warnings: [],
    summary: `${FEATURE_DEPENDENT_OBJECTS.join(', ')} only in strings and comments`,
  };
}

/** Comment token types: a `without sharing` class must have one of these right above it. */
const COMMENT_TOKEN_TYPES = new Set([ApexLexer.DOC_COMMENT, ApexLexer.COMMENT, ApexLexer.LINE_COMMENT]);

/**
 * Every class declaration in a parse tree, inner classes included, depth first.
 * @param {unknown} node a parse tree node
 * @returns {ClassDeclarationContext[]}
 */
function classDeclarations(node) {
  const own = node instanceof ClassDeclarationContext ? [node] : [];
  const children = /** @type {{ children?: unknown[] | null }} */ (node).children ?? [];
  return [...own, ...children.flatMap(classDeclarations)];
}

/**
 * The modifiers written before a class: they belong to the enclosing declaration (a top-level type, or a
 * class body member whose member is the class).
 * @param {ClassDeclarationContext} declaration
 * @returns {{ modifiers: ModifierContext[], start: ClassDeclarationContext['start'] }}
 */
function modifiersOf(declaration) {
  // Top level: typeDeclaration → modifier* classDeclaration. Inner: classBodyDeclaration → modifier*
  // memberDeclaration → classDeclaration (in a trigger: triggerBlockMember → modifier* triggerMemberDeclaration).
  const parent = declaration.parentCtx;
  const holder =
    parent instanceof MemberDeclarationContext || parent instanceof TriggerMemberDeclarationContext
      ? parent.parentCtx
      : parent;
  const children = /** @type {{ children?: unknown[] | null }} */ (holder ?? {}).children ?? [];
  return {
    modifiers: children.filter((child) => child instanceof ModifierContext),
    start: holder?.start ?? declaration.start,
  };
}

/**
 * The comments between the previous code token and a token: the comment block right above a declaration.
 * @param {import('@apexdevtools/apex-parser').ApexToken[]} tokens
 * @param {number} tokenIndex
 * @returns {string[]}
 */
function commentsBefore(tokens, tokenIndex) {
  const comments = [];
  for (let index = tokenIndex - 1; index >= 0; index--) {
    const token = tokens[index];
    if (COMMENT_TOKEN_TYPES.has(token.type)) {
      comments.push(token.text);
    } else if (token.type !== ApexLexer.WS) {
      break;
    }
  }
  return comments;
}

/**
 * Check 5: every class declares its sharing. Since API 67 a class without a sharing keyword runs in the
 * user's sharing by default, but an inner class does not inherit its container's keyword and an older API
 * version, or a caller running without sharing, changes what such a class sees: DESIGN.md asks every class to
 * say it. `without sharing` must say why, in a comment right above the class that mentions sharing.
 * @param {LexedFile[]} lexedFiles
 * @returns {CheckResult}
 */
function checkSharingDeclarations(lexedFiles) {
  /** @type {string[]} */
  const failures = [];
  let classes = 0;
  for (const { file, tokens, tree } of lexedFiles) {
    for (const declaration of classDeclarations(tree)) {
      classes++;
      const name = declaration.id().getText();
      const where = `${file}:${declaration.start.line}:${declaration.start.column + 1} class ${name}`;
      const { modifiers, start } = modifiersOf(declaration);
      const sharing = modifiers.find((modifier) => modifier.SHARING());
      if (!sharing) {
        failures.push(`${where} declares no sharing: add with sharing (or inherited sharing)`);
      } else if (
        sharing.WITHOUT() &&
        !commentsBefore(tokens, start.tokenIndex).some((comment) => /sharing/i.test(comment))
      ) {
        failures.push(`${where} is without sharing: say why in a comment right above it`);
      }
    }
  }
  return {
    name: 'sharing declarations',
    failures,
    warnings: [],
    summary: `${classes} classes (inner included) declare with, inherited or without sharing`,
  };
}

/**
 * Runs a command and collects its output.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<{ exitCode: number | null, stdout: string, stderr: string }>}
 */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

/**
 * @typedef {object} ApexLsMessage
 * @property {{ line: number, offset: number }} start
 * @property {string} category Syntax, Error, Missing, Warning or Unused
 * @property {string} message
 */

/**
 * Check 2: apex-ls resolves every type, field, variable and label against the project (it reads
 * sfdx-project.json, so it sees both package directories and the custom labels) and the standard
 * platform types it bundles.
 * @returns {Promise<CheckResult>}
 */
async function checkSemantics() {
  const { exitCode, stdout, stderr } = await run('java', [
    '-cp',
    path.join(JAVA_LIB_FOLDER, '*'),
    APEX_LS_MAIN_CLASS,
    '--workspace',
    PROJECT_ROOT,
    '--format',
    'json',
    '--detail',
    'unused',
    // No cache: it would live in the home folder and could hide a change.
    '--nocache',
  ]);
  /** @type {{ files: { path: string, messages: ApexLsMessage[] }[] }} */
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return {
      name: 'semantics (apex-ls)',
      failures: [`apex-ls did not report (exit code ${exitCode}): ${stderr.trim() || stdout.trim()}`],
      warnings: [],
      summary: 'apex-ls failed to run',
    };
  }
  /** @type {string[]} */
  const failures = [];
  /** @type {string[]} */
  const warnings = [];
  for (const { path: absolutePath, messages } of report.files) {
    const file = path.relative(PROJECT_ROOT, absolutePath);
    for (const { start, category, message } of messages) {
      const line = `${file}:${start.line}:${start.offset + 1} ${category}: ${shortenSyntaxMessage(message)}`;
      (APEX_LS_ADVISORY_CATEGORIES.has(category) ? warnings : failures).push(line);
    }
  }
  return {
    name: 'semantics (apex-ls)',
    failures,
    warnings,
    summary: 'types, fields, variables and labels resolved',
  };
}

/**
 * Check 3: Code Analyzer's PMD rules. The copy-paste detector (CPD) is disabled: no selected rule uses it
 * and starting it costs a Java run.
 * @returns {Promise<CheckResult>}
 */
async function checkPmd() {
  const workingFolder = mkdtempSync(path.join(tmpdir(), 'check-apex-'));
  try {
    const config = CodeAnalyzerConfig.fromObject(
      {
        log_folder: workingFolder,
        root_working_folder: workingFolder,
        engines: { cpd: { disable_engine: true } },
      },
      PROJECT_ROOT,
    );
    const codeAnalyzer = new CodeAnalyzer(config);
    await codeAnalyzer.addEnginePlugin(createEnginePlugin());
    const workspace = await codeAnalyzer.createWorkspace(
      SOURCE_FOLDERS.map((folder) => path.join(PROJECT_ROOT, folder)),
    );
    const rules = await codeAnalyzer.selectRules(PMD_SELECTORS, { workspace });
    const results = await codeAnalyzer.run(rules, { workspace });
    /** @type {string[]} */
    const failures = [];
    /** @type {string[]} */
    const warnings = [];
    for (const violation of results.getViolations()) {
      const rule = violation.getRule();
      const location = violation.getPrimaryLocation();
      const file = location.getFile();
      const where = file ? `${path.relative(PROJECT_ROOT, file)}:${location.getStartLine()}` : '(no file)';
      const severity = rule.getSeverityLevel();
      const line = `${where} [sev ${severity}] ${rule.getName()}: ${violation.getMessage()}`;
      (severity <= PMD_FAILING_SEVERITY ? failures : warnings).push(line);
    }
    return {
      name: 'PMD (Code Analyzer)',
      failures,
      warnings,
      summary: `${rules.getCount()} rules (${PMD_SELECTORS.join(', ')}); severity 1-2 fails, 3-5 warns`,
    };
  } finally {
    rmSync(workingFolder, { recursive: true, force: true });
  }
}

/**
 * Runs a check and records its wall time; a check that throws fails with the error.
 * @param {string} name
 * @param {() => Promise<CheckResult> | CheckResult} check
 * @returns {Promise<CheckResult>}
 */
async function timed(name, check) {
  const started = performance.now();
  /** @type {CheckResult} */
  let result;
  try {
    result = await check();
  } catch (error) {
    result = {
      name,
      failures: [`${name} crashed: ${error instanceof Error ? error.stack : error}`],
      warnings: [],
      summary: '',
    };
  }
  return { ...result, milliseconds: performance.now() - started };
}

/**
 * @param {number} milliseconds
 * @returns {string}
 */
function seconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** @param {CheckResult} result */
function printResult(result) {
  const status = result.failures.length === 0 ? 'PASS' : 'FAIL';
  const counts = `${result.failures.length} failures, ${result.warnings.length} warnings`;
  console.log(
    `${status} ${result.name} (${seconds(result.milliseconds ?? 0)}): ${result.summary}; ${counts}`,
  );
  for (const failure of result.failures) {
    console.log(`  error   ${failure}`);
  }
  for (const warning of result.warnings) {
    console.log(`  warning ${warning}`);
  }
}

async function main() {
  const started = performance.now();
  const files = findApexFiles();
  console.log(`check-apex: ${files.length} Apex files under ${SOURCE_FOLDERS.join(', ')}`);
  process.env.JDK_JAVA_OPTIONS = [process.env.JDK_JAVA_OPTIONS ?? '', ...FAST_START_JVM_OPTIONS]
    .join(' ')
    .trim();

  // The Java checks start first; the Node checks run while the JVMs warm up.
  const semantics = timed('semantics (apex-ls)', checkSemantics);
  const pmd = timed('PMD (Code Analyzer)', checkPmd);
  const lexingStarted = performance.now();
  const lexedFiles = files.map(lexAndParse);
  const lexingTime = performance.now() - lexingStarted;
  const syntax = { ...checkSyntax(lexedFiles), milliseconds: lexingTime };
  const featureNames = await timed('feature-dependent names', () => checkFeatureDependentNames(lexedFiles));
  const sharing = await timed('sharing declarations', () => checkSharingDeclarations(lexedFiles));

  const results = [syntax, await semantics, await pmd, featureNames, sharing];
  results.forEach(printResult);
  const failed = results.filter((result) => result.failures.length > 0);
  const total = seconds(performance.now() - started);
  if (failed.length > 0) {
    console.log(`check-apex: FAILED ${failed.map((result) => result.name).join(', ')} (${total})`);
    process.exitCode = 1;
  } else {
    console.log(`check-apex: all ${results.length} checks passed on ${files.length} files (${total})`);
  }
}

await main();
