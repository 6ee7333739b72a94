import type { Env } from './env';

/** Addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * What to warn about at start: Kring listens where other machines reach it without production
 * settings (cookies are then Secure only over HTTPS, the key may be the development one, demo
 * accounts may exist). Empty when listening on loopback or in production.
 */
export function exposureWarning(env: Env): string | null {
  if (isLoopback(env.HOST) || env.NODE_ENV === 'production') return null;
  const missing = [
    `NODE_ENV=${env.NODE_ENV} (not production: cookies are Secure only over HTTPS)`,
    ...(env.KRING_SECRET_KEY === undefined ? ['KRING_SECRET_KEY is not set'] : []),
    ...(env.KRING_DEMO_DATA ? ['KRING_DEMO_DATA is on (demo accounts with a known password)'] : []),
  ];
  return `Kring listens on ${env.HOST}, which other machines can reach, without production settings: ${missing.join('; ')}. Set HOST=127.0.0.1 to try Kring on this machine only, or NODE_ENV=production for real use.`;
}
