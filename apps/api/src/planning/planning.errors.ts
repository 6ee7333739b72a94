/** The planning context's refusals that more than one place gives, worded once. */
export const NO_SUCH_SESSION = 'There is no such session.';
export const CALENDAR_LINK_UNKNOWN = 'This calendar link does not exist or was replaced.';
