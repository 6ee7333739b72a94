import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, type MadeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const cookieLines = (res: Response, name: string): string[] => res.headers.getSetCookie().filter((l) => l.startsWith(`${name}=`));
const isSecure = (line: string): boolean => line.split(';').some((a) => a.trim().toLowerCase() === 'secure');

/**
 * Issue 17 (5): cookies were `Secure` only with NODE_ENV=production. Now also whenever the request
 * came over HTTPS, as the trusted proxy says in X-Forwarded-Proto (and only the trusted proxy).
 */
describe('Secure cookies behind an HTTPS proxy', () => {
  let t: TestApp;
  let untrusting: TestApp;
  let staff: MadeStaff;

  const signIn = async (app: TestApp, headers: Record<string, string>): Promise<Response> => {
    const first = await app.request('/api/v1/auth/session', { headers });
    const xsrf = (cookieLines(first, 'XSRF-TOKEN')[0] ?? '').split(';')[0].split('=')[1];
    return app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', cookie: `XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': xsrf },
      body: JSON.stringify({ email: staff.email, password: staff.password }),
    });
  };

  beforeAll(async () => {
    // NODE_ENV is "test": not production, so only the request decides.
    t = await startTestApp();
    staff = await makeStaff(t, { roles: ['group_worker'] });
    // A deployment whose proxy is elsewhere: this loopback client is not it.
    untrusting = await startTestApp({ KRING_TRUST_PROXY: '10.0.0.2' });
  });
  afterAll(async () => {
    await t?.close();
    await untrusting?.close();
  });

  it('should make every cookie Secure when the trusted proxy says the request came over HTTPS', async () => {
    const first = await t.request('/api/v1/auth/session', { headers: { 'x-forwarded-proto': 'https' } });
    expect(cookieLines(first, 'XSRF-TOKEN').map(isSecure)).toEqual([true]);
    const signedIn = await signIn(t, { 'x-forwarded-proto': 'https' });
    expect(signedIn.status).toBe(200);
    expect(cookieLines(signedIn, 'kring_session').map(isSecure)).toEqual([true]);
    expect(cookieLines(signedIn, 'XSRF-TOKEN').map(isSecure)).toEqual([true]);
  });

  it('should leave them plain over plain HTTP in development', async () => {
    const signedIn = await signIn(t, {});
    expect(signedIn.status).toBe(200);
    expect(cookieLines(signedIn, 'kring_session').map(isSecure)).toEqual([false]);
  });

  it('should not believe X-Forwarded-Proto from an address that is not the trusted proxy', async () => {
    const first = await untrusting.request('/api/v1/auth/session', { headers: { 'x-forwarded-proto': 'https' } });
    expect(cookieLines(first, 'XSRF-TOKEN').map(isSecure)).toEqual([false]);
  });
});
