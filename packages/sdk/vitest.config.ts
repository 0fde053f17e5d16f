import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          // Type tests: `*.test-d.ts` files are checked by tsc, never run; a call with a
          // wrong input must carry @ts-expect-error or the suite fails.
          typecheck: {
            enabled: true,
            include: ['src/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        // The real gateway and simulator as processes: see test/e2e/global-setup.ts.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One file at a time: CI runs the gateway's own e2e suite beside this one on two
          // cores, and both measure time.
          fileParallelism: false,
          // Real processes on a machine that may be busy: generous, so only a hang fails.
          testTimeout: 120_000,
          // A file of its own may start a second stack; PGlite's first start is slow.
          hookTimeout: 360_000,
        },
      },
    ],
  },
});
