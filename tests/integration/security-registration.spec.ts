import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicRegisterResponse, RegisterRequest, RegisterResponse, StaffRegisterRequest } from '@kring/domain';
import { Clock } from '../../apps/api/src/common/clock';
import { PRIVACY_NOTICE_VERSION } from '../../apps/api/src/registration/registration.settings';
import { makeSession } from './support/planning-factory';
import { StaffClient } from './support/staff-client';
import { makeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Issue 17 (0 and 6): whoever knows a parent's number learns nothing from the public form, and
 * the rate limits let an information evening behind one address through while one contact is stopped.
 */
describe('Public registration reveals nothing and limits fairly', () => {
  let t: TestApp;
  let now = new Date('2026-10-05T17:00:00Z');
  let xsrf = '';
  let phone = 471_000_000;
  const nextPhone = (): string => `0${++phone}`;

  const post = (body: unknown, ip: string): Promise<Response> =>
    t.request('/api/v1/public/registrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': xsrf, 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    });
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
  const messagesOf = async (familyId: string): Promise<Array<{ kind: string; channel: string; recipient: string; body: string }>> =>
    t.db.query(`SELECT kind, channel, recipient, body FROM outbox_message WHERE family_id = $1 ORDER BY created_at, channel`, [familyId]);

  beforeAll(async () => {
    t = await startTestApp({ KRING_PUBLIC_URL: 'https://kring.test' });
    t.app.get(Clock).now = () => now;
    xsrf = randomBytes(32).toString('base64url');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should answer a repeat with a known phone number without the family’s code, link, name or dates, and send them to the number on file', async () => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * DAY) });
    const parentPhone = nextPhone();
    const first = await post(registration({ sessionId, phone: parentPhone, displayName: 'Amina Verborgen' }), '10.20.0.1');
    expect(first.status).toBe(201);
    const parent = (await first.json()) as RegisterResponse;
    const [family] = await t.db.query(`SELECT id, phone FROM family WHERE code = $1`, [parent.code]);
    const before = (await messagesOf(family.id)).length;

    // Someone else, who knows the number, registers "again" under another name.
    now = new Date(now.getTime() + 2 * MINUTE);
    const res = await post(registration({ sessionId, phone: parentPhone, displayName: 'Iemand Anders' }), '10.20.0.2');
    expect(res.status).toBe(201);
    const text = await res.text();
    const answer = JSON.parse(text) as PublicRegisterResponse;
    expect(answer).toEqual({ repeat: true, code: null, manageUrl: null, registrations: [] });
    expect(text).not.toContain(parent.code);
    expect(text).not.toContain((parent.manageUrl.match(/[A-Za-z0-9_-]{43}/) as RegExpMatchArray)[0]);
    expect(text).not.toContain('Amina');
    expect(text).not.toContain(parent.registrations[0].id);

    // One message, to the number on file, with the code and the link; nothing new in the database.
    const again = (await messagesOf(family.id)).slice(before);
    expect(again.map((m) => [m.kind, m.channel, m.recipient])).toEqual([['registration_again', 'sms', family.phone]]);
    expect(again[0].body).toContain(parent.code);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM family WHERE phone = $1`, [family.phone]))[0].n).toBe(1);

    // A third try a moment later sends nothing more (once every few minutes).
    now = new Date(now.getTime() + 30_000);
    expect((await post(registration({ sessionId, phone: parentPhone }), '10.20.0.3')).status).toBe(201);
    expect((await messagesOf(family.id)).length).toBe(before + 1);
  });

  it('should send a discreet family’s code again without the group in the SMS', async () => {
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * DAY) });
    const p = nextPhone();
    const parent = (await (await post(registration({ sessionId, phone: p, discreet: true }), '10.20.1.1')).json()) as RegisterResponse;
    now = new Date(now.getTime() + MINUTE);
    await post(registration({ sessionId, phone: p }), '10.20.1.2');
    const [family] = await t.db.query(`SELECT id FROM family WHERE code = $1`, [parent.code]);
    const [sms] = (await messagesOf(family.id)).filter((m) => m.kind === 'registration_again');
    expect(sms.body).toMatch(/^Er is nieuws over je afspraak/);
  });

  it('should let 40 families register from one address within an hour, each for its own session', async () => {
    const start = now;
    const address = '10.21.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      now = new Date(start.getTime() + i * 80_000); // an evening: 40 families in 53 minutes
      const { sessionId } = await makeSession(t, { capacity: 50, startsAt: new Date(start.getTime() + 4 * DAY + i * HOUR) });
      statuses.push((await post(registration({ sessionId }), address)).status);
    }
    expect(statuses).toEqual(Array.from({ length: 40 }, () => 201));
  });

  it('should refuse one contact trying 10 times, saying when to try again and that staff can register them', async () => {
    const contact = nextPhone();
    const start = new Date(Math.ceil(now.getTime() / MINUTE) * MINUTE); // on a minute, as the counts are kept
    const answers: Response[] = [];
    for (let i = 0; i < 10; i++) {
      now = new Date(start.getTime() + i * MINUTE);
      const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(start.getTime() + 3 * DAY) });
      answers.push(await post(registration({ sessionId, phone: contact }), `10.22.0.${i + 1}`));
    }
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201, 429, 429, 429, 429]);
    const refused = answers[9];
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe('too_many_requests');
    // The window slides (refused tries count too): free again once the first five tries are an hour old.
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBe(55 * 60);
    expect(body.message).toContain('Try again in 55 minutes');
    expect(body.message).toContain('staff can register you');

    now = new Date(start.getTime() + 63 * MINUTE);
    const early = await makeSession(t, { capacity: 5, startsAt: new Date(start.getTime() + 3 * DAY) });
    expect((await post(registration({ sessionId: early.sessionId, phone: contact }), '10.22.1.1')).status).toBe(429);
    now = new Date(start.getTime() + 65 * MINUTE); // the try at 63 minutes counts too
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(start.getTime() + 3 * DAY) });
    expect((await post(registration({ sessionId, phone: contact }), '10.22.1.2')).status).toBe(201);
  });

  it('should still show staff registering on a family’s behalf what is there', async () => {
    const coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    const c = new StaffClient(t, '10.20.2.1');
    await c.signInFully(coordinator.email, coordinator.password, coordinator.totpSecret, now);
    const { sessionId } = await makeSession(t, { capacity: 5, startsAt: new Date(now.getTime() + 3 * DAY) });
    const body: StaffRegisterRequest = {
      displayName: 'Sara',
      phone: nextPhone(),
      children: [],
      needs: [],
      locale: 'nl',
      consentMethod: 'phone',
      sessionId,
    };
    const one = (await (await c.post('/api/v1/registrations', body)).json()) as RegisterResponse;
    const two = (await (await c.post('/api/v1/registrations', body)).json()) as RegisterResponse;
    expect(two).toMatchObject({ repeat: true, code: one.code });
    expect(two.registrations.map((r) => r.id)).toEqual(one.registrations.map((r) => r.id));
  });
});
