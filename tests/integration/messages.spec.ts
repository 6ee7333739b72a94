import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterResponse } from '@kring/domain';
import { createApp } from '../../apps/api/src/bootstrap';
import { Clock } from '../../apps/api/src/common/clock';
import { validateEnv } from '../../apps/api/src/config/env';
import { OutboxDispatcher } from '../../apps/api/src/messages/dispatcher';
import { RegistrationJobs } from '../../apps/api/src/registration/registration-jobs';
import { PRIVACY_NOTICE_VERSION } from '../../apps/api/src/registration/registration.settings';
import { makeSession } from './support/planning-factory';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;

describe('Messages arrive, once', () => {
  const received: ParsedMail[] = [];
  let smtp: SMTPServer;
  let first: TestApp;
  let second: Awaited<ReturnType<typeof createApp>>;
  let now = new Date('2026-05-04T08:00:00Z');

  beforeAll(async () => {
    // A real SMTP server on loopback: what it receives is what a family would get.
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
    const settings = { KRING_PUBLIC_URL: 'https://kring.test', SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'kring@keerkring.test' };
    first = await startTestApp(settings);
    // A second API process on the same database, as a replica would be.
    second = await createApp({
      env: validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...settings }),
      database: first.database.target,
      secretKey: first.secretKey,
      scheduler: false,
    });
    for (const app of [first.app, second]) app.get(Clock).now = () => now;
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  const register = async (sessionId: string, email: string): Promise<RegisterResponse> => {
    const xsrf = randomBytes(32).toString('base64url');
    const res = await first.request('/api/v1/public/registrations', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `XSRF-TOKEN=${xsrf}`,
        'x-xsrf-token': xsrf,
        'x-forwarded-for': `10.7.0.${received.length + 1}`,
      },
      body: JSON.stringify({
        sessionId,
        displayName: 'Amal',
        email,
        children: ['2025-12'],
        needs: ['interpreter'],
        locale: 'fr',
        consentNoticeVersion: PRIVACY_NOTICE_VERSION,
        consentGiven: true,
      }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as RegisterResponse;
  };
  const drain = async (): Promise<void> => {
    // Both processes dispatch at once, as their timers would.
    while (
      (await Promise.all([first.app.get(OutboxDispatcher).dispatchBatch(), second.get(OutboxDispatcher).dispatchBatch()])).some(
        (n) => n > 0,
      )
    ) {
      /* until nothing is due */
    }
  };

  it('should deliver the confirmation over SMTP in the family’s language, with the session as .ics', async () => {
    const { sessionId } = await makeSession(first, { capacity: 5, startsAt: new Date('2026-05-12T07:30:00Z') });
    const res = await register(sessionId, 'amal@voorbeeld.be');
    await drain();
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail.to).toMatchObject({ text: 'amal@voorbeeld.be' });
    expect(mail.from?.value[0]).toMatchObject({ address: 'kring@keerkring.test', name: 'De Keerkring' });
    expect(mail.subject).toMatch(/^Vous êtes inscrit·e/);
    expect(mail.text).toContain(res.code);
    expect(mail.text).toContain('mardi 12 mai, 9h30');
    expect(mail.text).toContain(res.manageUrl);
    const ics = mail.attachments.find((a) => a.filename === 'kring.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const text = ics?.content.toString('utf8') ?? '';
    expect(text).toContain('DTSTART;TZID=Europe/Brussels:20260512T093000');
    expect(text).toContain(`UID:${sessionId}@kring.test`);
  });

  it('should send each reminder exactly once with two API processes running the job and the dispatcher', async () => {
    received.length = 0;
    const { sessionId } = await makeSession(first, { capacity: 5, startsAt: new Date(now.getTime() + 20 * HOUR) });
    await register(sessionId, 'een@voorbeeld.be');
    await register(sessionId, 'twee@voorbeeld.be');
    await drain();
    received.length = 0;
    const written = await Promise.all([first.app.get(RegistrationJobs).sendReminders(), second.get(RegistrationJobs).sendReminders()]);
    expect(written.reduce((a, b) => a + b, 0)).toBe(2);
    await drain();
    await Promise.all([first.app.get(RegistrationJobs).sendReminders(), second.get(RegistrationJobs).sendReminders()]);
    await drain();
    expect(received.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(['een@voorbeeld.be', 'twee@voorbeeld.be']);
    expect(received.every((m) => m.subject?.startsWith('À demain'))).toBe(true);
  });

  it('should retry a failed send later, with a growing wait', async () => {
    received.length = 0;
    const { sessionId } = await makeSession(first, { capacity: 5, startsAt: new Date(now.getTime() + 72 * HOUR) });
    await register(sessionId, 'weigert@voorbeeld.be');
    smtp.onRcptTo = (address, _s, done) => done(address.address.startsWith('weigert') ? new Error('mailbox busy') : undefined);
    await drain();
    const [row] = await first.db.query(
      `SELECT status, attempts, next_attempt_at, last_error FROM outbox_message WHERE recipient = 'weigert@voorbeeld.be'`,
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.next_attempt_at.getTime() - now.getTime()).toBe(60_000);
    smtp.onRcptTo = (_a, _s, done) => done();
    now = new Date(now.getTime() + 61_000);
    await drain();
    expect(received).toHaveLength(1);
  });
});
