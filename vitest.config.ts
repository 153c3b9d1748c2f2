import { defineConfig } from 'vitest/config';

// ATTAIN_TEST_REPORT names a JSON report file: .ci/run adds up passed/failed over its runs from it.
const report = process.env.ATTAIN_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'bench/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Browser pages poll for data that arrives in its own time; a loaded CI machine is slow, not wrong.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
