/** Three projects: pure units, the app in-process (SQLite or DATABASE_URL), and real Chromium. */
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': 'ts-jest' },
};
module.exports = {
  // Jest reads testTimeout from the global config only (a project's own is ignored): one generous
  // limit so that hooks starting the app hold on a busy 2-core machine.
  testTimeout: 90_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts', '<rootDir>/test/security/**/*.spec.ts'],
      testTimeout: 60_000,
    },
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
      testTimeout: 90_000,
    },
  ],
};
