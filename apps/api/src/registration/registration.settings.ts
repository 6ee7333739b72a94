import { normalizePhone, type CentreContact } from '@kring/domain';
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
  /** The centre's name and how parents reach it with a question (`KRING_CENTRE_NAME`, `KRING_CENTRE_PHONE`, `KRING_CENTRE_EMAIL`). */
  centre: CentreContact;
}

export function registrationSettings(env: Env): RegistrationSettings {
  return {
    offerHours: env.REGISTRATION_OFFER_HOURS,
    reminderHours: env.REMINDER_HOURS_BEFORE,
    publicUrl: (env.KRING_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    centre: {
      name: env.KRING_CENTRE_NAME,
      phone: env.KRING_CENTRE_PHONE,
      phoneHref: `tel:${normalizePhone(env.KRING_CENTRE_PHONE) ?? env.KRING_CENTRE_PHONE.replace(/[^\d+]/g, '')}`,
      email: env.KRING_CENTRE_EMAIL,
    },
  };
}

export const PRIVACY_NOTICE_VERSION = '2026-11';
