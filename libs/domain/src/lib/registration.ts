import type { Audience, GroupKind } from './groups';

/**
 * Registration rules shared by the public pages, the staff screens and the API: seats, the
 * waitlist's fairness, the code families quote, and the few fields we ask.
 */

/** Capitals and digits that cannot be mistaken for each other (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G). */
export const CODE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function isRegistrationCode(text: string): boolean {
  const clean = normalizeRegistrationCode(text);
  return clean.length === CODE_LENGTH && [...clean].every((c) => CODE_ALPHABET.includes(c));
}

/** What people type at the door: lower case, spaces, a dash. */
export function normalizeRegistrationCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** A family takes one seat for its adult(s), plus one per child that comes along when the group counts children. */
export function seatsNeeded(childrenComing: number, groupCountsChildren: boolean): number {
  return 1 + (groupCountsChildren ? Math.max(0, Math.trunc(childrenComing)) : 0);
}

export interface WaitingFamily {
  id: string;
  seats: number;
}

/**
 * Who gets the freed seats: families are offered a place in waiting order, each as one unit;
 * a family that does not fit in what is free is passed over (and keeps its place) for the next
 * that fits. Said in plain words on the public pages (see `registration.fairness` texts).
 */
export function nextOffers(waitingInOrder: readonly WaitingFamily[], freeSeats: number): string[] {
  const offers: string[] = [];
  let free = freeSeats;
  for (const family of waitingInOrder) {
    if (free <= 0) break;
    if (family.seats <= free) {
      offers.push(family.id);
      free -= family.seats;
    }
  }
  return offers;
}

/**
 * How long an offered seat waits for a yes: the configured hours, but never past a third of the
 * time left before the session, and at least 30 minutes. Null: too close to the session to offer.
 */
export function offerValidUntil(now: Date, sessionStart: Date, configuredHours: number): Date | null {
  const left = sessionStart.getTime() - now.getTime();
  if (left < 60 * 60_000) return null;
  const valid = Math.max(30 * 60_000, Math.min(configuredHours * 3_600_000, left / 3));
  return new Date(now.getTime() + valid);
}

/**
 * True once a group has closed online changes for a session: `closesHoursBefore` hours before it
 * starts (null: the group keeps them open until the start). After that, parents call the centre.
 */
export function closedOnline(sessionStart: Date, closesHoursBefore: number | null, now: Date): boolean {
  return closesHoursBefore !== null && sessionStart.getTime() - closesHoursBefore * 3_600_000 <= now.getTime();
}

/** A mobile number in international form (+32470123456), or null. Belgian numbers may be typed locally. */
export function normalizePhone(text: string): string | null {
  let digits = text.replace(/[\s./()-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  else if (/^0\d{8,9}$/.test(digits)) digits = `+32${digits.slice(1)}`;
  if (!/^\+[1-9]\d{7,14}$/.test(digits)) return null;
  return digits;
}

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);
}

/** A child's birth month, or due month in pregnancy: `YYYY-MM`, at most 18 years back and 10 months ahead. */
export function isChildMonth(text: string, today: Date): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return false;
  const months = Number(m[1]) * 12 + Number(m[2]) - 1;
  if (Number(m[2]) < 1 || Number(m[2]) > 12) return false;
  const now = today.getUTCFullYear() * 12 + today.getUTCMonth();
  return months >= now - 18 * 12 && months <= now + 10;
}

export const RegistrationStatus = {
  Confirmed: 'confirmed',
  Waitlisted: 'waitlisted',
  /** A freed seat is held for this family until `offerExpiresAt`. */
  Offered: 'offered',
  /** "Not this week" for one session of a series enrolment. */
  Skipped: 'skipped',
  Cancelled: 'cancelled',
} as const;
export type RegistrationStatus = (typeof RegistrationStatus)[keyof typeof RegistrationStatus];

export const NEEDS = ['childcare', 'interpreter', 'accessibility'] as const;
export type Need = (typeof NEEDS)[number];

/** `POST /api/v1/public/registrations`: one session, or the whole series of a group. */
export interface RegisterRequest {
  /** One session… */
  sessionId?: string;
  /** …or every coming session of this group (a series enrolment). */
  groupId?: string;
  displayName: string;
  phone?: string;
  email?: string;
  /** Birth or due months, `YYYY-MM`. */
  children: string[];
  /** How many children come along (counts toward capacity where the group says so). */
  childrenComing?: number;
  needs: Need[];
  locale: string;
  /** Neutral sender, no group name or topic in any SMS. */
  discreet?: boolean;
  /** The privacy notice version the parent saw and agreed to. */
  consentNoticeVersion: string;
  consentGiven: boolean;
  /** A field people never see; bots fill it in. */
  website?: string;
}

export interface RegistrationView {
  id: string;
  sessionId: string;
  group: { id: string; title: string };
  startsAt: string;
  endsAt: string;
  place: { name: string; street: string; city: string };
  status: RegistrationStatus;
  /** 1-based, among the families still waiting; null when not waiting. */
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  /** Part of a series enrolment (so "not this week" applies). */
  series: boolean;
  /**
   * For a skipped date still ahead: "online" while the link can take "not this week" back, "call"
   * once the group has closed online changes (some hours before the start); else null.
   */
  comeAfterAll: 'online' | 'call' | null;
}

