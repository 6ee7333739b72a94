import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, GroupPlan, LocationView, SaveGroupRequest, SavedGroup, SessionView } from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { HorizonJob } from '../../apps/api/src/planning/horizon.job';
import { makeStaff, type MadeStaff } from './support/staff-factory';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

const NOW = new Date('2026-08-27T10:00:00Z');

describe('Planning: places, groups and recurring sessions in Brussels time', () => {
  let t: TestApp;
  let now = NOW;
  let coordinator: MadeStaff;
  let worker: MadeStaff;
  let otherWorker: MadeStaff;
  let admin: MadeStaff;
  let c: StaffClient;
  let w: StaffClient;
  let o: StaffClient;
  let place: LocationView;
  let ip = 0;
  const signIn = async (who: MadeStaff): Promise<StaffClient> => {
    const client = new StaffClient(t, `10.4.0.${++ip}`);
    await client.signInFully(who.email, who.password, who.totpSecret, now);
    return client;
  };
  const group = (overrides: Partial<SaveGroupRequest> = {}): SaveGroupRequest => ({
    title: { nl: 'Babybabbels', en: 'Baby chats' },
    description: { nl: 'Praten over je baby.' },
    kind: 'series',
    audience: '0-1',
    spokenLanguages: ['nl'],
    defaultLocationId: place.id,
    defaultRoomId: place.rooms[0].id,
    capacity: 10,
    childrenCountTowardCapacity: false,
    registrationMode: 'open',
    registrationWindow: { opensDaysBefore: 30, closesHoursBefore: 2 },
    facilitatorIds: [worker.id],
    recurrence: {
      firstStart: '2026-09-01T09:30',
      durationMinutes: 90,
      rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117',
      exceptionDates: ['2026-10-27', '2026-11-03'],
    },
    ...overrides,
  });
  const sessionsOf = async (
    client: StaffClient,
    groupId: string,
    from = '2026-08-01T00:00:00Z',
    to = '2026-11-30T00:00:00Z',
  ): Promise<SessionView[]> =>
    (await (await client.get(`/api/v1/sessions?groupId=${groupId}&from=${from}&to=${to}`)).json()) as SessionView[];

  beforeAll(async () => {
    t = await startTestApp({ KRING_PUBLIC_URL: 'https://kring.test' });
    t.app.get(Clock).now = () => now;
    coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    admin = await makeStaff(t, { roles: ['admin'], twoFactor: true });
    worker = await makeStaff(t, { roles: ['group_worker'], displayName: 'Gita Groep' });
    otherWorker = await makeStaff(t, { roles: ['group_worker'] });
    c = await signIn(coordinator);
    w = await signIn(worker);
    o = await signIn(otherWorker);
    const created = await c.post('/api/v1/locations', {
      name: 'Huis van het Kind Temse',
      street: 'Markt 1',
      postalCode: '9140',
      city: 'Temse',
    });
    expect(created.status).toBe(201);
    const withRoom = await c.post(`/api/v1/locations/${((await created.json()) as LocationView).id}/rooms`, {
      name: 'Zaal 1',
      capacity: 14,
    });
    place = (await withRoom.json()) as LocationView;
    await c.post(`/api/v1/locations/${place.id}/rooms`, { name: 'Zaal 2' });
    place = ((await (await c.get('/api/v1/locations')).json()) as LocationView[]).find((l) => l.id === place.id) as LocationView;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should plan a weekly group with two exception dates as exactly the expected sessions, at 09:30 Brussels time', async () => {
    const res = await c.post('/api/v1/groups', group());
    expect(res.status).toBe(201);
    const saved = (await res.json()) as SavedGroup;
    const sessions = await sessionsOf(c, saved.group.id);
    const local = sessions.map((s) => new Date(s.startsAt).toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' }).slice(0, 16));
    expect(local).toEqual([
      '2026-09-01 09:30',
      '2026-09-08 09:30',
      '2026-09-15 09:30',
      '2026-09-22 09:30',
      '2026-09-29 09:30',
      '2026-10-06 09:30',
      '2026-10-13 09:30',
      '2026-10-20 09:30',
      '2026-11-10 09:30',
      '2026-11-17 09:30',
    ]);
    // Across the October change the instant moves, the wall-clock time does not.
    expect(sessions[7].startsAt).toBe('2026-10-20T07:30:00.000Z');
    expect(sessions[8].startsAt).toBe('2026-11-10T08:30:00.000Z');
    expect(sessions.every((s) => s.room?.name === 'Zaal 1' && s.facilitators[0]?.displayName === 'Gita Groep' && s.capacity === 10)).toBe(
      true,
    );
  });

  it('should keep a session changed by hand when the series changes afterwards', async () => {
    const saved = (await (
      await c.post(
        '/api/v1/groups',
        group({ title: { nl: 'Papa-avond' }, defaultRoomId: place.rooms[1].id, facilitatorIds: [otherWorker.id] }),
      )
    ).json()) as SavedGroup;
    const [first, second] = await sessionsOf(c, saved.group.id);
    const edited = await c.patch(`/api/v1/sessions/${second.id}`, {
      start: '2026-09-08T10:00',
      roomId: place.rooms[0].id,
      scope: 'this',
      confirmConflicts: true,
    });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as SessionView).editedFields.sort()).toEqual(['room', 'time']);

    const series = await c.patch(
      `/api/v1/groups/${saved.group.id}`,
      group({
        title: { nl: 'Papa-avond' },
        facilitatorIds: [otherWorker.id],
        defaultRoomId: place.rooms[1].id,
        recurrence: {
          firstStart: '2026-09-01T19:00',
          durationMinutes: 120,
          rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117',
          exceptionDates: [],
        },
      }),
    );
    expect(series.status).toBe(200);
    expect(((await series.json()) as SavedGroup).keptEditedSessionIds).toEqual([second.id]);
    const after = await sessionsOf(c, saved.group.id);
    const byId = new Map(after.map((s) => [s.id, s]));
    expect(byId.get(second.id)?.startsAt).toBe('2026-09-08T08:00:00.000Z');
    expect(byId.get(first.id)?.startsAt).toBe('2026-09-01T17:00:00.000Z');
    expect(after).toHaveLength(12);
  });

  it('should report a facilitator booked twice with the clashing session, and save only when confirmed', async () => {
    const clash = group({
      title: { nl: 'Peuterpraat' },
      defaultRoomId: place.rooms[1].id,
      recurrence: { firstStart: '2026-09-01T10:00', durationMinutes: 60, rule: null, exceptionDates: [] },
      kind: 'one_off',
    });
    const refused = await c.post('/api/v1/groups', clash);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ApiErrorBody;
    expect(body.code).toBe('scheduling_conflict');
    expect(body.conflicts).toEqual([
      expect.objectContaining({
        kind: 'facilitator',
        facilitator: { id: worker.id, displayName: 'Gita Groep' },
        clash: expect.objectContaining({ groupTitle: 'Babybabbels', startsAt: '2026-09-01T07:30:00.000Z' }),
      }),
    ]);
    // In the coordinator's language when the clashing group has a title in it (the web sends Accept-Language).
    const inEnglish = (await (await c.request('POST', '/api/v1/groups', clash, { 'accept-language': 'en' })).json()) as ApiErrorBody;
    expect(inEnglish.conflicts?.map((x) => x.clash.groupTitle)).toEqual(['Baby chats']);
    // Nothing was saved.
    const titles = ((await (await c.get('/api/v1/groups')).json()) as GroupPlan[]).map((g) => g.title.nl);
    expect(titles).not.toContain('Peuterpraat');
    expect((await c.post('/api/v1/groups', { ...clash, confirmConflicts: true })).status).toBe(201);
  });

  it('should report a room booked twice', async () => {
    const res = await c.post(
      '/api/v1/groups',
      group({
        title: { nl: 'Zelfde zaal' },
        facilitatorIds: [],
        kind: 'one_off',
        recurrence: { firstStart: '2026-09-15T10:00', durationMinutes: 30, rule: null, exceptionDates: [] },
      }),
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as ApiErrorBody).conflicts?.map((x) => [x.kind, x.room?.name])).toEqual([['room', 'Zaal 1']]);
  });

  it.each([
    ['an unreadable rule', { rule: 'FREQ=SOMETIMES' }, 'recurrence.rule', 'invalid_rule'],
    ['an end before the start', { rule: 'FREQ=WEEKLY;UNTIL=20260101' }, 'recurrence.rule', 'ends_before_start'],
    ['a series without an end', { rule: 'FREQ=WEEKLY;BYDAY=TU' }, 'recurrence.rule', 'no_end'],
    ['a session longer than 12 hours', { durationMinutes: 13 * 60 }, 'recurrence.durationMinutes', 'too_long'],
    ['a date that does not exist', { firstStart: '2026-02-30T09:30' }, 'recurrence.firstStart', 'invalid_start'],
  ])('should refuse %s with a 400 naming the field', async (_what, change, field, reason) => {
    const res = await c.post('/api/v1/groups', group({ title: { nl: 'Fout' }, recurrence: { ...group().recurrence, ...change } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).fields).toEqual([expect.objectContaining({ field, reason })]);
  });

  it('should refuse a room of another place, and an unknown one', async () => {
    const other = (await (
      await c.post('/api/v1/locations', { name: 'Elders', street: 'Straat 2', postalCode: '9100', city: 'Sint-Niklaas' })
    ).json()) as LocationView;
    const res = await c.post('/api/v1/groups', group({ title: { nl: 'Fout' }, defaultLocationId: other.id }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).fields?.map((f) => f.field)).toEqual(['defaultRoomId']);
    const unknown = await c.post('/api/v1/groups', group({ title: { nl: 'Fout' }, defaultRoomId: '00000000-0000-4000-8000-000000000000' }));
    expect(((await unknown.json()) as ApiErrorBody).fields?.map((f) => f.field)).toEqual(['defaultRoomId']);
  });

  it('should let a group worker change their own group, read the rest, and change nothing else', async () => {
    const plans = (await (await w.get('/api/v1/groups')).json()) as GroupPlan[];
    const mine = plans.find((g) => g.title.nl === 'Babybabbels') as GroupPlan;
    const theirs = plans.find((g) => g.title.nl === 'Papa-avond') as GroupPlan;
    expect(mine.canEdit).toBe(true);
    expect(theirs.canEdit).toBe(false);
    const [session] = await sessionsOf(w, theirs.id);
    expect(session.canEdit).toBe(false);
    expect((await w.patch(`/api/v1/sessions/${session.id}`, { capacity: 4, scope: 'this' })).status).toBe(403);
    expect((await w.post(`/api/v1/sessions/${session.id}/cancel`, { reason: 'Ziek' })).status).toBe(403);
    expect((await w.post('/api/v1/groups', group({ title: { nl: 'Nieuw' } }))).status).toBe(403);
    const [own] = await sessionsOf(w, mine.id);
    const changed = await w.patch(`/api/v1/sessions/${own.id}`, { capacity: 6, scope: 'this' });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as SessionView).capacity).toBe(6);
    expect((await w.post('/api/v1/locations', { name: 'x', street: 'x', postalCode: '9100', city: 'x' })).status).toBe(403);
    expect((await (await signIn(admin)).get('/api/v1/sessions?from=2026-09-01T00:00:00Z&to=2026-09-30T00:00:00Z')).status).toBe(403);
  });

  it('should show a group worker their own week', async () => {
    const week = (await (
      await w.get('/api/v1/sessions/mine?from=2026-08-31T00:00:00%2B02:00&to=2026-09-07T00:00:00%2B02:00')
    ).json()) as SessionView[];
    expect(week.map((s) => s.group.title)).toEqual(['Babybabbels', 'Peuterpraat']);
    const theirs = (await (
      await o.get('/api/v1/sessions/mine?from=2026-08-31T00:00:00%2B02:00&to=2026-09-07T00:00:00%2B02:00')
    ).json()) as SessionView[];
    expect(theirs.map((s) => s.group.title)).toEqual(['Papa-avond']);
  });

  it('should cancel one session with a reason and record the event families will be told of', async () => {
    const mine = ((await (await w.get('/api/v1/groups')).json()) as GroupPlan[]).find((g) => g.title.nl === 'Babybabbels') as GroupPlan;
    const sessions = await sessionsOf(w, mine.id);
    const target = sessions[2];
    const noReason = await w.post(`/api/v1/sessions/${target.id}/cancel`, { reason: '' });
    expect(noReason.status).toBe(400);
    const res = await w.post(`/api/v1/sessions/${target.id}/cancel`, { reason: 'Begeleider ziek' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'cancelled', cancellationReason: 'Begeleider ziek', canEdit: false });
    const [event] = await t.db.query(`SELECT type, payload FROM domain_event WHERE aggregate_id = $1`, [target.id]);
    expect(event).toEqual({
      type: 'session.cancelled',
      payload: { sessionId: target.id, groupId: mine.id, startsAt: target.startsAt, reason: 'Begeleider ziek' },
    });
    expect((await w.post(`/api/v1/sessions/${target.id}/cancel`, { reason: 'Nog eens' })).status).toBe(409);
  });

  it('should change this and the following sessions, and leave the earlier ones as they were', async () => {
    const saved = (await (
      await c.post(
        '/api/v1/groups',
        group({
          title: { nl: 'Tienerouders' },
          facilitatorIds: [],
          defaultRoomId: null,
          recurrence: { firstStart: '2026-09-03T20:00', durationMinutes: 90, rule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=6', exceptionDates: [] },
        }),
      )
    ).json()) as SavedGroup;
    const before = await sessionsOf(c, saved.group.id);
    const res = await c.patch(`/api/v1/sessions/${before[3].id}`, { start: '2026-09-24T19:30', scope: 'following' });
    expect(res.status).toBe(200);
    const after = await sessionsOf(c, saved.group.id);
    const times = after.map((s) => new Date(s.startsAt).toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' }).slice(0, 16));
    expect(times).toEqual([
      '2026-09-03 20:00',
      '2026-09-10 20:00',
      '2026-09-17 20:00',
      '2026-09-24 19:30',
      '2026-10-01 19:30',
      '2026-10-08 19:30',
    ]);
  });

  it('should extend the series to the horizon every night, once across two processes', async () => {
    const saved = (await (
      await c.post(
        '/api/v1/groups',
        group({
          title: { nl: 'Lange reeks' },
          facilitatorIds: [],
          defaultRoomId: null,
          recurrence: {
            firstStart: '2026-09-02T14:00',
            durationMinutes: 60,
            rule: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20271231',
            exceptionDates: [],
          },
        }),
      )
    ).json()) as SavedGroup;
    const count = async (): Promise<number> =>
      (await t.db.query(`SELECT count(*)::int AS n FROM group_session WHERE group_id = $1`, [saved.group.id]))[0].n;
    const initial = await count();
    expect(initial).toBe(12); // 2 Sep … 18 Nov: the twelve weeks after 27 August
    now = new Date('2026-09-17T01:00:00Z');
    const job = t.app.get(HorizonJob);
    const [a, b] = await Promise.all([job.run(), job.run()]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect(await count()).toBe(initial + 3); // … 9 Dec: twelve weeks after 17 September
    now = NOW;
  });

  describe('calendars', () => {
    it('should publish a group’s .ics that parses to the same sessions, in Brussels time', async () => {
      const mine = ((await (await w.get('/api/v1/groups')).json()) as GroupPlan[]).find((g) => g.title.nl === 'Babybabbels') as GroupPlan;
      const sessions = await sessionsOf(w, mine.id);
      const res = await t.request(`/api/v1/public/groups/${mine.id}/calendar.ics?locale=en`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const text = await res.text();
      expect(text).toContain('BEGIN:VTIMEZONE');
      expect(text).toContain('TZID:Europe/Brussels');
      expect(text).not.toContain('Gita');
      const cal = new ICAL.Component(ICAL.parse(text));
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.map((e) => e.startDate.toJSDate().toISOString()).sort()).toEqual(sessions.map((s) => s.startsAt).sort());
      expect(events.every((e) => e.summary === 'Baby chats')).toBe(true);
      const cancelled = events.filter((e) => e.component.getFirstPropertyValue('status') === 'CANCELLED');
      expect(cancelled).toHaveLength(1);
      expect(text).toContain('DTSTART;TZID=Europe/Brussels:20260901T093000');
      expect(events[0].startDate.zone?.tzid).toBe('Europe/Brussels');
    });

    it('should give each staff member a private feed link that can be replaced', async () => {
      const first = (await (await w.post('/api/v1/calendar/feed')).json()) as { url: string };
      expect(first.url).toMatch(/^https:\/\/kring\.test\/api\/v1\/public\/calendar\/staff\/[A-Za-z0-9_-]{43}\.ics$/);
      const path = new URL(first.url).pathname;
      const feed = await t.request(path);
      expect(feed.status).toBe(200);
      const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent');
      expect(events.length).toBeGreaterThan(5);
      await w.post('/api/v1/calendar/feed');
      expect((await t.request(path)).status).toBe(404);
      expect((await t.request('/api/v1/public/calendar/staff/nonsense.ics')).status).toBe(404);
    });
  });
});
