import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, GroupEnrolmentsView, RegisterResponse, StaffRegisterRequest, StaffRegistrationView } from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { makeSession } from './support/planning-factory';
import { StaffClient } from './support/staff-client';
import { makeGroup, makeStaff, type MadeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The staff side of registrations: per session and per series, on a family's behalf, moving,
 * cancelling and stopping a series, always within one's own groups.
 */
describe('Staff registrations per session and per series', () => {
  let t: TestApp;
  const now = new Date('2026-09-07T08:00:00Z');
  let ip = 0;
  let admin: MadeStaff;
  let coordinator: MadeStaff;
  let worker: MadeStaff;
  let otherWorker: MadeStaff;
  let groupId: string;
  let otherGroupId: string;

  const clients = new Map<string, Promise<StaffClient>>();
  /** Each person signs in once (a two-factor code is good once). */
  const as = (who: MadeStaff): Promise<StaffClient> => {
    let client = clients.get(who.id);
    if (!client) {
      client = (async () => {
        const c = new StaffClient(t, `10.7.0.${++ip}`);
        await c.signInFully(who.email, who.password, who.totpSecret, now);
        return c;
      })();
      clients.set(who.id, client);
    }
    return client;
  };
  const onBehalf = (overrides: Partial<StaffRegisterRequest>): StaffRegisterRequest => ({
    displayName: 'Sara',
    children: ['2025-11'],
    needs: [],
    locale: 'nl',
    consentMethod: 'phone',
    ...overrides,
  });
  const register = async (client: StaffClient, overrides: Partial<StaffRegisterRequest>): Promise<RegisterResponse> => {
    const res = await client.post('/api/v1/registrations', onBehalf(overrides));
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as RegisterResponse;
  };
  /** A series group of the worker with three weekly sessions, the first in two days. */
  const seriesGroup = async (
    opts: { capacity?: number; facilitators?: string[] } = {},
  ): Promise<{ groupId: string; sessionIds: string[] }> => {
    const id = await makeGroup(t, { facilitators: opts.facilitators ?? [worker.id] });
    const sessionIds: string[] = [];
    for (const week of [0, 1, 2]) {
      const startsAt = new Date(now.getTime() + 2 * DAY + week * 7 * DAY);
      sessionIds.push(
        (await makeSession(t, { groupId: id, capacity: opts.capacity ?? 3, startsAt, seriesDate: startsAt.toISOString().slice(0, 10) }))
          .sessionId,
      );
    }
    return { groupId: id, sessionIds };
  };

  beforeAll(async () => {
    t = await startTestApp({
      KRING_PUBLIC_URL: 'https://kring.test',
      KRING_CENTRE_PHONE: '03 777 12 34',
      LOG_LEVEL: process.env['DEBUG_LOG'] ?? 'silent',
    });
    t.app.get(Clock).now = () => now;
    admin = await makeStaff(t, { roles: ['admin'], twoFactor: true });
    coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    worker = await makeStaff(t, { roles: ['group_worker'] });
    otherWorker = await makeStaff(t, { roles: ['group_worker'] });
    groupId = (await seriesGroup()).groupId;
    otherGroupId = await makeGroup(t, { facilitators: [otherWorker.id] });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('who may see a group’s series families', () => {
    it('should answer the coordinator and the group’s own facilitator', async () => {
      for (const who of [coordinator, worker]) {
        const res = await (await as(who)).get(`/api/v1/groups/${groupId}/enrolments`);
        expect(res.status).toBe(200);
        await expect(res.json()).resolves.toMatchObject({ group: { id: groupId, kind: 'series' }, enrolments: [] });
      }
    });

    it('should answer 404 to a group worker of another group, as for a group that does not exist', async () => {
      const other = await as(otherWorker);
      const res = await other.get(`/api/v1/groups/${groupId}/enrolments`);
      expect(res.status).toBe(404);
      await expect(res.json()).resolves.toMatchObject({ code: 'not_found' });
      expect((await other.get('/api/v1/groups/00000000-0000-4000-8000-000000000000/enrolments')).status).toBe(404);
      expect((await other.get(`/api/v1/groups/${otherGroupId}/enrolments`)).status).toBe(200);
    });

    it('should answer 403 to an admin who is not in group work, and 401 without a session', async () => {
      const res = await (await as(admin)).get(`/api/v1/groups/${groupId}/enrolments`);
      expect(res.status).toBe(403);
      await expect(res.json()).resolves.toMatchObject({ code: 'forbidden' });
      expect((await new StaffClient(t, '10.7.1.1').get(`/api/v1/groups/${groupId}/enrolments`)).status).toBe(401);
      expect((await new StaffClient(t, '10.7.1.2').post('/api/v1/enrolments/00000000-0000-4000-8000-000000000000/stop')).status).toBe(401);
    });

    it('should refuse an id that is not one (400 naming the field)', async () => {
      const res = await (await as(worker)).get('/api/v1/groups/not-an-id/enrolments');
      expect(res.status).toBe(400);
      await expect(res.json()).resolves.toMatchObject({ fields: [{ field: 'id' }] });
    });
  });

  describe('every staff registration route keeps to one’s groups', () => {
    it('should let the own facilitator and coordinators in, other workers get 404 and admins 403', async () => {
      const { sessionIds } = await seriesGroup();
      const [coordinatorClient, workerClient, otherClient, adminClient] = await Promise.all([
        as(coordinator),
        as(worker),
        as(otherWorker),
        as(admin),
      ]);
      const made = await register(workerClient, { sessionId: sessionIds[0] });
      const regId = made.registrations[0].id;
      const reads = [`/api/v1/sessions/${sessionIds[0]}/registrations`, `/api/v1/registrations/by-code/${made.code}`];
      for (const path of reads) {
        expect([path, (await coordinatorClient.get(path)).status]).toEqual([path, 200]);
        expect([path, (await workerClient.get(path)).status]).toEqual([path, 200]);
        expect([path, (await otherClient.get(path)).status]).toEqual([path, 404]);
        expect([path, (await adminClient.get(path)).status]).toEqual([path, 403]);
      }
      expect((await otherClient.post('/api/v1/registrations', onBehalf({ sessionId: sessionIds[0] }))).status).toBe(404);
      expect((await otherClient.post(`/api/v1/registrations/${regId}/move`, { toSessionId: sessionIds[1] })).status).toBe(404);
      expect((await otherClient.post(`/api/v1/registrations/${regId}/cancel`)).status).toBe(404);
      expect((await adminClient.post(`/api/v1/registrations/${regId}/cancel`)).status).toBe(403);
      // The code, as people type it at the door, finds the family with where and when it is expected.
      const found = await workerClient.get(
        `/api/v1/registrations/by-code/${made.code.slice(0, 3).toLowerCase()} ${made.code.slice(3)}`.replace(' ', '%20'),
      );
      expect(found.status).toBe(200);
      await expect(found.json()).resolves.toMatchObject({
        displayName: 'Sara',
        registrations: [
          {
            id: regId,
            sessionId: sessionIds[0],
            status: 'confirmed',
            group: { title: expect.stringMatching(/^Groep /) },
            endsAt: expect.any(String),
          },
        ],
      });
      // Nothing changed by the refused calls.
      const list = (await (await workerClient.get(`/api/v1/sessions/${sessionIds[0]}/registrations`)).json()) as StaffRegistrationView[];
      expect(list.map((r) => r.status)).toEqual(['confirmed']);
    });

    it('should not move a family into a session of a group outside one’s own', async () => {
      const { sessionIds } = await seriesGroup();
      const foreign = await makeSession(t, { groupId: otherGroupId, capacity: 5, startsAt: new Date(now.getTime() + 3 * DAY) });
      const workerClient = await as(worker);
      const made = await register(workerClient, { sessionId: sessionIds[0] });
      const res = await workerClient.post(`/api/v1/registrations/${made.registrations[0].id}/move`, { toSessionId: foreign.sessionId });
      expect(res.status).toBe(404);
      const same = await workerClient.post(`/api/v1/registrations/${made.registrations[0].id}/move`, { toSessionId: sessionIds[0] });
      expect(same.status).toBe(409);
    });
  });

  describe('registering on a family’s behalf', () => {
    it('should name each field to look at again, so the form can say it next to the field', async () => {
      const { sessionIds } = await seriesGroup();
      const res = await (
        await as(worker)
      ).post('/api/v1/registrations', onBehalf({ sessionId: sessionIds[0], phone: '12', email: 'niet-een-adres', children: ['2099-01'] }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as ApiErrorBody;
      expect(body.code).toBe('validation_failed');
      expect(body.fields?.map((f) => [f.field, f.code])).toEqual([
        ['phone', 'invalid'],
        ['email', 'invalid'],
        ['children.0', 'invalid'],
      ]);
    });

    it('should refuse a consent method other than in person or by phone', async () => {
      const { sessionIds } = await seriesGroup();
      const res = await (
        await as(worker)
      ).post('/api/v1/registrations', { ...onBehalf({ sessionId: sessionIds[0] }), consentMethod: 'online' });
      expect(res.status).toBe(400);
      await expect(res.json()).resolves.toMatchObject({ fields: [{ field: 'consentMethod' }] });
    });
  });

  describe('a session’s list', () => {
    it('should show the waitlist in order and until when an offered seat is held', async () => {
      const { sessionIds } = await seriesGroup({ capacity: 1 });
      const client = await as(worker);
      const seated = await register(client, { sessionId: sessionIds[0], displayName: 'An' });
      await register(client, { sessionId: sessionIds[0], displayName: 'Bo' });
      await register(client, { sessionId: sessionIds[0], displayName: 'Cas' });
      const before = (await (await client.get(`/api/v1/sessions/${sessionIds[0]}/registrations`)).json()) as StaffRegistrationView[];
      expect(before.map((r) => [r.family.displayName, r.status, r.waitlistPosition, r.offerExpiresAt])).toEqual([
        ['An', 'confirmed', null, null],
        ['Bo', 'waitlisted', 1, null],
        ['Cas', 'waitlisted', 2, null],
      ]);

      const cancelled = await client.post(`/api/v1/registrations/${seated.registrations[0].id}/cancel`);
      expect(cancelled.status).toBe(204);
      expect((await client.post(`/api/v1/registrations/${seated.registrations[0].id}/cancel`)).status).toBe(204);
      const after = (await (await client.get(`/api/v1/sessions/${sessionIds[0]}/registrations`)).json()) as StaffRegistrationView[];
      expect(after.map((r) => [r.family.displayName, r.status, r.waitlistPosition])).toEqual([
        ['Bo', 'offered', null],
        ['Cas', 'waitlisted', 1],
        ['An', 'cancelled', null],
      ]);
      // Held for a third of the time left before the session (two days away), at most the configured day.
      expect(new Date(after[0].offerExpiresAt as string).getTime() - now.getTime()).toBe((2 * DAY) / 3);
    });
  });

  describe('cancelling for a family', () => {
    const messagesOf = async (
      familyCode: string,
    ): Promise<Array<{ kind: string; channel: string; recipient: string; sender_name: string; subject: string | null; body: string }>> =>
      t.db.query(
        `SELECT o.kind, o.channel, o.recipient, o.sender_name, o.subject, o.body FROM outbox_message o JOIN family f ON f.id = o.family_id
          WHERE f.code = $1 AND o.kind LIKE 'registration_cancelled%' ORDER BY o.channel`,
        [familyCode],
      );

    it('should tell the family that we cancelled, once, by e-mail and SMS, with a way to ask', async () => {
      const { sessionIds } = await seriesGroup();
      const client = await as(worker);
      const ida = await register(client, {
        sessionId: sessionIds[0],
        displayName: 'Ida',
        phone: '0470 11 22 33',
        email: 'ida@voorbeeld.be',
      });
      expect(await messagesOf(ida.code)).toEqual([]);

      expect((await (await as(otherWorker)).post(`/api/v1/registrations/${ida.registrations[0].id}/cancel`)).status).toBe(404);
      expect(await messagesOf(ida.code)).toEqual([]); // a refused cancel tells nobody anything

      expect((await client.post(`/api/v1/registrations/${ida.registrations[0].id}/cancel`)).status).toBe(204);
      expect((await client.post(`/api/v1/registrations/${ida.registrations[0].id}/cancel`)).status).toBe(204);
      const messages = await messagesOf(ida.code);
      expect(messages.map((m) => [m.kind, m.channel, m.recipient])).toEqual([
        ['registration_cancelled_by_centre', 'email', 'ida@voorbeeld.be'],
        ['registration_cancelled_by_centre', 'sms', '+32470112233'],
      ]);
      const [email, sms] = messages;
      expect(email.sender_name).toBe('De Keerkring');
      expect(email.subject).toBe('We hebben je inschrijving geannuleerd');
      expect(email.body).toMatch(/^Dag Ida,\n\nWe hebben je inschrijving voor Groep .+ op \S+ \d+ september, \d+\.\d\d uur geannuleerd\./);
      expect(email.body).toContain('Bel ons gerust op 03 777 12 34, we helpen je graag.');
      expect(email.body).not.toMatch(/je hebt .*geannuleerd/i);
      expect(sms.body).toMatch(/^We hebben je inschrijving voor .+ geannuleerd\. Vragen\? Bel ons gerust: 03 777 12 34$/);
    });

    it('should keep a discreet family’s SMS neutral and speak its own language', async () => {
      const { sessionIds } = await seriesGroup();
      const client = await as(worker);
      const noor = await register(client, {
        sessionId: sessionIds[0],
        displayName: 'Noor',
        phone: '0470 44 55 66',
        email: 'noor@voorbeeld.be',
        discreet: true,
        locale: 'fr',
      });
      expect((await client.post(`/api/v1/registrations/${noor.registrations[0].id}/cancel`)).status).toBe(204);
      const [email, sms] = await messagesOf(noor.code);
      expect([email.sender_name, email.subject]).toEqual(['Info', 'Votre rendez-vous']);
      expect(email.body).toContain('Nous avons annulé votre inscription');
      expect(sms.sender_name).toBe('Info');
      expect(sms.body).toMatch(/^Il y a du nouveau pour votre rendez-vous\. Voir ici : https:\/\/kring\.test\/mijn-inschrijving#token=/);
      expect(sms.body).not.toMatch(/Groep|annulé/);
    });

    it('should cancel for a family without a phone or e-mail and send nothing, and still offer the seat to the next family', async () => {
      const { sessionIds } = await seriesGroup({ capacity: 1 });
      const client = await as(coordinator);
      const jan = await register(client, { sessionId: sessionIds[0], displayName: 'Jan' });
      const kim = await register(client, { sessionId: sessionIds[0], displayName: 'Kim', phone: '0470 77 88 99' });
      expect(kim.registrations[0].status).toBe('waitlisted');
      expect((await client.post(`/api/v1/registrations/${jan.registrations[0].id}/cancel`)).status).toBe(204);
      expect(await messagesOf(jan.code)).toEqual([]);
      const [{ status }] = await t.db.query(`SELECT status FROM registration WHERE id = $1`, [jan.registrations[0].id]);
      expect(status).toBe('cancelled');
      const offered = await t.db.query(
        `SELECT o.kind FROM outbox_message o JOIN family f ON f.id = o.family_id WHERE f.code = $1 AND o.kind = 'seat_offered'`,
        [kim.code],
      );
      expect(offered).toEqual([{ kind: 'seat_offered' }]);
    });
  });

  describe('taking back "not this week" for a family', () => {
    it('should place the date again once, however often it is tapped, within one’s own groups only', async () => {
      const { groupId: id, sessionIds } = await seriesGroup({ capacity: 2 });
      const client = await as(worker);
      const lin = await register(client, { groupId: id, displayName: 'Lin', phone: '0470 12 12 12' });
      const skipped = lin.registrations[1];
      await t.db.query(`UPDATE registration SET status = 'skipped' WHERE id = $1`, [skipped.id]);
      await t.db.query(`UPDATE group_session SET seats_taken = seats_taken - 1 WHERE id = $1`, [sessionIds[1]]);

      expect((await (await as(otherWorker)).post(`/api/v1/registrations/${skipped.id}/unskip`)).status).toBe(404);
      expect((await (await as(admin)).post(`/api/v1/registrations/${skipped.id}/unskip`)).status).toBe(403);
      expect((await client.post(`/api/v1/registrations/${lin.registrations[0].id}/unskip`)).status).toBe(409); // not skipped

      const coordinatorClient = await as(coordinator);
      const answers = await Promise.all([
        client.post(`/api/v1/registrations/${skipped.id}/unskip`),
        coordinatorClient.post(`/api/v1/registrations/${skipped.id}/unskip`),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const list = (await answers.find((a) => a.status === 200)?.json()) as StaffRegistrationView[];
      expect(list.map((r) => [r.family.displayName, r.status])).toEqual([['Lin', 'confirmed']]);
      const [{ seats_taken }] = await t.db.query(`SELECT seats_taken FROM group_session WHERE id = $1`, [sessionIds[1]]);
      expect(seats_taken).toBe(1);
      const told = await t.db.query(`SELECT kind, channel FROM outbox_message WHERE dedupe_key LIKE $1`, [`resumed:${skipped.id}:%`]);
      expect(told).toEqual([{ kind: 'confirmation', channel: 'sms' }]);

      // Once the family stops the series, a date it skipped is cancelled too: nothing left to take back.
      const last = lin.registrations[2];
      await t.db.query(`UPDATE registration SET status = 'skipped' WHERE id = $1`, [last.id]);
      await t.db.query(`UPDATE group_session SET seats_taken = seats_taken - 1 WHERE id = $1`, [sessionIds[2]]);
      const [enrolment] = ((await (await client.get(`/api/v1/groups/${id}/enrolments`)).json()) as GroupEnrolmentsView).enrolments;
      expect((await client.post(`/api/v1/enrolments/${enrolment.id}/stop`)).status).toBe(204);
      expect((await t.db.query(`SELECT status FROM registration WHERE id = $1`, [last.id]))[0].status).toBe('cancelled');
      expect((await client.post(`/api/v1/registrations/${last.id}/unskip`)).status).toBe(409);
    });
  });

  describe('a group’s series families', () => {
    it('should list each enrolled family once with its coming dates, skipped and waiting ones too, but not single registrations', async () => {
      const { groupId: id, sessionIds } = await seriesGroup({ capacity: 2 });
      const client = await as(worker);
      const eli = await register(client, {
        groupId: id,
        displayName: 'Eli',
        phone: '0470 55 66 77',
        children: ['2025-03', '2023-07'],
        childrenComing: 2,
        needs: ['childcare'],
      });
      await register(client, { sessionId: sessionIds[2], displayName: 'Ook eenmalig' });
      const fay = await register(client, { groupId: id, displayName: 'Fay', consentMethod: 'in_person' }); // the third week is full: waits
      expect(fay.registrations.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
      // Eli says "not this week" for the second date, by the link.
      await t.db.query(`UPDATE registration SET status = 'skipped' WHERE id = $1`, [eli.registrations[1].id]);
      await t.db.query(`UPDATE group_session SET seats_taken = seats_taken - 1 WHERE id = $1`, [sessionIds[1]]);

      const res = await client.get(`/api/v1/groups/${id}/enrolments?locale=fr`);
      expect(res.status).toBe(200);
      const view = (await res.json()) as GroupEnrolmentsView;
      expect(view.group).toMatchObject({ id, kind: 'series' });
      expect(view.enrolments.map((e) => e.family.displayName)).toEqual(['Eli', 'Fay']);
      expect(view.enrolments[0]).toMatchObject({
        family: { code: eli.code, phone: '+32470556677', children: ['2023-07', '2025-03'] },
        childrenComing: 2,
        needs: ['childcare'],
        source: 'staff',
      });
      expect(view.enrolments[0].sessions.map((s) => [s.sessionId, s.status])).toEqual([
        [sessionIds[0], 'confirmed'],
        [sessionIds[1], 'skipped'],
        [sessionIds[2], 'confirmed'],
      ]);
      expect(view.enrolments[1].sessions.map((s) => [s.status, s.waitlistPosition])).toEqual([
        ['confirmed', null],
        ['confirmed', null],
        ['waitlisted', 1],
      ]);

      // Once the first date has passed, it is no longer "coming".
      await t.db.query(`UPDATE group_session SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
        sessionIds[0],
        new Date(now.getTime() - 3 * HOUR),
        new Date(now.getTime() - HOUR),
      ]);
      const later = (await (await client.get(`/api/v1/groups/${id}/enrolments`)).json()) as GroupEnrolmentsView;
      expect(later.enrolments[0].sessions.map((s) => s.sessionId)).toEqual([sessionIds[1], sessionIds[2]]);
    });

    it('should stop a family’s series for it: coming seats go to the waitlist, one message, and it leaves the list', async () => {
      const { groupId: id, sessionIds } = await seriesGroup({ capacity: 1 });
      const client = await as(worker);
      const gil = await register(client, { groupId: id, displayName: 'Gil', phone: '0470 10 20 30' });
      const waiting = await register(client, { sessionId: sessionIds[2], displayName: 'Hana' });
      expect(waiting.registrations[0].status).toBe('waitlisted');
      const [enrolment] = ((await (await client.get(`/api/v1/groups/${id}/enrolments`)).json()) as GroupEnrolmentsView).enrolments;
      expect(enrolment.family.code).toBe(gil.code);

      expect((await (await as(otherWorker)).post(`/api/v1/enrolments/${enrolment.id}/stop`)).status).toBe(404);
      expect((await (await as(admin)).post(`/api/v1/enrolments/${enrolment.id}/stop`)).status).toBe(403);
      const stopped = await client.post(`/api/v1/enrolments/${enrolment.id}/stop`);
      expect(stopped.status).toBe(204);

      const statuses = await t.db.query(
        `SELECT r.status FROM registration r JOIN group_session s ON s.id = r.session_id WHERE r.family_id = $1 ORDER BY s.starts_at`,
        [enrolment.family.id],
      );
      expect(statuses.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      const seats = await t.db.query(`SELECT seats_taken FROM group_session WHERE group_id = $1 ORDER BY starts_at`, [id]);
      expect(seats.map((s: { seats_taken: number }) => s.seats_taken)).toEqual([0, 0, 1]); // the third seat is offered to Hana
      const [hana] = await t.db.query(`SELECT status FROM registration WHERE id = $1`, [waiting.registrations[0].id]);
      expect(hana.status).toBe('offered');
      const messages = await t.db.query(`SELECT kind FROM outbox_message WHERE family_id = $1 AND kind = 'registration_cancelled'`, [
        enrolment.family.id,
      ]);
      expect(messages).toHaveLength(1);

      expect(((await (await client.get(`/api/v1/groups/${id}/enrolments`)).json()) as GroupEnrolmentsView).enrolments).toEqual([]);
      expect((await client.post(`/api/v1/enrolments/${enrolment.id}/stop`)).status).toBe(404);
    });
  });
});
