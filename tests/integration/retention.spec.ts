import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErasurePreview, RegisterResponse } from '@kring/domain';
import { createApp } from '../../apps/api/src/bootstrap';
import { Clock } from '../../apps/api/src/common/clock';
import { validateEnv } from '../../apps/api/src/config/env';
import { OutboxDispatcher } from '../../apps/api/src/messages/dispatcher';
import { PRIVACY_NOTICE_VERSION } from '../../apps/api/src/registration/registration.settings';
import { RetentionJob } from '../../apps/api/src/retention/retention.job';
import { makeSession } from './support/planning-factory';
import { StaffClient } from './support/staff-client';
import { makeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 3_600_000;

describe('Keeping only what is needed', () => {
  let t: TestApp;
  let replica: Awaited<ReturnType<typeof createApp>>;
  // Each test sets this clock itself, later than the one before (a two-factor code is never accepted for an
  // earlier moment than one already used), and moves it past a retention period where it needs to.
  let now = new Date('2026-02-02T09:00:00Z');
  let phones = 0;
  let ip = 0;
  let coordinator: StaffClient;
  let coordinatorAccount: { email: string; password: string; totpSecret?: string };
  /** Signs the coordinator in again at the clock's time (a jump of years ends any session). */
  const signInCoordinator = async (): Promise<void> => {
    coordinator = new StaffClient(t, `10.45.0.${++ip}`);
    await coordinator.signInFully(coordinatorAccount.email, coordinatorAccount.password, coordinatorAccount.totpSecret, now);
  };

  const register = async (sessionId: string, who: { name: string; email?: string; phone?: string }): Promise<RegisterResponse> => {
    const xsrf = randomBytes(32).toString('base64url');
    const res = await t.request('/api/v1/public/registrations', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `XSRF-TOKEN=${xsrf}`,
        'x-xsrf-token': xsrf,
        'x-forwarded-for': `10.44.0.${++ip}`,
      },
      body: JSON.stringify({
        sessionId,
        displayName: who.name,
        phone:
          who.phone ??
          `0470 30 ${String(++phones)
            .padStart(4, '0')
            .replace(/(\d\d)(\d\d)/, '$1 $2')}`,
        email: who.email,
        children: ['2025-10'],
        needs: [],
        locale: 'nl',
        consentNoticeVersion: PRIVACY_NOTICE_VERSION,
        consentGiven: true,
      }),
    });
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as RegisterResponse;
  };
  const familyOf = async (name: string): Promise<string | undefined> =>
    (await t.db.query(`SELECT id FROM family WHERE display_name = $1`, [name]))[0]?.id;
  const present = async (sessionId: string, familyId: string, by: string): Promise<void> => {
    await t.db.query(
      `INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at) VALUES ($1, $2, 'present', $3, $4)`,
      [sessionId, familyId, by, now],
    );
  };
  const reportTotals = async (): Promise<unknown> =>
    (await t.db.query(`SELECT coalesce(sum(visits), 0)::int AS visits, count(DISTINCT visitor)::int AS visitors FROM report_reach`))[0];

  beforeAll(async () => {
    t = await startTestApp({ KRING_PUBLIC_URL: 'https://kring.test', LOG_LEVEL: 'silent' });
    t.app.get(Clock).now = () => now;
    replica = await createApp({
      env: validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      database: t.database.target,
      secretKey: randomBytes(32),
      scheduler: false,
    });
    replica.get(Clock).now = () => now;
    coordinatorAccount = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  it('should erase a family once it has not been seen for the whole period, keep one on hold, run once over two processes and keep the report totals', async () => {
    now = new Date('2026-02-02T09:00:00Z');
    await signInCoordinator();
    const worker = await makeStaff(t, { roles: ['group_worker'] });
    const { sessionId } = await makeSession(t, { capacity: 10, startsAt: new Date(now.getTime() + DAY) });
    await register(sessionId, { name: 'Ada', email: 'ada@voorbeeld.be' });
    await register(sessionId, { name: 'Bea' });
    const [ada, bea] = [await familyOf('Ada'), await familyOf('Bea')];
    await present(sessionId, ada as string, worker.id);
    await present(sessionId, bea as string, worker.id);
    const hold = await coordinator.post(`/api/v1/families/${bea}/legal-hold`, { reason: 'Vraag van de rechtbank' });
    expect(hold.status).toBe(201);
    const before = await reportTotals();
    expect(before).toEqual({ visits: 2, visitors: 2 });

    // A minute before two years have passed since the session: nothing is due yet.
    now = new Date(new Date('2028-02-03T09:00:00Z').getTime() - 60_000);
    await t.app.get(RetentionJob).run();
    expect(await familyOf('Ada')).toBeDefined();

    // The next day: Ada is due and goes; Bea stays on hold. Two processes, one run.
    now = new Date('2028-02-04T09:00:00Z');
    const [first, second] = await Promise.all([t.app.get(RetentionJob).run(), replica.get(RetentionJob).run()]);
    expect([first, second].filter((o) => o !== null)).toHaveLength(1);
    expect((first ?? second)?.families).toBe(1);
    expect(await familyOf('Ada')).toBeUndefined();
    expect(await familyOf('Bea')).toBeDefined();
    expect(await t.db.query(`SELECT count(*)::int AS n FROM attendance WHERE session_id = $1 AND status = 'present'`, [sessionId])).toEqual(
      [{ n: 2 }],
    );
    expect(await reportTotals()).toEqual(before);

    // Lifted, Bea goes the next night.
    await signInCoordinator();
    expect((await coordinator.post(`/api/v1/families/${bea}/legal-hold/lift`, { reason: 'De zaak is afgesloten' })).status).toBe(204);
    now = new Date('2028-02-05T09:00:00Z');
    expect((await t.app.get(RetentionJob).run())?.families).toBe(1);
    expect(await familyOf('Bea')).toBeUndefined();
    expect(await reportTotals()).toEqual(before);
  });

  it('should erase a sent message’s text and address once the period after sending has passed', async () => {
    now = new Date('2028-03-06T09:00:00Z');
    const { sessionId } = await makeSession(t, { capacity: 10, startsAt: new Date(now.getTime() + 7 * DAY) });
    await register(sessionId, { name: 'Cas', email: 'cas@voorbeeld.be' });
    while ((await t.app.get(OutboxDispatcher).dispatchBatch()) > 0) {
      /* until every due message went */
    }
    const mine = `SELECT body, recipient, erased_at FROM outbox_message WHERE recipient = 'cas@voorbeeld.be' OR (erased_at IS NOT NULL AND family_id = $1)`;
    const cas = await familyOf('Cas');
    expect((await t.db.query(mine, [cas]))[0].body).toContain('Cas');

    now = new Date(now.getTime() + 29 * DAY);
    await t.app.get(RetentionJob).run();
    expect((await t.db.query(mine, [cas]))[0].erased_at).toBeNull();

    now = new Date(now.getTime() + 2 * DAY);
    await t.app.get(RetentionJob).run();
    const [erased] = await t.db.query(mine, [cas]);
    expect(erased).toMatchObject({ body: '', recipient: '' });
    expect(erased.erased_at).not.toBeNull();
  });

  it('should forget a family on request: coming seats go to the waitlist, and no name, phone or e-mail stays anywhere', async () => {
    now = new Date('2028-06-05T09:00:00Z');
    await signInCoordinator();
    const canary = `Kanarie${randomBytes(3).toString('hex')}`;
    const email = `${canary.toLowerCase()}@voorbeeld.be`;
    const { sessionId } = await makeSession(t, { capacity: 1, startsAt: new Date(now.getTime() + 3 * DAY) });
    await register(sessionId, { name: canary, email, phone: '0470 98 76 54' });
    await register(sessionId, { name: 'Wachtend' });
    const family = (await familyOf(canary)) as string;

    const preview = (await (await coordinator.get(`/api/v1/families/${family}/erasure`)).json()) as ErasurePreview;
    expect(preview).toMatchObject({ displayName: canary, comingRegistrations: 1, erasable: true, keeps: [], hold: null });

    const wrong = await coordinator.post(`/api/v1/families/${family}/erasure`, { confirmName: 'iemand anders' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).fields).toEqual([expect.objectContaining({ field: 'confirmName' })]);

    await coordinator.post(`/api/v1/families/${family}/legal-hold`, { reason: 'Nog even bewaren' });
    const held = await coordinator.post(`/api/v1/families/${family}/erasure`, { confirmName: canary });
    expect(held.status).toBe(409);
    expect(((await (await coordinator.get(`/api/v1/families/${family}/erasure`)).json()) as ErasurePreview).keeps).toEqual(['legal_hold']);
    await coordinator.post(`/api/v1/families/${family}/legal-hold/lift`, { reason: 'Vraag van de ouder' });

    expect((await coordinator.post(`/api/v1/families/${family}/erasure`, { confirmName: canary })).status).toBe(204);

    // The waiting family was offered the seat.
    const waiting = await familyOf('Wachtend');
    expect((await t.db.query(`SELECT status FROM registration WHERE family_id = $1`, [waiting]))[0].status).toBe('offered');
    // Nothing of the family in any table, in any column.
    const tables: Array<{ table_name: string }> = await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const found: string[] = [];
    for (const { table_name } of tables) {
      for (const value of [canary, email, '470987654']) {
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE x::text ILIKE $1`, [`%${value}%`]);
        if (n > 0) found.push(`${table_name}: ${value}`);
      }
    }
    expect(found).toEqual([]);
    const [event] = await t.db.query(`SELECT details FROM audit_event WHERE action = 'family.erased' AND entity_id = $1`, [family]);
    expect(event.details).toEqual({ on: 'request', cancelledRegistrations: 1 });
  });

  it('should let only coordinators see or change a family’s erasure and holds', async () => {
    now = new Date('2028-09-04T09:00:00Z');
    await signInCoordinator();
    const { sessionId } = await makeSession(t, { capacity: 4, startsAt: new Date(now.getTime() + DAY) });
    await register(sessionId, { name: 'Rol' });
    const family = (await familyOf('Rol')) as string;
    const client = async (roles: Array<'admin' | 'group_worker'>): Promise<StaffClient> => {
      const who = await makeStaff(t, { roles, twoFactor: roles.includes('admin') });
      const c = new StaffClient(t, `10.46.0.${++ip}`);
      await c.signInFully(who.email, who.password, who.totpSecret, now);
      return c;
    };
    const routes: Array<[string, string, unknown]> = [
      ['GET', `/api/v1/families/${family}/erasure`, undefined],
      ['POST', `/api/v1/families/${family}/erasure`, { confirmName: 'Rol' }],
      ['POST', `/api/v1/families/${family}/legal-hold`, { reason: 'Een reden' }],
      ['POST', `/api/v1/families/${family}/legal-hold/lift`, { reason: 'Een reden' }],
    ];
    const [admin, worker] = [await client(['admin']), await client(['group_worker'])];
    const anonymous = new StaffClient(t, '10.46.1.1');
    for (const [method, path, body] of routes) {
      expect([path, (await admin.request(method, path, body)).status]).toEqual([path, 403]);
      expect([path, (await worker.request(method, path, body)).status]).toEqual([path, 403]);
      expect([path, (await anonymous.request(method, path, body)).status]).toEqual([path, 401]);
    }
    expect((await coordinator.get(`/api/v1/families/${family}/erasure`)).status).toBe(200);
    expect((await coordinator.get(`/api/v1/families/${randomUUID()}/erasure`)).status).toBe(404);
  });
});
