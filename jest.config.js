// One jest run for the whole repo: each package is a project with its own environment.
// TypeScript is transformed by SWC (no type-checking here: `tsc -b` does that in `npm test`).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// Tests import the domain package from source, so they never depend on a stale build.
const moduleNameMapper = {
  '^@vitrine/shared$': '<rootDir>/shared/src/index.ts',
  '^@vitrine/shared/(.*)$': '<rootDir>/shared/src/$1',
};

const project = (displayName, roots, testEnvironment = 'node', extra = {}) => ({
  displayName,
  rootDir: __dirname,
  roots,
  testEnvironment,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper,
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  ...extra,
});

module.exports = {
  reporters: ['default', '<rootDir>/scripts/jest/summary-reporter.js'],
  projects: [
    project('shared', ['<rootDir>/shared/src']),
    project('integrations', ['<rootDir>/integrations/src']),
    project('ticket-sidebar', ['<rootDir>/apps/ticket-sidebar/src'], 'jsdom'),
    project('e2e', ['<rootDir>/test'], 'node', { maxWorkers: 1 }),
  ],
};
