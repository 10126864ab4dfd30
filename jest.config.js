// Unit tests sit next to the code (packages/*/src/**/*.test.ts); integration
// tests that need lab hosts and real sshd live under test/.
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'es6' } }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@tsible/engine$': '<rootDir>/packages/engine/src/index.ts',
    '^@tsible/engine/(.*)$': '<rootDir>/packages/engine/src/$1',
    '^@tsible/modules$': '<rootDir>/packages/modules/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/packages/*/src/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // One lab of isolated sshd hosts for the whole run (see test/lab/lab.ts).
      globalSetup: '<rootDir>/test/lab/global-setup.ts',
      globalTeardown: '<rootDir>/test/lab/global-teardown.ts',
    },
  ],
};
