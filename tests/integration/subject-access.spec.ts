import { randomBytes } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlagCreated, SubjectAccessExport, SubjectAccessRequestView } from '@kring/domain';
import { Clients, draft, makeFlagsWorld, type FlagsWorld } from './support/flags-world';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Subject access: one family's whole record for the family, and nothing of another; coordinators only,
 * after step-up, audited as `subject_access`; the flag text is the family's own, so it is in the export,
 * but never in a log line, an audit detail or an error body.
 */
describe('Subject access', () => {
  const CANARY_A = `kanarieA${randomBytes(6).toString('hex')}`;
  const CANARY_B = `kanarieB${randomBytes(6).toString('hex')}`;
  const logs: string[] = [];
  const answers: Array<{ status: number; body: string }> = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  let t: TestApp;
  let w: FlagsWorld;
  let c: Clients;
  let flagA: string;
  let referralA: string;
  let exported: SubjectAccessExport;

  const send = async (client: StaffClient, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> => {
    const res = await client.request(method, path, body);
    const answer = { status: res.status, body: await res.text() };
    answers.push(answer);
    return answer;
  };

  /** Rows of every kind for `familyId`, straight in the database, marked with `mark`. */
  const fill = async (familyId: string, sessionId: string, mark: string, phone: string): Promise<void> => {
    await t.db.query(`UPDATE family SET phone = $2, email = $3 WHERE id = $1`, [familyId, phone, `${mark.toLowerCase()}@example.test`]);
    await t.db.query(`INSERT INTO family_child (family_id, month) VALUES ($1, '2025-10-01')`, [familyId]);
    await t.db.query(
      `INSERT INTO consent (family_id, purpose, notice_version, locale, given_at, method) VALUES ($1, 'registration', 'v-${mark}', 'nl', now(), 'online')`,
      [familyId],
    );
    await t.db.query(
      `INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at) VALUES ($1, $2, 'present', $3, now())`,
      [sessionId, familyId, w.author.id],
    );
    await t.db.query(
      `INSERT INTO outbox_message (dedupe_key, kind, channel, recipient, locale, sender_name, body, family_id, status, next_attempt_at, created_at, sent_at)
       VALUES ($1, 'registration_confirmed', 'sms', $2, 'nl', 'Kring', $3, $4, 'sent', now(), now(), now())`,
      [`sa-${mark}`, phone, `Bericht voor ${mark}`, familyId],
    );
  };

  beforeAll(async () => {
    const capture = (chunk: unknown): boolean => {
      logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    t = await startTestApp({ LOG_LEVEL: 'trace', SESSION_IDLE_MINUTES: '600', KRING_PUBLIC_URL: 'https://kring.test' });
    w = await makeFlagsWorld(t);
    c = new Clients(t);
    const [{ session_id: sessionB }] = await t.db.query(`SELECT session_id FROM registration WHERE family_id = $1`, [w.familyB]);
    await fill(w.familyA, w.sessionA, 'Amal', '+32470111111');
    await fill(w.familyB, sessionB, 'Bert', '+32470999999');

    for (const who of [w.author, w.outsider]) expect((await c.stepUp(who)).status).toBe(200);
    const author = await c.as(w.author);
    const made = await author.post(
      '/api/v1/flags',
      draft(w.familyA, { fact: `Mama vertelde ${CANARY_A}`, strengths: `Sterk ${CANARY_A}` }),
    );
    expect(made.status).toBe(201);
    flagA = ((await made.json()) as FlagCreated).id;
    expect((await author.post(`/api/v1/flags/${flagA}/amendments`, { field: 'fact', text: `Aanvulling ${CANARY_A}` })).status).toBe(201);
    const outsider = await c.as(w.outsider);
    expect((await outsider.post('/api/v1/flags', draft(w.familyB, { fact: `Papa vertelde ${CANARY_B}` }))).status).toBe(201);

    const coordinator = await c.as(w.coordinator);
    // A referral for family A from its flag, discussed with the family (the referral API's own steps).
    const [service] = await t.db.query(
      `INSERT INTO referral_service (name, kind, phone, email, address, intake_channels)
       VALUES ('CAW Inzage', 'caw', '03 222 22 22', 'onthaal@caw.test', 'Kerkstraat 1, 9100 Sint-Niklaas', ARRAY['secure_link']) RETURNING id`,
    );
    const referral = await coordinator.post('/api/v1/referrals', {
      familyId: w.familyA,
      flagIds: [flagA],
      serviceId: service.id,
      reason: `Reden ${CANARY_A}`,
      familyHopes: 'Wat rust',
      followUpOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(referral.status).toBe(201);
    referralA = ((await referral.json()) as { id: string }).id;
    expect(
      (await coordinator.post(`/api/v1/referrals/${referralA}/transitions`, { to: 'discussing', rationale: 'Besproken' })).status,
    ).toBe(200);
    for (const family of [w.familyA, w.familyB]) {
      expect(
        (await coordinator.post(`/api/v1/families/${family}/legal-hold`, { reason: `Klacht ${family === w.familyA ? 'Amal' : 'Bert'}` }))
          .status,
      ).toBe(201);
    }
  });

  afterAll(async () => {
    await t?.close();
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  });

  it('should let only a stepped-up coordinator export, and refuse everyone else', async () => {
    const path = `/api/v1/families/${w.familyA}/subject-access`;
    expect((await send(new StaffClient(t, '10.8.0.1'), 'POST', path)).status).toBe(401);
    expect((await send(await c.as(w.author), 'POST', path)).status).toBe(403);
    expect((await send(await c.as(w.admin), 'POST', path)).status).toBe(403);
    // Signing in with a code counts as a step-up for 15 minutes: let those pass.
    await c.as(w.coordinator);
    c.advance(16 * 60_000);
    const notStepped = await send(await c.as(w.coordinator), 'POST', path);
    expect(notStepped.status).toBe(403);
    expect(JSON.parse(notStepped.body).code).toBe('step_up_required');
    for (const who of [w.author, w.admin]) {
      expect((await send(await c.as(who), 'POST', `/api/v1/families/${w.familyA}/subject-access-requests`)).status).toBe(403);
      expect((await send(await c.as(who), 'GET', '/api/v1/subject-access-requests')).status).toBe(403);
    }
    expect((await send(new StaffClient(t, '10.8.0.2'), 'GET', '/api/v1/subject-access-requests')).status).toBe(401);
    // Nothing was read or audited for the refused ones.
    expect(await t.db.query(`SELECT 1 FROM audit_event WHERE purpose = 'subject_access'`)).toEqual([]);
  });

  it('should log requests with a due date one month on, and list the open ones', async () => {
    const coordinator = await c.as(w.coordinator);
    const before = c.now();
    const res = await send(coordinator, 'POST', `/api/v1/families/${w.familyA}/subject-access-requests`);
    expect(res.status).toBe(201);
    const request = JSON.parse(res.body) as SubjectAccessRequestView;
    const requested = new Date(request.requestedAt);
    expect(requested.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const due = new Date(requested);
    due.setUTCMonth(due.getUTCMonth() + 1);
    if (requested.getUTCDate() === due.getUTCDate()) expect(request.dueAt).toBe(due.toISOString());
    expect(request).toMatchObject({ family: { id: w.familyA, displayName: 'Gezin Amal' }, doneAt: null, overdue: false });
    expect((await send(coordinator, 'POST', `/api/v1/families/${w.familyB}/subject-access-requests`)).status).toBe(201);
    expect((await send(coordinator, 'POST', `/api/v1/families/00000000-0000-4000-8000-000000000000/subject-access-requests`)).status).toBe(
      404,
    );
    const list = JSON.parse((await send(coordinator, 'GET', '/api/v1/subject-access-requests')).body) as SubjectAccessRequestView[];
    expect(list.map((r) => r.family.displayName).sort()).toEqual(['Gezin Amal', 'Gezin Bert']);
  });

  it('should export every table’s rows of the family, its flag text and its access log, and nothing of another family', async () => {
    const coordinator = await c.as(w.coordinator);
    // An earlier read by a coordinator, for the access log.
    expect((await c.stepUp(w.coordinator)).status).toBe(200);
    expect((await coordinator.post(`/api/v1/flags/${flagA}/open`, { purpose: 'triage' })).status).toBe(200);
    const res = await send(coordinator, 'POST', `/api/v1/families/${w.familyA}/subject-access`);
    expect(res.status).toBe(200);
    exported = JSON.parse(res.body) as SubjectAccessExport;
    expect(exported.family).toMatchObject({ id: w.familyA, displayName: 'Gezin Amal', phone: '+32470111111', email: 'amal@example.test' });
    expect(exported.locale).toBe('nl');
    expect(exported.children).toEqual([{ month: '2025-10' }]);
    expect(exported.consents).toMatchObject([{ purpose: 'registration', noticeVersion: 'v-Amal', method: 'online' }]);
    expect(exported.registrations).toMatchObject([{ groupTitle: 'Groep A', status: 'confirmed', seats: 1 }]);
    expect(exported.registrations[0].sessionStartsAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(exported.attendance).toMatchObject([{ groupTitle: 'Groep A', status: 'present' }]);
    expect(exported.messages).toMatchObject([
      { kind: 'registration_confirmed', channel: 'sms', body: 'Bericht voor Amal', erasedAt: null },
    ]);
    expect(exported.flags).toHaveLength(1);
    expect(exported.flags[0]).toMatchObject({ fact: `Mama vertelde ${CANARY_A}`, strengths: `Sterk ${CANARY_A}` });
    expect(exported.flags[0].amendments).toMatchObject([{ field: 'fact', text: `Aanvulling ${CANARY_A}` }]);
    expect(exported.legalHolds).toMatchObject([{ reason: 'Klacht Amal', liftedAt: null }]);
    expect(exported.referrals).toMatchObject([{ service: 'CAW Inzage', status: 'discussing', consents: [], linkOpens: [] }]);
    expect(exported.referrals[0].steps.map((s) => s.to)).toEqual(['draft', 'discussing']);
    // Referral text stays with the referral (its own reading, not this export).
    expect(res.body).not.toContain(`Reden ${CANARY_A}`);
    expect(res.body).not.toContain(referralA);
    // The access log: the earlier triage read, this export's reads; when, what and why.
    const log = exported.accessLog.map((e) => `${e.record}:${e.purpose}`);
    expect(log).toEqual(expect.arrayContaining(['flag:triage', 'family:subject_access', 'flag:subject_access']));
    expect(Object.keys(exported.accessLog[0]).sort()).toEqual(['at', 'purpose', 'record']);

    const text = res.body;
    for (const other of ['Gezin Bert', 'Bert', CANARY_B, w.familyB, '+32470999999', 'bert@example.test', 'v-Bert', 'Groep B']) {
      expect(text).not.toContain(other);
    }
    // No staff names, no staff ids.
    for (const staff of [w.author, w.coordinator, w.outsider]) {
      expect(text).not.toContain(staff.id);
      expect(text).not.toContain(staff.email);
    }
    for (const name of ['Auteur Anna', 'Coördinator Cor', 'Buiten Bram']) expect(text).not.toContain(name);
  });

  it('should audit the export as a read with purpose subject_access, and answer the family’s request', async () => {
    const reads = await t.db.query(
      `SELECT entity, entity_id, actor_id FROM audit_event WHERE action = 'record.read' AND purpose = 'subject_access' ORDER BY id`,
    );
    expect(reads).toEqual([
      { entity: 'family', entity_id: w.familyA, actor_id: w.coordinator.id },
      { entity: 'flag', entity_id: flagA, actor_id: w.coordinator.id },
    ]);
    const [done] = await t.db.query(`SELECT done_at FROM subject_access_request WHERE family_id = $1`, [w.familyA]);
    expect(done.done_at).toBeInstanceOf(Date);
    const list = JSON.parse(
      (await send(await c.as(w.coordinator), 'GET', '/api/v1/subject-access-requests')).body,
    ) as SubjectAccessRequestView[];
    expect(list.map((r) => r.family.displayName)).toEqual(['Gezin Bert']);
  });

  it('should give the same export as a PDF in the family’s language, nl and ar, with the family’s name in it', async () => {
    const coordinator = await c.as(w.coordinator);
    for (const locale of ['nl', 'ar'] as const) {
      const res = await coordinator.post(`/api/v1/families/${w.familyA}/subject-access.pdf?locale=${locale}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toContain('attachment');
      const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
      const text = (await parser.getText()).text;
      await parser.destroy();
      expect(text).toContain('Gezin Amal');
      expect(text).toContain(CANARY_A);
      expect(text).not.toContain('Gezin Bert');
      expect(text.replace(/\s+/g, '')).toContain(locale === 'nl' ? 'Ditbewarenweoverjullie' : 'نحتفظ');
    }
    const reads = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity = 'family' AND purpose = 'subject_access'`);
    expect(reads[0].n).toBe(3);
  });

  it('should answer an unknown family with 404 and a bad locale with 400', async () => {
    const coordinator = await c.as(w.coordinator);
    expect((await send(coordinator, 'POST', `/api/v1/families/00000000-0000-4000-8000-000000000000/subject-access`)).status).toBe(404);
    const bad = await send(coordinator, 'POST', `/api/v1/families/${w.familyA}/subject-access?locale=${CANARY_A}`);
    expect(bad.status).toBe(400);
  });

  it('should keep the flag text out of logs, audit details and error bodies (canary)', async () => {
    expect(exported.flags[0].fact).toContain(CANARY_A);
    const text = logs.join('');
    expect(text).toContain('/subject-access');
    expect(text).not.toContain(CANARY_A);
    expect(text).not.toContain(CANARY_B);
    const audit = await t.db.query(`SELECT row_to_json(a)::text AS row FROM audit_event a`);
    expect(audit.filter((r: { row: string }) => r.row.includes(CANARY_A) || r.row.includes(CANARY_B))).toEqual([]);
    const errors = answers.filter((a) => a.status >= 400);
    expect(errors.length).toBeGreaterThan(5);
    expect(errors.filter((a) => a.body.includes(CANARY_A) || a.body.includes(CANARY_B))).toEqual([]);
  });
});
