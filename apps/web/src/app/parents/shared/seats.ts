import type { PublicSession } from '@kring/domain';
import { GroupKind } from '@kring/domain';
import type { Phrase } from './when';
import { pluralKey } from './plural';

/** Whether parents can take a seat now, and how they hear it. */
export type SeatState = 'drop_in' | 'closed' | 'full' | 'free' | 'unlimited';

export function seatState(session: Pick<PublicSession, 'group' | 'seatsLeft' | 'registrationOpen'>): SeatState {
  if (session.group.kind === GroupKind.DropIn) return 'drop_in';
  if (!session.registrationOpen) return 'closed';
  if (session.seatsLeft === null) return 'unlimited';
  return session.seatsLeft > 0 ? 'free' : 'full';
}

/** "Nog 3 plaatsen", "Volzet — je kan op de wachtlijst", "Kom gewoon binnen". */
export function seatPhrase(session: Pick<PublicSession, 'group' | 'seatsLeft' | 'registrationOpen'>, locale: string): Phrase {
  const state = seatState(session);
  if (state === 'free') {
    const count = session.seatsLeft ?? 0;
    return { key: pluralKey('parents.seats.free', count, locale), params: { count: String(count) } };
  }
  return { key: `parents.seats.${state}` };
}

/** True when a registration now ends on the waitlist for every open session. */
export function everyOpenSessionFull(sessions: readonly PublicSession[]): boolean {
  const open = sessions.filter((s) => s.registrationOpen);
  return open.length > 0 && open.every((s) => seatState(s) === 'full');
}
