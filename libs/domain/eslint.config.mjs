import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // rrule and luxon weigh about 150 kB in a browser: they stay behind the
    // `@kring/domain/recurrence` entry point, out of the web's first load.
    files: ['**/*.ts'],
    ignores: ['**/src/recurrence.ts', '**/src/lib/recurrence.ts', '**/src/lib/recurrence.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'luxon', message: 'Only src/lib/recurrence.ts (entry point @kring/domain/recurrence) may use luxon.' },
            { name: 'rrule', message: 'Only src/lib/recurrence.ts (entry point @kring/domain/recurrence) may use rrule.' },
          ],
          patterns: [
            {
              group: ['**/lib/recurrence', './recurrence'],
              message: 'Import the recurrence rules through @kring/domain/recurrence, not from @kring/domain.',
            },
          ],
        },
      ],
    },
  },
];
