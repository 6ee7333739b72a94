import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // A context's repositories and DTOs are its own: another context goes through its services (or the
    // piece moves to common/). Plumbing everyone shares (common, database, config, access) is open.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(?!common/|database/|config/|access/)[a-z-]+/(.+\\.repository|dto/.+)$',
              message: 'A deep import into another context: use its service (or move what is shared to common/).',
            },
          ],
        },
      ],
    },
  },
];
