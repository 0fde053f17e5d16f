import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Generous: some tests build a whole app (PGlite, migrations), slow on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        // The running gateway and simulator, as processes: see @parcelgate/test-stack.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // Real processes on a machine that may be busy: generous, so only a hang fails.
          testTimeout: 120_000,
          // Each file starts its own simulator and gateway; PGlite's first start is slow.
          hookTimeout: 360_000,
        },
      },
    ],
  },
});
