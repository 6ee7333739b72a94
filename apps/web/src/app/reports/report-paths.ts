/** The address of the funder report (Dutch, as people see it). */
export const REPORT_PATHS = { reach: '/bereik' } as const;
