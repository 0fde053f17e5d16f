import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests talk to a simulator process: generous on a busy machine.
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
