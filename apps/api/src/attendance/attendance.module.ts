import { Module, type DynamicModule } from '@nestjs/common';
import type { Env } from '../config/env';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { ATTENDANCE_SETTINGS, attendanceSettings } from './attendance.settings';
import { AttendanceRetentionJob } from './retention.job';

@Module({})
export class AttendanceModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: AttendanceModule,
      controllers: [AttendanceController],
      providers: [{ provide: ATTENDANCE_SETTINGS, useValue: attendanceSettings(env) }, AttendanceService, AttendanceRetentionJob],
    };
  }
}
