import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium (tests/e2e) and firefox-esr
// (tests/e2e-firefox); they run one file at a time because each launches its own browser on a
// 2-core machine.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts', 'tests/e2e-firefox/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
