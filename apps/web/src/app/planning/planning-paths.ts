/** The planning pages' addresses (Dutch, as people see them). */
export const PLANNING_PATHS = {
  myWeek: '/mijn-week',
  calendar: '/planning',
  newGroup: '/planning/groepen/nieuw',
  groups: '/planning/groepen',
  session: '/planning/bijeenkomst',
  places: '/planning/plaatsen',
} as const;
