import { Controller, Get, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffGroupSummary } from '@kring/domain';
import { listRoutes } from '../../apps/api/src/access/route-declarations';
import { makeGroup, makeStaff, type MadeStaff } from './support/staff-factory';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

/** A route someone forgot to declare: it must be refused, and the route walk must name it. */
@Controller('forgotten')
class ForgottenController {
  @Get()
  secretThing(): { leaked: boolean } {
    return { leaked: true };
  }
}
@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

describe('Access control (deny by default)', () => {
  let t: TestApp;
  let admin: MadeStaff;
  let coordinator: MadeStaff;
  let worker: MadeStaff;
  let otherWorker: MadeStaff;
  let ownGroup: string;
  let otherGroup: string;
  // One signed-in client per person: a two-factor code is good once per 30 s, so signing the same
  // account in again and again would soon have no fresh code left.
  const clients = new Map<string, Promise<StaffClient>>();
  const as = (who: MadeStaff, ip: string): Promise<StaffClient> => {
    let c = clients.get(who.id);
    if (!c) {
      const client = new StaffClient(t, ip);
      c = client.signInFully(who.email, who.password, who.totpSecret).then(() => client);
      clients.set(who.id, c);
    }
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp({}, [ForgottenModule]);
    admin = await makeStaff(t, { roles: ['admin'], twoFactor: true });
    coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    worker = await makeStaff(t, { roles: ['group_worker'] });
    otherWorker = await makeStaff(t, { roles: ['group_worker'] });
    ownGroup = await makeGroup(t, { title: 'Mijn groep', facilitators: [worker.id] });
    otherGroup = await makeGroup(t, { title: 'Andere groep', facilitators: [otherWorker.id] });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('every route declares who may call it', () => {
    it('should find a declaration on every route of the app', () => {
      const undeclared = listRoutes(t.app).filter((r) => !r.declared && r.controller !== ForgottenController.name);
      expect(undeclared).toEqual([]);
      expect(listRoutes(t.app).length).toBeGreaterThan(15);
    });

    it('should name a route added without a declaration, and refuse it at run time', async () => {
      expect(listRoutes(t.app).filter((r) => !r.declared)).toEqual([
        { controller: 'ForgottenController', handler: 'secretThing', method: 'GET', path: '/forgotten', declared: false },
      ]);
      const anonymous = await t.request('/api/v1/forgotten');
      expect(anonymous.status).toBe(403);
      const signedIn = await (await as(admin, '10.1.0.1')).get('/api/v1/forgotten');
      expect(signedIn.status).toBe(403);
      expect(await signedIn.text()).not.toContain('leaked');
    });
  });

  describe('roles', () => {
    it.each([
      ['GET', '/api/v1/admin/staff'],
      ['GET', '/api/v1/admin/audit'],
      ['GET', '/api/v1/admin/messages'],
      ['GET', '/api/v1/admin/referral-services'],
      ['GET', '/api/v1/referral-services'],
      ['GET', '/api/v1/staff/groups'],
      ['GET', '/api/v1/sessions?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z'],
      ['POST', '/api/v1/attendance/sync'],
      ['GET', '/api/v1/sessions/00000000-0000-4000-8000-000000000000/known-families'],
      ['POST', '/api/v1/registrations'],
      ['GET', '/api/v1/auth/session'],
      ['POST', '/api/v1/auth/password'],
      ['GET', '/api/v1/auth/step-up'],
      ['POST', '/api/v1/auth/step-up'],
      ['POST', '/api/v1/flags'],
      ['GET', '/api/v1/flags'],
      ['GET', '/api/v1/flags/mine'],
      ['GET', '/api/v1/flags/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/v1/flags/00000000-0000-4000-8000-000000000000/open'],
      ['POST', '/api/v1/flags/00000000-0000-4000-8000-000000000000/amendments'],
      ['POST', '/api/v1/flags/00000000-0000-4000-8000-000000000000/transitions'],
      ['POST', '/api/v1/flags/00000000-0000-4000-8000-000000000000/reconfirm'],
      ['POST', '/api/v1/families/00000000-0000-4000-8000-000000000000/flag-chronology'],
    ])('should answer 401 to %s %s without a session', async (method, path) => {
      const c = new StaffClient(t, '10.1.0.2');
      expect((await c.request(method, path, method === 'GET' ? undefined : {})).status).toBe(401);
    });

    it('should keep group workers and coordinators out of the admin routes (403)', async () => {
      for (const [who, ip] of [
        [worker, '10.1.0.3'],
        [coordinator, '10.1.0.4'],
      ] as const) {
        const c = await as(who, ip);
        for (const path of ['/api/v1/admin/staff', '/api/v1/admin/audit', '/api/v1/admin/messages', '/api/v1/admin/referral-services']) {
          const res = await c.get(path);
          expect(res.status).toBe(403);
          await expect(res.json()).resolves.toMatchObject({ code: 'forbidden' });
        }
        expect((await c.post('/api/v1/admin/staff', { email: 'x@test.kring.be', displayName: 'X', roles: ['admin'] })).status).toBe(403);
      }
    });

    it('should keep an admin (who is not a coordinator) out of group work (403)', async () => {
      const c = await as(admin, '10.1.0.5');
      expect((await c.get('/api/v1/staff/groups')).status).toBe(403);
      expect((await c.get(`/api/v1/staff/groups/${ownGroup}`)).status).toBe(403);
      expect((await c.get('/api/v1/admin/staff')).status).toBe(200);
      expect((await c.get('/api/v1/admin/messages')).status).toBe(200);
      expect((await c.post('/api/v1/attendance/sync', { ops: [] })).status).toBe(403);
      expect((await c.get('/api/v1/sessions/00000000-0000-4000-8000-000000000000/known-families')).status).toBe(403);
      // Admins do not read flags (tests/integration/flags.spec.ts has every flag route per role).
      expect((await c.get('/api/v1/flags')).status).toBe(403);
      expect((await c.post('/api/v1/flags/00000000-0000-4000-8000-000000000000/open', { purpose: 'triage' })).status).toBe(403);
    });
  });

  describe('group scope', () => {
    it('should show a group worker only the groups they facilitate', async () => {
      const c = await as(worker, '10.1.0.6');
      const mine = (await (await c.get('/api/v1/staff/groups')).json()) as StaffGroupSummary[];
      expect(mine.map((g) => g.title)).toEqual(['Mijn groep']);
      expect((await c.get(`/api/v1/staff/groups/${ownGroup}`)).status).toBe(200);
    });

    it('should answer 404, not 403, for a group outside one’s own (nothing confirms it exists)', async () => {
      const c = await as(worker, '10.1.0.7');
      const res = await c.get(`/api/v1/staff/groups/${otherGroup}`);
      expect(res.status).toBe(404);
      await expect(res.json()).resolves.toMatchObject({ code: 'not_found' });
      const unknown = await c.get('/api/v1/staff/groups/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      const bad = await c.get('/api/v1/staff/groups/not-an-id');
      expect(bad.status).toBe(400);
      await expect(bad.json()).resolves.toMatchObject({ fields: [{ field: 'id' }] });
    });

    it('should list the people who can facilitate, for group work only', async () => {
      const list = (await (await (await as(worker, '10.1.0.9')).get('/api/v1/staff/facilitators')).json()) as Array<{ id: string }>;
      expect(list.map((p) => p.id).sort()).toEqual([coordinator.id, worker.id, otherWorker.id].sort());
      expect((await (await as(admin, '10.1.0.10')).get('/api/v1/staff/facilitators')).status).toBe(403);
    });

    it('should let a coordinator reach every group', async () => {
      const c = await as(coordinator, '10.1.0.8');
      const all = (await (await c.get('/api/v1/staff/groups')).json()) as StaffGroupSummary[];
      expect(all.map((g) => g.title).sort()).toEqual(['Andere groep', 'Mijn groep']);
      const other = (await (await c.get(`/api/v1/staff/groups/${otherGroup}`)).json()) as StaffGroupSummary;
      expect(other.facilitators.map((f) => f.id)).toEqual([otherWorker.id]);
    });
  });
});
