/** The registration context's refusals that more than one place gives, worded once. */
export const NO_SUCH_REGISTRATION_ON_LINK = 'There is no such registration on this link.';
export const SESSION_STARTED_OR_OFF = 'This session has already started or does not take place; nothing can change now.';
export const ALREADY_CANCELLED = 'This registration was already cancelled.';
export const NO_PLACE_OFFERED = 'There is no place offered to you for this session (any more).';
export const NOT_SKIPPED = 'Only a date you said "not this week" to can be taken back; this one is not.';
export const NO_GROUP_AMONG_YOURS = 'No such group among yours.';
