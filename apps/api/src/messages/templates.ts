import { DateTime } from 'luxon';
import { IntlMessageFormat } from 'intl-messageformat';
import { PLANNING_ZONE, type Locale } from '@kring/domain';
import { MESSAGES, type MessageKey } from './texts';
import { STAFF_MESSAGES, staffLocale, type StaffMessageKey } from './texts/staff';

export const MessageKind = {
  Confirmation: 'confirmation',
  Waitlisted: 'waitlisted',
  SeatOffered: 'seat_offered',
  Reminder: 'reminder',
  SessionCancelled: 'session_cancelled',
  RegistrationCancelled: 'registration_cancelled',
  /** The centre cancelled (the family asked by phone, or something came up): "we", with a way to ask. */
  RegistrationCancelledByCentre: 'registration_cancelled_by_centre',
  /** Staff moved the session in time or place: the new time and place (and, when confirmed, the updated .ics). */
  SessionChanged: 'session_changed',
  /** Someone registered again with this family's contact on the public form: its code and link, sent to the contact on file. */
  RegistrationAgain: 'registration_again',
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

/**
 * Stands for the waitlist position in a text rendered before the position is known; the statement
 * that places the registration writes the number in (see `outboxInsert`). A private-use character:
 * nobody types it.
 */
export const POSITION_SLOT = '\uE000';

export interface MessageFacts {
  name: string;
  groupTitle: string;
  startsAt: Date;
  place: string;
  code: string;
  manageUrl: string;
  /** The waitlist place, or `POSITION_SLOT` when the text is made before it is known. */
  position?: number | typeof POSITION_SLOT | null;
  offerUntil?: Date | null;
  reason?: string;
  /** The centre's phone number, for "call us" (see `KRING_CENTRE_PHONE`). */
  centrePhone?: string;
  /** For a session that changed: when it started before (what the family last heard). */
  previousStartsAt?: Date;
  /** Neutral wording: no group name, topic or staff's reason in any part; a neutral sender. Place and time stay. */
  discreet: boolean;
}

export interface RenderedMessage {
  subject: string;
  email: string;
  sms: string;
}

const LUXON_LOCALE: Record<Locale, string> = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE', ar: 'ar' };

const WHEN_CACHE = new Map<string, string>();

/** "dinsdag 9 december, 9.30 uur" — as people say it, in Brussels time. Remembered: many messages name the same session. */
export function when(at: Date, locale: Locale): string {
  const key = `${at.getTime()}:${locale}`;
  let said = WHEN_CACHE.get(key);
  if (said === undefined) {
    if (WHEN_CACHE.size >= 1000) WHEN_CACHE.clear();
    said = sayWhen(at, locale);
    WHEN_CACHE.set(key, said);
  }
  return said;
}

function sayWhen(at: Date, locale: Locale): string {
  const d = DateTime.fromJSDate(at, { zone: PLANNING_ZONE }).setLocale(LUXON_LOCALE[locale]);
  const time = locale === 'nl' ? `${d.toFormat('H.mm')} uur` : locale === 'fr' ? d.toFormat("H'h'mm") : d.toFormat('HH:mm');
  return `${d.toFormat('cccc d LLLL')}, ${time}`;
}

type Part = 'subject' | 'email' | 'sms';
const COMPILED = new Map<string, IntlMessageFormat>();

/** One ICU message, parsed once (`id` names it: table, locale and key). */
function formatIcu(id: string, text: string, locale: string, values: Record<string, string>): string {
  let message = COMPILED.get(id);
  if (message === undefined) {
    message = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    COMPILED.set(id, message);
  }
  return String(message.format(values));
}

/** One message of the families' texts (`texts/<locale>.ts`), with its arguments. */
export function familyText(locale: Locale, key: MessageKey, values: Record<string, string> = {}): string {
  return formatIcu(`family:${locale}:${key}`, MESSAGES[locale][key], LUXON_LOCALE[locale], values);
}

/** One message of staff's texts (`texts/staff/<locale>.ts`); any other language is read as Dutch. */
export function staffText(locale: string, key: StaffMessageKey, values: Record<string, string> = {}): string {
  const said = staffLocale(locale);
  return formatIcu(`staff:${said}:${key}`, STAFF_MESSAGES[said][key], LUXON_LOCALE[said], values);
}

/**
 * The facts as the messages' arguments. A discreet family's group name and staff's reason (it may name
 * the topic) are not even handed to the message: its `discreet` select and the `discreet.*` texts say the rest.
 */
function argumentsOf(f: MessageFacts, locale: Locale): Record<string, string> {
  return {
    name: f.name,
    groupTitle: f.discreet ? '' : f.groupTitle,
    when: when(f.startsAt, locale),
    before: when(f.previousStartsAt ?? f.startsAt, locale),
    place: f.place,
    code: f.code,
    manageUrl: f.manageUrl,
    position: String(f.position),
    offerUntil: f.offerUntil ? when(f.offerUntil, locale) : '',
    reason: f.discreet ? '' : (f.reason ?? ''),
    centrePhone: f.centrePhone ?? '',
    hasPhone: f.centrePhone ? 'yes' : 'no',
    discreet: f.discreet ? 'yes' : 'no',
  };
}

export function renderMessage(kind: MessageKind, locale: Locale, facts: MessageFacts): RenderedMessage {
  const values = argumentsOf(facts, locale);
  const part = (p: Part): string => familyText(locale, facts.discreet && p !== 'email' ? `discreet.${p}` : `${kind}.${p}`, values);
  return { subject: part('subject'), email: part('email'), sms: part('sms') };
}

/** Sender name: the centre's own, or a neutral one for families who asked for discretion. */
export function senderName(discreet: boolean): string {
  return discreet ? 'Info' : 'De Keerkring';
}
