import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REACH_MEASURES,
  SMALL_COUNT,
  suppressReach,
  type ReachCounts,
  type ReachRaw,
  type ReachReport,
  type SyncOp,
  type SyncResponse,
} from '@kring/domain';
import { AttendanceRetentionJob } from '../../apps/api/src/attendance/retention.job';
import { Clock } from '../../apps/api/src/common/clock';
import { ReportsRepository } from '../../apps/api/src/reports/reports.repository';
import { makeSession } from './support/planning-factory';
import { StaffClient } from './support/staff-client';
import { makeGroup, makeLocation, makeStaff, type MadeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const PERIOD = 'from=2026-03&to=2026-04';

/**
 * A known data set, counted by hand: a weekly group at place A (two sessions, March and April)
 * and a drop-in at place B (March). Children sit exactly at the edges of the first 1000 days.
 */
describe('The funder report (Bereik)', () => {
  let t: TestApp;
  let now = new Date('2026-03-01T09:00:00Z');
  let coordinator: StaffClient;
  let worker: StaffClient;
  let admin: StaffClient;
  let workerAccount: MadeStaff;
  let coordinatorAccount: MadeStaff;
  let adminAccount: MadeStaff;
  let placeA: string;
  let placeB: string;
  let series: string;
  let dropIn: string;
  const names: string[] = [];
  const phones: string[] = [];
  let ip = 0;
  const client = async (who: MadeStaff): Promise<StaffClient> => {
    const c = new StaffClient(t, `10.44.0.${++ip}`);
    await c.signInFully(who.email, who.password, who.totpSecret, now);
    return c;
  };
  /** Moves the clock; sessions idle longer than 30 minutes have ended, so everyone signs in again. */
  const at = async (date: string): Promise<void> => {
    now = new Date(date);
    coordinator = await client(coordinatorAccount);
    admin = await client(adminAccount);
    worker = await client(workerAccount);
  };
  const register = async (sessionId: string, name: string): Promise<string> => {
    const phone = `0472${String(100000 + names.length * 7919).slice(0, 6)}`;
    names.push(name);
    phones.push(phone);
    const res = await coordinator.post('/api/v1/registrations', {
      sessionId,
      displayName: name,
      phone,
      children: [],
      needs: [],
      locale: 'nl',
      consentMethod: 'in_person',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const [row] = await t.db.query(`SELECT f.id FROM family f WHERE f.code = $1`, [(await res.json()).code]);
    return row.id;
  };
  const sync = async (ops: Array<Record<string, unknown> & { kind: SyncOp['kind'] }>): Promise<void> => {
    const res = await worker.post('/api/v1/attendance/sync', { ops: ops.map((o) => ({ id: randomUUID(), at: now.toISOString(), ...o })) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SyncResponse;
    expect(body.results.filter((r) => !r.ok)).toEqual([]);
  };
  const report = async (query = PERIOD, c = coordinator): Promise<ReachReport> => {
    const res = await c.get(`/api/v1/reports/reach?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as ReachReport;
  };
  const counts = (c: Partial<ReachCounts<number>>): ReachCounts<number> => ({
    ...(Object.fromEntries(REACH_MEASURES.map((m) => [m, 0])) as ReachCounts<number>),
    ...c,
  });

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).now = () => now;
    workerAccount = await makeStaff(t);
    coordinatorAccount = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    adminAccount = await makeStaff(t, { roles: ['admin'], twoFactor: true });
    await at('2026-03-01T09:00:00Z');
    placeA = await makeLocation(t, 'Huis van het Kind A');
    placeB = await makeLocation(t, 'Huis van het Kind B');
    series = await makeGroup(t, { title: 'Babybabbels', facilitators: [workerAccount.id], locationId: placeA });
    dropIn = await makeGroup(t, { title: 'Inloop', facilitators: [workerAccount.id], locationId: placeB });
    await t.db.query(`UPDATE parent_group SET kind = 'drop_in', registration_mode = 'none' WHERE id = $1`, [dropIn]);

    const march = await makeSession(t, { groupId: series, capacity: 30, startsAt: new Date('2026-03-10T09:00:00Z') });
    const april = await makeSession(t, { groupId: series, capacity: 30, startsAt: new Date('2026-04-14T08:00:00Z') });
    const inloop = await makeSession(t, { groupId: dropIn, startsAt: new Date('2026-03-20T09:00:00Z') });
    const f: string[] = [];
    for (let i = 1; i <= 12; i++) f[i] = await register(march.sessionId, `Gezin${i}`);
    for (let i = 1; i <= 6; i++) {
      const res = await coordinator.post('/api/v1/registrations', {
        sessionId: april.sessionId,
        displayName: `Gezin${i}`,
        phone: phones[i - 1],
        children: [],
        needs: [],
        locale: 'nl',
        consentMethod: 'in_person',
      });
      expect([200, 201]).toContain(res.status);
    }
    // The same contact registering again may be the same family: take the one marked in March.
    await t.db.query(
      `UPDATE registration r SET family_id = m.family_id FROM registration m JOIN family mf ON mf.id = m.family_id, family af
        WHERE r.session_id = $1 AND af.id = r.family_id AND af.phone = mf.phone AND m.session_id = $2 AND r.family_id <> m.family_id`,
      [april.sessionId, march.sessionId],
    );
    f[13] = await register(april.sessionId, 'Gezin13');
    // Children by month, at the edges of the window (March 2026 and April 2026 visits).
    for (const [family, month] of [
      [f[1], '2025-09-01'], // 6 and 7 months: in
      [f[2], '2024-04-01'], // 23 months in March: in; 24 in April: out
      [f[3], '2026-12-01'], // expected in 9 months in March: in
      [f[4], '2027-01-01'], // 10 months ahead in March: out; 9 in April: in
    ])
      await t.db.query(`INSERT INTO family_child (family_id, month) VALUES ($1, $2)`, [family, month]);

    await at('2026-03-10T11:00:00Z');
    await sync([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => ({
        kind: 'attendance' as const,
        sessionId: march.sessionId,
        familyId: f[i],
        status: 'present',
      })),
      { kind: 'attendance', sessionId: march.sessionId, familyId: f[11], status: 'absent' },
      { kind: 'attendance', sessionId: march.sessionId, familyId: f[12], status: 'excused' },
      // A tap corrected: present first, then absent, then present again.
      { kind: 'attendance', sessionId: march.sessionId, familyId: f[11], status: 'present' },
      { kind: 'attendance', sessionId: march.sessionId, familyId: f[11], status: 'absent' },
    ]);
    await at('2026-03-20T11:00:00Z');
    names.push('Chaima');
    await sync([
      { kind: 'walk_in', sessionId: inloop.sessionId, familyId: randomUUID(), displayName: 'Chaima', childMonth: '2026-08' },
      ...Array.from({ length: 7 }, () => ({ kind: 'tally' as const, sessionId: inloop.sessionId, category: 'adults', delta: 1 })),
      ...Array.from({ length: 3 }, () => ({ kind: 'tally' as const, sessionId: inloop.sessionId, category: 'children_0_1', delta: 1 })),
      ...Array.from({ length: 2 }, () => ({ kind: 'tally' as const, sessionId: inloop.sessionId, category: 'first_visit', delta: 1 })),
    ]);
    await at('2026-04-14T10:30:00Z');
    const aprilFamilies: string[] = (
      await t.db.query(`SELECT family_id FROM registration WHERE session_id = $1 ORDER BY created_at`, [april.sessionId])
    ).map((r: { family_id: string }) => r.family_id);
    expect(aprilFamilies.slice(0, 6)).toEqual(f.slice(1, 7));
    await sync([
      ...[1, 2, 3, 4, 5, 13].map((i) => ({ kind: 'attendance' as const, sessionId: april.sessionId, familyId: f[i], status: 'present' })),
      { kind: 'attendance', sessionId: april.sessionId, familyId: f[6], status: 'absent' },
    ]);
    await at('2026-05-02T09:00:00Z');
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectedRaw = (): ReachRaw => {
    const a = counts({ families: 11, newFamilies: 11, first1000Families: 4, sessionsHeld: 2, present: 16, marked: 19 });
    const b = counts({ families: 1, newFamilies: 1, first1000Families: 1, sessionsHeld: 1, adults: 7, children0To1: 3, firstVisits: 2 });
    return {
      scoped: false,
      total: counts({
        families: 12,
        newFamilies: 12,
        first1000Families: 5,
        sessionsHeld: 3,
        present: 16,
        marked: 19,
        adults: 7,
        children0To1: 3,
        firstVisits: 2,
      }),
      byMonth: [
        {
          key: '2026-03',
          label: '2026-03',
          counts: counts({
            families: 11,
            newFamilies: 11,
            first1000Families: 4,
            sessionsHeld: 2,
            present: 10,
            marked: 12,
            adults: 7,
            children0To1: 3,
            firstVisits: 2,
          }),
        },
        {
          key: '2026-04',
          label: '2026-04',
          counts: counts({
            families: 6,
            newFamilies: 1,
            returningFamilies: 5,
            first1000Families: 3,
            sessionsHeld: 1,
            present: 6,
            marked: 7,
          }),
        },
      ],
      byLocation: [
        { key: placeA, label: 'Huis van het Kind A', counts: a },
        { key: placeB, label: 'Huis van het Kind B', counts: b },
      ],
      byGroup: [
        { key: series, label: 'Babybabbels', counts: a },
        { key: dropIn, label: 'Inloop', counts: b },
      ],
    };
  };

  it('should count the known data set exactly, and show it suppressed', async () => {
    const repo = t.app.get(ReportsRepository);
    const scope = { fromMonth: '2026-03-01', toMonth: '2026-04-01', locationId: null, groupId: null, kind: null };
    const families = await repo.families(scope);
    expect(families.find((r) => r.level === 7)).toMatchObject({ families: 12, new_in_period: 12, first_1000: 5 });
    expect(families.find((r) => r.level === 3 && r.month === '2026-04')).toMatchObject({ families: 6, new_in_month: 1, first_1000: 3 });

    const shown = await report();
    expect(shown).toEqual(suppressReach(expectedRaw(), { from: '2026-03', to: '2026-04' }, 'Totaal'));
    // Small counts are never shown as numbers: February's one new family, the drop-in's one family…
    expect(shown.byMonth[1].counts.newFamilies).toBe(SMALL_COUNT);
    expect(shown.byGroup.find((g) => g.key === dropIn)?.counts.families).toBe(SMALL_COUNT);
    expect(shown.total.counts.families).toBe(12);
    expect(shown.byMonth[0].attendanceRate).toBe(83);
    // …and nothing small can be worked out: 6 = 1 + 5 in April, so 5 returning goes too.
    expect(shown.byMonth[1].counts.returningFamilies).not.toBe(5);
  });

  it('should filter by group, place and kind', async () => {
    const bySeries = await report(`${PERIOD}&groupId=${series}`);
    expect(bySeries.total.counts.families).toBe(11);
    expect(bySeries.byGroup.map((g) => g.key)).toEqual([series]);
    const byPlace = await report(`${PERIOD}&locationId=${placeB}`);
    expect(byPlace.total.counts.families).toBe(SMALL_COUNT);
    expect(byPlace.total.counts.adults).toBe(7);
    const byKind = await report(`${PERIOD}&kind=drop_in`);
    expect(byKind.byLocation.map((l) => l.key)).toEqual([placeB]);
    expect(byKind.total.counts.marked).toBe(0);
  });

  it('should give the same numbers as CSV, with headings and nothing about a person', async () => {
    const res = await coordinator.get(`/api/v1/reports/reach.csv?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bereik-2026-03-2026-04.csv"');
    const csv = await res.text();
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Indeling,Rij,Gezinnen,Nieuwe gezinnen,/);
    expect(lines).toHaveLength(1 + 1 + 2 + 2 + 2);
    expect(lines[1]).toMatch(/^Totaal,Totaal,12,12,/);
    expect(csv).toContain('< 5');
    for (const secret of [...names, ...phones, '@']) expect(csv).not.toContain(secret);
    const en = await (await coordinator.get(`/api/v1/reports/reach.csv?${PERIOD}&locale=en`)).text();
    expect(en).toContain('Breakdown,Row,Families,New families');
    const json = JSON.stringify(await report());
    for (const secret of [...names, ...phones]) expect(json).not.toContain(secret);
  });

  it('should let coordinators in, and neither group workers nor admins (401 without a session)', async () => {
    for (const path of [`/api/v1/reports/reach?${PERIOD}`, `/api/v1/reports/reach.csv?${PERIOD}`]) {
      expect((await coordinator.get(path)).status).toBe(200);
      expect((await worker.get(path)).status).toBe(403);
      expect((await admin.get(path)).status).toBe(403);
      expect((await new StaffClient(t, '10.44.9.9').get(path)).status).toBe(401);
    }
  });

  it('should refuse a period that is not one, field by field', async () => {
    const fields = async (query: string) => {
      const res = await coordinator.get(`/api/v1/reports/reach?${query}`);
      expect(res.status).toBe(400);
      return ((await res.json()).fields as Array<{ field: string }>).map((f) => f.field);
    };
    expect(await fields('from=2026-13&to=2026-04')).toEqual(['from']);
    expect(await fields('from=2026-05&to=2026-04')).toEqual(['to']);
    expect(await fields('from=2020-01&to=2026-04')).toEqual(['to']);
    expect(await fields(`${PERIOD}&kind=party`)).toEqual(['kind']);
    expect(await fields(`${PERIOD}&groupId=12`)).toEqual(['groupId']);
    expect(await fields(`${PERIOD}&name=x`)).toEqual(['name']);
  });

  it('should give the same report after the names leave attendance, and after a family is erased', async () => {
    const before = await report();
    const csvBefore = await (await coordinator.get(`/api/v1/reports/reach.csv?${PERIOD}`)).text();
    await at('2028-06-01T09:00:00Z');
    expect(await t.app.get(AttendanceRetentionJob).run()).toBeGreaterThan(0);
    const [{ named }] = await t.db.query(`SELECT count(*)::int AS named FROM attendance WHERE family_id IS NOT NULL`);
    expect(named).toBe(0);
    await t.db.query(`DELETE FROM family WHERE display_name IN ('Gezin1', 'Chaima')`);
    expect(await report()).toEqual(before);
    expect(await (await coordinator.get(`/api/v1/reports/reach.csv?${PERIOD}`)).text()).toBe(csvBefore);
  });
});
