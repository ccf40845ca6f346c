import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/model/testSetup.ts'],
    // Gradient checks and the overfit test run real training steps on tfjs's cpu backend.
    testTimeout: 60_000,
    // The JSON report feeds the `N passed, N failed` line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
