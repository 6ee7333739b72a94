import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Staff accounts for browser tests, made through the API. One database serves a whole e2e run and
 * its parallel workers, and two-factor enrolment happens once per account, so the demo admin is
 * enrolled here once (under a lock, its key kept in test-results/) and every journey that needs a
 * coordinator or a group worker gets fresh accounts of its own. The demo group worker
 * (groepswerker@demo.kring.be, no two-factor) may be used directly; the demo coordinator is left
 * for the journey that shows its first sign-in.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const DEMO_PASSWORD = 'kring-demo-2026';
export const DEMO_ADMIN = 'beheer@demo.kring.be';

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.toUpperCase().replace(/[\s=-]/g, '')) {
    value = (value << 5) | BASE32.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238: SHA-1, 30-second steps, 6 digits; `stepOffset` picks a neighbouring step. */
export function totpCode(secret: string, at = Date.now(), stepOffset = 0): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(Math.floor(at / 30_000) + stepOffset));
  const mac = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const o = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A cookie-keeping API client that sends the anti-forgery header, like the web app. */
export class ApiSession {
  private readonly cookies = new Map<string, string>();
  /**
   * Each API client stands for a person at a desk of their own (Kring trusts X-Forwarded-For from
   * loopback, as behind its proxy): the test run's many set-up sign-ins are not one address's
   * failures and registrations, which the per-address limits would stop, as they should for real.
   */
  private readonly address = `10.${randomInt(64, 128)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

  constructor(readonly baseURL: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    if (method !== 'GET' && !this.cookies.has('XSRF-TOKEN')) await this.call('GET', '/api/v1/auth/session');
    const headers: Record<string, string> = { accept: 'application/json', 'x-forwarded-for': this.address };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && xsrf) headers['x-xsrf-token'] = xsrf;
    const res = await fetch(`${this.baseURL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value) this.cookies.set(pair.slice(0, eq), value);
      else this.cookies.delete(pair.slice(0, eq));
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Signs in, passing the two-factor step (enrolling when the account must and has not yet). */
  /**
   * Signs in, with the two-factor step where the account has one. Kring takes each step's code once per
   * account (and counts a refused code toward throttling), so a caller that knows the last step used
   * (`usedStep`, kept by the demo admin's callers) gets a later one, waiting for it when needed; the
   * step used comes back.
   */
  async signIn(email: string, password: string, totpSecret?: string, usedStep = -1): Promise<{ totpSecret?: string; step?: number }> {
    const res = await this.call<{ twoFactor: { state: string } }>('POST', '/api/v1/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status}`);
    const state = res.body.twoFactor.state;
    if (state === 'code_required') {
      if (!totpSecret) throw new Error(`${email} needs a two-factor code`);
      for (let attempt = 0; attempt < 4; attempt++) {
        const now = Math.floor(Date.now() / 30_000);
        // Kring accepts the current step and the next; take the first of them not used yet.
        const step = Math.max(now, usedStep + 1);
        if (step <= now + 1) {
          const code = totpCode(totpSecret, Date.now(), step - now);
          if ((await this.call('POST', '/api/v1/auth/two-factor/verify', { code })).status === 200) return { totpSecret, step };
          usedStep = step; // someone else used it meanwhile
        }
        await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
      }
      throw new Error(`two-factor code for ${email} refused`);
    }
    if (state === 'enrolment_required') {
      const enrolment = await this.call<{ secret: string }>('POST', '/api/v1/auth/two-factor/enrolment');
      const step = Math.floor(Date.now() / 30_000);
      const ok = await this.call('POST', '/api/v1/auth/two-factor/enrolment/confirm', { code: totpCode(enrolment.body.secret) });
      if (ok.status !== 200) throw new Error(`enrolment of ${email} failed: ${ok.status}`);
      return { totpSecret: enrolment.body.secret, step };
    }
    return {};
  }
}

function stateFile(baseURL: string): string {
  return join(process.cwd(), 'test-results', `e2e-admin-${baseURL.replace(/\W+/g, '_')}.json`);
}

const signedInAdmins = new Map<string, Promise<{ api: ApiSession; totpSecret: string }>>();

/** The demo admin, signed in once per worker; enrolled in two-factor once per database, its key shared by the workers. */
export function signInDemoAdmin(baseURL: string): Promise<{ api: ApiSession; totpSecret: string }> {
  let admin = signedInAdmins.get(baseURL);
  if (!admin) {
    admin = signInDemoAdminNow(baseURL);
    signedInAdmins.set(baseURL, admin);
  }
  return admin;
}

async function signInDemoAdminNow(baseURL: string): Promise<{ api: ApiSession; totpSecret: string }> {
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'e2e-admin.lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) throw new Error('waited too long for the e2e admin lock');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    let kept: { totpSecret?: string; lastStep?: number } = {};
    try {
      kept = JSON.parse(readFileSync(stateFile(baseURL), 'utf8')) as { totpSecret?: string; lastStep?: number };
    } catch {
      kept = {};
    }
    const api = new ApiSession(baseURL);
    const result = await api.signIn(DEMO_ADMIN, DEMO_PASSWORD, kept.totpSecret, kept.lastStep ?? -1);
    const totpSecret = result.totpSecret ?? kept.totpSecret;
    if (!totpSecret) throw new Error('the demo admin has no two-factor key');
    // The step just used too: the next worker signing the admin in takes a later one instead of a refused code.
    writeFileSync(stateFile(baseURL), JSON.stringify({ totpSecret, lastStep: result.step ?? kept.lastStep ?? -1 }));
    return { api, totpSecret };
  } finally {
    rmdirSync(lock);
  }
}

