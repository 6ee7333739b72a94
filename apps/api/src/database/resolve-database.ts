import { resolveSecretKey } from '../common/secret-box';
import type { Env } from '../config/env';
import type { DatabaseTarget } from './database-options';
import { EmbeddedPostgres } from './embedded-postgres';

/** The key for secrets at rest: configured, kept beside the embedded data, or a development default. */
export function secretKeyFor(env: Env, embedded: boolean): { key: Buffer; source: string } {
  return resolveSecretKey({ configured: env.KRING_SECRET_KEY, dataDir: embedded ? env.KRING_DATA_DIR : undefined });
}

/** Where the database is: the configured server, or an embedded PGlite we start here. */
export async function resolveDatabase(env: Env): Promise<{ target: DatabaseTarget; embedded?: EmbeddedPostgres }> {
  if (env.DATABASE_URL) {
    return { target: { url: env.DATABASE_URL, embedded: false, poolSize: env.DATABASE_POOL_SIZE } };
  }
  const embedded = await EmbeddedPostgres.start(env.KRING_DATA_DIR);
  return { target: { url: embedded.url, embedded: true, poolSize: 1 }, embedded };
}
