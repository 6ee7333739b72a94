import type { PublicGroupPage, PublicSession } from '@kring/domain';
import { GroupKind, RegistrationMode } from '@kring/domain';
import { everyOpenSessionFull, seatState } from '../../shared/seats';
import type { RegistrationTarget } from '../registration-rules';

/** What the register page is for: one date, or the whole series; and whether that means the waitlist. */
export interface ChosenTarget extends RegistrationTarget {
  /** The chosen date, or the first open one of a series. */
  first: PublicSession;
  series: boolean;
  waitlist: boolean;
}

/**
 * The target of `/groepen/:id/inschrijven[?sessie=…]`: a series without a date means the whole
 * series; another group without a date means its first open date. Null when nothing is open.
 */
export function chooseTarget(group: PublicGroupPage, sessionId: string | null | undefined): ChosenTarget | null {
  if (group.registrationMode !== RegistrationMode.Open || group.kind === GroupKind.DropIn) return null;
  const open = group.sessions.filter((session) => session.registrationOpen);
  if (sessionId) {
    const session = open.find((s) => s.id === sessionId);
    return session
      ? { groupId: group.id, sessionId: session.id, first: session, series: false, waitlist: seatState(session) === 'full' }
      : null;
  }
  if (open.length === 0) return null;
  if (group.kind === GroupKind.Series) {
    return { groupId: group.id, sessionId: null, first: open[0], series: true, waitlist: everyOpenSessionFull(open) };
  }
  return { groupId: group.id, sessionId: open[0].id, first: open[0], series: false, waitlist: seatState(open[0]) === 'full' };
}

/** Whether children count toward the group's seats (then we ask how many come along). */
export function countsChildren(group: PublicGroupPage): boolean {
  return group.childrenCountTowardCapacity;
}
