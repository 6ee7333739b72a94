import type { PublicSession } from '@kring/domain';
import { GroupKind } from '@kring/domain';
import { clockTime } from '../../core/i18n/date-time';
import type { Phrase } from './when';
import { dayAndMonth, dayPhrase, weekdayName } from './when';
import { pluralKey } from './plural';

/**
 * Whether parents can take a seat now, and how they hear it: `opens` (not yet: the group opens
 * registration some days before) and `ended` (too late online) come from the group's window;
 * `closed` is any other reason (an invitation-only group).
 */
export type SeatState = 'drop_in' | 'closed' | 'opens' | 'ended' | 'full' | 'free' | 'unlimited';

type SessionSeats = Pick<PublicSession, 'group' | 'seatsLeft' | 'registrationOpen' | 'registrationOpensAt' | 'registrationClosed'>;

export function seatState(session: SessionSeats): SeatState {
  if (session.group.kind === GroupKind.DropIn) return 'drop_in';
  if (!session.registrationOpen) return session.registrationOpensAt ? 'opens' : session.registrationClosed ? 'ended' : 'closed';
  if (session.seatsLeft === null) return 'unlimited';
  return session.seatsLeft > 0 ? 'free' : 'full';
}

/**
 * "Nog 3 plaatsen", "Volzet — je kan op de wachtlijst", "Kom gewoon binnen",
 * "Inschrijven kan vanaf dinsdag 3 maart", "Inschrijven is gesloten — kom gerust langs of bel ons".
 */
export function seatPhrase(session: SessionSeats, locale: string, now = new Date()): Phrase {
  const state = seatState(session);
  if (state === 'free') {
    const count = session.seatsLeft ?? 0;
    return { key: pluralKey('parents.seats.free', count, locale), params: { count: String(count) } };
  }
  if (state === 'opens' && session.registrationOpensAt) return opensPhrase(new Date(session.registrationOpensAt), locale, now);
  return { key: `parents.seats.${state}` };
}

/** "Inschrijven kan vanaf dinsdag 3 maart"; on the day itself, the hour: "Inschrijven kan vandaag vanaf 9.30 uur". */
export function opensPhrase(at: Date, locale: string, now = new Date()): Phrase {
  if (dayPhrase(at, locale, now).key === 'parents.when.today') return { key: 'parents.seats.opensToday', params: clockTime(at) };
  return { key: 'parents.seats.opens', params: { weekday: weekdayName(at, locale), dayMonth: dayAndMonth(at, locale, now) } };
}

/** True when a registration now ends on the waitlist for every open session. */
export function everyOpenSessionFull(sessions: readonly PublicSession[]): boolean {
  const open = sessions.filter((s) => s.registrationOpen);
  return open.length > 0 && open.every((s) => seatState(s) === 'full');
}
