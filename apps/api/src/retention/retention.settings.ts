import type { RetentionSchedule } from '@kring/domain';
import type { Env } from '../config/env';

export const RETENTION_SETTINGS = Symbol('RETENTION_SETTINGS');

/** The one retention schedule, from the settings (README), checked at start. */
export function retentionSettings(env: Env): RetentionSchedule {
  return {
    familyMonths: env.RETENTION_FAMILY_MONTHS,
    attendanceMonths: env.ATTENDANCE_RETENTION_MONTHS,
    closedFlagMonths: env.RETENTION_CLOSED_FLAG_MONTHS,
    closedReferralYears: env.RETENTION_CLOSED_REFERRAL_YEARS,
    outboxDays: env.RETENTION_OUTBOX_DAYS,
  };
}