export interface E2eStaff {
  id: string;
  email: string;
  password: string;
  displayName: string;
  /** Set for accounts that use two-factor (coordinators, admins): enrolled already. */
  totpSecret?: string;
  /** The two-factor step its enrolment used (a code is taken once): sign it in again with `signIn(…, lastStep)`. */
  lastStep?: number;
}

/**
 * A fresh staff account with a password (and, where the role needs it, two-factor already set up),
 * made by the demo admin through the API.
 */
export async function createStaff(
  baseURL: string,
  roles: Array<'admin' | 'coordinator' | 'group_worker'>,
  displayName = 'Test Medewerker',
): Promise<E2eStaff> {
  const { api } = await signInDemoAdmin(baseURL);
  const email = `e2e-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@test.kring.be`;
  const created = await api.call<{ user: { id: string }; setPasswordLink: { url: string } }>('POST', '/api/v1/admin/staff', {
    email,
    displayName,
    roles,
  });
  if (created.status !== 201) throw new Error(`creating ${email} failed: ${created.status}`);
  // The link carries its token in the fragment (#token=…), which no server sees.
  const link = new URL(created.body.setPasswordLink.url);
  const token = new URLSearchParams(link.hash.slice(1)).get('token') ?? link.searchParams.get('token');
  const password = `een lange zin ${randomBytes(4).toString('hex')}`;
  const set = await new ApiSession(baseURL).call('POST', '/api/v1/auth/set-password', { token, password });
  if (set.status !== 204) throw new Error(`setting the password of ${email} failed: ${set.status}`);
  let totpSecret: string | undefined;
  let lastStep: number | undefined;
  if (roles.includes('coordinator') || roles.includes('admin')) {
    ({ totpSecret, step: lastStep } = await new ApiSession(baseURL).signIn(email, password));
  }
  return { id: created.body.user.id, email, password, displayName, totpSecret, lastStep };
}

/** The answer's body when its status is the expected one; else an error naming `what`. */
export async function expectStatus<T>(call: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const res = await call;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A fresh coordinator, signed in through the API, and a fresh group worker to lead what it plans,
 * with the demo data's place and a suffix that keeps this test's titles apart from others'.
 */
export async function coordinatorAndWorker(
  baseURL: string,
): Promise<{ coordinator: ApiSession; worker: E2eStaff; place: { id: string }; suffix: string }> {
  const suffix = randomBytes(2).toString('hex');
  const [coordinatorAccount, worker] = await Promise.all([
    createStaff(baseURL, ['coordinator'], 'Test Coördinator'),
    createStaff(baseURL, ['group_worker'], 'Gita Test'),
  ]);
  const coordinator = new ApiSession(baseURL);
  await coordinator.signIn(
    coordinatorAccount.email,
    coordinatorAccount.password,
    coordinatorAccount.totpSecret,
    coordinatorAccount.lastStep,
  );
  const [place] = await expectStatus(coordinator.call<Array<{ id: string }>>('GET', '/api/v1/locations'), 200, 'places');
  if (!place) throw new Error('no place in the demo data');
  return { coordinator, worker, place, suffix };
}
