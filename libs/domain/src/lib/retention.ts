/**
 * Keeping only what is needed (GDPR storage limitation): what Kring erases when, what keeps a
 * family's data, and the words of the coordinator's "forget me" screen.
 */

/** How long each kind of data is kept; settings (README), defaults here. */
export interface RetentionSchedule {
  /** A family's contact details, children and registrations, after it was last seen (registered for or at a session). */
  familyMonths: number;
  /** Names on attendance (the counts stay). */
  attendanceMonths: number;
  /** A closed flag's text, after closing (expired flags are erased when they expire). */
  closedFlagMonths: number;
  /** A closed referral, after closing (applies once referrals exist). */
  closedReferralYears: number;
  /** A sent message's body and address, after sending. */
  outboxDays: number;
}

export const DEFAULT_RETENTION: RetentionSchedule = {
  familyMonths: 24,
  attendanceMonths: 24,
  closedFlagMonths: 12,
  closedReferralYears: 5,
  outboxDays: 30,
};

/** The moment before which something is due for erasure: `months` calendar months before `now` (UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** A family last seen at `lastSeen` is due for erasure once `familyMonths` have passed since. */
export function familyDue(lastSeen: Date, now: Date, familyMonths: number): boolean {
  return lastSeen.getTime() < monthsBefore(now, familyMonths).getTime();
}

/** What keeps (part of) a family's data from being erased now. */
export const ErasureBlocker = {
  /** A coordinator put the family on hold, with a reason (e.g. a court case). */
  LegalHold: 'legal_hold',
  /** Flags about the family are kept by their own schedule (open ones until closed; closed ones for a while). */
  Flags: 'flags',
  /** An open referral keeps what it needs until it is closed. */
  OpenReferral: 'open_referral',
} as const;
export type ErasureBlocker = (typeof ErasureBlocker)[keyof typeof ErasureBlocker];

export interface LegalHoldView {
  id: string;
  reason: string;
  setBy: { id: string; displayName: string };
  setAt: string;
}

/** `POST /api/v1/families/:id/legal-hold` (coordinator): a short reason, audited. */
export interface LegalHoldRequest {
  reason: string;
}

/** `GET /api/v1/families/:id/erasure` (coordinator): what "forget me" would erase now, and what stays and why. */
export interface ErasurePreview {
  familyId: string;
  displayName: string;
  /** Registrations still ahead (they are cancelled, seats going to the waitlist). */
  comingRegistrations: number;
  /** Erasing now is possible: nothing below keeps the family. */
  erasable: boolean;
  /** Why something stays; empty when everything goes. */
  keeps: ErasureBlocker[];
  hold: LegalHoldView | null;
}

/** `POST /api/v1/families/:id/erasure` (coordinator): the confirmation the screen asks for. */
export interface ErasureRequest {
  /** The family's display name typed again, as a confirmation. */
  confirmName: string;
}
