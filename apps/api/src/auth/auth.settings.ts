import type { Env } from '../config/env';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

export interface AuthSettings {
  idleMs: number;
  absoluteMs: number;
  /** Secure cookies everywhere but development and test (plain http on localhost). */
  secureCookies: boolean;
  /** Base of links Kring hands out, e.g. https://kring.keerkring.be */
  publicUrl: string;
  /** Key for keyed hashes and sealed secrets. */
  secretKey: Buffer;
}

export function authSettings(env: Env, secretKey: Buffer): AuthSettings {
  return {
    idleMs: env.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    secureCookies: env.NODE_ENV === 'production',
    publicUrl: (env.KRING_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    secretKey,
  };
}
