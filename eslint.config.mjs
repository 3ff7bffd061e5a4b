// ESLint: Salesforce's LWC rules on the components (under the TypeScript parser, where they still
// fire), typescript-eslint's type-checked rules on all TypeScript, Node rules on the scripts.
import lwcConfig from '@salesforce/eslint-config-lwc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts'];
const COMPONENTS = ['force-app/**/lwc/**/*.ts'];

/** Limits a shared config to some files, keeping its own file globs when it has them. */
const only = (files) => (config) => ({ ...config, files: config.files ? config.files : files });

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'coverage/',
      'workbench/dist/',
      'test-results/',
      'bench/runs/',
      'bench/dist/',
      '.sf/',
      '.sfdx/',
      // tsc emits these from the .ts beside them
      'force-app/**/lwc/**/*.js',
      'workbench/src/**/*.js',
      'types/**/*.js',
    ],
  },
  ...lwcConfig.configs.recommended.map(only(COMPONENTS)),
  {
    files: TS,
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Layout is Prettier's job.
      'no-confusing-arrow': 'off',
      // LWC templates call getters and handlers the type checker cannot see being used.
      '@typescript-eslint/class-methods-use-this': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Resolution of `c/*`, `lightning/*` and `@salesforce/*` is the LWC compiler's job, checked by tsc.
      'import/no-unresolved': 'off',
      'import/named': 'off',
      'import/default': 'off',
      'import/namespace': 'off',
    },
  },
  {
    files: ['**/__tests__/**/*.ts'],
    rules: {
      // Jest mocks and JSON fixtures are typed by assertion on purpose.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-type-assertion': 'off',
      // Tests wait for the platform's microtasks and re-renders with a zero timeout.
      '@lwc/lwc/no-async-operation': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'jest.config.js', 'force-app/test/**/*.js'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      sourceType: 'module',
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
