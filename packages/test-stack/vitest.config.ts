import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Some tests start the simulator as a process: on a busy machine that alone may take
    // seconds, so the limit is generous; they wait on its listening line, not on time.
    testTimeout: 120_000,
  },
});
