import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DATABASE_TARGET, dataSourceOptions, type DatabaseTarget } from './database-options';
import { HousekeepingJob } from './housekeeping.job';
import { JobLedger } from './job-ledger';
import { Transactions } from './transactions';

export { DATABASE_TARGET };

/** TypeORM on the resolved database, migrations applied at start, and the transaction helpers. */
@Global()
@Module({})
export class DatabaseModule {
  static forTarget(target: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(target),
          migrationsRun: true,
          // Fail fast at boot instead of retrying for minutes with a wrong DATABASE_URL.
          retryAttempts: 2,
          retryDelay: 1000,
        }),
      ],
      providers: [{ provide: DATABASE_TARGET, useValue: target }, Transactions, JobLedger, HousekeepingJob],
      exports: [DATABASE_TARGET, Transactions, JobLedger],
    };
  }
}
