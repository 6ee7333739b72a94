import type { Env } from '../config/env';

export const REGISTRATION_SETTINGS = Symbol('REGISTRATION_SETTINGS');

export interface RegistrationSettings {
  /** How long an offered seat is held at most (shorter close to the session). */
  offerHours: number;
  /** When the reminder goes out before a session. */
  reminderHours: number;
  publicUrl: string;
  /** The privacy notice version families agree to now. */
  privacyNoticeVersion: string;
}

export function registrationSettings(env: Env): RegistrationSettings {
  return {
    offerHours: env.REGISTRATION_OFFER_HOURS,
    reminderHours: env.REMINDER_HOURS_BEFORE,
    publicUrl: (env.KRING_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
  };
}

export const PRIVACY_NOTICE_VERSION = '2026-11';
