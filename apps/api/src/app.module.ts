import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { AttendanceModule } from './attendance/attendance.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { authSettings } from './auth/auth.settings';
import { Clock, SystemClock } from './common/clock';
import { LoggingModule } from './common/logging.module';
import type { Env } from './config/env';
import type { DatabaseTarget } from './database/database-options';
import { DatabaseModule } from './database/database.module';
import { DemoDataRepository } from './demo/demo-data.repository';
import { DemoDataService } from './demo/demo-data.service';
import { FlagsModule } from './flags/flags.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { MessagesModule } from './messages/messages.module';
import { PlanningModule } from './planning/planning.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RegistrationModule } from './registration/registration.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';
import { ServicesDirectoryModule } from './services-directory/services-directory.module';
import { StaffModule } from './staff/staff.module';

export interface AppOptions {
  env: Env;
  database: DatabaseTarget;
  /** Key for sealed secrets and keyed hashes (see common/secret-box.ts). */
  secretKey: Buffer;
  /** Off in tests that drive jobs by hand. */
  scheduler?: boolean;
  /** More modules to mount (tests that show what happens to a route nobody declared). */
  extraModules?: Array<Type<unknown>>;
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
        AuthModule.forRoot(authSettings(options.env, options.secretKey)),
        AuditModule,
        HealthModule,
        GroupsModule,
        StaffModule,
        PlanningModule,
        MessagesModule.forRoot(options.env),
        RegistrationModule.forRoot(options.env),
        AttendanceModule.forRoot(options.env),
        ReportsModule,
        RetentionModule.forRoot(options.env),
        FlagsModule.forRoot(options.secretKey, options.env.KRING_FLAG_KEY_VERSION),
        ServicesDirectoryModule,
        SubjectAccessModule.forRoot(),
        ReferralsModule.forRoot(),
        ...(options.extraModules ?? []),
      ],
      providers: [{ provide: Clock, useClass: SystemClock }, DemoDataRepository, DemoDataService],
      exports: [Clock],
      global: true,
    };
  }
}
