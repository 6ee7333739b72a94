import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server to make test databases on; empty for the embedded PGlite. */
    serverUrl: string;
    /** Prefix of this run's test databases, so teardown finds them all. */
    runId: string;
  }
}

/**
 * With DATABASE_URL: every test file makes its own database on that server, named after
 * this run, and teardown drops whatever is left. Without it: every file starts its own
 * in-memory PGlite, which vanishes with it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env['DATABASE_URL'] ?? '';
  const runId = `kring_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  project.provide('serverUrl', serverUrl);
  project.provide('runId', runId);
  if (!serverUrl) return async () => undefined;

  const client = new Client({ connectionString: serverUrl });
  await client.connect().catch((error: Error) => {
    throw new Error(`Integration tests cannot reach DATABASE_URL: ${error.message}`);
  });
  await client.end();

  return async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${runId}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  };
}
