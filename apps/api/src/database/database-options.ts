import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@kring/migrations';

export interface DatabaseTarget {
  url: string;
  /** True for the embedded PGlite, which serialises all statements (see EmbeddedPostgres). */
  embedded: boolean;
  poolSize: number;
}

/**
 * The one TypeORM configuration, used by the API, the TypeORM CLI, `npm run db:migrate`
 * and the tests. Never `synchronize`: the schema comes from migrations only.
 *
 * No entities: every query is SQL in a repository that selects what its view needs and maps
 * it once (see docs/ARCHITECTURE.md), so entity classes would only drift from the schema.
 */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      // Embedded: one connection. PGlite runs one statement at a time anyway, and a second
      // connection used while a transaction is open would wait for that transaction forever;
      // with one connection such a mistake fails after the timeout with a clear error instead.
      max: target.embedded ? 1 : target.poolSize,
      connectionTimeoutMillis: target.embedded ? 15_000 : 10_000,
      application_name: 'kring',
      // No JIT on Kring's own connections: its queries are small and indexed, and compiling a plan
      // whose cost estimate passes `jit_above_cost` took longer than running it (issue 20). PGlite,
      // which has no JIT, accepts the option and ignores it.
      options: '-c jit=off',
    },
  };
}

/** Nest token of the resolved `DatabaseTarget`. */
export const DATABASE_TARGET = Symbol('DATABASE_TARGET');
