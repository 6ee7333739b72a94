import type { Env } from '../config/env';

export const ATTENDANCE_SETTINGS = Symbol('ATTENDANCE_SETTINGS');

export interface AttendanceSettings {
  editDays: number;
  /** For how many days a coordinator's unlock reopens a closed session (`ATTENDANCE_UNLOCK_DAYS`). */
  unlockDays: number;
  retentionMonths: number;
}

export function attendanceSettings(env: Env): AttendanceSettings {
  return { editDays: env.ATTENDANCE_EDIT_DAYS, unlockDays: env.ATTENDANCE_UNLOCK_DAYS, retentionMonths: env.ATTENDANCE_RETENTION_MONTHS };
}
