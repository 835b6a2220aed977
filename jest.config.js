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
    // The app pins React 18 in its own node_modules while the root holds React 19 (a peer of the
    // testing library): every import of React in the app's tests must reach the app's copy.
    project('ticket-sidebar', ['<rootDir>/apps/ticket-sidebar/src'], 'jsdom', {
      setupFiles: ['<rootDir>/apps/ticket-sidebar/src/testing/jsdom-setup.ts'],
      // Garden's forms import react-merge-refs, published as ES modules only.
      transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
      transformIgnorePatterns: ['/node_modules/(?!react-merge-refs/)'],
      moduleNameMapper: {
        ...moduleNameMapper,
        '^(react|react-dom)(/.*)?$': '<rootDir>/apps/ticket-sidebar/node_modules/$1$2',
      },
    }),
    project('e2e', ['<rootDir>/test']),
  ],
};
