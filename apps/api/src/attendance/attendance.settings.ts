import type { Env } from '../config/env';

export const ATTENDANCE_SETTINGS = Symbol('ATTENDANCE_SETTINGS');

export interface AttendanceSettings {
  editDays: number;
  retentionMonths: number;
}

export function attendanceSettings(env: Env): AttendanceSettings {
  return { editDays: env.ATTENDANCE_EDIT_DAYS, retentionMonths: env.ATTENDANCE_RETENTION_MONTHS };
}
