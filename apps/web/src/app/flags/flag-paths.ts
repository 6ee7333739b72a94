import { ROOM_PATHS } from '../room/room-paths';

/**
 * The addresses of the flag pages (Dutch, as people see them). They carry ids only: never a word
 * of what was written, and the family's name only in the navigation state.
 */
export const FLAG_PATHS = {
  /** Noting a flag about a family, from the room (the page opens offline with the room, to say that it needs a connection). */
  log: (familyId: string) => `${ROOM_PATHS.familyHistory(familyId)}/signaal`,
  /** The flags I noted. */
  mine: '/mijn-signalen',
  myFlag: (flagId: string) => `/mijn-signalen/${flagId}`,
  /** Coordinators: the open flags. */
  inbox: '/signalen',
  deskFlag: (flagId: string) => `/signalen/${flagId}`,
  /** Coordinators: every flag, amendment and status change of one family, in order. */
  chronology: (familyId: string) => `/signalen/gezin/${familyId}`,
} as const;
