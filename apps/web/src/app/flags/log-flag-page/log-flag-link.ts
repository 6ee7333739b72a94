import { ROOM_PATHS } from '../../room/room-paths';
import { FLAG_PATHS } from '../flag-paths';

/**
 * What a link to "Signaal noteren" carries in the navigation state: the family's name to show,
 * where "back" goes and, from a roster, the session. Never anything that was written.
 */
export interface LogFlagState {
  familyName: string;
  back: string;
  sessionId?: string;
}

export function logFlagLink(familyId: string, state: LogFlagState): { path: string; state: LogFlagState } {
  return { path: FLAG_PATHS.log(familyId), state };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The state the page was opened with, if it is one (a typed address has none). */
export function readLogFlagState(state: unknown): Partial<LogFlagState> {
  if (!state || typeof state !== 'object') return {};
  const { familyName, back, sessionId } = state as Record<string, unknown>;
  return {
    familyName: typeof familyName === 'string' && familyName.trim() !== '' ? familyName.slice(0, 100) : undefined,
    back: typeof back === 'string' && (back === ROOM_PATHS.today || back.startsWith(`${ROOM_PATHS.today}/`)) ? back : undefined,
    sessionId: typeof sessionId === 'string' && UUID.test(sessionId) ? sessionId : undefined,
  };
}
