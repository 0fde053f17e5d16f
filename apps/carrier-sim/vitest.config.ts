import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file starts its own simulator on a random port; two workers fit two cores.
    maxWorkers: 2,
  },
});
