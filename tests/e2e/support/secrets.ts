import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Two-factor keys of demo accounts enrolled during this run. A demo account can set up two-factor
 * sign-in only once per database, so whoever signs it in later (a retried test in a new worker,
 * another spec) must find the key again: it is kept in a file next to the test results.
 *
 * The demo admin is shared with `staff-api.ts` (accounts made through the API), which enrols it
 * under a lock and keeps its key in `test-results/e2e-admin-<address>.json`: the same lock and the
 * same file are used here, so whichever enrols it first, the other signs in with that key.
 */
const RESULTS = join(process.cwd(), 'test-results');
const DEMO_ADMIN = 'beheer@demo.kring.be';

function fileFor(baseURL: string, email: string): string {
  if (email === DEMO_ADMIN) return join(RESULTS, `e2e-admin-${baseURL.replace(/\W+/g, '_')}.json`);
  return join(RESULTS, 'e2e-two-factor', `${encodeURIComponent(baseURL)}--${encodeURIComponent(email)}.json`);
}

export function rememberSecret(baseURL: string, email: string, secret: string): void {
  const file = fileFor(baseURL, email);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify({ totpSecret: secret }));
}

export function rememberedSecret(baseURL: string, email: string): string | null {
  try {
    return (JSON.parse(readFileSync(fileFor(baseURL, email), 'utf8')) as { totpSecret?: string }).totpSecret ?? null;
  } catch {
    return null;
  }
}

/** Runs `work` while no other worker signs the demo admin in (the lock `staff-api.ts` uses too). */
export async function withDemoAdminLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(RESULTS, { recursive: true });
  const lock = join(RESULTS, 'e2e-admin.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (attempt > 900) throw new Error('waited too long for the e2e admin lock');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmdirSync(lock);
  }
}
