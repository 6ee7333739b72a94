import { ROOM_PATHS } from '../room/room-paths';
import { FLAG_INBOX_PATH, MY_FLAGS_PATH } from './flag-nav-paths';

/**
 * The addresses of the flag pages (Dutch, as people see them). They carry ids only: never a word
 * of what was written, and the family's name only in the navigation state.
 */
export const FLAG_PATHS = {
  /** Noting a flag about a family, from the room (the page opens offline with the room, to say that it needs a connection). */
  log: (familyId: string) => `${ROOM_PATHS.familyHistory(familyId)}/signaal`,
  /** The flags I noted. */
  mine: MY_FLAGS_PATH,
  myFlag: (flagId: string) => `${MY_FLAGS_PATH}/${flagId}`,
  /** Coordinators: the open flags. */
  inbox: FLAG_INBOX_PATH,
  deskFlag: (flagId: string) => `${FLAG_INBOX_PATH}/${flagId}`,
  /** Coordinators: every flag, amendment and status change of one family, in order. */
  chronology: (familyId: string) => `${FLAG_INBOX_PATH}/gezin/${familyId}`,
} as const;
