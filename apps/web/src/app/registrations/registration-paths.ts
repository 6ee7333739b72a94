/** The addresses of the staff registration pages (Dutch, as people see them). */
export const REGISTRATION_PATHS = {
  /** Find a family by the code it quotes. */
  find: '/inschrijvingen',
  session: (sessionId: string) => `/inschrijvingen/bijeenkomst/${sessionId}`,
  signInSheet: (sessionId: string) => `/inschrijvingen/bijeenkomst/${sessionId}/aanwezigheidslijst`,
  series: (groupId: string) => `/inschrijvingen/groep/${groupId}`,
} as const;
