import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlagCreated, FlagDetail, FlagSummary, StepUpStatus } from '@kring/domain';
import { totp } from '../../apps/api/src/auth/totp';
import { Clients, draft, makeFlagsWorld, type FlagsWorld } from './support/flags-world';
import { StaffClient } from './support/staff-client';
import { makeStaff, type MadeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

describe('Flags (signalen)', () => {
  let t: TestApp;
  let w: FlagsWorld;
  let c: Clients;
  /** A flag the author logged about family A. */
  let flagId: string;

  const create = async (who: MadeStaff, body: object): Promise<Response> => (await c.as(who)).post('/api/v1/flags', body);
  const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await res).json() as Promise<T>;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: '600', KRING_PUBLIC_URL: 'https://kring.test' });
    w = await makeFlagsWorld(t);
    c = new Clients(t);
    const res = await create(
      w.author,
      draft(w.familyA, { sessionId: w.sessionA, interpretation: 'Misschien moe', strengths: 'Lacht veel' }),
    );
    expect(res.status).toBe(201);
    flagId = (await json<FlagCreated>(res)).id;
    for (const who of [w.author, w.colleague, w.coordinator]) expect((await c.stepUp(who)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('who reaches which route', () => {
    type Who = 'author' | 'colleague' | 'outsider' | 'coordinator' | 'admin' | 'anonymous';
    const client = async (who: Who): Promise<StaffClient> => (who === 'anonymous' ? new StaffClient(t, '10.9.9.9') : c.as(w[who]));
    const routes: Array<[string, string, () => string, () => object | undefined, Record<Who, number>]> = [
      [
        'POST',
        'log a flag',
        () => '/api/v1/flags',
        () => draft(w.familyA),
        { author: 201, colleague: 201, outsider: 404, coordinator: 201, admin: 403, anonymous: 401 },
      ],
      [
        'GET',
        'my flags',
        () => '/api/v1/flags/mine',
        () => undefined,
        { author: 200, colleague: 200, outsider: 200, coordinator: 200, admin: 403, anonymous: 401 },
      ],
      [
        'GET',
        'one flag without text',
        () => `/api/v1/flags/${flagId}`,
        () => undefined,
        { author: 200, colleague: 404, outsider: 404, coordinator: 200, admin: 403, anonymous: 401 },
      ],
      [
        'GET',
        'the inbox',
        () => '/api/v1/flags',
        () => undefined,
        { author: 403, colleague: 403, outsider: 403, coordinator: 200, admin: 403, anonymous: 401 },
      ],
      [
        'POST',
        'open the text',
        () => `/api/v1/flags/${flagId}/open`,
        () => ({ purpose: 'follow_up' }),
        { author: 200, colleague: 404, outsider: 404, coordinator: 200, admin: 403, anonymous: 401 },
      ],
      [
        'POST',
        'amend',
        () => `/api/v1/flags/${flagId}/amendments`,
        () => ({ field: 'general', text: 'Aanvulling' }),
        { author: 201, colleague: 404, outsider: 404, coordinator: 201, admin: 403, anonymous: 401 },
      ],
      [
        'POST',
        'move on',
        () => `/api/v1/flags/${flagId}/transitions`,
        () => ({ to: 'in_triage', rationale: 'Bekijken' }),
        { author: 403, colleague: 403, outsider: 403, coordinator: 200, admin: 403, anonymous: 401 },
      ],
      [
        'POST',
        're-confirm',
        () => `/api/v1/flags/${flagId}/reconfirm`,
        () => ({ reason: 'Nog steeds zo' }),
        { author: 403, colleague: 403, outsider: 403, coordinator: 200, admin: 403, anonymous: 401 },
      ],
      [
        'POST',
        'read the family chronology',
        () => `/api/v1/families/${w.familyA}/flag-chronology`,
        () => ({ purpose: 'triage' }),
        { author: 403, colleague: 403, outsider: 403, coordinator: 200, admin: 403, anonymous: 401 },
      ],
    ];
    const order: Who[] = ['anonymous', 'admin', 'outsider', 'colleague', 'author', 'coordinator'];
    it.each(routes)('%s: %s', async (method, _label, path, body, expected) => {
      for (const who of order) {
        const res = await (await client(who)).request(method, path(), body());
        expect({ who, status: res.status }).toEqual({ who, status: expected[who] });
        if (expected[who] === 404) await expect(res.json()).resolves.toMatchObject({ code: 'not_found' });
      }
    });

    it('should list only one’s own flags in "mine", and nothing of another’s', async () => {
      const mine = await json<FlagSummary[]>((await c.as(w.colleague)).get('/api/v1/flags/mine'));
      expect(mine.map((f) => f.author.id).every((id) => id === w.colleague.id)).toBe(true);
      expect(mine.map((f) => f.id)).not.toContain(flagId);
      expect(await json<FlagSummary[]>((await c.as(w.outsider)).get('/api/v1/flags/mine'))).toEqual([]);
      const authors = await json<FlagSummary[]>((await c.as(w.author)).get('/api/v1/flags/mine'));
      expect(authors.map((f) => f.id)).toContain(flagId);
      expect(Object.keys(authors[0])).not.toContain('fact');
    });

    it('should answer 404 for a family outside one’s groups and for a session outside them', async () => {
      expect((await create(w.author, draft(w.familyB))).status).toBe(404);
      const [other] = await t.db.query(`SELECT id FROM group_session WHERE group_id <> $1 LIMIT 1`, [w.groupA]);
      expect((await create(w.author, draft(w.familyA, { sessionId: other.id }))).status).toBe(404);
      expect((await create(w.coordinator, draft(w.familyB))).status).toBe(201);
    });
  });

  describe('step-up', () => {
    it('should ask for a code before text opens, take a fresh one once, and hold 15 minutes', async () => {
      const id = (await json<FlagCreated>(create(w.coordinator, draft(w.familyA)))).id;
      c.advance(16 * 60_000);
      const coordinator = await c.as(w.coordinator);
      const refused = await coordinator.post(`/api/v1/flags/${id}/open`, { purpose: 'triage' });
      expect(refused.status).toBe(403);
      await expect(refused.json()).resolves.toMatchObject({ code: 'step_up_required' });
      expect(await json<StepUpStatus>(coordinator.get('/api/v1/auth/step-up'))).toEqual({ enrolled: true, validUntil: null });

      expect((await coordinator.post('/api/v1/auth/step-up', { code: '000000' })).status).toBe(401);
      c.advance(60_000);
      const code = totp(w.coordinator.totpSecret ?? '', c.now());
      const ok = await coordinator.post('/api/v1/auth/step-up', { code });
      expect(ok.status).toBe(200);
      // The same code again is refused: it was used.
      expect((await coordinator.post('/api/v1/auth/step-up', { code })).status).toBe(401);
      expect((await json<StepUpStatus>(coordinator.get('/api/v1/auth/step-up'))).validUntil).not.toBeNull();
      expect((await coordinator.post(`/api/v1/flags/${id}/open`, { purpose: 'triage' })).status).toBe(200);

      c.advance(14 * 60_000);
      expect((await coordinator.post(`/api/v1/flags/${id}/open`, { purpose: 'triage' })).status).toBe(200);
      c.advance(2 * 60_000);
      expect((await coordinator.post(`/api/v1/flags/${id}/open`, { purpose: 'triage' })).status).toBe(403);
      for (const who of [w.author, w.colleague, w.coordinator]) expect((await c.stepUp(who)).status).toBe(200);
    });

    it('should count the code given at sign-in as a step-up, for fifteen minutes', async () => {
      const fresh = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
      const client = await c.as(fresh);
      expect((await client.post(`/api/v1/flags/${flagId}/open`, { purpose: 'triage' })).status).toBe(200);
      c.advance(16 * 60_000);
      expect((await client.post(`/api/v1/flags/${flagId}/open`, { purpose: 'triage' })).status).toBe(403);
      for (const who of [w.author, w.colleague, w.coordinator]) expect((await c.stepUp(who)).status).toBe(200);
      // Not one of the coordinators the alerts below count.
      await t.db.query(`UPDATE staff_user SET active = false WHERE id = $1`, [fresh.id]);
    });

    it('should tell someone without two-factor to set it up first', async () => {
      const worker = await c.as(w.noTotp);
      const id = (await json<FlagCreated>(worker.post('/api/v1/flags', draft(w.familyA)))).id;
      for (const res of [
        await worker.post('/api/v1/auth/step-up', { code: '123456' }),
        await worker.post(`/api/v1/flags/${id}/open`, { purpose: 'own_note' }),
      ]) {
        expect(res.status).toBe(403);
        await expect(res.json()).resolves.toMatchObject({
          code: 'step_up_required',
          fields: [{ field: 'code', reason: 'two_factor_not_enrolled' }],
        });
      }
      expect(await json<StepUpStatus>(worker.get('/api/v1/auth/step-up'))).toEqual({ enrolled: false, validUntil: null });
    });
  });

  describe('reading, audited with a purpose', () => {
    it('should give the text to its author and write a read with the purpose, in the same transaction', async () => {
      const detail = await json<FlagDetail>((await c.as(w.author)).post(`/api/v1/flags/${flagId}/open`, { purpose: 'own_note' }));
      expect(detail).toMatchObject({
        fact: 'Mama zei dat ze al weken slecht slaapt.',
        interpretation: 'Misschien moe',
        strengths: 'Lacht veel',
      });
      expect(detail.session).toMatchObject({ id: w.sessionA, groupTitle: 'Groep A' });
      const reads = await t.db.query(
        `SELECT actor_id, purpose FROM audit_event WHERE action = 'record.read' AND entity = 'flag' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [flagId],
      );
      expect(reads).toEqual([{ actor_id: w.author.id, purpose: 'own_note' }]);
      // What they wrote, and where it stands: not the coordinator's amendment or rationale.
      expect(detail.amendments.map((a) => a.author.id)).toEqual([w.author.id]);
      expect(detail.transitions.map((x) => [x.to, x.rationale])).toEqual([
        ['in_triage', ''],
        ['in_triage', ''],
      ]);
      const full = await json<FlagDetail>((await c.as(w.coordinator)).post(`/api/v1/flags/${flagId}/open`, { purpose: 'follow_up' }));
      expect(full.amendments.map((a) => a.author.id)).toEqual([w.author.id, w.coordinator.id]);
      expect(full.transitions.map((x) => x.rationale)).toEqual(['Bekijken', 'Nog steeds zo']);
    });

    it('should keep own_note for the author, and ask a word with other', async () => {
      const coordinator = await c.as(w.coordinator);
      const own = await coordinator.post(`/api/v1/flags/${flagId}/open`, { purpose: 'own_note' });
      expect(own.status).toBe(400);
      await expect(own.json()).resolves.toMatchObject({ fields: [{ field: 'purpose', reason: 'own_note_not_author' }] });
      expect((await coordinator.post(`/api/v1/flags/${flagId}/open`, { purpose: 'other' })).status).toBe(400);
      expect((await coordinator.post(`/api/v1/flags/${flagId}/open`, { purpose: 'nieuwsgierig' })).status).toBe(400);
      expect((await coordinator.post(`/api/v1/flags/${flagId}/open`, { purpose: 'other', purposeNote: 'teamoverleg' })).status).toBe(200);
      const [read] = await t.db.query(
        `SELECT purpose FROM audit_event WHERE action = 'record.read' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [flagId],
      );
      expect(read.purpose).toBe('other: teamoverleg');
    });

    it('should read a family’s chronology in one call: every flag, amendment and transition in order, one read per flag', async () => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'record.read'`);
      const res = await (
        await c.as(w.coordinator)
      ).post(`/api/v1/families/${w.familyA}/flag-chronology`, { purpose: 'referral_preparation' });
      expect(res.status).toBe(200);
      const chronology = await res.json();
      expect(chronology.family).toEqual({ id: w.familyA, displayName: 'Gezin Amal' });
      expect(chronology.flags.length).toBeGreaterThan(1);
      const ats = chronology.events.map((e: { at: string }) => e.at);
      expect(ats).toEqual([...ats].sort());
      expect(chronology.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['logged', 'amended', 'transition']));
      const after = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'record.read'`);
      expect(after[0].n - before[0].n).toBe(chronology.flags.length);
      expect(
        (
          await (
            await c.as(w.coordinator)
          ).post(`/api/v1/families/00000000-0000-4000-8000-000000000000/flag-chronology`, { purpose: 'triage' })
        ).status,
      ).toBe(404);
    });
  });

  describe('follow-up', () => {
    it('should move a flag along the allowed statuses only, each with its rationale', async () => {
      const coordinator = await c.as(w.coordinator);
      const id = (await json<FlagCreated>(create(w.author, draft(w.familyA, { urgency: 'note' })))).id;
      const move = (body: object) => coordinator.post(`/api/v1/flags/${id}/transitions`, body);
      expect((await move({ to: 'closed', rationale: 'Klaar' })).status).toBe(400);
      expect((await move({ to: 'closed', rationale: 'Klaar', closeReason: 'expired' })).status).toBe(400);
      expect((await move({ to: 'watchful_waiting', rationale: 'Afwachten' })).status).toBe(400);
      expect((await move({ to: 'in_triage', rationale: ' ' })).status).toBe(400);
      expect((await move({ to: 'in_triage', rationale: 'Bekijken' })).status).toBe(200);
      expect((await move({ to: 'open', rationale: 'Terug' })).status).toBe(409);
      const later = new Date(c.now().getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
      const waiting = await json<FlagSummary>(move({ to: 'watchful_waiting', rationale: 'Afwachten', reviewBy: later }));
      expect(waiting).toMatchObject({ status: 'watchful_waiting', reviewBy: later, due: false });
      expect((await move({ to: 'closed', rationale: 'Steun loopt', closeReason: 'support_in_place' })).status).toBe(200);
      expect((await move({ to: 'in_triage', rationale: 'Toch' })).status).toBe(409);
      expect((await coordinator.post(`/api/v1/flags/${id}/reconfirm`, { reason: 'Nog' })).status).toBe(409);

      const detail = await json<FlagDetail>(coordinator.post(`/api/v1/flags/${id}/open`, { purpose: 'follow_up' }));
      expect(detail.transitions.map((x) => [x.from, x.to, x.rationale, x.actor?.id])).toEqual([
        ['open', 'in_triage', 'Bekijken', w.coordinator.id],
        ['in_triage', 'watchful_waiting', 'Afwachten', w.coordinator.id],
        ['watchful_waiting', 'closed', 'Steun loopt', w.coordinator.id],
      ]);
      expect(detail).toMatchObject({ status: 'closed', closeReason: 'support_in_place' });
      const events = await t.db.query(`SELECT action, details FROM audit_event WHERE entity = 'flag' AND entity_id = $1 ORDER BY id`, [id]);
      expect(events.map((e: { action: string }) => e.action)).toEqual([
        'flag.created',
        'flag.transitioned',
        'flag.transitioned',
        'flag.transitioned',
        'record.read',
      ]);
      expect(events[0].details).toEqual({ category: 'parent_wellbeing', urgency: 'note', status: 'open' });
    });

    it('should correct by amendment: no route edits or deletes, and the database refuses an edit of the text', async () => {
      const author = await c.as(w.author);
      for (const method of ['PATCH', 'PUT', 'DELETE']) {
        const res = await author.request(method, `/api/v1/flags/${flagId}`, method === 'DELETE' ? undefined : { fact: 'anders' });
        expect(res.status).toBe(404);
      }
      expect(
        (await author.post(`/api/v1/flags/${flagId}/amendments`, { field: 'fact', text: 'Het was vorige week, niet gisteren.' })).status,
      ).toBe(201);
      expect((await author.post(`/api/v1/flags/${flagId}/amendments`, { field: 'fact', text: '  ' })).status).toBe(400);
      const detail = await json<FlagDetail>(author.post(`/api/v1/flags/${flagId}/open`, { purpose: 'own_note' }));
      expect(detail.fact).toBe('Mama zei dat ze al weken slecht slaapt.');
      expect(detail.amendments[detail.amendments.length - 1]).toMatchObject({
        field: 'fact',
        text: 'Het was vorige week, niet gisteren.',
        author: { id: w.author.id },
      });

      const [row] = await t.db.query(`SELECT fact_enc, interpretation_enc FROM flag WHERE id = $1`, [flagId]);
      await expect(t.db.query(`UPDATE flag SET fact_enc = $2 WHERE id = $1`, [flagId, row.interpretation_enc])).rejects.toThrow(
        /not edited in place/,
      );
      await expect(t.db.query(`UPDATE flag SET category = 'safety' WHERE id = $1`, [flagId])).rejects.toThrow(/not edited in place/);
      await expect(t.db.query(`DELETE FROM flag WHERE id = $1`, [flagId])).rejects.toThrow(/append-only/);
      await expect(t.db.query(`UPDATE flag_amendment SET text_enc = $2 WHERE flag_id = $1`, [flagId, row.fact_enc])).rejects.toThrow(
        /not edited/,
      );
      await expect(t.db.query(`DELETE FROM flag_transition`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`TRUNCATE flag_amendment`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`UPDATE flag SET fact_enc = 'Plain words about a family' WHERE id = $1`, [flagId])).rejects.toThrow();
      // A status change and a new review date are what changes in place.
      await t.db.query(`UPDATE flag SET review_by = review_by + 1 WHERE id = $1`, [flagId]);
    });

    it('should name the field of a refused flag and take a session-less flag with a default review date', async () => {
      const bad = await create(w.author, { ...draft(w.familyA), fact: 42, urgency: 'soon', extra: 'x' });
      expect(bad.status).toBe(400);
      const body = await bad.json();
      expect([...new Set(body.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['extra', 'fact', 'urgency']);
      const noReason = await create(w.author, draft(w.familyA, { discussedWithParent: 'no' }));
      await expect(noReason.json()).resolves.toMatchObject({
        fields: [{ field: 'notDiscussedReason', reason: 'not_discussed_reason_required' }],
      });
      const created = await json<FlagCreated>(create(w.author, draft(w.familyA, { urgency: 'urgent' })));
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(c.now());
      expect(created.reviewBy).toBe(new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10));
    });
  });

  describe('the inbox', () => {
    it('should filter and sort without any text, and show what is due', async () => {
      const coordinator = await c.as(w.coordinator);
      const urgent = (await json<FlagCreated>(create(w.author, draft(w.familyA, { urgency: 'urgent', category: 'safety' })))).id;
      await t.db.query(`UPDATE flag SET review_by = review_by - 10 WHERE id = $1`, [urgent]);
      const all = await json<FlagSummary[]>(coordinator.get('/api/v1/flags'));
      expect(all.every((f) => f.status !== 'closed')).toBe(true);
      expect(all[0].urgency).toBe('urgent');
      expect(JSON.stringify(all)).not.toContain('slecht slaapt');
      const due = await json<FlagSummary[]>(coordinator.get('/api/v1/flags?due=true'));
      expect(due.map((f) => f.id)).toEqual([urgent]);
      expect(due[0]).toMatchObject({ due: true, category: 'safety', family: { displayName: 'Gezin Amal' }, author: { id: w.author.id } });
      const safety = await json<FlagSummary[]>(coordinator.get('/api/v1/flags?category=safety&sort=review'));
      expect(safety.map((f) => f.id)).toEqual([urgent]);
      const family = await json<FlagSummary[]>(coordinator.get(`/api/v1/flags?familyId=${w.familyB}&status=open`));
      expect(family.every((f) => f.family.id === w.familyB)).toBe(true);
      expect((await coordinator.get('/api/v1/flags?sort=nicest')).status).toBe(400);
    });
  });

  describe('alerts carry no content', () => {
    it('should tell every coordinator, in their language, that a flag waits: with a link and nothing else', async () => {
      // Their language is the one their screens were in when they last stepped up (or logged a flag).
      const english = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
      const client = await c.as(english);
      c.advance(60_000);
      const code = totp(english.totpSecret ?? '', c.now());
      const stepped = await client.request('POST', '/api/v1/auth/step-up', { code }, { 'accept-language': 'en-GB,en;q=0.9' });
      expect(stepped.status).toBe(200);
      await t.db.query(`UPDATE staff_user SET locale = 'fr' WHERE id = $1`, [w.coordinator.id]);
      const id = (await json<FlagCreated>(create(w.author, draft(w.familyA, { urgency: 'urgent', category: 'safety' })))).id;
      const rows = await t.db.query(
        `SELECT recipient, subject, body, family_id, channel, locale FROM outbox_message WHERE dedupe_key LIKE $1 ORDER BY locale`,
        [`flag-waiting:${id}:%`],
      );
      expect(rows).toEqual([
        {
          recipient: english.email,
          subject: 'A flag is waiting for you in Kring',
          body: 'A flag is waiting for you in Kring.\n\nhttps://kring.test/signalen',
          family_id: null,
          channel: 'email',
          locale: 'en',
        },
        {
          recipient: w.coordinator.email,
          subject: 'Un signalement vous attend dans Kring',
          body: 'Un signalement vous attend dans Kring.\n\nhttps://kring.test/signalen',
          family_id: null,
          channel: 'email',
          locale: 'fr',
        },
      ]);
      // A coordinator's own urgent flag alerts the others, not them.
      const own = (await json<FlagCreated>(create(w.coordinator, draft(w.familyA, { urgency: 'urgent' })))).id;
      const others = await t.db.query(`SELECT recipient FROM outbox_message WHERE dedupe_key LIKE $1`, [`flag-waiting:${own}:%`]);
      expect(others).toEqual([{ recipient: english.email }]);
      const quiet = (await json<FlagCreated>(create(w.author, draft(w.familyA, { urgency: 'discuss' })))).id;
      expect(await t.db.query(`SELECT 1 FROM outbox_message WHERE dedupe_key LIKE $1`, [`flag-waiting:${quiet}:%`])).toEqual([]);
    });
  });
});
