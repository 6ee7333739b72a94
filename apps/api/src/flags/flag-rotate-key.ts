import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { EnvValidationError, validateEnv } from '../config/env';
import { dataSourceOptions } from '../database/database-options';
import { resolveDatabase, secretKeyFor } from '../database/resolve-database';
import { FlagBox } from './flag-box';
import { rotateFlagKeys } from './flag-key-rotation';

/**
 * `npm run flags:rotate-key`: re-seals every flag text under key `f<KRING_FLAG_KEY_VERSION>`. Raise
 * KRING_FLAG_KEY_VERSION first (the API seals new text under it from its next start; older keys
 * still open), then run this once; it can be run again safely. Prints counts, never text. (It runs
 * outside the API, so it does not write the chained audit trail; the operator's change log records it.)
 */
async function main(): Promise<number> {
  const env = validateEnv(process.env);
  const { target, embedded } = await resolveDatabase(env);
  const secret = secretKeyFor(env, embedded !== undefined);
  const db = new DataSource(dataSourceOptions(target));
  try {
    await db.initialize();
    const box = new FlagBox(secret.key, env.KRING_FLAG_KEY_VERSION);
    const counts = await rotateFlagKeys(db, box);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const parts = Object.entries(counts).map(([table, n]) => `${table} ${n}`);
    process.stdout.write(`Flag text re-sealed under ${box.currentKeyId}: ${total} value(s) (${parts.join(', ')}).\n`);
    return 0;
  } finally {
    if (db.isInitialized) await db.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Only the kind of error: a message could quote what it failed on.
    process.stderr.write(
      error instanceof EnvValidationError
        ? `${error.message}\n`
        : `Could not re-seal flag text (${error instanceof Error ? error.name : 'error'}).\n`,
    );
    process.exit(2);
  },
);
