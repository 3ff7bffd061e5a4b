// Jest for the components (sfdx-lwc-jest: the LWC compiler, lightning-* stubs) and the pure TS
// models. Babel strips TypeScript types; `npm run typecheck` type-checks the tests.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const LWC = '<rootDir>/force-app/main/default/lwc';

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app', '<rootDir>/workbench/src'],
  moduleNameMapper: {
    // Shared stand-ins for platform modules the sfdx-lwc-jest stubs do not cover well.
    '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
    '^lightning/platformShowToastEvent$':
      '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent',
  },
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/force-app/test/setupTests.js'],
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/e2e/'],
  // Coverage is measured on the TypeScript sources (the emitted .js beside them is not imported).
  collectCoverageFrom: [`${LWC}/**/*.ts`, '!**/__tests__/**', '!**/*.d.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: {
    // Pure models: logic without a DOM, so nearly every line is reachable from a unit test.
    [`${LWC.replace('<rootDir>', '.')}/*Model/*.ts`]: { lines: 90 },
    // UI components.
    [`${LWC.replace('<rootDir>', '.')}/!(*Model)/*.ts`]: { lines: 80 },
  },
};
