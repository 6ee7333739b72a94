import { ROOM_PATHS } from '../room-paths';

/**
 * What a link to a family's history carries along in the navigation state (not in the address,
 * so no name ends up in the browser history list or a server log): the name to show, and
 * where "back" goes.
 */
export interface FamilyHistoryState {
  familyName: string;
  back: string;
}

/** `routerLink` and `state` for "Eerdere bijeenkomsten" of a family. */
export function familyHistoryLink(familyId: string, familyName: string, back: string): { path: string; state: FamilyHistoryState } {
  return { path: ROOM_PATHS.familyHistory(familyId), state: { familyName, back } };
}

/** The state a history page was opened with, if it is one (a reload keeps it; a typed address has none). */
export function readFamilyHistoryState(state: unknown): Partial<FamilyHistoryState> {
  if (!state || typeof state !== 'object') return {};
  const { familyName, back } = state as Record<string, unknown>;
  return {
    familyName: typeof familyName === 'string' && familyName.trim() !== '' ? familyName.slice(0, 100) : undefined,
    // Only back into the room.
    back: typeof back === 'string' && (back === ROOM_PATHS.today || back.startsWith(`${ROOM_PATHS.today}/`)) ? back : undefined,
  };
}
