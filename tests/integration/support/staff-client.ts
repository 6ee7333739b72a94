import { totp } from '../../../apps/api/src/auth/totp';
import type { TestApp } from './test-app';

/**
 * A browser-like client: keeps cookies, echoes the anti-forgery cookie in the X-XSRF-TOKEN
 * header on state-changing requests (as Angular does), speaks JSON.
 */
export class StaffClient {
  private readonly cookies = new Map<string, string>();
  csrf = true;

  constructor(
    private readonly t: TestApp,
    readonly ip = '127.0.0.1',
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  forgetCookie(name: string): void {
    this.cookies.delete(name);
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    if (method !== 'GET' && !this.cookies.has('XSRF-TOKEN')) await this.request('GET', '/api/v1/auth/session');
    // The app trusts X-Forwarded-For from loopback, so each client can stand for another address.
    const h: Record<string, string> = { accept: 'application/json', 'x-forwarded-for': this.ip, ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.cookies.size) h['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && this.csrf && xsrf) h['x-xsrf-token'] = xsrf;
    const res = await this.t.request(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string): Promise<Response> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown): Promise<Response> {
    return this.request('POST', path, body ?? {});
  }

  patch(path: string, body: unknown): Promise<Response> {
    return this.request('PATCH', path, body);
  }

  async signIn(email: string, password: string): Promise<Response> {
    return this.post('/api/v1/auth/sign-in', { email, password });
  }

  /** Signs in and passes the two-factor step when the account has one. */
  async signInFully(email: string, password: string, totpSecret?: string, at = new Date()): Promise<void> {
    const res = await this.signIn(email, password);
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const info = await res.json();
    if (info.twoFactor.state === 'code_required') {
      if (!totpSecret) throw new Error('this account needs a two-factor code');
      // A code is good once: when this step's code was used already (a second sign-in within 30 s),
      // the next step's code is still inside the accepted window.
      let v = await this.post('/api/v1/auth/two-factor/verify', { code: totp(totpSecret, at) });
      if (v.status === 401)
        v = await this.post('/api/v1/auth/two-factor/verify', { code: totp(totpSecret, new Date(at.getTime() + 30_000)) });
      if (v.status !== 200) throw new Error(`two-factor failed: ${v.status} ${await v.text()}`);
    }
  }
}
