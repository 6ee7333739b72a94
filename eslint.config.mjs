import nx from '@nx/eslint-plugin';

/**
 * One lint for the whole repo. Module boundaries fail the build: web and api may use the
 * shared domain lib, never each other; libs/domain stays free of frameworks.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/vitest.config.*.timestamp*', 'test-results', 'data', 'tmp', '.nx', '.angular'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'rxjs', 'rxjs/*', 'class-validator', 'express'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']",
          message: 'No committed .only: it silently skips the rest.',
        },
      ],
    },
  },
  {
    // Type-aware rules: a floating promise loses work. (Patterns are relative to the config
    // that imports this one, so they cannot name folders: every TypeScript file is covered.)
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // Root config files belong to no tsconfig; type them with the default project.
        projectService: { allowDefaultProject: ['playwright.config.ts', 'tools/shifted-clock.ts'] },
        tsconfigRootDir: import.meta.dirname,
        // Nest reads constructor parameter types at run time: those imports must stay values.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
];
