/** The addresses of the room pages (Dutch, as people see them). */
export const ROOM_PATHS = {
  today: '/vandaag',
  roster: (sessionId: string) => `/vandaag/${sessionId}/lijst`,
  tally: (sessionId: string) => `/vandaag/${sessionId}/telling`,
} as const;
