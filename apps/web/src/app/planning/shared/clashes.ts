import type { SessionView } from '@kring/domain';

/** Another session that uses the same room or facilitator at the same time. */
export interface Clash {
  kind: 'room' | 'facilitator';
  /** The room's or the facilitator's name. */
  name: string;
  other: { id: string; groupTitle: string; startsAt: string };
}

/**
 * Double bookings among these sessions (cancelled ones do not count): overlapping in time and
 * sharing a room or a facilitator. Only what is on screen is compared; the API checks everything
 * when something is saved.
 */
export function findClashes(sessions: readonly SessionView[]): ReadonlyMap<string, Clash[]> {
  const planned = sessions
    .filter((s) => s.status !== 'cancelled')
    .map((s) => ({ session: s, start: Date.parse(s.startsAt), end: Date.parse(s.endsAt) }))
    .sort((a, b) => a.start - b.start);
  const clashes = new Map<string, Clash[]>();
  const add = (session: SessionView, clash: Clash) => clashes.set(session.id, [...(clashes.get(session.id) ?? []), clash]);
  for (let i = 0; i < planned.length; i++) {
    const a = planned[i];
    // Sorted by start: once a later session starts after this one ends, none of the rest overlap.
    for (let j = i + 1; j < planned.length && planned[j].start < a.end; j++) {
      const b = planned[j];
      if (b.end <= a.start) continue;
      for (const shared of sharedResources(a.session, b.session)) {
        add(a.session, { ...shared, other: summary(b.session) });
        add(b.session, { ...shared, other: summary(a.session) });
      }
    }
  }
  return clashes;
}

function sharedResources(a: SessionView, b: SessionView): Array<Pick<Clash, 'kind' | 'name'>> {
  const shared: Array<Pick<Clash, 'kind' | 'name'>> = [];
  if (a.room && b.room && a.room.id === b.room.id) shared.push({ kind: 'room', name: a.room.name });
  const theirs = new Set(b.facilitators.map((f) => f.id));
  for (const person of a.facilitators) {
    if (theirs.has(person.id)) shared.push({ kind: 'facilitator', name: person.displayName });
  }
  return shared;
}

function summary(session: SessionView): Clash['other'] {
  return { id: session.id, groupTitle: session.group.title, startsAt: session.startsAt };
}
