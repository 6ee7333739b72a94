import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'kring_session';
/** Angular's HttpClient reads this cookie and sends it back as the X-XSRF-TOKEN header. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api' };
}

export function csrfCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: false, sameSite: 'strict', secure, path: '/' };
}

/**
 * Whether a cookie is `Secure`: always in production, and whenever the request came over HTTPS,
 * directly or through the trusted proxy (`X-Forwarded-Proto` counts only from an address that
 * `KRING_TRUST_PROXY` trusts: Express's `req.secure`).
 */
export function secureFor(req: Request | undefined, always: boolean): boolean {
  return always || req?.secure === true;
}

export function setSessionCookies(res: Response, secure: boolean, token: string, csrf: string): void {
  const s = secureFor(res.req, secure);
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(s));
  res.cookie(CSRF_COOKIE, csrf, csrfCookieOptions(s));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(secureFor(res.req, secure)));
}
