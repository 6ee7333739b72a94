import { randomBytes } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { createApp } from '../../../apps/api/src/bootstrap';
import { validateEnv } from '../../../apps/api/src/config/env';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  db: DataSource;
  database: TestDatabase;
  /** The key this app seals secrets with (a second process on the same database needs it too). */
  secretKey: Buffer;
  /** fetch() against the running app, path from the root (e.g. `/api/v1/public/groups`). */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real application (same bootstrap as `npm start`: pipes, filter, versioning, migrations)
 * on its own fresh database, listening on a free port. The scheduler is off: tests run jobs
 * by hand with a clock they control.
 */
export async function startTestApp(overrides: Record<string, string> = {}, extraModules: Array<Type<unknown>> = []): Promise<TestApp> {
  const database = await createTestDatabase();
  const env = validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', KRING_DEMO_DATA: 'false', ...overrides });
  const secretKey = randomBytes(32);
  const app = await createApp({
    env,
    database: database.target,
    secretKey,
    scheduler: false,
    extraModules,
    webDist: env.KRING_WEB_DIST || undefined,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    baseUrl,
    db: app.get(DataSourceToken),
    database,
    secretKey,
    request: (path, init) => fetch(`${baseUrl}${path}`, init),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
