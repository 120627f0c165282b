// Jest runs the TypeScript sources as ES modules through swc (NestJS 12 is ESM-only).
const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testEnvironment: 'node',
};

export default {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    // Services and repositories on real PostgreSQL, without HTTP: locks, aggregates, counters.
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testPathIgnorePatterns: ['<rootDir>/test/console/'] },
    // The web console in a real Chromium (npm's @sparticuz/chromium) against the app serving dist/web.
    { ...shared, displayName: 'console', testMatch: ['<rootDir>/test/console/**/*.e2e-spec.ts'] },
  ],
};
