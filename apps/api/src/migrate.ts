import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { resolveDatabase } from './database/resolve-database';
import { EnvValidationError, validateEnv } from './config/env';
import { dataSourceOptions } from './database/database-options';

/** `npm run db:migrate`: applies pending migrations to the configured (or embedded) database. */
async function migrate(): Promise<void> {
  const env = validateEnv(process.env);
  const { target, embedded } = await resolveDatabase(env);
  const dataSource = new DataSource(dataSourceOptions(target));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length === 0
        ? 'The database is up to date.\n'
        : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m.name}`).join('\n')}\n`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

migrate().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      error instanceof EnvValidationError
        ? `${error.message}\n`
        : `Migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