export interface RegisterResponse {
  code: string;
  /** The self-service link (also sent by SMS or e-mail). */
  manageUrl: string;
  /** True when the same contact had just registered for the same sessions: nothing new was made. */
  repeat: boolean;
  registrations: RegistrationView[];
}

/**
 * The public form's answer when the same contact has just registered for these sessions: nothing
 * of that family (no code, link, name or dates), worded like a new registration; the code and link
 * go again to the contact on file.
 */
export interface RegisterAgainResponse {
  repeat: true;
  code: null;
  manageUrl: null;
  registrations: [];
}

/** `POST /api/v1/public/registrations`. */
export type PublicRegisterResponse = RegisterResponse | RegisterAgainResponse;

/**
 * The header that carries a personal link's token to the API (the manage link, a set-password
 * link): never in an address, where logs and proxies keep it. The web keeps the token in the
 * page address's fragment (`#token=…`), which no server sees.
 */
export const LINK_TOKEN_HEADER = 'X-Link-Token';

/** `GET /api/v1/public/manage` with the link's token in `X-Link-Token`. */
export interface ManageView {
  displayName: string;
  code: string;
  locale: string;
  registrations: RegistrationView[];
}

export interface PrivacyNotice {
  version: string;
  locale: string;
  summary: string;
  text: string;
}

/** One coming session on the public pages. */
export interface PublicSession {
  id: string;
  group: { id: string; title: string; kind: GroupKind; audience: Audience };
  startsAt: string;
  endsAt: string;
  place: { id: string; name: string; city: string };
  /** Free seats now; null: no limit (a drop-in, or a group without capacity). */
  seatsLeft: number | null;
  /** Whether parents can register (open groups within their registration window). */
  registrationOpen: boolean;
  spokenLanguages: string[];
  /** When registering opens, while that is still ahead (the group opens it some days before); else null. */
  registrationOpensAt: string | null;
  /** True when it is too late to register online (the group closes it some hours before). */
  registrationClosed: boolean;
}

export interface PublicSessionQuery {
  audience?: string;
  locationId?: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday, in Brussels time. */
  weekday?: number;
  language?: string;
  locale?: string;
}

/** The group page for parents. */
export interface PublicGroupPage {
  id: string;
  title: string;
  description: string;
  locale: string;
  kind: GroupKind;
  audience: Audience;
  spokenLanguages: string[];
  registrationMode: string;
  /** Whether children who come along take a seat too (then ask how many come). */
  childrenCountTowardCapacity: boolean;
  place: { name: string; street: string; postalCode: string; city: string; accessibilityNotes: string };
  /** First names of who leads it. */
  facilitators: string[];
  sessions: PublicSession[];
}

/** `GET /api/v1/public/centre`: how parents reach the centre with a question (tap to call, or mail). */
export interface CentreContact {
  name: string;
  /** As people read it: "03 123 45 67". */
  phone: string;
  /** For a tap-to-call link: "tel:+3231234567". */
  phoneHref: string;
  email: string;
}

/** A registration as facilitators and coordinators see it (per session). */
export interface StaffRegistrationView {
  id: string;
  family: { id: string; displayName: string; code: string; phone: string | null; email: string | null; children: string[] };
  status: RegistrationStatus;
  seats: number;
  childrenComing: number;
  needs: Need[];
  waitlistPosition: number | null;
  /** Until when a freed seat is held for this family (status `offered`), else null. */
  offerExpiresAt: string | null;
  series: boolean;
  source: 'parent' | 'staff';
  createdAt: string;
}

export interface StaffRegisterRequest {
  sessionId?: string;
  groupId?: string;
  displayName: string;
  phone?: string;
  email?: string;
  children: string[];
  childrenComing?: number;
  needs: Need[];
  locale: string;
  discreet?: boolean;
  /** How the parent said yes to the privacy notice. */
  consentMethod: 'in_person' | 'phone';
}

export interface MoveRegistrationRequest {
  toSessionId: string;
}

/** A message as admins see it in Kring (the preview of what went, or would have gone, out). */
export interface OutboxMessageView {
  id: string;
  kind: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  transport: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

/** One coming session of a series family, as staff see it on the group's list. */
export interface SeriesSessionSeat {
  registrationId: string;
  sessionId: string;
  startsAt: string;
  endsAt: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
}

/** A family enrolled in a group's whole series, with its coming dates (`GET /api/v1/groups/:id/enrolments`). */
export interface SeriesEnrolmentView {
  /** The enrolment's id (for "stop this family's series"). */
  id: string;
  family: { id: string; displayName: string; code: string; phone: string | null; email: string | null; children: string[] };
  enrolledAt: string;
  childrenComing: number;
  needs: Need[];
  source: 'parent' | 'staff';
  /** The coming, planned sessions of the group this family holds (or waits for, or skips), earliest first. */
  sessions: SeriesSessionSeat[];
}

/** `GET /api/v1/groups/:id/enrolments`: the group and the families enrolled in its series. */
export interface GroupEnrolmentsView {
  group: { id: string; title: string; kind: GroupKind };
  enrolments: SeriesEnrolmentView[];
}

/** `GET /api/v1/registrations/by-code/:code`: the family that quotes this code, with its registrations in one's own groups. */
export interface FamilyByCodeView {
  familyId: string;
  displayName: string;
  registrations: Array<{
    id: string;
    sessionId: string;
    status: string;
    startsAt: string;
    endsAt: string;
    group: { id: string; title: string };
  }>;
}
