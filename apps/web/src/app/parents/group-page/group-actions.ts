import type { PublicGroupPage, PublicSession } from '@kring/domain';
import { GroupKind, RegistrationMode } from '@kring/domain';
import { everyOpenSessionFull } from '../shared/seats';

/**
 * What a group page offers: register (the series or one date), or why not online: not yet (from
 * when, the first date that opens), too late (`ended`: come by or call), or otherwise closed.
 */
export type GroupAction =
  | { readonly kind: 'register'; readonly series: boolean; readonly sessionId: string | null; readonly waitlist: boolean }
  | { readonly kind: 'opens'; readonly session: PublicSession }
  | { readonly kind: 'drop_in' | 'invite' | 'ended' | 'closed' };

export function groupAction(group: Pick<PublicGroupPage, 'kind' | 'registrationMode' | 'sessions'>): GroupAction {
  if (group.kind === GroupKind.DropIn || group.registrationMode === RegistrationMode.None) return { kind: 'drop_in' };
  if (group.registrationMode === RegistrationMode.Invite) return { kind: 'invite' };
  const open = group.sessions.filter((s) => s.registrationOpen);
  if (open.length === 0) {
    const opening = group.sessions.find((s) => s.registrationOpensAt !== null);
    if (opening) return { kind: 'opens', session: opening };
    return { kind: group.sessions.some((s) => s.registrationClosed) ? 'ended' : 'closed' };
  }
  const series = group.kind === GroupKind.Series;
  return { kind: 'register', series, sessionId: series ? null : open[0].id, waitlist: everyOpenSessionFull(open) };
}

/** A single date can be chosen on its own when registration for it is open. */
export function canRegisterFor(session: PublicSession, group: Pick<PublicGroupPage, 'kind' | 'registrationMode'>): boolean {
  return session.registrationOpen && group.kind !== GroupKind.DropIn && group.registrationMode === RegistrationMode.Open;
}

/** A plain OpenStreetMap search for the address (no map is loaded in Kring itself). */
export function mapUrl(place: Pick<PublicGroupPage['place'], 'street' | 'postalCode' | 'city'>): string {
  const address = [place.street, `${place.postalCode} ${place.city}`.trim()].filter((part) => part !== '').join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}
