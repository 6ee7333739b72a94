/** What stands in a message for a link's token once it is hidden (the admin view, a sent message's stored body). */
export const HIDDEN_TOKEN = '[verborgen]';

/** `token=…` in a link, and any bare run as long as a token (Kring's are 43 URL-safe characters). */
const TOKEN_IN_LINK = /(token=)[A-Za-z0-9_-]{16,}/g;
const TOKEN_SHAPED = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g;

/**
 * The text with every link token replaced by `HIDDEN_TOKEN`, the rest unchanged: a token opens a
 * family's registrations as the family (or sets a password), so only its recipient may hold it.
 */
export function withoutLinkTokens<T extends string | null>(text: T): T {
  if (text === null) return text;
  return text.replace(TOKEN_IN_LINK, `$1${HIDDEN_TOKEN}`).replace(TOKEN_SHAPED, HIDDEN_TOKEN) as T;
}
