/** The address of the manage page inside this app (the link in the SMS or e-mail). */
export const MANAGE_PATH = '/mijn-inschrijving';

/**
 * The token of a manage link as the API sends it (`<origin>/mijn-inschrijving#token=…`; older
 * links `?token=…`), so the page can open it here, on this origin. Null when the link is not one.
 */
export function manageToken(manageUrl: string): string | null {
  try {
    const url = new URL(manageUrl, 'http://localhost');
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
    return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
  } catch {
    return null;
  }
}
