import { defineConfig, mergeConfig } from 'vitest/config';
import { nodeVitestBase } from '../../tools/vitest.shared.mts';

export default mergeConfig(
  nodeVitestBase('apps/api/tsconfig.spec.json'),
  defineConfig({
    test: {
      name: 'api',
      root: import.meta.dirname,
      environment: 'node',
      include: ['src/**/*.spec.ts'],
      setupFiles: ['../../tools/shifted-clock.ts'],
    },
  }),
);
