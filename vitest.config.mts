import { defineConfig } from 'vitest/config';

/** `vitest run --project <name>`: domain, api (unit) and integration. The web app's unit tests run with `nx test web`. */
export default defineConfig({
  test: {
    projects: ['libs/domain/vitest.config.mts', 'apps/api/vitest.config.mts', 'tests/integration/vitest.config.mts'],
  },
});
