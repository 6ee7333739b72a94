import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody, RecoveryCodes, SessionInfo, TwoFactorEnrolment } from '@kring/domain';
import { totp } from '../../apps/api/src/auth/totp';
import { Clock } from '../../apps/api/src/common/clock';
import { makeStaff } from './support/staff-factory';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

const MINUTE = 60_000;

describe('Staff sign-in and sessions', () => {
  let t: TestApp;
  let now: Date;
  let ipCounter = 0;
  const client = (): StaffClient => new StaffClient(t, `10.0.0.${++ipCounter}`);
  const advance = (ms: number): void => {
    now = new Date(now.getTime() + ms);
  };

  beforeAll(async () => {
    t = await startTestApp();
    now = new Date('2026-11-28T09:00:00Z');
    t.app.get(Clock).now = () => now;
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    advance(24 * 60 * MINUTE);
  });

  const auditActions = async (): Promise<string[]> =>
    (await t.db.query(`SELECT action FROM audit_event ORDER BY id`)).map((r: { action: string }) => r.action);

  describe('sign-in', () => {
    it('should open a session in a strict, http-only cookie and record it', async () => {
      const worker = await makeStaff(t, { roles: ['group_worker'] });
      const c = client();
      const res = await c.signIn(worker.email.toUpperCase(), worker.password);
      expect(res.status).toBe(200);
      const info = (await res.json()) as SessionInfo;
      expect(info.user).toMatchObject({ email: worker.email, roles: ['group_worker'] });
      expect(info.twoFactor).toEqual({ state: 'satisfied', enrolled: false, required: false });
      const cookie = res.headers.getSetCookie().find((h) => h.startsWith('kring_session='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/api/i);
      expect((await c.get('/api/v1/auth/session')).status).toBe(200);
      expect(await auditActions()).toContain('auth.sign_in.succeeded');
    });

    it('should give the same answer for a wrong password and an unknown e-mail, and record both', async () => {
      const worker = await makeStaff(t);
      const wrong = await client().signIn(worker.email, 'not the password at all');
      const unknown = await client().signIn('nobody@test.kring.be', 'not the password at all');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = ({ requestId: _r, ...rest }: ApiErrorBody) => rest;
      expect(strip(await wrong.json())).toEqual(strip(await unknown.json()));
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign_in.failed'`);
      expect(n).toBeGreaterThanOrEqual(2);
      const details = await t.db.query(`SELECT details FROM audit_event WHERE action = 'auth.sign_in.failed'`);
      expect(JSON.stringify(details)).not.toContain('not the password');
    });

    it('should refuse an account that is deactivated or has no password yet, with that same answer', async () => {
      const off = await makeStaff(t, { active: false });
      const fresh = await makeStaff(t, { password: null });
      for (const res of [await client().signIn(off.email, off.password), await client().signIn(fresh.email, 'anything at all')]) {
        expect(res.status).toBe(401);
        await expect(res.json()).resolves.toMatchObject({ code: 'invalid_credentials' });
      }
    });

    it('should make an account wait longer after each failure, even for the right password', async () => {
      const worker = await makeStaff(t);
      const c = client();
      for (let i = 0; i < 3; i++) expect((await c.signIn(worker.email, 'wrong password nr ' + i)).status).toBe(401);
      // Three tries are free; then each failure makes the next try wait longer (1 s, 2 s, 4 s …).
      const blocked = await client().signIn(worker.email, worker.password);
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('1');
      await expect(blocked.json()).resolves.toMatchObject({ code: 'too_many_requests' });
      advance(1_500);
      expect((await c.signIn(worker.email, 'wrong password nr 4')).status).toBe(401);
      const longer = await client().signIn(worker.email, worker.password);
      expect(longer.status).toBe(429);
      expect(longer.headers.get('retry-after')).toBe('2');
      advance(2_500);
      expect((await client().signIn(worker.email, worker.password)).status).toBe(200);
    });

    it('should throttle one address trying many accounts, known or not (after more free tries than an account gets)', async () => {
      const c = client();
      for (let i = 0; i < 10; i++) expect((await c.signIn(`guess${i}@test.kring.be`, 'a password guess')).status).toBe(401);
      const worker = await makeStaff(t);
      expect((await c.signIn(worker.email, worker.password)).status).toBe(429);
      expect((await client().signIn(worker.email, worker.password)).status).toBe(200);
    });

    it('should name the bad field of a malformed sign-in', async () => {
      const res = await client().post('/api/v1/auth/sign-in', { email: 'not-an-address', password: 'x', remember: true });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ApiErrorBody;
      expect(body.fields?.map((f) => f.field).sort()).toEqual(['email', 'remember']);
    });
  });

  describe('session expiry and revocation', () => {
    it('should end a session after 30 idle minutes, and keep an active one going', async () => {
      const worker = await makeStaff(t);
      const c = client();
      await c.signInFully(worker.email, worker.password);
      advance(20 * MINUTE);
      expect((await c.get('/api/v1/auth/session')).status).toBe(200);
      advance(20 * MINUTE);
      expect((await c.get('/api/v1/auth/session')).status).toBe(200);
      advance(31 * MINUTE);
      const res = await c.get('/api/v1/auth/session');
      expect(res.status).toBe(401);
      await expect(res.json()).resolves.toMatchObject({ code: 'unauthenticated' });
    });

    it('should end a session 12 hours after sign-in however active it is', async () => {
      const worker = await makeStaff(t);
      const c = client();
      await c.signInFully(worker.email, worker.password);
      for (let i = 0; i < 35; i++) {
        advance(20 * MINUTE);
        expect((await c.get('/api/v1/auth/session')).status).toBe(200);
      }
      advance(20 * MINUTE);
      expect((await c.get('/api/v1/auth/session')).status).toBe(401);
    });

    it('should end every session at once on "sign out everywhere"', async () => {
      const worker = await makeStaff(t);
      const phone = client();
      const desk = client();
      await phone.signInFully(worker.email, worker.password);
      await desk.signInFully(worker.email, worker.password);
      expect((await desk.post('/api/v1/auth/sign-out-everywhere')).status).toBe(204);
      expect((await phone.get('/api/v1/auth/session')).status).toBe(401);
      expect((await desk.get('/api/v1/auth/session')).status).toBe(401);
    });

    it('should answer 401 to the next request of an account an admin deactivated', async () => {
      const admin = await makeStaff(t, { roles: ['admin'], twoFactor: true });
      const worker = await makeStaff(t);
      const a = client();
      const w = client();
      await a.signInFully(admin.email, admin.password, admin.totpSecret, now);
      await w.signInFully(worker.email, worker.password);
      expect((await a.patch(`/api/v1/admin/staff/${worker.id}`, { active: false })).status).toBe(200);
      expect((await w.get('/api/v1/auth/session')).status).toBe(401);
      expect((await client().signIn(worker.email, worker.password)).status).toBe(401);
    });

    it('should sign out just this session', async () => {
      const worker = await makeStaff(t);
      const c = client();
      const other = client();
      await c.signInFully(worker.email, worker.password);
      await other.signInFully(worker.email, worker.password);
      expect((await c.post('/api/v1/auth/sign-out')).status).toBe(204);
      expect((await c.get('/api/v1/auth/session')).status).toBe(401);
      expect((await other.get('/api/v1/auth/session')).status).toBe(200);
    });
  });

  describe('anti-forgery', () => {
    it('should refuse a state-changing request without the token, with a wrong one, or with another session’s', async () => {
      const worker = await makeStaff(t);
      const c = client();
      await c.signInFully(worker.email, worker.password);

      c.csrf = false;
      const missing = await c.post('/api/v1/auth/sign-out');
      expect(missing.status).toBe(403);
      await expect(missing.json()).resolves.toMatchObject({ code: 'csrf_failed' });
      const forged = await c.request('POST', '/api/v1/auth/sign-out', {}, { 'x-xsrf-token': 'x'.repeat(43) });
      expect(forged.status).toBe(403);
      c.csrf = true;

      // A token pair that matches itself but not the session (planted cookie + header) is refused too.
      const stranger = client();
      await stranger.get('/api/v1/auth/session');
      const planted = stranger.cookie('XSRF-TOKEN') as string;
      const res = await t.request('/api/v1/auth/sign-out', {
        method: 'POST',
        headers: {
          cookie: `kring_session=${c.cookie('kring_session')}; XSRF-TOKEN=${planted}`,
          'x-xsrf-token': planted,
          'content-type': 'application/json',
        },
        body: '{}',
      });
      expect(res.status).toBe(403);
      expect((await c.get('/api/v1/auth/session')).status).toBe(200);
    });

    it('should ask sign-in for the token too (no login forgery)', async () => {
      const worker = await makeStaff(t);
      const c = client();
      c.csrf = false;
      expect((await c.signIn(worker.email, worker.password)).status).toBe(403);
    });
  });

  describe('two-factor', () => {
    it('should make a coordinator enrol before reaching anything, then work with the app’s codes', async () => {
      const coordinator = await makeStaff(t, { roles: ['coordinator'] });
      const c = client();
      const signIn = (await (await c.signIn(coordinator.email, coordinator.password)).json()) as SessionInfo;
      expect(signIn.twoFactor).toEqual({ state: 'enrolment_required', enrolled: false, required: true });

      const blocked = await c.get('/api/v1/staff/groups');
      expect(blocked.status).toBe(403);
      await expect(blocked.json()).resolves.toMatchObject({ code: 'two_factor_required' });

      const enrol = await c.post('/api/v1/auth/two-factor/enrolment');
      expect(enrol.status).toBe(200);
      const enrolment = (await enrol.json()) as TwoFactorEnrolment;
      expect(enrolment.qrSvg).toMatch(/^<svg/);
      expect(enrolment.otpauthUrl).toContain(`secret=${enrolment.secret}`);

      expect((await c.post('/api/v1/auth/two-factor/enrolment/confirm', { code: '000000' })).status).toBe(401);
      const confirm = await c.post('/api/v1/auth/two-factor/enrolment/confirm', { code: totp(enrolment.secret, now) });
      expect(confirm.status).toBe(200);
      const { recoveryCodes } = (await confirm.json()) as RecoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      expect((await c.get('/api/v1/staff/groups')).status).toBe(200);

      // The secret is sealed at rest and the recovery codes are only hashes.
      const [row] = await t.db.query(`SELECT totp_secret_enc FROM staff_user WHERE id = $1`, [coordinator.id]);
      expect(row.totp_secret_enc).not.toContain(enrolment.secret);
      const hashes = await t.db.query(`SELECT encode(code_hash, 'hex') AS h FROM recovery_code WHERE staff_user_id = $1`, [coordinator.id]);
      expect(JSON.stringify(hashes)).not.toContain(recoveryCodes[0].replace('-', ''));

      // Next sign-in: the code comes first; a wrong one is a 401 and counts toward throttling.
      advance(MINUTE);
      const next = client();
      const again = (await (await next.signIn(coordinator.email, coordinator.password)).json()) as SessionInfo;
      expect(again.twoFactor.state).toBe('code_required');
      expect((await next.get('/api/v1/staff/groups')).status).toBe(403);
      const wrong = await next.post('/api/v1/auth/two-factor/verify', { code: '123456' });
      expect(wrong.status).toBe(401);
      await expect(wrong.json()).resolves.toMatchObject({ code: 'invalid_two_factor_code' });
      const code = totp(enrolment.secret, now);
      const ok = await next.post('/api/v1/auth/two-factor/verify', { code });
      expect(ok.status).toBe(200);
      await expect(ok.json()).resolves.toMatchObject({ twoFactor: { state: 'satisfied' } });
      expect((await next.get('/api/v1/staff/groups')).status).toBe(200);

      // The same code cannot be replayed in another session.
      const replay = client();
      await replay.signIn(coordinator.email, coordinator.password);
      expect((await replay.post('/api/v1/auth/two-factor/verify', { code })).status).toBe(401);

      // A recovery code works once.
      const lost = client();
      await lost.signIn(coordinator.email, coordinator.password);
      expect((await lost.post('/api/v1/auth/two-factor/verify', { code: recoveryCodes[3].toUpperCase() })).status).toBe(200);
      const lostAgain = client();
      await lostAgain.signIn(coordinator.email, coordinator.password);
      expect((await lostAgain.post('/api/v1/auth/two-factor/verify', { code: recoveryCodes[3] })).status).toBe(401);

      expect(await auditActions()).toEqual(
        expect.arrayContaining([
          'auth.two_factor.enrolled',
          'auth.two_factor.verified',
          'auth.two_factor.failed',
          'auth.two_factor.recovery_code_used',
        ]),
      );
    });

    it('should throttle wrong codes for the account', async () => {
      const coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
      const c = client();
      await c.signIn(coordinator.email, coordinator.password);
      for (let i = 0; i < 3; i++) expect((await c.post('/api/v1/auth/two-factor/verify', { code: `00000${i}` })).status).toBe(401);
      expect((await c.post('/api/v1/auth/two-factor/verify', { code: totp(coordinator.totpSecret as string, now) })).status).toBe(429);
    });

    it('should let an admin reset someone’s two-factor, which ends their sessions', async () => {
      const admin = await makeStaff(t, { roles: ['admin'], twoFactor: true });
      const coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
      const a = client();
      const c = client();
      await a.signInFully(admin.email, admin.password, admin.totpSecret, now);
      await c.signInFully(coordinator.email, coordinator.password, coordinator.totpSecret, now);
      expect((await a.post(`/api/v1/admin/staff/${coordinator.id}/reset-two-factor`)).status).toBe(204);
      expect((await c.get('/api/v1/auth/session')).status).toBe(401);
      const after = (await (await client().signIn(coordinator.email, coordinator.password)).json()) as SessionInfo;
      expect(after.twoFactor.state).toBe('enrolment_required');
    });
  });

  describe('passwords', () => {
    it('should change a password, refusing a weak one by name, and end the other sessions', async () => {
      const worker = await makeStaff(t, { displayName: 'Gita Peeters' });
      const c = client();
      const other = client();
      await c.signInFully(worker.email, worker.password);
      await other.signInFully(worker.email, worker.password);

      const wrongCurrent = await c.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'een heel nieuw wachtwoord' });
      expect(wrongCurrent.status).toBe(400);
      expect(((await wrongCurrent.json()) as ApiErrorBody).fields?.[0]).toMatchObject({ field: 'currentPassword' });

      const weak = await c.post('/api/v1/auth/password', { currentPassword: worker.password, newPassword: 'Wachtwoord2026!' });
      expect(weak.status).toBe(400);
      expect(((await weak.json()) as ApiErrorBody).fields?.[0]).toMatchObject({
        field: 'newPassword',
        code: 'weak_password',
        reason: 'too_common',
      });

      expect(
        (await c.post('/api/v1/auth/password', { currentPassword: worker.password, newPassword: 'koffie met de buren om tien' })).status,
      ).toBe(204);
      expect((await c.get('/api/v1/auth/session')).status).toBe(200);
      expect((await other.get('/api/v1/auth/session')).status).toBe(401);
      expect((await client().signIn(worker.email, worker.password)).status).toBe(401);
      expect((await client().signIn(worker.email, 'koffie met de buren om tien')).status).toBe(200);
    });
  });
});
