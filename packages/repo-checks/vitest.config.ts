import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Parses every TypeScript and Markdown file of the repository: slow on a busy machine.
    testTimeout: 60_000,
  },
});
