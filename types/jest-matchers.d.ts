// Brings sa11y's `toBeAccessible()` matcher type into the tests' `expect`.
import '@sa11y/jest';
