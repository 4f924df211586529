import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Evaluation-scale checks that read ../shared (the external corpus, the negatives, the seeds as
// published). Not part of `npm test`, which runs on a bare clone; `.ci/run` runs this suite too.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/data/**/*.test.{ts,tsx}'],
    testTimeout: 120_000,
  },
});
