import type { Locale, PublicGroupSummary, PublicSession } from '@kring/domain';
import { brusselsIsoWeekday } from '../shared/when';

/** One group in the list: its next meeting (after the filters), with the words from the group list. */
export interface FinderCard {
  groupId: string;
  title: string;
  /** The one-line description; null when the group list did not have the group. */
  description: string | null;
  /** The language of title and description when it is not the page's (a Dutch fallback). */
  textLocale: Locale | null;
  kind: string;
  next: PublicSession;
}

export interface FinderFilter {
  /** A place's name, as the sessions carry it. */
  place: string | null;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number | null;
}

/** Sessions of several answers (one per age band), each once, in time order. */
export function mergeSessions(lists: readonly (readonly PublicSession[])[]): PublicSession[] {
  const byId = new Map<string, PublicSession>();
  for (const list of lists) for (const session of list) byId.set(session.id, session);
  return [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
}

export function matchesFilter(session: PublicSession, filter: FinderFilter): boolean {
  if (filter.place !== null && session.place.name !== filter.place) return false;
  return filter.weekday === null || brusselsIsoWeekday(new Date(session.startsAt)) === filter.weekday;
}

/**
 * One card per group, for the groups with a meeting that fits the filter: the groups for the
 * chosen age first (before those for all parents), each part soonest first.
 */
export function finderCards(
  sessions: readonly PublicSession[],
  groups: readonly PublicGroupSummary[],
  filter: FinderFilter,
  pageLocale: Locale,
  chosenAudiences: readonly string[] = [],
): FinderCard[] {
  const described = new Map(groups.map((group) => [group.id, group]));
  const cards = new Map<string, FinderCard>();
  for (const session of sessions) {
    if (cards.has(session.group.id) || !matchesFilter(session, filter)) continue;
    const group = described.get(session.group.id);
    cards.set(session.group.id, {
      groupId: session.group.id,
      title: session.group.title,
      description: group?.description ?? null,
      textLocale: group && group.locale !== pageLocale ? group.locale : null,
      kind: session.group.kind,
      next: session,
    });
  }
  const rank = (card: FinderCard) => (chosenAudiences.includes(card.next.group.audience) ? 0 : 1);
  return [...cards.values()].sort((a, b) => rank(a) - rank(b) || a.next.startsAt.localeCompare(b.next.startsAt));
}

/** The places that have meetings, for the "Waar?" choice. */
export function placesOf(sessions: readonly PublicSession[]): string[] {
  return [...new Set(sessions.map((session) => session.place.name))].sort((a, b) => a.localeCompare(b));
}

/** The weekdays that have meetings, for the "Welke dag?" choice (Monday first). */
export function weekdaysOf(sessions: readonly PublicSession[]): number[] {
  return [...new Set(sessions.map((session) => brusselsIsoWeekday(new Date(session.startsAt))))].sort((a, b) => a - b);
}
