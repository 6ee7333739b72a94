import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { Clock, SystemClock } from './common/clock';
import { LoggingModule } from './common/logging.module';
import type { Env } from './config/env';
import type { DatabaseTarget } from './database/database-options';
import { DatabaseModule } from './database/database.module';
import { DemoDataService } from './demo/demo-data.service';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';

export interface AppOptions {
  env: Env;
  database: DatabaseTarget;
  /** Off in tests that drive jobs by hand. */
  scheduler?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The environment was validated before Nest starts (see bootstrap.ts); expose the result.
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...options.env })] }),
        LoggingModule.forRoot(options.env),
        DatabaseModule.forTarget(options.database),
        ...(options.scheduler === false ? [] : [ScheduleModule.forRoot()]),
        HealthModule,
        GroupsModule,
      ],
      providers: [{ provide: Clock, useClass: SystemClock }, DemoDataService],
      exports: [Clock],
      global: true,
    };
  }
}
