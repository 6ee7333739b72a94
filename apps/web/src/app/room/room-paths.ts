/** The addresses of the room pages (Dutch, as people see them). */
export const ROOM_PATHS = {
  today: '/vandaag',
  roster: (sessionId: string) => `/vandaag/${sessionId}/lijst`,
  tally: (sessionId: string) => `/vandaag/${sessionId}/telling`,
  /** A drop-in's known families, to check in by name (optional, next to the tally). */
  checkIn: (sessionId: string) => `/vandaag/${sessionId}/namen`,
  /** Earlier sessions of one family (the name goes along in the navigation state, never in the address). */
  familyHistory: (familyId: string) => `/vandaag/gezin/${familyId}`,
} as const;
