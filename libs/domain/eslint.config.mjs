import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // libphonenumber-js's metadata stays behind the `@kring/domain/phone` entry point, out of the web's first load.
    files: ['**/*.ts'],
    ignores: ['**/src/phone.ts', '**/src/lib/phone.ts', '**/src/lib/phone.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['libphonenumber-js', 'libphonenumber-js/*'],
              message: 'Only src/lib/phone.ts (entry point @kring/domain/phone) may use libphonenumber-js.',
            },
            { group: ['**/lib/phone', './phone'], message: 'Import the phone rules through @kring/domain/phone, not from @kring/domain.' },
          ],
        },
      ],
    },
  },
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
