import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManageView, RegisterRequest, RegisterResponse, CreatedStaffUser } from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { OutboxDispatcher } from '../../apps/api/src/messages/dispatcher';
import { PRIVACY_NOTICE_VERSION } from '../../apps/api/src/registration/registration.settings';
import { makeSession } from './support/planning-factory';
import { StaffClient } from './support/staff-client';
import { makeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 3_600_000;
const tokenOf = (url: string): string => new URLSearchParams(new URL(url).hash.slice(1)).get('token') as string;

/**
 * The request log, as written: pino writes straight to file descriptor 1 (not through
 * process.stdout), so the test listens there while the app runs with LOG_LEVEL=info.
 */
function captureStdout(): { lines: () => string[]; stop: () => void } {
  const captured: string[] = [];
  const { writeSync, write } = fs;
  const keep = (fd: number, data: unknown): boolean => {
    if (fd !== 1) return false;
    captured.push(typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString('utf8'));
    return true;
  };
  fs.writeSync = ((fd: number, data: never, ...rest: never[]) =>
    keep(fd, data) ? Buffer.byteLength(String(captured[captured.length - 1])) : writeSync(fd, data, ...rest)) as typeof fs.writeSync;
  fs.write = ((fd: number, data: never, ...rest: unknown[]) => {
    if (!keep(fd, data)) return (write as (...a: unknown[]) => void)(fd, data, ...rest);
    const done = rest.find((r) => typeof r === 'function') as ((e: null, n: number) => void) | undefined;
    queueMicrotask(() => done?.(null, Buffer.byteLength(String(captured[captured.length - 1]))));
  }) as typeof fs.write;
  return {
    lines: () => captured.join('').split('\n').filter(Boolean),
    stop: () => {
      fs.writeSync = writeSync;
      fs.write = write;
    },
  };
}

/** Issue 17 (2, 3): link tokens never reach the log, nor an admin's screen, nor a sent message's stored body. */
describe('Link tokens stay out of logs and admin screens', () => {
  let t: TestApp;
  const now = new Date('2026-10-05T08:00:00Z');
  const xsrf = randomBytes(32).toString('base64url');
  let log: ReturnType<typeof captureStdout>;
  let phone = 472_000_000;

  const publicPost = (path: string, body: unknown, linkToken?: string): Promise<Response> =>
    t.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `XSRF-TOKEN=${xsrf}`,
        'x-xsrf-token': xsrf,
        ...(linkToken ? { 'x-link-token': linkToken } : {}),
      },
      body: JSON.stringify(body),
    });
  const register = async (overrides: Partial<RegisterRequest> = {}): Promise<RegisterResponse> => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * DAY) });
    const res = await publicPost('/api/v1/public/registrations', {
      displayName: 'Sara',
      phone: `0${++phone}`,
      email: 'sara@voorbeeld.be',
      children: [],
      needs: [],
      locale: 'nl',
      consentNoticeVersion: PRIVACY_NOTICE_VERSION,
      consentGiven: true,
      sessionId,
      ...overrides,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as RegisterResponse;
  };

  beforeAll(async () => {
    log = captureStdout();
    t = await startTestApp({ KRING_PUBLIC_URL: 'https://kring.test', LOG_LEVEL: 'info' });
    t.app.get(Clock).now = () => now;
  });
  afterAll(async () => {
    log?.stop();
    await t?.close();
  });

  it('should keep the manage and set-password tokens out of every log line', async () => {
    // The manage flow, as the web page does it: the token in a header.
    const registered = await register();
    expect(registered.manageUrl).toMatch(/^https:\/\/kring\.test\/mijn-inschrijving#token=[A-Za-z0-9_-]{43}$/);
    const manageToken = tokenOf(registered.manageUrl);
    const view = await t.request('/api/v1/public/manage', { headers: { 'x-link-token': manageToken } });
    expect(view.status).toBe(200);
    expect(((await view.json()) as ManageView).code).toBe(registered.code);
    const cancel = await publicPost(`/api/v1/public/manage/registrations/${registered.registrations[0].id}/cancel`, {}, manageToken);
    expect(cancel.status).toBe(200);
    // A token in the path is not taken any more, and even then the log line does not keep it.
    const oldStyle = await t.request(`/api/v1/public/manage/${manageToken}`);
    expect(oldStyle.status).toBe(404);

    // The set-password flow: an admin makes an account, the person opens the link and sets a password.
    const admin = await makeStaff(t, { roles: ['admin'], twoFactor: true });
    const a = new StaffClient(t);
    await a.signInFully(admin.email, admin.password, admin.totpSecret, now);
    const created = (await (
      await a.post('/api/v1/admin/staff', { email: 'nieuw@test.kring.be', displayName: 'Nina Nieuw', roles: ['group_worker'] })
    ).json()) as CreatedStaffUser;
    expect(created.setPasswordLink.url).toMatch(/^https:\/\/kring\.test\/set-password#token=[A-Za-z0-9_-]{43}$/);
    const passwordToken = tokenOf(created.setPasswordLink.url);
    const visitor = new StaffClient(t, '10.30.0.1');
    const info = await visitor.request('GET', '/api/v1/auth/set-password', undefined, { 'x-link-token': passwordToken });
    expect(info.status).toBe(200);
    expect((await visitor.request('GET', `/api/v1/auth/set-password/${passwordToken}`)).status).toBe(404);
    expect(
      (await visitor.post('/api/v1/auth/set-password', { token: passwordToken, password: 'een lange zin over de schelde' })).status,
    ).toBe(204);

    await new Promise((r) => setTimeout(r, 50)); // let the logger flush
    const lines = log.lines();
    const requests = lines.filter((l) => l.includes('"req":'));
    expect(requests.length).toBeGreaterThanOrEqual(6);
    expect(requests.some((l) => l.includes('/api/v1/public/manage/[redacted]'))).toBe(true);
    expect(requests.some((l) => l.includes('/api/v1/auth/set-password/[redacted]'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(manageToken);
      expect(line).not.toContain(passwordToken);
    }
  });

  it('should show admins messages whose links open nothing, and keep no token in a sent message’s body', async () => {
    const registered = await register();
    const token = tokenOf(registered.manageUrl);
    const [family] = await t.db.query(`SELECT id FROM family WHERE code = $1`, [registered.code]);
    const stored = async (): Promise<Array<{ status: string; body: string }>> =>
      t.db.query(`SELECT status, body FROM outbox_message WHERE family_id = $1`, [family.id]);
    // Waiting to be sent, the message needs its link.
    expect((await stored()).every((m) => m.status === 'pending' && m.body.includes(token))).toBe(true);

    const admin = await makeStaff(t, { roles: ['admin'], twoFactor: true });
    const a = new StaffClient(t, '10.30.1.1');
    await a.signInFully(admin.email, admin.password, admin.totpSecret, now);
    const shown = await (await a.get('/api/v1/admin/messages?pageSize=100')).text();
    expect(shown).toContain('mijn-inschrijving#token=[verborgen]');
    expect(shown).not.toContain(token);
    // Nothing in the admin's view opens a family's page.
    const candidates = [...new Set(shown.match(/[A-Za-z0-9_-]{20,}/g) ?? [])];
    for (const candidate of candidates) {
      const res = await t.request('/api/v1/public/manage', { headers: { 'x-link-token': candidate } });
      expect(res.status).not.toBe(200);
    }

    await t.app.get(OutboxDispatcher).dispatchBatch();
    const sent = await stored();
    expect(sent.map((m) => m.status)).toEqual(['sent', 'sent']);
    for (const m of sent) {
      expect(m.body).not.toContain(token);
      expect(m.body).toContain('[verborgen]');
      expect(m.body).toContain(registered.code); // the rest stays, for the retention schedule
    }
  });
});
