import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { DATABASE_TARGET, type DatabaseTarget } from './database-options';

/**
 * Runs work in one database transaction and makes that transaction the one every
 * repository uses while it lasts (through `manager`), so no query can slip out onto
 * another connection. That matters everywhere (atomic state changes) and in embedded
 * mode it is what keeps a request from waiting on its own open transaction.
 */
@Injectable()
export class Transactions {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  /** The open transaction's manager, or the pool's when none is open. */
  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * Runs a hot statement as a named prepared statement on the connection `manager` would use:
   * PostgreSQL parses and plans it once per connection instead of on every call, which for the
   * larger statements costs more than running them. `name` must be unique per SQL text. Returns
   * the rows (also for UPDATE/DELETE … RETURNING). Unnamed on the embedded database.
   */
  async prepared<T = Record<string, unknown>>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const runner = this.current.getStore()?.queryRunner as PostgresQueryRunner | undefined;
    const on: Pick<PoolClient, 'query'> = runner
      ? ((await runner.connect()) as PoolClient)
      : ((this.dataSource.driver as PostgresDriver).master as Pool);
    // The embedded database is one PostgreSQL session behind every connection the pool opens, so a
    // statement prepared on a connection that was since closed is still there under its name: it
    // runs statements one at a time anyway, so there they stay unnamed.
    const result = await on.query<T & object>(this.target.embedded ? { text, values } : { name, text, values });
    return result.rows;
  }

  /** Runs `work` in a transaction; nested calls join the outer one. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    return this.dataSource.transaction((manager) => this.current.run(manager, () => work(manager)));
  }
}
