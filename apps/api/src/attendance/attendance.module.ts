import { Module, type DynamicModule } from '@nestjs/common';
import type { Env } from '../config/env';
import { AttendanceController } from './attendance.controller';
import { AttendanceReadService } from './attendance-read.service';
import { AttendanceSyncService } from './attendance-sync.service';
import { AttendanceRepository } from './attendance.repository';
import { ATTENDANCE_SETTINGS, attendanceSettings } from './attendance.settings';
import { AttendanceRetentionJob } from './retention.job';

@Module({})
export class AttendanceModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: AttendanceModule,
      controllers: [AttendanceController],
      providers: [
        { provide: ATTENDANCE_SETTINGS, useValue: attendanceSettings(env) },
        AttendanceRepository,
        AttendanceReadService,
        AttendanceSyncService,
        AttendanceRetentionJob,
      ],
    };
  }
}
