import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CarePrompt, FamilyAttendanceHistory, KnownFamiliesView, RosterView, SyncOp, SyncResponse, TallyView } from '@kring/domain';
import { AttendanceRetentionJob } from '../../apps/api/src/attendance/retention.job';
import { Clock } from '../../apps/api/src/common/clock';
import { makeSession } from './support/planning-factory';
import { StaffClient } from './support/staff-client';
import { makeGroup, makeStaff, type MadeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;

/** Phone numbers made from a counter (not at random), so a failing run is the same run again. */
let phones = 0;
const nextPhone = (prefix: string): string => `${prefix}${String(100000 + ++phones)}`;

describe('Attendance and drop-in tallies, from phones that may be offline', () => {
  let t: TestApp;
  const now = new Date('2026-04-07T08:00:00Z');
  /** The API's clock; a test that moves it says why, and it is back at `now` for the next test. */
  let clock: Clock;
  let worker: MadeStaff;
  let w: StaffClient;
  let phone2: StaffClient;
  let outsider: StaffClient;
  let coordinator: StaffClient;
  let groupId: string;
  let ip = 0;
  const client = async (who: MadeStaff): Promise<StaffClient> => {
    const c = new StaffClient(t, `10.5.0.${++ip}`);
    await c.signInFully(who.email, who.password, who.totpSecret, now);
    return c;
  };
  const registerFamily = async (sessionId: string, name: string): Promise<string> => {
    const res = await coordinator.post('/api/v1/registrations', {
      sessionId,
      displayName: name,
      phone: nextPhone('0472'),
      children: [],
      needs: [],
      locale: 'nl',
      consentMethod: 'in_person',
    });
    const [row] = await t.db.query(`SELECT f.id FROM family f WHERE f.code = $1`, [(await res.json()).code]);
    return row.id;
  };
  const sync = async (c: StaffClient, ops: Array<Partial<SyncOp> & { kind: SyncOp['kind'] }>): Promise<SyncResponse> => {
    const res = await c.post('/api/v1/attendance/sync', { ops: ops.map((o) => ({ id: randomUUID(), at: now.toISOString(), ...o })) });
    expect(res.status).toBe(200);
    return (await res.json()) as SyncResponse;
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.now = () => now;
    worker = await makeStaff(t);
    const c = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    w = await client(worker);
    phone2 = await client(worker);
    outsider = await client(await makeStaff(t));
    coordinator = await client(c);
    groupId = await makeGroup(t, { facilitators: [worker.id] });
  });
  afterEach(() => {
    clock.now = () => now;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should apply the same batch once, however often it is sent', async () => {
    const { sessionId } = await makeSession(t, { groupId, capacity: 10, startsAt: new Date(now.getTime() + HOUR) });
    const ana = await registerFamily(sessionId, 'Ana');
    const bo = await registerFamily(sessionId, 'Bo');
    const ops = [
      { id: randomUUID(), kind: 'attendance', sessionId, familyId: ana, status: 'present', at: now.toISOString() },
      { id: randomUUID(), kind: 'attendance', sessionId, familyId: bo, status: 'excused', at: now.toISOString() },
      { id: randomUUID(), kind: 'tally', sessionId, category: 'children_0_1', delta: 1, at: now.toISOString() },
      {
        id: randomUUID(),
        kind: 'walk_in',
        sessionId,
        familyId: randomUUID(),
        displayName: 'Chaima',
        childMonth: '2025-11',
        at: now.toISOString(),
      },
    ];
    const answers: SyncResponse[] = [];
    for (let i = 0; i < 2; i++) answers.push((await (await w.post('/api/v1/attendance/sync', { ops })).json()) as SyncResponse);
    expect(answers[0].results.every((r) => r.ok && !('replayed' in r))).toBe(true);
    expect(answers[1].results.every((r) => r.ok && r.replayed === true)).toBe(true);
    const roster = (await (await w.get(`/api/v1/sessions/${sessionId}/roster`)).json()) as RosterView;
    expect(roster.families.map((f) => [f.displayName, f.status, f.source])).toEqual([
      ['Ana', 'present', 'registered'],
      ['Bo', 'excused', 'registered'],
      ['Chaima', 'present', 'walk_in'],
    ]);
    const tally = (await (await w.get(`/api/v1/sessions/${sessionId}/tally`)).json()) as TallyView;
    expect(tally.counts).toEqual({ children_0_1: 1 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM attendance WHERE session_id = $1`, [sessionId]);
    expect(n).toBe(3);
  });

  it('should add up two phones counting the same drop-in at once', async () => {
    const { sessionId } = await makeSession(t, { groupId, startsAt: new Date(now.getTime() + HOUR) });
    const taps = (n: number, category: string) =>
      Array.from({ length: n }, () => ({ kind: 'tally' as const, sessionId, category: category as 'adults', delta: 1 }));
    await Promise.all([
      sync(w, [...taps(5, 'adults'), ...taps(3, 'children_1_3')]),
      sync(phone2, [...taps(4, 'adults'), ...taps(2, 'first_visit'), ...taps(1, 'lang:ar')]),
    ]);
    await sync(w, [{ kind: 'tally', sessionId, category: 'adults', delta: -1 }]);
    const tally = (await (await w.get(`/api/v1/sessions/${sessionId}/tally`)).json()) as TallyView;
    expect(tally.counts).toEqual({ adults: 8, children_1_3: 3, first_visit: 2, 'lang:ar': 1 });
  });

  it('should answer each bad tap on its own and keep the good ones', async () => {
    const { sessionId } = await makeSession(t, { groupId, startsAt: new Date(now.getTime() + HOUR) });
    const res = await sync(w, [
      { kind: 'tally', sessionId, category: 'adults', delta: 2 },
      { kind: 'tally', sessionId, category: 'adults', delta: 0 },
      { kind: 'tally', sessionId, category: 'teenagers' as 'adults', delta: 1 },
      { kind: 'attendance', sessionId, familyId: randomUUID(), status: 'present' },
      { kind: 'attendance', sessionId, familyId: randomUUID(), status: 'maybe' as 'present' },
      { kind: 'tally', sessionId: randomUUID(), category: 'adults', delta: 1 },
      { kind: 'tally', sessionId, category: 'adults', delta: 1 },
      { kind: 'tally', sessionId, category: 'first_visit', delta: -1 },
    ]);
    expect(res.results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'ok',
      'validation_failed',
      'validation_failed',
      'not_found',
      'validation_failed',
      'not_found',
      'ok',
      'conflict',
    ]);
    expect(((await (await w.get(`/api/v1/sessions/${sessionId}/tally`)).json()) as TallyView).counts).toEqual({ adults: 3 });
    // A malformed tap is refused alone; the batch still counts.
    const mixed = await w.post('/api/v1/attendance/sync', {
      ops: [
        { id: 'not-a-uuid', kind: 'tally', sessionId, category: 'adults', delta: 1, at: now.toISOString() },
        { id: randomUUID(), kind: 'tally', sessionId, category: 'adults', delta: 1, at: now.toISOString() },
      ],
    });
    expect(mixed.status).toBe(200);
    expect(((await mixed.json()) as SyncResponse).results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['validation_failed', 'ok']);
  });

  it('should take a walk-in and a tap about that family in the same batch', async () => {
    const { sessionId } = await makeSession(t, { groupId, startsAt: new Date(now.getTime() + HOUR) });
    const familyId = randomUUID();
    const res = await sync(w, [
      { kind: 'attendance', sessionId, familyId, status: 'excused' },
      { kind: 'walk_in', sessionId, familyId, displayName: 'Fatima', phone: '0470 99 88 77' },
    ]);
    expect(res.results.every((r) => r.ok)).toBe(true);
    const roster = (await (await w.get(`/api/v1/sessions/${sessionId}/roster`)).json()) as RosterView;
    expect(roster.families.map((f) => [f.displayName, f.status, f.phone])).toEqual([['Fatima', 'excused', '+32470998877']]);
  });

  it('should have a walk-in family spoken to in the language of the worker who took it, Dutch by default', async () => {
    const { sessionId } = await makeSession(t, { groupId, startsAt: new Date(now.getTime() + HOUR) });
    const [dutch, french] = [randomUUID(), randomUUID()];
    await sync(w, [{ kind: 'walk_in', sessionId, familyId: dutch, displayName: 'Jan' }]);
    // The worker's screens are in French now (remembered as `staff_user.locale`); back to Dutch for the other tests.
    await t.db.query(`UPDATE staff_user SET locale = 'fr' WHERE id = $1`, [worker.id]);
    try {
      await sync(w, [{ kind: 'walk_in', sessionId, familyId: french, displayName: 'Amélie' }]);
    } finally {
      await t.db.query(`UPDATE staff_user SET locale = 'nl' WHERE id = $1`, [worker.id]);
    }
    const rows: Array<{ id: string; locale: string }> = await t.db.query(`SELECT id, locale FROM family WHERE id = ANY($1::uuid[])`, [
      [dutch, french],
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.locale]))).toEqual({ [dutch]: 'nl', [french]: 'fr' });
  });

  it('should refuse taps on a closed session until a coordinator reopens it, and audit the reopening', async () => {
    const { sessionId } = await makeSession(t, { groupId, startsAt: new Date(now.getTime() - 10 * 24 * HOUR) });
    const refused = await sync(w, [{ kind: 'tally', sessionId, category: 'adults', delta: 1 }]);
    expect(refused.results[0]).toMatchObject({ ok: false, code: 'conflict' });
    expect((await w.post(`/api/v1/sessions/${sessionId}/attendance/unlock`, { reason: 'Vergeten' })).status).toBe(403);
    const unlocked = await coordinator.post(`/api/v1/sessions/${sessionId}/attendance/unlock`, { reason: 'Telling vergeten in te voeren' });
    expect(unlocked.status).toBe(200);
    expect(((await unlocked.json()) as RosterView).locked).toBe(false);
    expect((await sync(w, [{ kind: 'tally', sessionId, category: 'adults', delta: 1 }])).results[0].ok).toBe(true);
    const [event] = await t.db.query(`SELECT action, entity_id, details FROM audit_event WHERE action = 'attendance.unlocked'`);
    expect(event).toMatchObject({ entity_id: sessionId, details: { reason: 'Telling vergeten in te voeren' } });
  });

  it('should check attendance taps one by one: last tap wins, refused ones change nothing and can be sent again', async () => {
    const { sessionId } = await makeSession(t, { groupId, startsAt: new Date(now.getTime() + HOUR) });
    const ana = await registerFamily(sessionId, 'Ana');
    const stranger = randomUUID();
    const laterId = randomUUID();
    const res = await sync(w, [
      { kind: 'attendance', sessionId, familyId: ana, status: 'absent' },
      { kind: 'attendance', sessionId, familyId: stranger, status: 'present' },
      { id: laterId, kind: 'attendance', sessionId, familyId: ana, status: 'present' },
      { kind: 'attendance', sessionId: randomUUID(), familyId: ana, status: 'present' },
    ]);
    expect(res.results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'not_found', 'ok', 'not_found']);
    const roster = (await (await w.get(`/api/v1/sessions/${sessionId}/roster`)).json()) as RosterView;
    expect(roster.families.map((f) => [f.displayName, f.status])).toEqual([['Ana', 'present']]);
    // The same id again is a replay; a refused tap's id was not used up.
    expect((await sync(w, [{ id: laterId, kind: 'attendance', sessionId, familyId: ana, status: 'excused' }])).results[0]).toEqual({
      id: laterId,
      ok: true,
      replayed: true,
    });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM sync_op WHERE id = ANY($1::uuid[])`, [
      res.results.filter((r) => !r.ok).map((r) => r.id),
    ]);
    expect(n).toBe(0);
    // A cancelled session takes no taps.
    await t.db.query(`UPDATE group_session SET status = 'cancelled', cancellation_reason = 'Ziek' WHERE id = $1`, [sessionId]);
    expect((await sync(w, [{ kind: 'attendance', sessionId, familyId: ana, status: 'absent' }])).results[0]).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('should refuse attendance on a closed session until it is reopened', async () => {
    const { sessionId } = await makeSession(t, { groupId, capacity: 10, startsAt: new Date(now.getTime() + HOUR) });
    const ana = await registerFamily(sessionId, 'Ana');
    await t.db.query(`UPDATE group_session SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
      sessionId,
      new Date(now.getTime() - 10 * 24 * HOUR),
      new Date(now.getTime() - 10 * 24 * HOUR + HOUR),
    ]);
    expect((await sync(w, [{ kind: 'attendance', sessionId, familyId: ana, status: 'present' }])).results[0]).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(
      (await coordinator.post(`/api/v1/sessions/${sessionId}/attendance/unlock`, { reason: 'Aanwezigheid nog niet ingevuld' })).status,
    ).toBe(200);
    expect((await sync(w, [{ kind: 'attendance', sessionId, familyId: ana, status: 'present' }])).results[0].ok).toBe(true);
    expect((await sync(outsider, [{ kind: 'attendance', sessionId, familyId: ana, status: 'absent' }])).results[0]).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('should show a session ahead but take only "excused" before its day (Brussels), and present on that day', async () => {
    // It is Tuesday 7 April, 10.00 in Brussels. Wednesday 00.30 is 14.5 hours away but another day;
    // Tuesday 23.30 is later still today.
    const { sessionId } = await makeSession(t, { groupId, capacity: 5, startsAt: new Date('2026-04-07T22:30:00Z') });
    const { sessionId: tonight } = await makeSession(t, { groupId, capacity: 5, startsAt: new Date('2026-04-07T21:30:00Z') });
    const ana = await registerFamily(sessionId, 'Ana');
    const bo = await registerFamily(sessionId, 'Bo');
    const cas = await registerFamily(tonight, 'Cas');
    expect((await w.get(`/api/v1/sessions/${sessionId}/roster`)).status).toBe(200);
    const res = await sync(w, [
      { kind: 'attendance', sessionId, familyId: ana, status: 'present' },
      { kind: 'attendance', sessionId, familyId: ana, status: 'absent' },
      { kind: 'attendance', sessionId, familyId: bo, status: 'excused' },
      { kind: 'walk_in', sessionId, familyId: randomUUID(), displayName: 'Dirk' },
      { kind: 'attendance', sessionId: tonight, familyId: cas, status: 'present' },
    ]);
    expect(res.results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'attendance_not_yet_open',
      'attendance_not_yet_open',
      'ok',
      'attendance_not_yet_open',
      'ok',
    ]);
    expect(res.results[0]).toMatchObject({ message: expect.stringMatching(/from the session’s day/) });
    const roster = (await (await w.get(`/api/v1/sessions/${sessionId}/roster`)).json()) as RosterView;
    expect(roster.families.map((f) => [f.displayName, f.status])).toEqual([
      ['Ana', null],
      ['Bo', 'excused'],
    ]);
    // A refused tap's id is left free: sent again on the day, it is taken.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM sync_op WHERE id = $1`, [res.results[0].id]);
    expect(n).toBe(0);
  });

  it('should keep a group worker outside the group out (404), per tap too', async () => {
    const { sessionId } = await makeSession(t, { groupId, startsAt: new Date(now.getTime() + HOUR) });
    expect((await outsider.get(`/api/v1/sessions/${sessionId}/roster`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/sessions/${sessionId}/tally`)).status).toBe(404);
    const res = await sync(outsider, [{ kind: 'tally', sessionId, category: 'adults', delta: 1 }]);
    expect(res.results[0]).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('should show a family’s history to its facilitators, and gently prompt after two missed sessions', async () => {
    const first = await makeSession(t, { groupId, capacity: 5, startsAt: new Date(now.getTime() - 8 * 24 * HOUR) });
    const second = await makeSession(t, { groupId, capacity: 5, startsAt: new Date(now.getTime() - 24 * HOUR) });
    // Registering takes only sessions ahead: both sessions move 9 days on while Dina registers, then back.
    await t.db.query(
      `UPDATE group_session SET starts_at = starts_at + interval '9 days', ends_at = ends_at + interval '9 days' WHERE id = ANY($1::uuid[])`,
      [[first.sessionId, second.sessionId]],
    );
    const dina = await registerFamily(first.sessionId, 'Dina');
    await t.db.query(
      `INSERT INTO registration (family_id, session_id, status, seats, source, created_at, updated_at) VALUES ($1, $2, 'confirmed', 1, 'staff', now(), now())`,
      [dina, second.sessionId],
    );
    await t.db.query(
      `UPDATE group_session SET starts_at = starts_at - interval '9 days', ends_at = ends_at - interval '9 days' WHERE id = ANY($1::uuid[])`,
      [[first.sessionId, second.sessionId]],
    );
    await t.db.query(`UPDATE group_session SET attendance_unlocked_until = $2 WHERE id = ANY($1::uuid[])`, [
      [first.sessionId, second.sessionId],
      new Date(now.getTime() + HOUR),
    ]);
    await sync(w, [
      { kind: 'attendance', sessionId: first.sessionId, familyId: dina, status: 'absent' },
      { kind: 'attendance', sessionId: second.sessionId, familyId: dina, status: 'absent' },
    ]);
    const prompts = (await (await w.get('/api/v1/care-prompts')).json()) as CarePrompt[];
    expect(prompts.map((p) => p.displayName)).toEqual(['Dina']);
    expect(await (await outsider.get('/api/v1/care-prompts')).json()).toEqual([]);
    const history = await w.get(`/api/v1/families/${dina}/attendance`);
    expect(history.status).toBe(200);
    const body = (await history.json()) as FamilyAttendanceHistory;
    // The name comes along, so the page also works when opened by its address.
    expect(body.family).toEqual({ id: dina, displayName: 'Dina' });
    expect(body.sessions.map((s) => [s.sessionId, s.status])).toEqual([
      [second.sessionId, 'absent'],
      [first.sessionId, 'absent'],
    ]);
    // Outside one's groups, or unknown: not found, and no name.
    const outside = await outsider.get(`/api/v1/families/${dina}/attendance`);
    expect(outside.status).toBe(404);
    expect(JSON.stringify(await outside.json())).not.toContain('Dina');
    expect((await w.get(`/api/v1/families/${randomUUID()}/attendance`)).status).toBe(404);
    // Registered but nothing marked yet: the name, no sessions.
    const later = await makeSession(t, { groupId, capacity: 5, startsAt: new Date(now.getTime() + 2 * 24 * HOUR) });
    const emre = await registerFamily(later.sessionId, 'Emre');
    expect(await (await w.get(`/api/v1/families/${emre}/attendance`)).json()).toEqual({
      family: { id: emre, displayName: 'Emre' },
      sessions: [],
    });
    expect((await outsider.get(`/api/v1/families/${emre}/attendance`)).status).toBe(404);
  });

  it('should name groups in the staff member’s language (Accept-Language from the web), else in Dutch', async () => {
    const titled = await makeGroup(t, { facilitators: [worker.id] });
    await t.db.query(`UPDATE parent_group SET title = $2 WHERE id = $1`, [titled, { nl: 'Babybabbels', fr: 'Papotages de bébés' }]);
    const { sessionId } = await makeSession(t, { groupId: titled, capacity: 5, startsAt: new Date(now.getTime() + HOUR) });
    const fien = await registerFamily(sessionId, 'Fien');
    await sync(w, [{ kind: 'attendance', sessionId, familyId: fien, status: 'present' }]);
    const get = async <T>(path: string, acceptLanguage?: string): Promise<T> => {
      const res = await w.request('GET', path, undefined, acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage });
      expect(res.status).toBe(200);
      expect(res.headers.get('vary')).toMatch(/accept-language/i);
      return (await res.json()) as T;
    };
    const rosterTitle = async (acceptLanguage?: string) =>
      (await get<RosterView>(`/api/v1/sessions/${sessionId}/roster`, acceptLanguage)).groupTitle;

    expect(await rosterTitle('fr')).toBe('Papotages de bébés');
    expect(await rosterTitle('fr-BE,fr;q=0.9,nl;q=0.8')).toBe('Papotages de bébés');
    expect(await rosterTitle('de-DE,en;q=0.5')).toBe('Babybabbels'); // no English title: Dutch
    expect(await rosterTitle('nl')).toBe('Babybabbels');
    expect(await rosterTitle()).toBe('Babybabbels');
    const history = await get<FamilyAttendanceHistory>(`/api/v1/families/${fien}/attendance`, 'fr');
    expect(history.sessions.map((s) => s.groupTitle)).toEqual(['Papotages de bébés']);
  });

  it('should anonymise old named attendance once, keeping the totals', async () => {
    const { sessionId } = await makeSession(t, { groupId, capacity: 5, startsAt: new Date(now.getTime() + HOUR) });
    const eva = await registerFamily(sessionId, 'Eva');
    await sync(w, [{ kind: 'attendance', sessionId, familyId: eva, status: 'present' }]);
    const before = await t.db.query(`SELECT status, count(*)::int AS n FROM attendance GROUP BY status ORDER BY status`);
    // Past the retention period (24 months): 25 months on, the nightly job takes the names off.
    const later = new Date(now.getTime() + 25 * 30 * 24 * HOUR);
    clock.now = () => later;
    const job = t.app.get(AttendanceRetentionJob);
    const [a, b] = await Promise.all([job.run(), job.run()]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    expect(await t.db.query(`SELECT status, count(*)::int AS n FROM attendance GROUP BY status ORDER BY status`)).toEqual(before);
    const [{ named }] = await t.db.query(`SELECT count(*)::int AS named FROM attendance WHERE family_id IS NOT NULL`);
    expect(named).toBe(0);
    // The ids of taps applied long ago are forgotten too (only replays within days need them).
    const [{ kept }] = await t.db.query(`SELECT count(*)::int AS kept FROM sync_op`);
    expect(kept).toBe(0);
  });
});

describe('Checking in known families by name at a drop-in', () => {
  let t: TestApp;
  const now = new Date('2026-05-12T08:00:00Z');
  let w: StaffClient;
  let outsider: StaffClient;
  let coordinator: StaffClient;
  let dropIn: string;
  let otherDropIn: string;
  let ip = 0;
  const client = async (who: MadeStaff): Promise<StaffClient> => {
    const c = new StaffClient(t, `10.6.0.${++ip}`);
    await c.signInFully(who.email, who.password, who.totpSecret, now);
    return c;
  };
  const registerFamily = async (sessionId: string, name: string): Promise<string> => {
    const res = await coordinator.post('/api/v1/registrations', {
      sessionId,
      displayName: name,
      phone: nextPhone('0473'),
      email: `${name.toLowerCase()}@example.test`,
      children: [],
      needs: ['childcare'],
      locale: 'nl',
      consentMethod: 'in_person',
    });
    expect(res.status).toBe(201);
    const [row] = await t.db.query(`SELECT f.id FROM family f WHERE f.code = $1`, [(await res.json()).code]);
    return row.id;
  };
  /** A session ahead, to register for; `moveBack` puts it in the past after (registering only takes sessions ahead). */
  const sessionAhead = async (groupId: string): Promise<string> => {
    const { sessionId } = await makeSession(t, { groupId, capacity: 10, startsAt: new Date(now.getTime() + HOUR) });
    return sessionId;
  };
  const moveBack = (sessionId: string, days: number) =>
    t.db.query(
      `UPDATE group_session SET starts_at = starts_at - make_interval(days => $2), ends_at = ends_at - make_interval(days => $2) WHERE id = $1`,
      [sessionId, days],
    );
  const sync = async (c: StaffClient, ops: Array<Partial<SyncOp> & { kind: SyncOp['kind'] }>): Promise<SyncResponse> => {
    const res = await c.post('/api/v1/attendance/sync', { ops: ops.map((o) => ({ id: randomUUID(), at: now.toISOString(), ...o })) });
    expect(res.status).toBe(200);
    return (await res.json()) as SyncResponse;
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).now = () => now;
    const worker = await makeStaff(t);
    const otherWorker = await makeStaff(t);
    w = await client(worker);
    outsider = await client(otherWorker);
    coordinator = await client(await makeStaff(t, { roles: ['coordinator'], twoFactor: true }));
    dropIn = await makeGroup(t, { title: 'Inloop', facilitators: [worker.id] });
    otherDropIn = await makeGroup(t, { title: 'Andere inloop', facilitators: [otherWorker.id] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should check in a family the group knows at a later drop-in, by name, and list it with the least data', async () => {
    // Last month: Ana registered and came, Bo registered and cancelled, Cas walked in. A year and more ago: Dirk.
    const earlier = await sessionAhead(dropIn);
    const ana = await registerFamily(earlier, 'Ana');
    const bo = await registerFamily(earlier, 'Bo');
    await t.db.query(`UPDATE registration SET status = 'cancelled' WHERE family_id = $1`, [bo]);
    const cas = randomUUID();
    expect(
      (
        await sync(w, [
          { kind: 'walk_in', sessionId: earlier, familyId: cas, displayName: 'Cas' },
          { kind: 'attendance', sessionId: earlier, familyId: ana, status: 'present' },
        ])
      ).results.every((r) => r.ok),
    ).toBe(true);
    const longAgo = await sessionAhead(dropIn);
    const dirk = await registerFamily(longAgo, 'Dirk');
    await moveBack(earlier, 30);
    await moveBack(longAgo, 400);
    await t.db.query(`UPDATE parent_group SET kind = 'drop_in' WHERE id = $1`, [dropIn]);
    const { sessionId: today } = await makeSession(t, { groupId: dropIn, startsAt: new Date(now.getTime() + HOUR) });

    const list = await w.get(`/api/v1/sessions/${today}/known-families`);
    expect(list.status).toBe(200);
    const body = (await list.json()) as KnownFamiliesView;
    expect(body).toEqual({
      sessionId: today,
      families: [
        { familyId: ana, displayName: 'Ana', status: null },
        { familyId: cas, displayName: 'Cas', status: null },
      ],
    });
    // Names only: no phone, e-mail or needs.
    expect(JSON.stringify(body)).not.toMatch(/0473|example\.test|childcare|phone|email|needs/);

    const res = await sync(w, [
      { kind: 'attendance', sessionId: today, familyId: ana, status: 'present' },
      { kind: 'attendance', sessionId: today, familyId: cas, status: 'present' },
      { kind: 'attendance', sessionId: today, familyId: cas, status: 'absent' }, // a wrong tap taken back, in the same batch
      { kind: 'attendance', sessionId: today, familyId: bo, status: 'present' },
      { kind: 'attendance', sessionId: today, familyId: dirk, status: 'present' },
      { kind: 'tally', sessionId: today, category: 'adults', delta: 2 },
    ]);
    expect(res.results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'ok', 'ok', 'not_found', 'not_found', 'ok']);
    const after = (await (await w.get(`/api/v1/sessions/${today}/known-families`)).json()) as KnownFamiliesView;
    expect(after.families.map((f) => [f.displayName, f.status])).toEqual([
      ['Ana', 'present'],
      ['Cas', 'absent'],
    ]);
    expect(((await (await w.get(`/api/v1/sessions/${today}/tally`)).json()) as TallyView).counts).toEqual({ adults: 2 });
    // The roster of the drop-in shows them as come in: known families checked in, not new today.
    const roster = (await (await w.get(`/api/v1/sessions/${today}/roster`)).json()) as RosterView;
    expect(roster.families.map((f) => [f.displayName, f.status, f.source])).toEqual([
      ['Ana', 'present', 'checked_in'],
      ['Cas', 'absent', 'checked_in'],
    ]);
    // A coordinator sees the same list.
    expect((await coordinator.get(`/api/v1/sessions/${today}/known-families`)).status).toBe(200);
  });

  it('should not check in a family of another group (not found), nor list it', async () => {
    const theirs = await sessionAhead(otherDropIn);
    const eva = await registerFamily(theirs, 'Eva');
    await moveBack(theirs, 7);
    await t.db.query(`UPDATE parent_group SET kind = 'drop_in' WHERE id = $1`, [otherDropIn]);
    const { sessionId: ours } = await makeSession(t, { groupId: dropIn, startsAt: new Date(now.getTime() + 2 * HOUR) });
    const res = await sync(w, [{ kind: 'attendance', sessionId: ours, familyId: eva, status: 'present' }]);
    expect(res.results[0]).toMatchObject({ ok: false, code: 'not_found' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM attendance WHERE family_id = $1`, [eva]);
    expect(n).toBe(0);
    const list = (await (await w.get(`/api/v1/sessions/${ours}/known-families`)).json()) as KnownFamiliesView;
    expect(list.families.map((f) => f.displayName)).not.toContain('Eva');
    // Nor by the other group's worker at our drop-in, whatever the family.
    expect((await sync(outsider, [{ kind: 'attendance', sessionId: ours, familyId: eva, status: 'present' }])).results[0]).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('should answer 404 to a worker outside the group, and 409 for a session that is not a drop-in', async () => {
    const { sessionId } = await makeSession(t, { groupId: dropIn, startsAt: new Date(now.getTime() + 3 * HOUR) });
    const outside = await outsider.get(`/api/v1/sessions/${sessionId}/known-families`);
    expect(outside.status).toBe(404);
    expect(JSON.stringify(await outside.json())).not.toContain('Ana');
    expect((await w.get(`/api/v1/sessions/${randomUUID()}/known-families`)).status).toBe(404);
    const series = await makeGroup(t, { facilitators: [] });
    const { sessionId: weekly } = await makeSession(t, { groupId: series, startsAt: new Date(now.getTime() + HOUR) });
    const res = await coordinator.get(`/api/v1/sessions/${weekly}/known-families`);
    expect(res.status).toBe(409);
    await expect(res.json()).resolves.toMatchObject({ code: 'conflict' });
  });

  it('should label a walk-in as new only at the drop-in where it first came, and a known family checked in by name as known', async () => {
    // Two weeks ago: Fien registered (by a coordinator) and came, Gust walked in.
    const group = await makeGroup(t, { title: 'Inloop drie', facilitators: [] });
    const before = await sessionAhead(group);
    const fien = await registerFamily(before, 'Fien');
    const gust = randomUUID();
    expect(
      (
        await sync(coordinator, [
          { kind: 'walk_in', sessionId: before, familyId: gust, displayName: 'Gust' },
          { kind: 'attendance', sessionId: before, familyId: fien, status: 'present' },
        ])
      ).results.every((r) => r.ok),
    ).toBe(true);
    await moveBack(before, 14);
    await t.db.query(`UPDATE parent_group SET kind = 'drop_in' WHERE id = $1`, [group]);
    const { sessionId: today } = await makeSession(t, { groupId: group, startsAt: new Date(now.getTime() + HOUR) });
    const { sessionId: next } = await makeSession(t, { groupId: group, startsAt: new Date(now.getTime() + 5 * HOUR) });

    // Today: Fien and Gust are checked in by name, Hind walks in for the first time.
    const hind = randomUUID();
    const res = await sync(coordinator, [
      { kind: 'attendance', sessionId: today, familyId: fien, status: 'present' },
      { kind: 'attendance', sessionId: today, familyId: gust, status: 'present' },
      { kind: 'walk_in', sessionId: today, familyId: hind, displayName: 'Hind' },
    ]);
    expect(res.results.every((r) => r.ok)).toBe(true);
    const roster = async (sessionId: string) =>
      ((await (await coordinator.get(`/api/v1/sessions/${sessionId}/roster`)).json()) as RosterView).families.map((f) => [
        f.displayName,
        f.source,
      ]);
    expect(await roster(today)).toEqual([
      ['Fien', 'checked_in'],
      ['Gust', 'checked_in'],
      ['Hind', 'walk_in'],
    ]);
    // Where Gust first came, he stays the walk-in he was; Fien was registered there.
    expect(await roster(before)).toEqual([
      ['Fien', 'registered'],
      ['Gust', 'walk_in'],
    ]);

    // At the next drop-in, Hind is checked in by name: known now, while today's list still shows her as new.
    expect(
      (await sync(coordinator, [{ kind: 'attendance', sessionId: next, familyId: hind, status: 'present' }])).results.every((r) => r.ok),
    ).toBe(true);
    expect(await roster(next)).toEqual([['Hind', 'checked_in']]);
    expect(await roster(today)).toEqual([
      ['Fien', 'checked_in'],
      ['Gust', 'checked_in'],
      ['Hind', 'walk_in'],
    ]);
  });
});
