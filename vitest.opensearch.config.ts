import { defineConfig } from 'vitest/config';

// The OpenSearch backend suite: a real single-node OpenSearch (npm run opensearch:start, or the
// server at SUYUAN_TEST_OPENSEARCH). The global setup starts one when none answers and Java and
// Maven are present, and skips the suite with a message when they are not. `.ci/run` starts the
// server before and stops it by PID after.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/opensearch/**/*.test.ts'],
    globalSetup: ['tests/opensearch/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
