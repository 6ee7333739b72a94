import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token for a cookie or a link: 256 bits, URL-safe. Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function sameToken(token: string, hash: Buffer): boolean {
  const actual = hashToken(token);
  return actual.length === hash.length && timingSafeEqual(actual, hash);
}

/** Keyed hash for short secrets (recovery codes): without the server key a stolen table is useless. */
export function keyedHash(key: Buffer, value: string): Buffer {
  return createHmac('sha256', key).update(value, 'utf8').digest();
}
