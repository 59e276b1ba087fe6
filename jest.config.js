/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Transpile only: `npm run typecheck` does the type checking once, not per test file.
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // The suite also runs on loaded shared machines; a per-test budget of 5 s fails there for no fault of the code.
  testTimeout: 30000,
  // One private temporary directory per run; the run fails if a test leaves a ptcheck-* entry in it.
  globalSetup: '<rootDir>/test/tmp-setup.js',
  globalTeardown: '<rootDir>/test/tmp-teardown.js',
};
