import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          // A few tests run the command as a process (through a pseudo-terminal, or piped).
          testTimeout: 30_000,
        },
      },
      {
        // The real gateway and simulator as processes (@parcelgate/test-stack).
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          // PGlite's first start is slow on a busy machine.
          hookTimeout: 360_000,
        },
      },
    ],
  },
});
