import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { resolveDatabase } from '../database/resolve-database';
import { EnvValidationError, validateEnv } from '../config/env';
import { dataSourceOptions } from '../database/database-options';
import { verifyAuditChain } from './audit-verifier';

/** `npm run audit:verify`: checks the audit chain; exits 1 and names the first broken event. */
async function main(): Promise<number> {
  const env = validateEnv(process.env);
  const { target, embedded } = await resolveDatabase(env);
  const db = new DataSource(dataSourceOptions(target));
  try {
    await db.initialize();
    const result = await verifyAuditChain(db);
    if (result.ok) {
      process.stdout.write(`Audit trail intact: ${result.checked} event(s) checked.\n`);
      return 0;
    }
    process.stdout.write(
      `Audit trail BROKEN at event ${result.brokenId}: ${result.reason} (${result.checked} event(s) before it are intact).\n`,
    );
    return 1;
  } finally {
    if (db.isInitialized) await db.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof EnvValidationError
        ? `${error.message}\n`
        : `Could not check the audit trail: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
