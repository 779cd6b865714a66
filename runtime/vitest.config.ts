import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    setupFiles: ['../vitest.fast-check.ts'],
    // PGlite takes seconds to start and migrate, more on a busy 2-core machine.
    hookTimeout: 120_000,
  },
});
