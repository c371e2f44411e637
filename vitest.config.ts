import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report lets .ci/run print a plain 'N passed, N failed' line.
    reporters: ['default', ['json', { outputFile: '.cache/vitest-report.json' }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
