import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SESSION_CHANGE_SETTLE_MINUTES,
  type ApiErrorBody,
  type LocationView,
  type RegisterResponse,
  type SaveGroupRequest,
  type SavedGroup,
  type SessionView,
} from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { OutboxDispatcher } from '../../apps/api/src/messages/dispatcher';
import { SessionChanges } from '../../apps/api/src/planning/session-changes';
import { RegistrationJobs } from '../../apps/api/src/registration/registration-jobs';
import { PRIVACY_NOTICE_VERSION } from '../../apps/api/src/registration/registration.settings';
import { makeSession } from './support/planning-factory';
import { makeStaff, type MadeStaff } from './support/staff-factory';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

const MINUTE = 60_000;
/** The API's clock (injected): a Monday; the group meets on Tuesdays at 9.30, Brussels time. */
const NOW = new Date('2027-03-01T09:00:00Z');
const TITLE = 'Rouwgroep voor ouders';

function calendarOf(mail: ParsedMail): { text: string; event: ICAL.Event } {
  const attachment = mail.attachments.find((a) => a.filename === 'kring.ics');
  const text = attachment?.content.toString('utf8') ?? '';
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const [vevent] = cal.getAllSubcomponents('vevent');
  return { text, event: new ICAL.Event(vevent) };
}

