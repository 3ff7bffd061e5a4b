// Adds `expect(element).toBeAccessible()` (sa11y, axe-core with Salesforce's rule set) to every test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
