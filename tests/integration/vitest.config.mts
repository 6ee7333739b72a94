import { defineConfig, mergeConfig } from 'vitest/config';
import { nodeVitestBase } from '../../tools/vitest.shared.mts';

/** Integration tests: the real API on a real PostgreSQL (or the embedded PGlite), our migrations. */
export default mergeConfig(
  nodeVitestBase('tests/integration/tsconfig.json'),
  defineConfig({
    test: {
      name: 'integration',
      root: import.meta.dirname,
      environment: 'node',
      include: ['**/*.spec.ts'],
      globalSetup: ['./support/global-setup.ts'],
      // With KRING_CLOCK_SHIFT_DAYS set, 'now' is that far ahead (a check that no test depends on today's date).
      setupFiles: ['../../tools/shifted-clock.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }),
);
