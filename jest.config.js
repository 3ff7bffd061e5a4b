// Jest for the components (sfdx-lwc-jest: the LWC compiler, lightning-* stubs) and the pure TS
// models. Babel strips TypeScript types; `npm run typecheck` type-checks the tests.
const { readdirSync } = require('node:fs');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

/**
 * Line coverage each bundle must reach: pure models (logic without a DOM, `*Model`) 90 %, UI
 * components and other bundles 80 %.
 */
function coverageThresholds() {
  const bundles = readdirSync(`${__dirname}/force-app/main/default/lwc`, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory(),
  );
  return Object.fromEntries(
    bundles.map(({ name }) => [
      `./force-app/main/default/lwc/${name}/`,
      { lines: name.endsWith('Model') ? 90 : 80 },
    ]),
  );
}

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
  // Only `*.test.ts` files are tests, so shared fixtures and helpers can live in `__tests__/` too.
  testMatch: ['**/__tests__/**/*.test.[jt]s'],
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/e2e/'],
  // Coverage is measured on the TypeScript sources (the emitted .js beside them is not imported).
  // `npm run test:unit` runs without Jest's transform cache: with it, components transformed by an
  // earlier run without coverage silently dropped out of the coverage report (seen with
  // @lwc/jest-transformer 19.4), and their thresholds could not fail.
  collectCoverageFrom: ['force-app/main/default/lwc/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: coverageThresholds(),
};
