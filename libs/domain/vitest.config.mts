import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/libs/domain',
  test: {
    name: 'domain',
    watch: false,
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['../../tools/shifted-clock.ts'],
  },
});
