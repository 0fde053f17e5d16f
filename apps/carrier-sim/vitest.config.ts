import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file starts its own simulator on a random port; two workers fit two cores.
    maxWorkers: 2,
    // Some tests start the simulator as a process (main.test.ts): on a busy machine that
    // alone may take seconds, so the limit is generous; they wait on its ready line.
    testTimeout: 60_000,
  },
});
