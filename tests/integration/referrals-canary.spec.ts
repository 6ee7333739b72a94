import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ParentReferralView, ReferralDetail, ReferralPacketPreview, ReferralSent } from '@kring/domain';
import { Clients } from './support/flags-world';
import { consentBody, createReferral, makeReferralsWorld, type ReferralsWorld } from './support/referrals-world';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);

/**
 * The canary: a unique string in the referral's reason, the family's hopes, the flag the packet carries,
 * the rationales, the handover and the parent's contact profile. It may come out only to a coordinator
 * who opens the referral or its packet, to the parent through their link, and to the service through
 * its link: never in a log line at any level, the outbox, audit details, an error body, another role's
 * answer, or a plain-text dump of the database.
 */
describe('Referral text stays sealed (canary)', () => {
  const CANARY = `kanarie${randomBytes(6).toString('hex')}`;
  const logs: string[] = [];
  const answers: Array<{ who: string; path: string; status: number; body: string }> = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  let t: TestApp;
  let w: ReferralsWorld;
  let c: Clients;
  let id: string;
  let parentToken = '';
  let serviceToken = '';

  const send = async (who: string, client: StaffClient, method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await client.request(method, path, body, headers);
    const answer = { who, path, status: res.status, body: await res.text() };
    answers.push(answer);
    return answer;
  };

  beforeAll(async () => {
    const capture = (chunk: unknown): boolean => {
      logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    t = await startTestApp({ LOG_LEVEL: 'trace', SESSION_IDLE_MINUTES: '600', KRING_PUBLIC_URL: 'https://kring.test' });
    c = new Clients(t);
    w = await makeReferralsWorld(t, c, `Zag ${CANARY} in de gang`);
    for (const who of [w.coordinator, w.admin, w.author]) expect((await c.stepUp(who)).status).toBe(200);
    const coordinator = await c.as(w.coordinator);
    id = await createReferral(c, w, w.coordinator, `Reden ${CANARY}`, `Hoop ${CANARY}`);
    const base = `/api/v1/referrals/${id}`;
    expect(
      (await send('coordinator', coordinator, 'POST', `${base}/transitions`, { to: 'discussing', rationale: `Besproken ${CANARY}` }))
        .status,
    ).toBe(200);
    expect((await send('coordinator', coordinator, 'POST', `${base}/consent`, consentBody())).status).toBe(200);
    const preview = JSON.parse(
      (await coordinator.post(`${base}/packet/open`, { purpose: 'referral_preparation' }).then((r) => r.text())) || '{}',
    ) as ReferralPacketPreview;
    expect((await send('coordinator', coordinator, 'POST', `${base}/parent-link`, { channel: 'sms', language: 'nl' })).status).toBe(200);
    const [sms] = await t.db.query(`SELECT body FROM outbox_message WHERE kind = 'referral_parent_link'`);
    parentToken = /#token=([A-Za-z0-9_-]+)/.exec(sms.body)?.[1] ?? '';
    const parent = new StaffClient(t, '10.7.0.1');
    const profile = { channel: 'sms', language: 'nl', times: `Na 17 uur ${CANARY}`, avoid: `Niet via ${CANARY}` };
    expect(
      (await parent.request('PUT', '/api/v1/public/referral-link/contact-profile', profile, { 'X-Link-Token': parentToken })).status,
    ).toBe(200);
    expect(
      (await parent.request('POST', '/api/v1/public/referral-link/approval', { hash: preview.hash }, { 'X-Link-Token': parentToken }))
        .status,
    ).toBe(200);
    const sent = await coordinator.post(`${base}/send`, { channel: 'secure_link', hash: preview.hash });
    serviceToken = ((await sent.json()) as ReferralSent).serviceLink?.url.split('#token=')[1] ?? '';
    const handover = {
      on: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
      place: `Bij ${CANARY}`,
      goingAlong: `Met ${CANARY}`,
    };
    expect((await send('coordinator', coordinator, 'PUT', `${base}/warm-handover`, handover)).status).toBe(200);
    expect(
      (await new StaffClient(t, '10.7.0.2').request('POST', '/api/v1/public/referral-packet/open', {}, { 'X-Link-Token': serviceToken }))
        .status,
    ).toBe(200);

    // Refused requests carrying the canary: their error bodies must not repeat it.
    const long = CANARY.repeat(Math.ceil(4001 / CANARY.length));
    const create = { familyId: w.familyA, serviceId: w.serviceId };
    for (const body of [
      { ...create, reason: long },
      { ...create, reason: `x ${CANARY}`, serviceId: CANARY, followUpOn: CANARY },
      { ...create, reason: `x ${CANARY}`, flagIds: [CANARY] },
      { ...create, reason: `x ${CANARY}`, familyHopes: long },
    ]) {
      expect((await send('coordinator', coordinator, 'POST', '/api/v1/referrals', body)).status).toBe(400);
    }
    expect((await send('coordinator', coordinator, 'POST', `${base}/transitions`, { to: 'accepted', rationale: long })).status).toBe(400);
    expect(
      (await send('coordinator', coordinator, 'POST', `${base}/transitions`, { to: 'discussing', rationale: `Nee ${CANARY}` })).status,
    ).toBe(409);
    expect((await send('coordinator', coordinator, 'POST', `${base}/close`, { outcome: CANARY, note: `x ${CANARY}` })).status).toBe(400);
    expect(
      (
        await send('coordinator', coordinator, 'POST', `${base}/exception`, {
          legalBasis: 'court_order',
          justification: CANARY,
          informParent: { inform: false, reason: CANARY },
          fields: ['reason'],
        })
      ).status,
    ).toBeGreaterThanOrEqual(400);
    expect(
      (
        await send(
          'parent',
          parent,
          'PUT',
          '/api/v1/public/referral-link/contact-profile',
          { channel: CANARY, language: 'nl', avoid: long },
          { 'X-Link-Token': parentToken },
        )
      ).status,
    ).toBe(400);

    // Everyone else asks.
    for (const [who, person] of [
      ['author', w.author],
      ['admin', w.admin],
    ] as const) {
      const client = await c.as(person);
      for (const path of [
        '/api/v1/referrals',
        `${base}`,
        '/api/v1/referrals/exceptions',
        `/api/v1/flags/${w.flagId}`,
        '/api/v1/flags/mine',
      ]) {
        await send(who, client, 'GET', path);
      }
      await send(who, client, 'POST', `${base}/open`, { purpose: 'triage' });
      await send(who, client, 'POST', `${base}/packet/open`, { purpose: 'triage' });
    }
    const admin = await c.as(w.admin);
    for (const path of ['/api/v1/admin/audit?pageSize=100', '/api/v1/admin/messages?pageSize=100']) await send('admin', admin, 'GET', path);
    await send('anonymous', new StaffClient(t, '10.7.0.3'), 'POST', `${base}/open`, { purpose: 'triage' });
    await send('coordinator-list', coordinator, 'GET', '/api/v1/referrals');
    await send('coordinator-summary', coordinator, 'GET', base);
  });

  afterAll(async () => {
    await t?.close();
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  });

  it('should give the text to the coordinator, the parent and the service who open it (the canary is really there)', async () => {
    const detail = (await (
      await (await c.as(w.coordinator)).post(`/api/v1/referrals/${id}/open`, { purpose: 'follow_up' })
    ).json()) as ReferralDetail;
    expect(
      [detail.reason, detail.familyHopes, detail.warmHandover?.place, detail.timeline[1].rationale].every((x) => x?.includes(CANARY)),
    ).toBe(true);
    const view = (await (
      await new StaffClient(t, '10.7.0.4').request('GET', '/api/v1/public/referral-link', undefined, { 'X-Link-Token': parentToken })
    ).json()) as ParentReferralView;
    expect(JSON.stringify(view.preview?.packet)).toContain(CANARY);
    const opened = await new StaffClient(t, '10.7.0.5').request(
      'POST',
      '/api/v1/public/referral-packet/open',
      {},
      { 'X-Link-Token': serviceToken },
    );
    expect(await opened.text()).toContain(`Reden ${CANARY}`);
  });

  it('should keep it out of every other answer, error bodies included', () => {
    expect(answers.filter((a) => a.status >= 400).length).toBeGreaterThan(10);
    expect(answers.filter((a) => a.body.includes(CANARY))).toEqual([]);
    expect(answers.some((a) => a.status === 400 && a.body.includes('"field":"reason"'))).toBe(true);
  });

  it('should keep it (and the link tokens) out of the logs at every level', () => {
    const text = logs.join('');
    expect(text).toContain('/api/v1/referrals');
    expect(text).toMatch(/"level":(10|20|30)/);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(parentToken);
    expect(text).not.toContain(serviceToken);
  });

  it('should keep it out of the outbox and the audit trail', async () => {
    const outbox = await t.db.query(`SELECT row_to_json(o)::text AS row FROM outbox_message o`);
    expect(outbox.some((r: { row: string }) => r.row.includes('referral_service_link'))).toBe(true);
    expect(outbox.filter((r: { row: string }) => r.row.includes(CANARY))).toEqual([]);
    const audit = await t.db.query(`SELECT row_to_json(a)::text AS row FROM audit_event a`);
    expect(audit.some((r: { row: string }) => r.row.includes('referral.packet_approved'))).toBe(true);
    expect(audit.filter((r: { row: string }) => r.row.includes(CANARY))).toEqual([]);
  });

  it.runIf(inject('serverUrl') !== '')('should keep it out of a plain-text dump of the database', async () => {
    const { stdout } = await run('pg_dump', ['--no-owner', '--dbname', t.database.target.url], { maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toContain('COPY public.referral ');
    expect(stdout).not.toContain(CANARY);
  });
});
