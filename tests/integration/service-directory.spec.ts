import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, AuditEventView, CreateReferralServiceRequest, Page, ReferralServiceView } from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { makeStaff, type MadeStaff } from './support/staff-factory';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

const ADMIN_BASE = '/api/v1/admin/referral-services';
const PICK_BASE = '/api/v1/referral-services';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let counter = 0;
const makeService = (overrides: Partial<CreateReferralServiceRequest> = {}): CreateReferralServiceRequest => ({
  name: `CAW Waasland ${++counter}`,
  kind: 'caw',
  phone: '03 776 00 00',
  email: 'onthaal@caw.test',
  address: 'Kazernestraat 1, 9100 Sint-Niklaas',
  intakeNotes: 'Vraag naar het onthaal; open op dinsdag en donderdag.',
  languages: ['nl', 'fr', 'ar'],
  intakeChannels: ['secure_link', 'printed_handover'],
  ...overrides,
});

describe('Service directory (admin keeps it, coordinators pick from it)', () => {
  let t: TestApp;
  let admin: MadeStaff;
  let coordinator: MadeStaff;
  let worker: MadeStaff;
  let a: StaffClient;
  let c: StaffClient;
  let w: StaffClient;
  let now = new Date();

  const created = async (overrides: Partial<CreateReferralServiceRequest> = {}): Promise<ReferralServiceView> => {
    const res = await a.post(ADMIN_BASE, makeService(overrides));
    expect(res.status).toBe(201);
    return (await res.json()) as ReferralServiceView;
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).now = () => now;
    admin = await makeStaff(t, { roles: ['admin'], twoFactor: true });
    coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    worker = await makeStaff(t, { roles: ['group_worker'] });
    a = new StaffClient(t, '10.14.0.1');
    c = new StaffClient(t, '10.14.0.2');
    w = new StaffClient(t, '10.14.0.3');
    await a.signInFully(admin.email, admin.password, admin.totpSecret);
    await c.signInFully(coordinator.email, coordinator.password, coordinator.totpSecret);
    await w.signInFully(worker.email, worker.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('who may call which route', () => {
    const routes = (id: string) =>
      [
        ['GET', ADMIN_BASE, undefined],
        ['GET', `${ADMIN_BASE}/${id}`, undefined],
        ['POST', ADMIN_BASE, makeService()],
        ['PATCH', `${ADMIN_BASE}/${id}`, { intakeNotes: 'Nieuw onthaaluur.' }],
        ['GET', PICK_BASE, undefined],
        ['GET', `${PICK_BASE}/${id}`, undefined],
      ] as const;

    it('should answer 401 to every route without a session', async () => {
      const { id } = await created();
      const anonymous = new StaffClient(t, '10.14.0.9');
      for (const [method, path, body] of routes(id)) {
        const res = await anonymous.request(method, path, body ?? (method === 'GET' ? undefined : {}));
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    });

    it('should let an admin use the admin routes, and keep them out of the coordinators’ picking list (403)', async () => {
      const { id } = await created();
      const expected = [200, 200, 201, 200, 403, 403];
      const got = [];
      for (const [method, path, body] of routes(id)) got.push((await a.request(method, path, body)).status);
      expect(got).toEqual(expected);
    });

    it('should let a coordinator read the active services only, and keep them out of the admin routes (403)', async () => {
      const { id } = await created();
      const got = [];
      for (const [method, path, body] of routes(id)) got.push((await c.request(method, path, body)).status);
      expect(got).toEqual([403, 403, 403, 403, 200, 200]);
    });

    it('should keep a group worker out of every route (403), saying so in the error body', async () => {
      const { id } = await created();
      for (const [method, path, body] of routes(id)) {
        const res = await w.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        await expect(res.json()).resolves.toMatchObject({ code: 'forbidden' });
      }
    });

    it('should answer 404 for an unknown service and 400 naming the id for a malformed one', async () => {
      expect((await a.get(`${ADMIN_BASE}/${UNKNOWN}`)).status).toBe(404);
      expect((await a.patch(`${ADMIN_BASE}/${UNKNOWN}`, { intakeNotes: 'x' })).status).toBe(404);
      expect((await c.get(`${PICK_BASE}/${UNKNOWN}`)).status).toBe(404);
      const bad = await a.get(`${ADMIN_BASE}/not-an-id`);
      expect(bad.status).toBe(400);
      await expect(bad.json()).resolves.toMatchObject({ fields: [{ field: 'id' }] });
    });

    it('should offer no way to delete a service', async () => {
      const { id } = await created();
      const res = await a.request('DELETE', `${ADMIN_BASE}/${id}`);
      expect(res.status).toBe(404);
      await expect(res.json()).resolves.toMatchObject({ code: 'route_not_found' });
    });
  });

  describe('keeping the directory', () => {
    it('should add a service with every field, as given', async () => {
      now = new Date('2026-05-04T08:00:00.000Z');
      const service = await created({ name: '  Kind en Gezin Sint-Niklaas  ', kind: 'kind_en_gezin', languages: ['nl', 'tr'] });
      expect(service).toEqual({
        id: expect.any(String),
        name: 'Kind en Gezin Sint-Niklaas',
        kind: 'kind_en_gezin',
        phone: '03 776 00 00',
        email: 'onthaal@caw.test',
        address: 'Kazernestraat 1, 9100 Sint-Niklaas',
        intakeNotes: 'Vraag naar het onthaal; open op dinsdag en donderdag.',
        languages: ['nl', 'tr'],
        intakeChannels: ['secure_link', 'printed_handover'],
        active: true,
        createdAt: '2026-05-04T08:00:00.000Z',
        updatedAt: '2026-05-04T08:00:00.000Z',
      });
      expect((await (await a.get(`${ADMIN_BASE}/${service.id}`)).json()) as ReferralServiceView).toEqual(service);
    });

    it('should keep empty contact fields as none', async () => {
      const service = await created({ phone: '', email: null, address: '   ', intakeNotes: undefined, languages: undefined });
      expect(service).toMatchObject({ phone: null, email: null, address: null, intakeNotes: '', languages: [] });
    });

    it('should change only the fields sent, and audit which fields changed without their values', async () => {
      const service = await created();
      now = new Date('2026-05-05T10:00:00.000Z');
      const res = await a.patch(`${ADMIN_BASE}/${service.id}`, { phone: '+32 3 776 11 11', intakeChannels: ['parent_goes'] });
      expect(res.status).toBe(200);
      const changed = (await res.json()) as ReferralServiceView;
      expect(changed).toEqual({
        ...service,
        phone: '+32 3 776 11 11',
        intakeChannels: ['parent_goes'],
        updatedAt: '2026-05-05T10:00:00.000Z',
      });

      const events = await auditFor(service.id);
      expect(events.map((e) => e.action)).toEqual(['referral_service.updated', 'referral_service.created']);
      expect(events[0].details).toEqual({ fields: ['phone', 'intakeChannels'] });
      expect(events[0].actor?.id).toBe(admin.id);
      expect(JSON.stringify(events)).not.toContain('776 11 11');
    });

    it('should write nothing when nothing changes', async () => {
      const service = await created();
      const res = await a.patch(`${ADMIN_BASE}/${service.id}`, { name: service.name, kind: service.kind });
      expect(res.status).toBe(200);
      expect((await auditFor(service.id)).map((e) => e.action)).toEqual(['referral_service.created']);
    });

    it('should deactivate (never delete): coordinators no longer see it, admins still do, and it can come back', async () => {
      const service = await created({ name: 'CGG Waas en Dender' });
      const off = await a.patch(`${ADMIN_BASE}/${service.id}`, { active: false });
      expect(off.status).toBe(200);
      await expect(off.json()).resolves.toMatchObject({ active: false });

      const picked = (await (await c.get(PICK_BASE)).json()) as ReferralServiceView[];
      expect(picked.map((s) => s.id)).not.toContain(service.id);
      expect(picked.every((s) => s.active)).toBe(true);
      expect((await c.get(`${PICK_BASE}/${service.id}`)).status).toBe(404);

      const all = (await (await a.get(ADMIN_BASE)).json()) as ReferralServiceView[];
      expect(all.find((s) => s.id === service.id)).toMatchObject({ active: false });
      expect(all[all.length - 1].active).toBe(false);
      const onlyActive = (await (await a.get(`${ADMIN_BASE}?active=true`)).json()) as ReferralServiceView[];
      expect(onlyActive.map((s) => s.id)).not.toContain(service.id);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM referral_service WHERE id = $1`, [service.id]);
      expect(n).toBe(1);

      expect((await a.patch(`${ADMIN_BASE}/${service.id}`, { active: true })).status).toBe(200);
      expect((await c.get(`${PICK_BASE}/${service.id}`)).status).toBe(200);
      expect((await auditFor(service.id)).map((e) => e.action)).toEqual([
        'referral_service.reactivated',
        'referral_service.deactivated',
        'referral_service.created',
      ]);
    });

    it('should list the active services by name for coordinators', async () => {
      await created({ name: 'aaa Huisarts De Linde', kind: 'gp' });
      const names = ((await (await c.get(PICK_BASE)).json()) as ReferralServiceView[]).map((s) => s.name.toLowerCase());
      expect(names).toEqual([...names].sort());
      expect(names[0]).toBe('aaa huisarts de linde');
    });

    it('should refuse a second service with the same name, also next to a deactivated one (409, on the name)', async () => {
      const first = await created({ name: 'OCJ Oost-Vlaanderen' });
      await a.patch(`${ADMIN_BASE}/${first.id}`, { active: false });
      for (const name of ['OCJ Oost-Vlaanderen', ' ocj oost-vlaanderen ']) {
        const res = await a.post(ADMIN_BASE, makeService({ name }));
        expect(res.status).toBe(409);
        expect(((await res.json()) as ApiErrorBody).fields).toEqual([{ field: 'name', code: 'taken', message: expect.any(String) }]);
      }
      const other = await created();
      const rename = await a.patch(`${ADMIN_BASE}/${other.id}`, { name: 'OCJ OOST-VLAANDEREN' });
      expect(rename.status).toBe(409);
      // Renaming a service to itself in other letters is fine.
      expect((await a.patch(`${ADMIN_BASE}/${first.id}`, { name: 'OCJ Oost-Vlaanderen (Gent)' })).status).toBe(200);
    });
  });

  describe('validation, field by field', () => {
    it.each([
      ['name', { name: '' }, 'too_short'],
      ['name', { name: 'x'.repeat(121) }, 'too_long'],
      ['name', { name: 42 }, 'invalid'],
      ['kind', { kind: 'risk_team' }, 'not_one_of'],
      ['phone', { phone: 'bel me' }, 'invalid'],
      ['phone', { phone: `0${'1'.repeat(40)}` }, 'too_long'],
      ['email', { email: 'onthaal-at-caw' }, 'invalid'],
      ['address', { address: 'x'.repeat(301) }, 'too_long'],
      ['intakeNotes', { intakeNotes: 'x'.repeat(2001) }, 'too_long'],
      ['languages', { languages: ['Nederlands'] }, 'invalid'],
      ['languages', { languages: ['nl', 'nl'] }, 'invalid'],
      ['languages', { languages: 'nl' }, 'invalid'],
      ['intakeChannels', { intakeChannels: [] }, 'invalid'],
      ['intakeChannels', { intakeChannels: ['email'] }, 'not_one_of'],
      ['active', { active: false }, 'unknown_field'],
      ['deletedAt', { deletedAt: '2026-01-01' }, 'unknown_field'],
    ] as const)('should refuse a new service when %s is %j (%s)', async (field, overrides, code) => {
      const res = await a.post(ADMIN_BASE, { ...makeService(), ...overrides });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ApiErrorBody;
      expect(body.code).toBe('validation_failed');
      expect(body.fields?.map((f) => f.field)).toEqual(expect.arrayContaining([field]));
      expect(body.fields?.filter((f) => f.field === field).map((f) => f.code)).toContain(code);
      expect(body.fields?.every((f) => f.message.length > 10)).toBe(true);
    });

    it.each(['name', 'kind', 'intakeChannels'])('should refuse a new service without %s', async (field) => {
      const body: Record<string, unknown> = { ...makeService() };
      delete body[field];
      const res = await a.post(ADMIN_BASE, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ApiErrorBody).fields?.map((f) => f.field)).toContain(field);
    });

    it('should name every bad field at once', async () => {
      const res = await a.post(ADMIN_BASE, { name: '', kind: 'x', intakeChannels: [] });
      const fields = new Set(((await res.json()) as ApiErrorBody).fields?.map((f) => f.field));
      expect([...fields].sort()).toEqual(['intakeChannels', 'kind', 'name']);
    });

    it.each([
      ['name', { name: null }],
      ['name', { name: ' ' }],
      ['kind', { kind: null }],
      ['intakeChannels', { intakeChannels: null }],
      ['intakeChannels', { intakeChannels: [] }],
      ['languages', { languages: null }],
      ['active', { active: 'no' }],
      ['intakeNotes', { intakeNotes: null }],
    ] as const)('should refuse a change that empties %s (%j)', async (field, change) => {
      const service = await created();
      const res = await a.patch(`${ADMIN_BASE}/${service.id}`, change);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ApiErrorBody;
      expect(body.code).toBe('validation_failed');
      expect(body.fields?.map((f) => f.field)).toContain(field);
      expect((await (await a.get(`${ADMIN_BASE}/${service.id}`)).json()) as ReferralServiceView).toEqual(service);
    });

    it('should refuse a bad active filter', async () => {
      const res = await a.get(`${ADMIN_BASE}?active=maybe`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ApiErrorBody).fields?.map((f) => f.field)).toEqual(['active']);
    });

    it('should be held by the database too (a direct insert of an unknown kind or no channel fails)', async () => {
      await expect(
        t.db.query(`INSERT INTO referral_service (name, kind, intake_channels) VALUES ('Direct', 'risk_team', '{secure_link}')`),
      ).rejects.toThrow(/ck_referral_service_kind/);
      await expect(t.db.query(`INSERT INTO referral_service (name, kind, intake_channels) VALUES ('Direct', 'caw', '{}')`)).rejects.toThrow(
        /ck_referral_service_intake_channels/,
      );
      await expect(
        t.db.query(
          `INSERT INTO referral_service (name, kind, intake_channels, languages) VALUES ('Direct', 'caw', '{parent_goes}', '{NL}')`,
        ),
      ).rejects.toThrow(/ck_referral_service_languages/);
    });
  });

  async function auditFor(id: string): Promise<AuditEventView[]> {
    const res = await a.get(`/api/v1/admin/audit?entity=referral_service&entityId=${id}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as Page<AuditEventView>).items;
  }
});
