import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, ManageView, PublicRegisterResponse, RegisterRequest, RegisterResponse } from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { OutboxDispatcher } from '../../apps/api/src/messages/dispatcher';
import { RegistrationJobs } from '../../apps/api/src/registration/registration-jobs';
import { PRIVACY_NOTICE_VERSION } from '../../apps/api/src/registration/registration.settings';
import { makeSession } from './support/planning-factory';
import { StaffClient } from './support/staff-client';
import { makeGroup, makeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;

describe('Parents register without an account', () => {
  let t: TestApp;
  let now = new Date('2026-03-02T09:00:00Z');
  let xsrf = '';
  let ip = 0;
  let phone = 470_000_000;
  const nextPhone = (): string => `0${++phone}`;

  /** With `linkToken`, as the manage page sends it: in the X-Link-Token header, never in the path. */
  const post = async (
    path: string,
    body: unknown,
    forwardedFor = `10.9.${Math.floor(++ip / 250)}.${ip % 250}`,
    linkToken?: string,
  ): Promise<Response> =>
    t.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `XSRF-TOKEN=${xsrf}`,
        'x-xsrf-token': xsrf,
        'x-forwarded-for': forwardedFor,
        ...(linkToken === undefined ? {} : { 'x-link-token': linkToken }),
      },
      body: JSON.stringify(body),
    });
  const view = (linkToken: string): Promise<Response> => t.request('/api/v1/public/manage', { headers: { 'x-link-token': linkToken } });
  const registration = (overrides: Partial<RegisterRequest>): RegisterRequest => ({
    displayName: 'Sara',
    phone: nextPhone(),
    children: ['2025-10'],
    needs: [],
    locale: 'nl',
    consentNoticeVersion: PRIVACY_NOTICE_VERSION,
    consentGiven: true,
    ...overrides,
  });
  const register = async (overrides: Partial<RegisterRequest>): Promise<RegisterResponse> => {
    const res = await post('/api/v1/public/registrations', registration(overrides));
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as RegisterResponse;
  };
  const tokenOf = (r: RegisterResponse): string => new URLSearchParams(new URL(r.manageUrl).hash.slice(1)).get('token') as string;
  const statuses = async (sessionId: string): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await t.db.query(`SELECT status, count(*)::int AS n FROM registration WHERE session_id = $1 GROUP BY status`, [sessionId])).map(
        (r: { status: string; n: number }) => [r.status, r.n],
      ),
    );

  beforeAll(async () => {
    t = await startTestApp({ KRING_PUBLIC_URL: 'https://kring.test', LOG_LEVEL: process.env['DEBUG_LOG'] ?? 'silent' });
    t.app.get(Clock).now = () => now;
    // Any token works for double submit as long as cookie and header agree (no session here).
    xsrf = randomBytes(32).toString('base64url');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should confirm a seat, give a code without look-alikes and a link, and queue a confirmation with its .ics', async () => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 7 * 24 * HOUR) });
    const res = await register({ sessionId, email: 'sara@voorbeeld.be' });
    expect(res.code).toMatch(/^[ACDEFHJKMNPQRTUVWXY34679]{6}$/);
    expect(res.manageUrl).toMatch(/^https:\/\/kring\.test\/mijn-inschrijving#token=[A-Za-z0-9_-]{43}$/);
    expect(res.registrations).toEqual([expect.objectContaining({ sessionId, status: 'confirmed', waitlistPosition: null, series: false })]);
    const messages = await t.db.query(`SELECT kind, channel, recipient, subject, body, attachments FROM outbox_message ORDER BY channel`);
    expect(messages.map((m: { channel: string; kind: string }) => [m.kind, m.channel])).toEqual([
      ['confirmation', 'email'],
      ['confirmation', 'sms'],
    ]);
    expect(messages[0].subject).toContain('Je bent ingeschreven');
    expect(messages[0].body).toContain(res.code);
    expect(messages[0].attachments[0].content).toContain('BEGIN:VEVENT');
    expect(messages[1].recipient).toMatch(/^\+32/);
    // Consent is recorded with version, time, locale and how.
    const [consent] = await t.db.query(`SELECT notice_version, locale, method, taken_by, given_at FROM consent`);
    expect(consent).toMatchObject({
      notice_version: PRIVACY_NOTICE_VERSION,
      locale: 'nl',
      method: 'online',
      taken_by: null,
      given_at: now,
    });
  });

  it('should give exactly 12 of 300 concurrent registrations a seat and put 288 on the waitlist in arrival order', async () => {
    const { sessionId } = await makeSession(t, { capacity: 12, startsAt: new Date(now.getTime() + 5 * 24 * HOUR) });
    const answers = await Promise.all(Array.from({ length: 300 }, () => post('/api/v1/public/registrations', registration({ sessionId }))));
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.map((a) => a.status).every((s) => s === 201)).toBe(true);
    expect(await statuses(sessionId)).toEqual({ confirmed: 12, waitlisted: 288 });
    const [seat] = await t.db.query(`SELECT seats_taken FROM group_session WHERE id = $1`, [sessionId]);
    expect(seat.seats_taken).toBe(12);
    // Arrival order (the order the session lock let them in) decides: the first 12 have the seats.
    const inOrder = await t.db.query(`SELECT status FROM registration WHERE session_id = $1 ORDER BY queue_seq`, [sessionId]);
    expect(inOrder.slice(0, 12).every((r: { status: string }) => r.status === 'confirmed')).toBe(true);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as RegisterResponse[];
    const positions = bodies
      .map((b) => b.registrations[0].waitlistPosition)
      .filter((p) => p !== null)
      .sort((a, b) => (a as number) - (b as number));
    expect(positions).toEqual(Array.from({ length: 288 }, (_, i) => i + 1));
    // Each family's place is its place in the queue, and its message says the same number.
    const queue: Array<{ id: string }> = await t.db.query(
      `SELECT id FROM registration WHERE session_id = $1 AND status = 'waitlisted' ORDER BY queue_seq`,
      [sessionId],
    );
    const sms: Array<{ family_id: string; body: string }> = await t.db.query(
      `SELECT family_id, body FROM outbox_message WHERE kind = 'waitlisted' AND channel = 'sms'`,
    );
    const smsOf = new Map(sms.map((m) => [m.family_id, m.body]));
    const familyOf = new Map(
      (await t.db.query(`SELECT id, family_id FROM registration WHERE session_id = $1`, [sessionId])).map(
        (r: { id: string; family_id: string }) => [r.id, r.family_id],
      ),
    );
    for (const b of bodies.filter((x) => x.registrations[0].status === 'waitlisted')) {
      const reg = b.registrations[0];
      expect(queue.findIndex((q) => q.id === reg.id) + 1).toBe(reg.waitlistPosition);
      expect(smsOf.get(familyOf.get(reg.id) as string)).toContain(`(plaats ${reg.waitlistPosition})`);
    }
  });

  it('should free one seat when the same registration is cancelled twice at once', async () => {
    const { sessionId } = await makeSession(t, { capacity: 2, startsAt: new Date(now.getTime() + 6 * 24 * HOUR) });
    const seated = await register({ sessionId });
    const path = `/api/v1/public/manage/registrations/${seated.registrations[0].id}/cancel`;
    // On a server with connections to spare, hold the session's lock meanwhile, so all three have
    // read the registration before any may change it (the embedded database runs one at a time).
    const holder = t.database.target.embedded ? undefined : t.db.createQueryRunner();
    if (holder) {
      await holder.startTransaction();
      await holder.query(`SELECT 1 FROM group_session WHERE id = $1 FOR NO KEY UPDATE`, [sessionId]);
    }
    const cancel = () => post(path, {}, undefined, tokenOf(seated));
    const pending = Promise.all([cancel(), cancel(), cancel()]);
    if (holder) {
      await new Promise((r) => setTimeout(r, 300));
      await holder.commitTransaction();
      await holder.release();
    }
    const answers = await pending;
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const [seat] = await t.db.query(`SELECT seats_taken FROM group_session WHERE id = $1`, [sessionId]);
    expect(seat.seats_taken).toBe(0);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'registration_cancelled' AND family_id = (SELECT family_id FROM registration WHERE id = $1)`,
      [seated.registrations[0].id],
    );
    expect(n).toBe(1); // one cancellation message (this family gave a phone only: one SMS)
  });

  it('should offer a freed seat to the first waiting family that fits, hold it, and pass it on when unclaimed', async () => {
    const { sessionId } = await makeSession(t, { capacity: 2, countsChildren: true, startsAt: new Date(now.getTime() + 4 * 24 * HOUR) });
    const seated = await register({ sessionId, childrenComing: 1 }); // 2 seats
    const big = await register({ sessionId, children: ['2024-01', '2025-02'], childrenComing: 2 }); // 3: waits
    const small = await register({ sessionId, childrenComing: 0 }); // 1: waits, behind
    const other = await register({ sessionId, childrenComing: 0 });
    expect([big, small, other].map((r) => r.registrations[0].waitlistPosition)).toEqual([1, 2, 3]);

    const cancelled = await post(
      `/api/v1/public/manage/registrations/${seated.registrations[0].id}/cancel`,
      {},
      undefined,
      tokenOf(seated),
    );
    expect(cancelled.status).toBe(200);
    // Two seats free: the family of three does not fit as a unit, so the next two (one seat each) are offered.
    const mine = async (r: RegisterResponse): Promise<ManageView> => (await (await view(tokenOf(r))).json()) as ManageView;
    expect((await mine(big)).registrations[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const offered = (await mine(small)).registrations[0];
    expect(offered.status).toBe('offered');
    expect(new Date(offered.offerExpiresAt as string).getTime() - now.getTime()).toBe(24 * HOUR);
    expect((await mine(other)).registrations[0].status).toBe('offered');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'seat_offered' AND channel = 'sms'`);
    expect(n).toBe(2);

    expect((await post(`/api/v1/public/manage/registrations/${offered.id}/accept`, {}, undefined, tokenOf(small))).status).toBe(200);
    expect((await mine(small)).registrations[0].status).toBe('confirmed');

    // The other offer lapses: it goes back to the end of the queue, and nobody else fits the one seat but… nobody is left who fits.
    now = new Date(now.getTime() + 25 * HOUR);
    expect(await t.app.get(RegistrationJobs).expireOffers()).toBe(1);
    const back = (await mine(other)).registrations[0];
    expect(back).toMatchObject({ status: 'offered' }); // it is the only one that fits, so it is offered again from the end of the queue
    expect(await statuses(sessionId)).toEqual({ cancelled: 1, confirmed: 1, offered: 1, waitlisted: 1 });
    const [seat] = await t.db.query(`SELECT seats_taken FROM group_session WHERE id = $1`, [sessionId]);
    expect(seat.seats_taken).toBe(2);
    now = new Date(now.getTime() - 25 * HOUR);
  });

  it('should let a series enrolment skip one week, freeing exactly that one seat', async () => {
    const group = await makeSession(t, { capacity: 1, startsAt: new Date(now.getTime() + 2 * 24 * HOUR), seriesDate: '2026-03-04' });
    await makeSession(t, {
      groupId: group.groupId,
      capacity: 1,
      startsAt: new Date(now.getTime() + 9 * 24 * HOUR),
      seriesDate: '2026-03-11',
    });
    await t.db.query(`UPDATE parent_group SET kind = 'series' WHERE id = $1`, [group.groupId]);
    const series = await register({ groupId: group.groupId });
    expect(series.registrations.map((r) => [r.status, r.series])).toEqual([
      ['confirmed', true],
      ['confirmed', true],
    ]);
    const waiting = await register({ sessionId: group.sessionId });
    expect(waiting.registrations[0].status).toBe('waitlisted');

    const skip = await post(`/api/v1/public/manage/registrations/${series.registrations[0].id}/skip`, {}, undefined, tokenOf(series));
    expect(skip.status).toBe(200);
    expect(((await skip.json()) as ManageView).registrations.map((r) => r.status)).toEqual(['skipped', 'confirmed']);
    const seats = await t.db.query(`SELECT seats_taken FROM group_session WHERE group_id = $1 ORDER BY starts_at`, [group.groupId]);
    expect(seats.map((s: { seats_taken: number }) => s.seats_taken)).toEqual([1, 1]); // the freed seat went straight to the waiting family (offered)
    const w = (await (await view(tokenOf(waiting))).json()) as ManageView;
    expect(w.registrations[0].status).toBe('offered');
  });

  it('should stop a whole series with one message, freeing every coming seat', async () => {
    const group = await makeSession(t, { capacity: 3, startsAt: new Date(now.getTime() + 2 * 24 * HOUR), seriesDate: '2026-03-04' });
    await makeSession(t, {
      groupId: group.groupId,
      capacity: 3,
      startsAt: new Date(now.getTime() + 9 * 24 * HOUR),
      seriesDate: '2026-03-11',
    });
    await t.db.query(`UPDATE parent_group SET kind = 'series' WHERE id = $1`, [group.groupId]);
    const series = await register({ groupId: group.groupId });
    const res = await post(`/api/v1/public/manage/groups/${group.groupId}/stop`, {}, undefined, tokenOf(series));
    expect(res.status).toBe(200);
    expect(((await res.json()) as ManageView).registrations.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    const seats = await t.db.query(`SELECT seats_taken FROM group_session WHERE group_id = $1`, [group.groupId]);
    expect(seats.map((s: { seats_taken: number }) => s.seats_taken)).toEqual([0, 0]);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_message o JOIN family f ON f.id = o.family_id WHERE f.code = $1 AND o.kind = 'registration_cancelled'`,
      [series.code],
    );
    expect(n).toBe(1); // one SMS, not one per date
    const [enrolment] = await t.db.query(`SELECT cancelled_at FROM enrolment e JOIN family f ON f.id = e.family_id WHERE f.code = $1`, [
      series.code,
    ]);
    expect(enrolment.cancelled_at).not.toBeNull();
  });

  it('should not let one family’s link touch another family’s registration', async () => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * 24 * HOUR) });
    const a = await register({ sessionId });
    const b = await register({ sessionId });
    const res = await post(`/api/v1/public/manage/registrations/${b.registrations[0].id}/cancel`, {}, undefined, tokenOf(a));
    expect(res.status).toBe(404);
    expect((await t.db.query(`SELECT status FROM registration WHERE id = $1`, [b.registrations[0].id]))[0].status).toBe('confirmed');
  });

  it('should answer a used, expired or unknown link with a plain 410 that changes nothing', async () => {
    for (const token of ['x'.repeat(43), 'kort']) {
      const res = await view(token);
      expect(res.status).toBe(410);
      await expect(res.json()).resolves.toMatchObject({ code: 'link_expired' });
    }
  });

  it('should make a double click one registration', async () => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * 24 * HOUR) });
    const body = registration({ sessionId });
    const [one, two] = await Promise.all([
      post('/api/v1/public/registrations', body, '10.8.0.1'),
      post('/api/v1/public/registrations', body, '10.8.0.1'),
    ]);
    const answers = [(await one.json()) as PublicRegisterResponse, (await two.json()) as PublicRegisterResponse];
    expect(answers.map((a) => a.repeat).sort()).toEqual([false, true]);
    // The second answer shows nothing of the first (see security-registration.spec.ts); the code goes again by SMS.
    expect(answers.find((a) => a.repeat)).toEqual({ repeat: true, code: null, manageUrl: null, registrations: [] });
    expect(await statuses(sessionId)).toEqual({ confirmed: 1 });
  });

  it.each([
    ['a malformed phone number', { phone: '12' }, ['phone']],
    ['a malformed e-mail address', { phone: undefined, email: 'sara@' }, ['email']],
    ['no way to reach the family', { phone: undefined }, ['contact']],
    ['no consent', { consentGiven: false }, ['consentGiven']],
    ['an impossible birth month', { children: ['2040-01'] }, ['children.0']],
  ])('should refuse %s with a 400 naming the field', async (_what, change, fields) => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * 24 * HOUR) });
    const res = await post('/api/v1/public/registrations', { ...registration({ sessionId }), ...change });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).fields?.map((f) => f.field)).toEqual(fields);
    expect(await statuses(sessionId)).toEqual({});
  });

  it('should quietly refuse a bot that fills in the hidden field', async () => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * 24 * HOUR) });
    const res = await post('/api/v1/public/registrations', registration({ sessionId, website: 'http://spam.example' }));
    expect(res.status).toBe(400);
    expect(await statuses(sessionId)).toEqual({});
  });

  it('should limit registrations per contact', async () => {
    const contact = nextPhone();
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * 24 * HOUR) });
      codes.push((await post('/api/v1/public/registrations', registration({ sessionId, phone: contact }))).status);
    }
    expect(codes).toEqual([201, 201, 201, 201, 201, 201, 429]);
  });

  it('should send discreet messages without the group or its topic in any SMS', async () => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * 24 * HOUR) });
    const res = await register({ sessionId, discreet: true });
    const [sms] = await t.db.query(
      `SELECT o.body, o.sender_name FROM outbox_message o JOIN family f ON f.id = o.family_id WHERE f.code = $1 AND o.channel = 'sms'`,
      [res.code],
    );
    expect(sms.sender_name).toBe('Info');
    expect(sms.body).not.toMatch(/Groep|Sint-Niklaas|Plek/);
    expect(sms.body).toContain('https://kring.test/mijn-inschrijving#token=');
  });

  it('should remind each confirmed family once, the day before', async () => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 20 * HOUR) });
    await register({ sessionId });
    await register({ sessionId });
    const jobs = t.app.get(RegistrationJobs);
    const [a, b] = await Promise.all([jobs.sendReminders(), jobs.sendReminders()]);
    expect(a + b).toBe(2);
    expect(await jobs.sendReminders()).toBe(0);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_message o JOIN registration r ON o.dedupe_key LIKE 'reminder:' || r.id || ':%' WHERE r.session_id = $1`,
      [sessionId],
    );
    expect(n).toBe(2); // one SMS each
  });

  it('should keep messages for the preview when no transport is configured, and mark them sent once', async () => {
    const dispatcher = t.app.get(OutboxDispatcher);
    now = new Date(now.getTime() + 48 * HOUR);
    while ((await dispatcher.dispatchBatch()) > 0) {
      /* drain */
    }
    const [{ pending, preview }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE transport = 'preview' AND status = 'sent')::int AS preview FROM outbox_message`,
    );
    expect(pending).toBe(0);
    expect(preview).toBeGreaterThan(300);
    expect(await dispatcher.dispatchBatch()).toBe(0);
    now = new Date(now.getTime() - 48 * HOUR);
  });

  it('should let a family take back "not this week" while the date is ahead: a seat when one is free, else the back of the waitlist, told each time', async () => {
    const group = await makeSession(t, { capacity: 1, startsAt: new Date(now.getTime() + 3 * 24 * HOUR), seriesDate: '2026-03-05' });
    const second = await makeSession(t, {
      groupId: group.groupId,
      capacity: 1,
      startsAt: new Date(now.getTime() + 10 * 24 * HOUR),
      seriesDate: '2026-03-12',
    });
    await t.db.query(`UPDATE parent_group SET kind = 'series' WHERE id = $1`, [group.groupId]);
    const series = await register({ groupId: group.groupId, email: 'lotte@voorbeeld.be' });
    const [first, next] = series.registrations;
    const manage = (action: string, id = first.id, token = tokenOf(series)) =>
      post(`/api/v1/public/manage/registrations/${id}/${action}`, {}, undefined, token);
    const messages = async (): Promise<
      Array<{ kind: string; channel: string; subject: string | null; body: string; attachments: Array<{ content: string }> }>
    > =>
      t.db.query(
        `SELECT o.kind, o.channel, o.subject, o.body, o.attachments FROM outbox_message o JOIN family f ON f.id = o.family_id
          WHERE f.code = $1 AND o.dedupe_key NOT LIKE 'confirmation:%' ORDER BY o.created_at, o.channel`,
        [series.code],
      );
    const seatsTaken = async (): Promise<number> =>
      (await t.db.query(`SELECT seats_taken FROM group_session WHERE id = $1`, [group.sessionId]))[0].seats_taken;
    const start = now;
    const later = (): void => {
      now = new Date(now.getTime() + 60_000); // messages in the order of the changes
    };

    // Nothing to take back yet: only a skipped date can be.
    const early = await manage('unskip');
    expect(early.status).toBe(409);
    await expect(early.json()).resolves.toMatchObject({ code: 'conflict' });

    expect((await manage('skip')).status).toBe(200);
    expect(await seatsTaken()).toBe(0);
    later();
    const back = await manage('unskip');
    expect(back.status).toBe(200);
    expect(((await back.json()) as ManageView).registrations.map((r) => [r.id, r.status, r.waitlistPosition])).toEqual([
      [first.id, 'confirmed', null],
      [next.id, 'confirmed', null],
    ]);
    expect(await seatsTaken()).toBe(1);
    const twice = await manage('unskip');
    expect(twice.status).toBe(409); // a second tap changes nothing
    expect(await seatsTaken()).toBe(1);
    let sent = await messages();
    expect(sent.map((m) => [m.kind, m.channel])).toEqual([
      ['registration_cancelled', 'email'],
      ['registration_cancelled', 'sms'],
      ['confirmation', 'email'],
      ['confirmation', 'sms'],
    ]);
    expect(sent[2].subject).toContain('Je bent ingeschreven');
    expect(sent[2].attachments[0].content).toContain('BEGIN:VEVENT');
    expect(sent[3].body).toMatch(/^Je bent ingeschreven voor \S+ \d+ maart, 10\.00 uur\. Code /);

    // Skipped again: told again. Meanwhile the seat is taken and another family waits.
    later();
    expect((await manage('skip')).status).toBe(200);
    const taken = await register({ sessionId: group.sessionId });
    const waiting = await register({ sessionId: group.sessionId });
    expect([taken, waiting].map((r) => r.registrations[0].status)).toEqual(['confirmed', 'waitlisted']);
    later();
    const queued = await manage('unskip');
    expect(queued.status).toBe(200);
    expect(((await queued.json()) as ManageView).registrations[0]).toMatchObject({
      id: first.id,
      status: 'waitlisted',
      waitlistPosition: 2,
    });
    expect(await seatsTaken()).toBe(1);
    sent = await messages();
    expect(sent.slice(4).map((m) => [m.kind, m.channel])).toEqual([
      ['registration_cancelled', 'email'],
      ['registration_cancelled', 'sms'],
      ['waitlisted', 'email'],
      ['waitlisted', 'sms'],
    ]);
    expect(sent[7].body).toContain('(plaats 2)');

    // Another family's link finds nothing; a date that does not take place cannot come back.
    expect((await manage('unskip', first.id, tokenOf(waiting))).status).toBe(404);
    expect((await manage('skip', next.id)).status).toBe(200);
    await t.db.query(`UPDATE group_session SET status = 'cancelled', cancellation_reason = 'Ziek' WHERE id = $1`, [second.sessionId]);
    expect((await manage('unskip', next.id)).status).toBe(409);
    expect((await t.db.query(`SELECT status FROM registration WHERE id = $1`, [next.id]))[0].status).toBe('skipped');
    now = start;
  });

  it('should open a series to parents when one of its dates opens, and keep "not this week" once the group has closed online changes', async () => {
    const start = now;
    const group = await makeSession(t, { capacity: 2, startsAt: new Date(start.getTime() + 10 * 24 * HOUR), seriesDate: '2026-03-12' });
    await makeSession(t, {
      groupId: group.groupId,
      capacity: 2,
      startsAt: new Date(start.getTime() + 17 * 24 * HOUR),
      seriesDate: '2026-03-19',
    });
    await t.db.query(
      `UPDATE parent_group SET kind = 'series', registration_opens_days_before = 7, registration_closes_hours_before = 24 WHERE id = $1`,
      [group.groupId],
    );

    // Its first date opens in three days: the series waits for it, and nothing is made.
    const early = await post('/api/v1/public/registrations', registration({ groupId: group.groupId }));
    expect(early.status).toBe(404);
    expect(await statuses(group.sessionId)).toEqual({});

    // Once the first date is open, enrolling takes every coming date (the later one's own window opens later).
    now = new Date(start.getTime() + 4 * 24 * HOUR);
    const series = await register({ groupId: group.groupId });
    expect(series.registrations.map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
    const [first] = series.registrations;
    const manage = (action: string) => post(`/api/v1/public/manage/registrations/${first.id}/${action}`, {}, undefined, tokenOf(series));
    const skipped = await manage('skip');
    expect(skipped.status).toBe(200);
    expect(((await skipped.json()) as ManageView).registrations.map((r) => r.comeAfterAll)).toEqual(['online', null]);

    // Within the 24 hours before it, "I can come after all" is for a phone call, not the link.
    now = new Date(start.getTime() + 10 * 24 * HOUR - 12 * HOUR);
    const shown = (await (await view(tokenOf(series))).json()) as ManageView;
    expect(shown.registrations.map((r) => r.comeAfterAll)).toEqual(['call', null]);
    const late = await manage('unskip');
    expect(late.status).toBe(409);
    await expect(late.json()).resolves.toMatchObject({ code: 'conflict', message: expect.stringContaining('call the centre') });
    expect((await t.db.query(`SELECT status FROM registration WHERE id = $1`, [first.id]))[0].status).toBe('skipped');
    now = start;
  });
});

describe('Registrations for staff, and events that reach families', () => {
  let t: TestApp;
  const now = new Date('2026-06-01T09:00:00Z');
  let ip = 0;

  beforeAll(async () => {
    t = await startTestApp({ KRING_PUBLIC_URL: 'https://kring.test' });
    t.app.get(Clock).now = () => now;
  });
  afterAll(async () => {
    await t?.close();
  });

  const signedIn = async (roles: Array<'coordinator' | 'group_worker'>): Promise<{ client: StaffClient; id: string }> => {
    const who = await makeStaff(t, { roles, twoFactor: roles.includes('coordinator') });
    const client = new StaffClient(t, `10.6.0.${++ip}`);
    await client.signInFully(who.email, who.password, who.totpSecret, now);
    return { client, id: who.id };
  };

  it('should show a session’s registrations and waitlist to its facilitator and coordinators, and 404 to other workers', async () => {
    const worker = await signedIn(['group_worker']);
    const outsider = await signedIn(['group_worker']);
    const coordinator = await signedIn(['coordinator']);
    const groupId = await makeGroup(t, { facilitators: [worker.id] });
    const { sessionId } = await makeSession(t, { groupId, capacity: 1, startsAt: new Date(now.getTime() + 48 * HOUR) });
    // On the family's behalf, by phone: no contact needed, consent method recorded.
    const first = await worker.client.post('/api/v1/registrations', {
      sessionId,
      displayName: 'Mama van Lina',
      children: ['2025-08'],
      needs: ['interpreter'],
      locale: 'ar',
      consentMethod: 'phone',
    });
    expect(first.status).toBe(201);
    const second = await worker.client.post('/api/v1/registrations', {
      sessionId,
      displayName: 'Yusuf',
      children: [],
      needs: [],
      locale: 'nl',
      consentMethod: 'in_person',
    });
    expect(((await second.json()) as RegisterResponse).registrations[0].status).toBe('waitlisted');
    const [consent] = await t.db.query(
      `SELECT method, taken_by FROM consent c JOIN family f ON f.id = c.family_id WHERE f.display_name = 'Mama van Lina'`,
    );
    expect(consent).toEqual({ method: 'phone', taken_by: worker.id });

    const list = await worker.client.get(`/api/v1/sessions/${sessionId}/registrations`);
    expect(list.status).toBe(200);
    const rows = (await list.json()) as Array<{ status: string; waitlistPosition: number | null; family: { displayName: string } }>;
    expect(rows.map((r) => [r.family.displayName, r.status, r.waitlistPosition])).toEqual([
      ['Mama van Lina', 'confirmed', null],
      ['Yusuf', 'waitlisted', 1],
    ]);
    expect((await coordinator.client.get(`/api/v1/sessions/${sessionId}/registrations`)).status).toBe(200);
    expect((await outsider.client.get(`/api/v1/sessions/${sessionId}/registrations`)).status).toBe(404);
    const code = ((await first.json()) as RegisterResponse).code;
    expect((await worker.client.get(`/api/v1/registrations/by-code/${code.toLowerCase()}`)).status).toBe(200);
    expect((await outsider.client.get(`/api/v1/registrations/by-code/${code}`)).status).toBe(404);
  });

  it('should move a family to another session, handing its old seat to the waitlist', async () => {
    const coordinator = await signedIn(['coordinator']);
    const groupId = await makeGroup(t);
    const a = await makeSession(t, { groupId, capacity: 1, startsAt: new Date(now.getTime() + 24 * HOUR) });
    const b = await makeSession(t, { groupId, capacity: 3, startsAt: new Date(now.getTime() + 8 * 24 * HOUR) });
    const seated = (await (
      await coordinator.client.post('/api/v1/registrations', {
        sessionId: a.sessionId,
        displayName: 'An',
        children: [],
        needs: [],
        locale: 'nl',
        consentMethod: 'in_person',
      })
    ).json()) as RegisterResponse;
    await coordinator.client.post('/api/v1/registrations', {
      sessionId: a.sessionId,
      displayName: 'Bo',
      children: [],
      needs: [],
      locale: 'nl',
      consentMethod: 'in_person',
    });
    const moved = await coordinator.client.post(`/api/v1/registrations/${seated.registrations[0].id}/move`, { toSessionId: b.sessionId });
    expect(moved.status).toBe(200);
    const inB = (await moved.json()) as Array<{ family: { displayName: string }; status: string }>;
    expect(inB.map((r) => [r.family.displayName, r.status])).toEqual([['An', 'confirmed']]);
    const inA = (await (await coordinator.client.get(`/api/v1/sessions/${a.sessionId}/registrations`)).json()) as Array<{
      family: { displayName: string };
      status: string;
    }>;
    expect(inA.map((r) => [r.family.displayName, r.status])).toEqual([
      ['Bo', 'offered'],
      ['An', 'cancelled'],
    ]);
  });

  it('should tell the registered families of a session that staff cancelled, once', async () => {
    const coordinator = await signedIn(['coordinator']);
    const { sessionId } = await makeSession(t, { capacity: 4, startsAt: new Date(now.getTime() + 72 * HOUR) });
    for (const name of ['Cas', 'Dina']) {
      await coordinator.client.post('/api/v1/registrations', {
        sessionId,
        displayName: name,
        phone: `04711${Math.floor(Math.random() * 89999 + 10000)}`,
        children: [],
        needs: [],
        locale: 'nl',
        consentMethod: 'in_person',
      });
    }
    expect(
      (await coordinator.client.post(`/api/v1/sessions/${sessionId}/cancel`, { reason: 'De zaal is onder water gelopen' })).status,
    ).toBe(200);
    const jobs = t.app.get(RegistrationJobs);
    expect(await jobs.announceCancellations()).toBe(2);
    expect(await jobs.announceCancellations()).toBe(0);
    const sms = await t.db.query(`SELECT body FROM outbox_message WHERE kind = 'session_cancelled'`);
    expect(sms).toHaveLength(2);
    expect(sms[0].body).toContain('gaat niet door');
  });

  it('should enrol a series family into sessions planned later, once', async () => {
    const coordinator = await signedIn(['coordinator']);
    const groupId = await makeGroup(t);
    await t.db.query(`UPDATE parent_group SET kind = 'series' WHERE id = $1`, [groupId]);
    await makeSession(t, { groupId, capacity: 4, startsAt: new Date(now.getTime() + 24 * HOUR), seriesDate: '2026-06-02' });
    const enrolled = await coordinator.client.post('/api/v1/registrations', {
      groupId,
      displayName: 'Eli',
      children: [],
      needs: [],
      locale: 'nl',
      consentMethod: 'in_person',
    });
    expect(((await enrolled.json()) as RegisterResponse).registrations).toHaveLength(1);
    await makeSession(t, { groupId, capacity: 4, startsAt: new Date(now.getTime() + 8 * 24 * HOUR), seriesDate: '2026-06-09' });
    const jobs = t.app.get(RegistrationJobs);
    expect(await jobs.enrolIntoNewSessions()).toBe(1);
    expect(await jobs.enrolIntoNewSessions()).toBe(0);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM registration r JOIN group_session s ON s.id = r.session_id WHERE s.group_id = $1 AND r.status = 'confirmed'`,
      [groupId],
    );
    expect(n).toBe(2);
  });

  it('should list coming sessions for parents with the seats left, and show a group page', async () => {
    const groupId = await makeGroup(t, { title: 'Peuterpret' });
    await t.db.query(`UPDATE parent_group SET audience = '1-3', spoken_languages = '{nl,ar}' WHERE id = $1`, [groupId]);
    const { sessionId } = await makeSession(t, { groupId, capacity: 8, startsAt: new Date('2026-06-09T07:30:00Z') });
    const list = (await (await t.request('/api/v1/public/sessions?audience=1-3&language=ar&weekday=2')).json()) as Array<{
      id: string;
      seatsLeft: number;
      registrationOpen: boolean;
    }>;
    expect(list.map((s) => [s.id, s.seatsLeft, s.registrationOpen])).toEqual([[sessionId, 8, true]]);
    expect(await (await t.request('/api/v1/public/sessions?audience=1-3&weekday=3')).json()).toEqual([]);
    const page = await (await t.request(`/api/v1/public/groups/${groupId}?locale=ar`)).json();
    expect(page).toMatchObject({
      title: 'Peuterpret',
      locale: 'nl',
      childrenCountTowardCapacity: false,
      place: { city: 'Sint-Niklaas' },
      sessions: [{ id: sessionId, place: { id: expect.any(String) } }],
    });
  });

  it('should tell parents when registering opens, and when it has closed, on the list and the group page', async () => {
    const groupId = await makeGroup(t, { title: 'Slaapklets' });
    await t.db.query(`UPDATE parent_group SET registration_opens_days_before = 7, registration_closes_hours_before = 24 WHERE id = $1`, [
      groupId,
    ]);
    const closed = await makeSession(t, { groupId, capacity: 8, startsAt: new Date(now.getTime() + 12 * HOUR) });
    const open = await makeSession(t, { groupId, capacity: 8, startsAt: new Date(now.getTime() + 3 * 24 * HOUR) });
    const later = await makeSession(t, { groupId, capacity: 8, startsAt: new Date(now.getTime() + 10 * 24 * HOUR) });
    const always = await makeSession(t, { capacity: 8, startsAt: new Date(now.getTime() + 10 * 24 * HOUR) });

    type Window = { id: string; registrationOpen: boolean; registrationOpensAt: string | null; registrationClosed: boolean };
    const window = (s: Window) => [s.id, s.registrationOpen, s.registrationOpensAt, s.registrationClosed];
    const expected = [
      [closed.sessionId, false, null, true],
      [open.sessionId, true, null, false],
      [later.sessionId, false, new Date(now.getTime() + 3 * 24 * HOUR).toISOString(), false],
    ];
    const page = (await (await t.request(`/api/v1/public/groups/${groupId}`)).json()) as { sessions: Window[] };
    expect(page.sessions.map(window)).toEqual(expected);
    const list = (await (await t.request('/api/v1/public/sessions')).json()) as Window[];
    expect(list.filter((s) => page.sessions.some((p) => p.id === s.id)).map(window)).toEqual(expected);
    expect(window(list.find((s) => s.id === always.sessionId) as Window)).toEqual([always.sessionId, true, null, false]);

    // What the page says is what registering does.
    const xsrf = randomBytes(32).toString('base64url');
    const ask = (sessionId: string) =>
      t.request('/api/v1/public/registrations', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `XSRF-TOKEN=${xsrf}`,
          'x-xsrf-token': xsrf,
          'x-forwarded-for': `10.5.0.${++ip}`,
        },
        body: JSON.stringify({
          sessionId,
          displayName: 'Mira',
          phone: `047055${String(ip).padStart(4, '0')}`,
          children: [],
          needs: [],
          locale: 'nl',
          consentNoticeVersion: PRIVACY_NOTICE_VERSION,
          consentGiven: true,
        }),
      });
    expect((await ask(later.sessionId)).status).toBe(404);
    expect((await ask(closed.sessionId)).status).toBe(404);
    expect((await ask(open.sessionId)).status).toBe(201);
  });

  it('should tell parents how to reach the centre, for tap to call and mail', async () => {
    const res = await t.request('/api/v1/public/centre');
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({
      name: 'De Keerkring',
      phone: '03 123 45 67',
      phoneHref: 'tel:+3231234567',
      email: 'info@keerkring.be',
    });
  });
});
