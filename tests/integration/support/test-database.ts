import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import type { DatabaseTarget } from '../../../apps/api/src/database/database-options';
import { EmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file: on the DATABASE_URL server, or an in-memory PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('serverUrl');
  if (!serverUrl) {
    const embedded = await EmbeddedPostgres.start(undefined);
    return { target: { url: embedded.url, embedded: true, poolSize: 1 }, drop: () => embedded.stop() };
  }
  const name = `${inject('runId')}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { url: url.toString(), embedded: false, poolSize: 4 },
    drop: () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
