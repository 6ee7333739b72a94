/**
 * The two flag addresses the main navigation links to, on their own so that the shell (part of
 * every first load, parents' pages too) carries nothing else of the flags. See `FLAG_PATHS`.
 */
export const MY_FLAGS_PATH = '/mijn-signalen';
export const FLAG_INBOX_PATH = '/signalen';
