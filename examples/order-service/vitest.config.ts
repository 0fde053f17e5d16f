import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The e2e test starts the real simulator and gateway; PGlite's first start is slow.
    testTimeout: 120_000,
    hookTimeout: 360_000,
  },
});
