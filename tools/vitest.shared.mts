import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import type { UserConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * What every Vitest project on the Node side shares: SWC for Nest's decorators and their
 * metadata (esbuild cannot emit it), and the @kring/domain aliases (as in tsconfig.base.json).
 */
export const nodeVitestBase = (tsconfigFile: string): UserConfig => ({
  plugins: [swc.vite({ tsconfigFile: `${root}/${tsconfigFile}`, jsc: { target: 'es2022' } })],
  resolve: {
    alias: {
      // The entry point before the package: an alias also catches `@kring/domain/<anything>`.
      '@kring/domain/recurrence': `${root}/libs/domain/src/recurrence.ts`,
      '@kring/domain/phone': `${root}/libs/domain/src/phone.ts`,
      '@kring/domain': `${root}/libs/domain/src/index.ts`,
      '@kring/migrations': `${root}/migrations/index.ts`,
    },
  },
  cacheDir: `${root}/node_modules/.vite`,
});
