import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction and makes that transaction the one every
 * repository uses while it lasts (through `manager`), so no query can slip out onto
 * another connection. That matters everywhere (atomic state changes) and in embedded
 * mode it is what keeps a request from waiting on its own open transaction.
 */
@Injectable()
export class Transactions {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  /** The open transaction's manager, or the pool's when none is open. */
  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** Runs `work` in a transaction; nested calls join the outer one. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    return this.dataSource.transaction((manager) => this.current.run(manager, () => work(manager)));
  }
}