describe('When planning changes a session, its families hear of it', () => {
  const received: ParsedMail[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let now = NOW;
  let coordinator: MadeStaff;
  let worker: MadeStaff;
  let c: StaffClient;
  let place: LocationView;
  let groupId: string;
  let ip = 0;

  const group = (overrides: Partial<SaveGroupRequest> = {}): SaveGroupRequest => ({
    title: { nl: TITLE, en: 'Grief group for parents' },
    description: { nl: 'Samen praten over verlies.' },
    kind: 'series',
    audience: 'all',
    spokenLanguages: ['nl'],
    defaultLocationId: place.id,
    defaultRoomId: place.rooms[0].id,
    capacity: 10,
    childrenCountTowardCapacity: false,
    registrationMode: 'open',
    registrationWindow: { opensDaysBefore: null, closesHoursBefore: null },
    facilitatorIds: [worker.id],
    recurrence: { firstStart: '2027-03-02T09:30', durationMinutes: 90, rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427', exceptionDates: [] },
    ...overrides,
  });
  const sessions = async (): Promise<SessionView[]> =>
    (await (await c.get(`/api/v1/sessions?groupId=${groupId}&from=2027-02-01T00:00:00Z&to=2027-05-31T00:00:00Z`)).json()) as SessionView[];
  const sessionOn = async (date: string): Promise<SessionView> =>
    (await sessions()).find((s) => s.startsAt.startsWith(date)) as SessionView;
  const register = async (
    sessionId: string,
    email: string,
    extra: { locale?: string; discreet?: boolean; displayName?: string; phone?: string } = {},
  ): Promise<RegisterResponse> => {
    const xsrf = randomBytes(32).toString('base64url');
    const res = await t.request('/api/v1/public/registrations', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `XSRF-TOKEN=${xsrf}`,
        'x-xsrf-token': xsrf,
        'x-forwarded-for': `10.9.0.${++ip}`,
      },
      body: JSON.stringify({
        sessionId,
        displayName: extra.displayName ?? 'Sara',
        email,
        ...(extra.phone ? { phone: extra.phone } : {}),
        children: [],
        needs: [],
        locale: extra.locale ?? 'nl',
        discreet: extra.discreet ?? false,
        consentNoticeVersion: PRIVACY_NOTICE_VERSION,
        consentGiven: true,
      }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as RegisterResponse;
  };
  const drain = async (): Promise<void> => {
    while ((await t.app.get(OutboxDispatcher).dispatchBatch()) > 0) {
      /* until nothing is due */
    }
  };
  const mailsTo = (address: string): ParsedMail[] => received.filter((m) => m.to && 'text' in m.to && m.to.text === address);
  /** Sets the API's clock, and signs the coordinator in again (a staff session ends after a while idle). */
  const clients = new Map<number, StaffClient>();
  const travel = async (to: Date): Promise<void> => {
    now = to;
    const known = clients.get(to.getTime());
    if (known) {
      c = known;
      return;
    }
    c = new StaffClient(t, `10.9.1.${++ip}`);
    await c.signInFully(coordinator.email, coordinator.password, coordinator.totpSecret, now);
    clients.set(to.getTime(), c);
  };
  const settle = (): void => {
    now = new Date(now.getTime() + (SESSION_CHANGE_SETTLE_MINUTES + 1) * MINUTE);
  };
  const statusOf = async (registrationId: string): Promise<string> =>
    (await t.db.query(`SELECT status FROM registration WHERE id = $1`, [registrationId]))[0].status;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        simpleParser(stream).then((mail) => {
          received.push(mail);
          done();
        }, done);
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await startTestApp({
      KRING_PUBLIC_URL: 'https://kring.test',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'kring@keerkring.test',
    });
    t.app.get(Clock).now = () => now;
    coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    worker = await makeStaff(t, { roles: ['group_worker'] });
    c = new StaffClient(t, '10.9.1.1');
    await c.signInFully(coordinator.email, coordinator.password, coordinator.totpSecret, now);
    const created = (await (
      await c.post('/api/v1/locations', { name: 'Huis van het Kind', street: 'Markt 1', postalCode: '9140', city: 'Temse' })
    ).json()) as LocationView;
    await c.post(`/api/v1/locations/${created.id}/rooms`, { name: 'Zaal 1' });
    place = (await (await c.post(`/api/v1/locations/${created.id}/rooms`, { name: 'Zaal 2' })).json()) as LocationView;
    const saved = await c.post('/api/v1/groups', group());
    expect(saved.status).toBe(201);
    groupId = ((await saved.json()) as SavedGroup).group.id;
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it('should answer 409 naming the dates and families when a series change drops them, then cancel them and tell the families', async () => {
    const withFamily = await sessionOn('2027-03-16');
    const empty = await sessionOn('2027-03-23');
    const reg = await register(withFamily.id, 'annelies@voorbeeld.be');
    await drain();
    received.length = 0;

    const dropping = group({ recurrence: { ...group().recurrence, exceptionDates: ['2027-03-16', '2027-03-23'] } });
    const refused = await c.patch(`/api/v1/groups/${groupId}`, dropping);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ApiErrorBody;
    expect(body.code).toBe('sessions_have_families');
    expect(body.sessionsWithFamilies).toEqual([{ sessionId: withFamily.id, startsAt: withFamily.startsAt, families: 1 }]);
    expect((await sessions()).map((s) => s.id)).toContain(empty.id); // nothing changed

    const confirmed = await c.patch(`/api/v1/groups/${groupId}`, { ...dropping, confirmCancellations: true });
    expect(confirmed.status).toBe(200);
    const after = await sessions();
    expect(after.find((s) => s.id === withFamily.id)?.status).toBe('cancelled');
    expect(after.map((s) => s.id)).not.toContain(empty.id);
    expect(await t.app.get(RegistrationJobs).announceCancellations()).toBe(1);
    await drain();
    const [mail] = mailsTo('annelies@voorbeeld.be');
    expect(mail.subject).toMatch(/^Gaat niet door/);
    expect(mail.text).toContain('dinsdag 16 maart, 9.30 uur');
    expect(mail.text).toContain(reg.manageUrl);
  });

  it('should tell each family once of a new time, with the final state and an .ics of the same event at a higher SEQUENCE', async () => {
    const session = await sessionOn('2027-03-09');
    await register(session.id, 'bram@voorbeeld.be', { phone: '0470 11 22 33' });
    await register(session.id, 'chloe@voorbeeld.be', { locale: 'en' });
    await drain();
    const confirmation = calendarOf(mailsTo('bram@voorbeeld.be')[0]);
    received.length = 0;

    expect((await c.patch(`/api/v1/sessions/${session.id}`, { start: '2027-03-09T13:00', scope: 'this' })).status).toBe(200);
    // A second edit before the first was told: one message, with the final state.
    now = new Date(now.getTime() + 2 * MINUTE);
    const moved = await c.patch(`/api/v1/sessions/${session.id}`, { start: '2027-03-09T14:00', roomId: place.rooms[1].id, scope: 'this' });
    expect(moved.status).toBe(200);
    const changes = t.app.get(SessionChanges);
    expect(await changes.announceSettled()).toBe(0); // not settled yet
    settle();
    expect(await changes.announceSettled()).toBe(3); // two e-mails and one SMS: one message per family and channel
    expect(await changes.announceSettled()).toBe(0);
    await drain();

    expect(received).toHaveLength(2);
    const sms = await t.db.query(`SELECT body FROM outbox_message WHERE kind = 'session_changed' AND channel = 'sms'`);
    expect(sms.map((m: { body: string }) => m.body)).toEqual([
      expect.stringMatching(
        /^Je bijeenkomst van dinsdag 9 maart, 9\.30 uur is veranderd: nu dinsdag 9 maart, 14\.00 uur, Huis van het Kind/,
      ),
    ]);
    const [nl] = mailsTo('bram@voorbeeld.be');
    expect(nl.subject).toBe(`Gewijzigd: ${TITLE}`);
    expect(nl.text).toContain('De bijeenkomst van dinsdag 9 maart, 9.30 uur is veranderd. Ze is nu op dinsdag 9 maart, 14.00 uur');
    const [en] = mailsTo('chloe@voorbeeld.be');
    expect(en.subject).toBe('Changed: Grief group for parents');
    const update = calendarOf(nl);
    expect(update.event.uid).toBe(confirmation.event.uid);
    expect(update.event.uid).toBe(`${session.id}@kring.test`);
    expect(confirmation.event.sequence).toBe(0);
    expect(update.event.sequence).toBeGreaterThan(confirmation.event.sequence);
    expect(update.event.startDate.toJSDate().toISOString()).toBe('2027-03-09T13:00:00.000Z');
    expect(update.event.location).toContain('Huis van het Kind');

    // A family registering afterwards gets the event at its current version, not an older one.
    await register(session.id, 'dries@voorbeeld.be');
    await drain();
    expect(calendarOf(mailsTo('dries@voorbeeld.be')[0]).event.sequence).toBe(update.event.sequence);
  });

  it('should send a reminder again for the new time when the first went out before the change', async () => {
    await travel(new Date('2027-03-22T12:00:00Z'));
    const session = await sessionOn('2027-03-30');
    await register(session.id, 'dirk@voorbeeld.be');
    const jobs = t.app.get(RegistrationJobs);
    await travel(new Date('2027-03-29T12:00:00Z')); // 19.5 hours before
    expect(await jobs.sendReminders()).toBe(1);
    expect(await jobs.sendReminders()).toBe(0);
    expect((await c.patch(`/api/v1/sessions/${session.id}`, { start: '2027-03-30T11:00', scope: 'this' })).status).toBe(200);
    // Not before the family has heard of the change itself.
    expect(await jobs.sendReminders()).toBe(0);
    settle();
    await t.app.get(SessionChanges).announceSettled();
    expect(await jobs.sendReminders()).toBe(1);
    expect(await jobs.sendReminders()).toBe(0);
    received.length = 0;
    await drain();
    const reminders = mailsTo('dirk@voorbeeld.be').filter((m) => m.subject?.startsWith('Tot morgen'));
    expect(reminders).toHaveLength(2);
    expect(reminders[0].text).toContain('dinsdag 30 maart, 9.30 uur');
    expect(reminders[1].text).toContain('dinsdag 30 maart, 11.00 uur');
  });

  it('should offer seats a higher capacity frees to the waiting families in order, before a newcomer', async () => {
    await travel(new Date('2027-03-22T12:00:00Z'));
    const session = await sessionOn('2027-04-06');
    expect((await c.patch(`/api/v1/sessions/${session.id}`, { capacity: 1, scope: 'this' })).status).toBe(200);
    const first = await register(session.id, 'eva@voorbeeld.be');
    const waiting1 = await register(session.id, 'fien@voorbeeld.be');
    const waiting2 = await register(session.id, 'gert@voorbeeld.be');
    expect(waiting1.registrations[0].status).toBe('waitlisted');
    expect(first.registrations[0].status).toBe('confirmed');

    expect((await c.patch(`/api/v1/sessions/${session.id}`, { capacity: 2, scope: 'this' })).status).toBe(200);
    expect(await statusOf(waiting1.registrations[0].id)).toBe('offered');
    expect(await statusOf(waiting2.registrations[0].id)).toBe('waitlisted');
    // Another room in the same place is no news for families.
    expect((await c.patch(`/api/v1/sessions/${session.id}`, { roomId: place.rooms[1].id, scope: 'this' })).status).toBe(200);
    settle();
    expect(await t.app.get(SessionChanges).announceSettled()).toBe(0);
    const newcomer = await register(session.id, 'hanne@voorbeeld.be');
    expect(newcomer.registrations[0].status).toBe('waitlisted');
    const [offer] = await t.db.query(
      `SELECT o.subject FROM outbox_message o WHERE o.kind = 'seat_offered' AND o.recipient = 'fien@voorbeeld.be'`,
    );
    expect(offer.subject).toMatch(/^Er is een plaats vrij/);
  });

  it('should offer seats when the group’s capacity goes up', async () => {
    const oneOff = group({
      title: { nl: 'Babymassage' },
      kind: 'one_off',
      capacity: 1,
      facilitatorIds: [],
      recurrence: { firstStart: '2027-04-21T14:00', durationMinutes: 60, rule: null, exceptionDates: [] },
    });
    const saved = (await (await c.post('/api/v1/groups', { ...oneOff, confirmConflicts: true })).json()) as SavedGroup;
    const [session] = (await (
      await c.get(`/api/v1/sessions?groupId=${saved.group.id}&from=2027-04-01T00:00:00Z&to=2027-05-01T00:00:00Z`)
    ).json()) as SessionView[];
    const seated = await register(session.id, 'ilse@voorbeeld.be');
    const waiting = await register(session.id, 'jan@voorbeeld.be');
    const later = await register(session.id, 'kim@voorbeeld.be');
    expect([seated, waiting, later].map((r) => r.registrations[0].status)).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    expect((await c.patch(`/api/v1/groups/${saved.group.id}`, { ...oneOff, capacity: 2, confirmConflicts: true })).status).toBe(200);
    expect(await statusOf(waiting.registrations[0].id)).toBe('offered');
    expect(await statusOf(later.registrations[0].id)).toBe('waitlisted');
  });

  it('should refuse a new start in the past, field start, unless a coordinator corrects it, and then tell nobody', async () => {
    await travel(new Date('2027-03-22T12:00:00Z'));
    const session = await sessionOn('2027-04-13');
    const refused = await c.patch(`/api/v1/sessions/${session.id}`, { start: '2027-03-22T09:00', scope: 'this' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ApiErrorBody).fields?.map((f) => [f.field, f.reason])).toEqual([['start', 'in_past']]);

    // A session that took place this morning, of a group the worker facilitates.
    const past = await makeSession(t, { startsAt: new Date('2027-03-22T08:00:00Z') });
    await t.db.query(`INSERT INTO group_facilitator (group_id, staff_user_id) VALUES ($1, $2)`, [past.groupId, worker.id]);
    const w = new StaffClient(t, '10.9.1.2');
    await w.signInFully(worker.email, worker.password, undefined, now);
    expect(
      (await w.patch(`/api/v1/sessions/${past.sessionId}`, { start: '2027-03-22T10:00', scope: 'this', correction: true })).status,
    ).toBe(403);
    const corrected = await c.patch(`/api/v1/sessions/${past.sessionId}`, { start: '2027-03-22T10:00', scope: 'this', correction: true });
    expect(corrected.status).toBe(200);
    expect(((await corrected.json()) as SessionView).startsAt).toBe('2027-03-22T09:00:00.000Z');
    const events = await t.db.query(`SELECT 1 FROM domain_event WHERE aggregate_id = $1`, [past.sessionId]);
    expect(events).toHaveLength(0);
    settle();
    expect(await t.app.get(SessionChanges).announceSettled()).toBe(0);
  });

  it('should keep a discreet family’s e-mails and calendar files free of the group’s name, with place and time', async () => {
    await travel(new Date('2027-03-22T12:00:00Z'));
    const session = await sessionOn('2027-04-13');
    await register(session.id, 'lotte@voorbeeld.be', { discreet: true, phone: '0470 44 55 66' });
    await drain();
    expect((await c.patch(`/api/v1/sessions/${session.id}`, { start: '2027-04-13T15:00', scope: 'this' })).status).toBe(200);
    settle();
    await t.app.get(SessionChanges).announceSettled();
    await drain();
    const mails = mailsTo('lotte@voorbeeld.be');
    expect(mails.map((m) => m.subject)).toEqual(['Je afspraak', 'Je afspraak']);
    for (const mail of mails) {
      expect(mail.from?.value[0].name).toBe('Info');
      expect(`${mail.subject} ${mail.text}`).not.toMatch(/Rouwgroep|Grief|verlies/i);
      const { text, event } = calendarOf(mail);
      expect(text).not.toMatch(/Rouwgroep|Grief|Keerkring/i);
      expect(event.summary).toBe('Afspraak');
      expect(event.description).toBeFalsy();
      expect(event.location).toContain('Huis van het Kind, Markt 1, Temse');
    }
    expect(mails[1].text).toContain('dinsdag 13 april, 15.00 uur');
    expect(mails[1].text).toContain('Huis van het Kind');
    const [sms] = await t.db.query(
      `SELECT body, sender_name FROM outbox_message WHERE kind = 'session_changed' AND channel = 'sms' AND recipient LIKE '%470445566'`,
    );
    expect(sms.sender_name).toBe('Info');
    expect(sms.body).toMatch(/^Er is nieuws over je afspraak\. Bekijk het hier: https:\/\/kring\.test\/mijn-inschrijving/);
  });

  it('should tell the families of every date a series-wide change moves, once per date', async () => {
    await travel(new Date('2027-03-22T12:00:00Z'));
    const dates = [await sessionOn('2027-04-20'), await sessionOn('2027-04-27')];
    for (const d of dates) await register(d.id, `mira-${d.startsAt.slice(0, 10)}@voorbeeld.be`, { locale: 'fr' });
    await drain();
    received.length = 0;
    const later = group({
      recurrence: { ...group().recurrence, firstStart: '2027-03-02T10:00', exceptionDates: ['2027-03-16', '2027-03-23'] },
    });
    expect((await c.patch(`/api/v1/groups/${groupId}`, later)).status).toBe(200);
    settle();
    expect(await t.app.get(SessionChanges).announceSettled()).toBe(2);
    await drain();
    const mail = mailsTo('mira-2027-04-20@voorbeeld.be');
    expect(mail.map((m) => m.subject)).toEqual([`Modifié : ${TITLE}`]);
    expect(mail[0].text).toContain('La rencontre du mardi 20 avril, 9h30 a changé. Elle a maintenant lieu le mardi 20 avril, 10h00');
    expect(calendarOf(mail[0]).event.sequence).toBe(1);
  });
});
