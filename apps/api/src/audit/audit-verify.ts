import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { resolveDatabase, secretKeyFor } from '../database/resolve-database';
import { EnvValidationError, validateEnv } from '../config/env';
import { dataSourceOptions } from '../database/database-options';
import { verifyAuditChain } from './audit-verifier';

/**
 * `npm run audit:verify [-- --head=<id>:<mac>]`: checks the audit chain's MACs with the key from
 * KRING_SECRET_KEY (as the app finds it); exits 1 and names the first broken event. It prints the
 * head (id and MAC) to compare with the 'Audit chain head' lines of the application log, or
 * checks the one given with --head (a rewrite with a new key would not hold that event's MAC).
 */
async function main(): Promise<number> {
  const env = validateEnv(process.env);
  const { target, embedded } = await resolveDatabase(env);
  const secretKey = secretKeyFor(env, embedded !== undefined).key;
  const given = process.argv.find((a) => a.startsWith('--head='))?.slice('--head='.length);
  const expectHead = given && /^\d+:[0-9a-f]{64}$/i.test(given) ? { id: given.split(':')[0], mac: given.split(':')[1] } : undefined;
  if (given && !expectHead) throw new Error('--head must be <event id>:<MAC in hex>, as in the log line "Audit chain head"');
  const db = new DataSource(dataSourceOptions(target));
  try {
    await db.initialize();
    const result = await verifyAuditChain(db, { secretKey, expectHead });
    if (result.head) process.stdout.write(`${JSON.stringify({ msg: 'Audit chain head', auditHead: result.head })}\n`);
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
