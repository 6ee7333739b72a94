import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FlagCreated, FlagDetail } from '@kring/domain';
import { Clients, draft, makeFlagsWorld, type FlagsWorld } from './support/flags-world';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);

/**
 * The canary: a unique string typed into every flag field must never come out anywhere but in the
 * opened text for its author and a coordinator: not in the API's logs (at trace level), error bodies,
 * the outbox, audit details, another role's answer, or a plain-text dump of the database.
 */
describe('Flag text stays sealed (canary)', () => {
  const CANARY = `kanarie${randomBytes(6).toString('hex')}`;
  const logs: string[] = [];
  const answers: Array<{ who: string; path: string; status: number; body: string }> = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  let t: TestApp;
  let w: FlagsWorld;
  let c: Clients;
  let flagId: string;

  /** Sends a request and keeps the answer for the search; returns it (read once, here). */
  const send = async (
    who: string,
    client: StaffClient,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: string }> => {
    const res = await client.request(method, path, body);
    const answer = { who, path, status: res.status, body: await res.text() };
    answers.push(answer);
    return answer;
  };

  beforeAll(async () => {
    // Catch every log line: pino writes to process.stdout when its write was replaced before the logger is made.
    const capture = (chunk: unknown): boolean => {
      logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    t = await startTestApp({ LOG_LEVEL: 'trace', SESSION_IDLE_MINUTES: '600', KRING_PUBLIC_URL: 'https://kring.test' });
    w = await makeFlagsWorld(t);
    c = new Clients(t);
    for (const who of [w.author, w.coordinator]) expect((await c.stepUp(who)).status).toBe(200);

    const author = await c.as(w.author);
    const coordinator = await c.as(w.coordinator);
    const created = await send(
      'author',
      author,
      'POST',
      '/api/v1/flags',
      draft(w.familyA, {
        urgency: 'urgent',
        fact: `Zag ${CANARY} in de gang`,
        interpretation: `Denk ${CANARY}`,
        strengths: `Sterk ${CANARY}`,
        parentWords: `Mama: ${CANARY}`,
        discussedWithParent: 'no',
        notDiscussedReason: `Niet ${CANARY}`,
      }),
    );
    expect(created.status).toBe(201);
    flagId = (JSON.parse(created.body) as FlagCreated).id;
    expect(
      (await send('author', author, 'POST', `/api/v1/flags/${flagId}/amendments`, { field: 'fact', text: `Bijgevoegd ${CANARY}` })).status,
    ).toBe(201);
    expect(
      (
        await send('coordinator', coordinator, 'POST', `/api/v1/flags/${flagId}/transitions`, {
          to: 'in_triage',
          rationale: `Waarom ${CANARY}`,
        })
      ).status,
    ).toBe(200);
    expect((await send('coordinator', coordinator, 'POST', `/api/v1/flags/${flagId}/reconfirm`, { reason: `Nog ${CANARY}` })).status).toBe(
      200,
    );

    // Refused requests that carry the canary: their error bodies must not repeat it.
    const long = CANARY.repeat(Math.ceil(4001 / CANARY.length));
    for (const body of [
      { ...draft(w.familyA), fact: long },
      { ...draft(w.familyA), category: CANARY, urgency: CANARY, discussedWithParent: CANARY, reviewBy: CANARY, sessionId: CANARY },
      { ...draft(w.familyA), fact: `x ${CANARY}`, note: CANARY },
      { ...draft(w.familyB), fact: `Buiten ${CANARY}` },
    ]) {
      expect((await send('author', author, 'POST', '/api/v1/flags', body)).status).toBeGreaterThanOrEqual(400);
    }
    expect((await send('author', author, 'POST', `/api/v1/flags/${flagId}/amendments`, { field: CANARY, text: long })).status).toBe(400);
    expect(
      (await send('coordinator', coordinator, 'POST', `/api/v1/flags/${flagId}/transitions`, { to: CANARY, rationale: long })).status,
    ).toBe(400);
    expect((await send('coordinator', coordinator, 'POST', `/api/v1/flags/${flagId}/open`, { purpose: CANARY })).status).toBe(400);
    const broken = await author.request('POST', '/api/v1/flags', undefined, { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    const raw = await t.request('/api/v1/flags', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"fact": "${CANARY}",`,
    });
    answers.push({ who: 'anonymous', path: '/api/v1/flags', status: raw.status, body: await raw.text() });

    // Everyone else asks: none of their answers may carry it.
    for (const [who, person] of [
      ['colleague', w.colleague],
      ['outsider', w.outsider],
    ] as const) {
      const client = await c.as(person);
      await send(who, client, 'GET', '/api/v1/flags/mine');
      await send(who, client, 'GET', `/api/v1/flags/${flagId}`);
      await send(who, client, 'POST', `/api/v1/flags/${flagId}/open`, { purpose: 'triage' });
      await send(who, client, 'POST', `/api/v1/flags/${flagId}/amendments`, { field: 'general', text: 'x' });
      await send(who, client, 'GET', '/api/v1/flags');
    }
    const admin = await c.as(w.admin);
    for (const path of ['/api/v1/admin/audit?pageSize=100', '/api/v1/admin/messages?pageSize=100', '/api/v1/flags', '/api/v1/flags/mine']) {
      await send('admin', admin, 'GET', path);
    }
    await send('admin', admin, 'POST', `/api/v1/flags/${flagId}/open`, { purpose: 'triage' });
    await send('anonymous', new StaffClient(t, '10.8.0.1'), 'POST', `/api/v1/flags/${flagId}/open`, { purpose: 'triage' });
    // Lists without text, for the author and the coordinator too.
    await send('author-list', author, 'GET', '/api/v1/flags/mine');
    await send('coordinator-list', coordinator, 'GET', '/api/v1/flags');
    await send('author-summary', author, 'GET', `/api/v1/flags/${flagId}`);
    await send('coordinator-summary', coordinator, 'GET', `/api/v1/flags/${flagId}`);
  });

  afterAll(async () => {
    await t?.close();
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  });

  it('should give the text to its author and a coordinator who open it (the canary is really there)', async () => {
    for (const who of [w.author, w.coordinator]) {
      const res = await (await c.as(who)).post(`/api/v1/flags/${flagId}/open`, { purpose: who === w.author ? 'own_note' : 'triage' });
      const detail = (await res.json()) as FlagDetail;
      expect(detail.fact).toBe(`Zag ${CANARY} in de gang`);
      expect(
        [detail.interpretation, detail.strengths, detail.parentWords, detail.notDiscussedReason].every((x) => x?.includes(CANARY)),
      ).toBe(true);
      expect(detail.amendments[0].text).toContain(CANARY);
      // The author (a group worker) reads what they wrote; the coordinators' rationales are theirs.
      expect(detail.transitions.map((x) => x.rationale)).toEqual(who === w.author ? ['', ''] : [`Waarom ${CANARY}`, `Nog ${CANARY}`]);
    }
  });

  it('should keep it out of every other answer, error bodies included', () => {
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.status >= 400).length).toBeGreaterThan(10);
    expect(answers.filter((a) => a.body.includes(CANARY))).toEqual([]);
    // The refused ones still name the field.
    expect(answers.some((a) => a.status === 400 && a.body.includes('"field":"fact"'))).toBe(true);
  });

  it('should keep it out of the logs at every level', () => {
    const text = logs.join('');
    expect(text).toContain('/api/v1/flags');
    expect(text).toMatch(/"level":(10|20|30)/);
    expect(text).not.toContain(CANARY);
  });

  it('should keep it out of the outbox and the audit trail', async () => {
    const outbox = await t.db.query(`SELECT row_to_json(o)::text AS row FROM outbox_message o`);
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.filter((r: { row: string }) => r.row.includes(CANARY))).toEqual([]);
    const audit = await t.db.query(`SELECT row_to_json(a)::text AS row FROM audit_event a`);
    expect(audit.some((r: { row: string }) => r.row.includes('flag.created'))).toBe(true);
    expect(audit.filter((r: { row: string }) => r.row.includes(CANARY))).toEqual([]);
  });

  // pg_dump needs a PostgreSQL server (DATABASE_URL); the embedded PGlite has none to dump.
  it.runIf(inject('serverUrl') !== '')('should keep it out of a plain-text dump of the database', async () => {
    const { stdout } = await run('pg_dump', ['--no-owner', '--dbname', t.database.target.url], { maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toContain('Gezin Amal');
    expect(stdout).toContain('COPY public.flag ');
    expect(stdout).not.toContain(CANARY);
  });
});
