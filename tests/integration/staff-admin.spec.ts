import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiErrorBody,
  AuditEventView,
  CreatedStaffUser,
  Page,
  SetPasswordLink,
  SetPasswordLinkInfo,
  StaffUserSummary,
} from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { makeStaff, type MadeStaff } from './support/staff-factory';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

const tokenOf = (url: string): string => new URLSearchParams(new URL(url).hash.slice(1)).get('token') as string;

describe('Admins manage staff accounts', () => {
  let t: TestApp;
  let admin: MadeStaff;
  let a: StaffClient;
  let now = new Date();

  beforeAll(async () => {
    t = await startTestApp({ KRING_PUBLIC_URL: 'https://kring.test' });
    t.app.get(Clock).now = () => now;
    admin = await makeStaff(t, { roles: ['admin'], twoFactor: true, displayName: 'Ans Admin' });
    a = new StaffClient(t, '10.2.0.1');
    await a.signInFully(admin.email, admin.password, admin.totpSecret, now);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should create a group worker with a one-time link that sets their password and lets them sign in', async () => {
    const res = await a.post('/api/v1/admin/staff', { email: 'nieuw@test.kring.be', displayName: 'Nina Nieuw', roles: ['group_worker'] });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedStaffUser;
    expect(created.user).toMatchObject({ email: 'nieuw@test.kring.be', roles: ['group_worker'], active: true, passwordSet: false });
    expect(created.setPasswordLink.url).toMatch(/^https:\/\/kring\.test\/set-password#token=[A-Za-z0-9_-]{43}$/);
    expect(new Date(created.setPasswordLink.expiresAt).getTime() - now.getTime()).toBe(48 * 3_600_000);
    const token = tokenOf(created.setPasswordLink.url);
    // Only the token's hash is stored.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM set_password_token WHERE encode(token_hash, 'escape') LIKE $1`, [
      `%${token}%`,
    ]);
    expect(n).toBe(0);

    const visitor = new StaffClient(t, '10.2.0.2');
    const info = (await (
      await visitor.request('GET', '/api/v1/auth/set-password', undefined, { 'x-link-token': token })
    ).json()) as SetPasswordLinkInfo;
    expect(info).toMatchObject({ email: 'nieuw@test.kring.be', displayName: 'Nina Nieuw' });

    const weak = await visitor.post('/api/v1/auth/set-password', { token, password: 'nina nieuw 2026' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as ApiErrorBody).fields?.[0]).toMatchObject({ field: 'password', reason: 'contains_name' });

    expect((await visitor.post('/api/v1/auth/set-password', { token, password: 'de zee bij oostende' })).status).toBe(204);
    const reused = await visitor.post('/api/v1/auth/set-password', { token, password: 'een ander lang wachtwoord' });
    expect(reused.status).toBe(410);
    await expect(reused.json()).resolves.toMatchObject({ code: 'link_expired' });
    expect((await visitor.request('GET', '/api/v1/auth/set-password', undefined, { 'x-link-token': token })).status).toBe(410);

    expect((await new StaffClient(t, '10.2.0.3').signIn('nieuw@test.kring.be', 'de zee bij oostende')).status).toBe(200);
  });

  it('should refuse an expired link and change nothing', async () => {
    const created = (await (
      await a.post('/api/v1/admin/staff', { email: 'laat@test.kring.be', displayName: 'Lotte Laat', roles: ['group_worker'] })
    ).json()) as CreatedStaffUser;
    now = new Date(now.getTime() + 49 * 3_600_000);
    await a.signInFully(admin.email, admin.password, admin.totpSecret, now);
    const res = await new StaffClient(t, '10.2.0.4').post('/api/v1/auth/set-password', {
      token: tokenOf(created.setPasswordLink.url),
      password: 'de zee bij oostende',
    });
    expect(res.status).toBe(410);
    const [row] = await t.db.query(`SELECT password_hash FROM staff_user WHERE email = 'laat@test.kring.be'`);
    expect(row.password_hash).toBeNull();

    // A new link works, and the old one stays dead.
    const link = (await (await a.post(`/api/v1/admin/staff/${created.user.id}/set-password-link`)).json()) as SetPasswordLink;
    expect(
      (
        await new StaffClient(t, '10.2.0.5').post('/api/v1/auth/set-password', {
          token: tokenOf(link.url),
          password: 'de zee bij oostende',
        })
      ).status,
    ).toBe(204);
  });

  it('should refuse a second account with the same e-mail (any case) and name the field', async () => {
    const res = await a.post('/api/v1/admin/staff', { email: 'NIEUW@test.kring.be', displayName: 'Dubbel', roles: ['coordinator'] });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ApiErrorBody).fields).toEqual([{ field: 'email', code: 'taken', message: expect.any(String) }]);
  });

  it('should name every bad field of a new account', async () => {
    const res = await a.post('/api/v1/admin/staff', { email: 'geen-adres', displayName: '', roles: ['boss'] });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as ApiErrorBody).fields?.map((f) => f.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'roles']);
  });

  it('should search and page the accounts', async () => {
    for (let i = 0; i < 3; i++) await makeStaff(t, { displayName: `Zoek Mij ${i}` });
    const page1 = (await (await a.get('/api/v1/admin/staff?search=zoek%20mij&pageSize=2&page=1')).json()) as Page<StaffUserSummary>;
    expect(page1.total).toBe(3);
    expect(page1.items.map((u) => u.displayName)).toEqual(['Zoek Mij 0', 'Zoek Mij 1']);
    const page2 = (await (await a.get('/api/v1/admin/staff?search=zoek%20mij&pageSize=2&page=2')).json()) as Page<StaffUserSummary>;
    expect(page2.items.map((u) => u.displayName)).toEqual(['Zoek Mij 2']);
    expect((await a.get('/api/v1/admin/staff?pageSize=500')).status).toBe(400);
  });

  it('should change roles, and never let an admin lock themselves out', async () => {
    const person = await makeStaff(t, { roles: ['group_worker'] });
    const res = await a.patch(`/api/v1/admin/staff/${person.id}`, { roles: ['group_worker', 'coordinator'] });
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toMatchObject({ roles: ['group_worker', 'coordinator'] });

    const self = await a.patch(`/api/v1/admin/staff/${admin.id}`, { active: false });
    expect(self.status).toBe(409);
    expect((await a.patch(`/api/v1/admin/staff/${admin.id}`, { roles: ['coordinator'] })).status).toBe(409);
    expect((await a.patch(`/api/v1/admin/staff/00000000-0000-4000-8000-000000000000`, { active: false })).status).toBe(404);
  });

  it('should record account changes in the audit trail, which only admins can read', async () => {
    const res = await a.get('/api/v1/admin/audit?action=staff.&pageSize=100');
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<AuditEventView>;
    const actions = page.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.created', 'staff.set_password_link_issued', 'staff.roles_changed']));
    expect(page.items.every((e) => e.action.startsWith('staff.'))).toBe(true);
    const rolesChanged = page.items.find((e) => e.action === 'staff.roles_changed');
    expect(rolesChanged).toMatchObject({
      actor: { id: admin.id, displayName: 'Ans Admin' },
      details: { from: ['group_worker'], to: ['group_worker', 'coordinator'] },
    });
    expect(JSON.stringify(page)).not.toMatch(/de zee bij oostende|token=/);
  });
});
