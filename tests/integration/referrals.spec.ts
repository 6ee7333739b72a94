import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlagSummary, ParentReferralView, ReferralDetail, ReferralPacketPreview, ReferralSent, ReferralSummary } from '@kring/domain';
import { Clients } from './support/flags-world';
import {
  consentAndApprove,
  consentBody,
  createReferral,
  exceptionBody,
  makeReferralsWorld,
  type ReferralsWorld,
} from './support/referrals-world';
import { StaffClient } from './support/staff-client';
import { startTestApp, type TestApp } from './support/test-app';

describe('Referrals (doorverwijzingen)', () => {
  let t: TestApp;
  let w: ReferralsWorld;
  let c: Clients;
  const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await res).json() as Promise<T>;
  const link = (token: string) => ({ 'X-Link-Token': token });
  const anonymous = () => new StaffClient(t, '10.9.8.7');
  /** The token of the newest parent or service link in the outbox (from the fragment of the address). */
  const tokenFromOutbox = async (kind: string): Promise<string> => {
    const [row] = await t.db.query(`SELECT body FROM outbox_message WHERE kind = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [kind]);
    return /#token=([A-Za-z0-9_-]+)/.exec(row.body)?.[1] ?? '';
  };

  beforeAll(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: '600', KRING_PUBLIC_URL: 'https://kring.test' });
    c = new Clients(t);
    w = await makeReferralsWorld(t, c);
    for (const who of [w.author, w.coordinator, w.second, w.admin]) expect((await c.stepUp(who)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should go flag → referral → consent → approved packet → sent by link → opened by the service → outcome → closed', async () => {
    const coordinator = await c.as(w.coordinator);
    const id = await createReferral(c, w, w.coordinator);
    const flag = () => json<FlagSummary>((c.as(w.author) as Promise<StaffClient>).then((a) => a.get(`/api/v1/flags/${w.flagId}`)));
    const hash = await consentAndApprove(coordinator, id);
    // The author of the flag sees only that it was referred; the referral itself is not theirs to see.
    expect((await flag()).status).toBe('referred');
    expect((await (await c.as(w.author)).get(`/api/v1/referrals/${id}`)).status).toBe(403);

    const sent = await json<ReferralSent>(coordinator.post(`/api/v1/referrals/${id}/send`, { channel: 'secure_link', hash }));
    expect(sent.status).toBe('sent');
    expect(sent.serviceLink?.url).toMatch(/^https:\/\/kring\.test\/doorverwijzing-dienst#token=[A-Za-z0-9_-]{43}$/);
    const token = sent.serviceLink?.url.split('#token=')[1] ?? '';
    const [mail] = await t.db.query(`SELECT recipient, body FROM outbox_message WHERE kind = 'referral_service_link'`);
    expect(mail.recipient).toBe('onthaal@caw.test');
    expect(mail.body).not.toMatch(/Slaapt|Amal|slecht/);

    const opened = await anonymous().request('POST', '/api/v1/public/referral-packet/open', {}, link(token));
    expect(opened.status).toBe(200);
    const packet = await json<{ hash: string; packet: { reason: string; family: { displayName: string } } }>(opened);
    expect(packet.hash).toBe(hash);
    expect(packet.packet).toMatchObject({ reason: 'Slaapt slecht, wil hulp', family: { displayName: 'Gezin Amal' } });
    expect((await anonymous().request('POST', '/api/v1/public/referral-packet/open', {}, link('x'.repeat(43)))).status).toBe(410);

    for (const to of ['accepted', 'follow_up']) {
      expect((await coordinator.post(`/api/v1/referrals/${id}/transitions`, { to })).status).toBe(200);
    }
    const noOutcome = await coordinator.post(`/api/v1/referrals/${id}/close`, { outcome: 'support_started' });
    expect(noOutcome.status).toBe(400);
    expect(
      (await coordinator.post(`/api/v1/referrals/${id}/close`, { outcome: 'support_started', note: 'Eerste gesprek gehad' })).status,
    ).toBe(200);

    const detail = await json<ReferralDetail>(coordinator.post(`/api/v1/referrals/${id}/open`, { purpose: 'follow_up' }));
    expect(detail.status).toBe('closed');
    expect(detail.outcome).toEqual({ outcome: 'support_started', note: 'Eerste gesprek gehad' });
    expect(detail.delivery?.opens).toHaveLength(1);
    expect(detail.timeline.map((s) => `${s.from ?? '-'}>${s.to}`)).toEqual([
      '->draft',
      'draft>discussing',
      'discussing>consented',
      'consented>sent',
      'sent>accepted',
      'accepted>follow_up',
      'follow_up>closed',
    ]);
    const reads = await t.db.query(
      `SELECT entity, purpose, actor_id FROM audit_event WHERE action = 'record.read' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(reads).toEqual([
      { entity: 'referral_packet', purpose: 'referral_preparation', actor_id: w.coordinator.id },
      { entity: 'referral_packet', purpose: 'service_intake', actor_id: null },
      { entity: 'referral', purpose: 'follow_up', actor_id: w.coordinator.id },
    ]);
    // After closing, the service's link no longer opens anything.
    expect((await anonymous().request('POST', '/api/v1/public/referral-packet/open', {}, link(token))).status).toBe(410);
  });

  it('should tell the service to stop, without content, when a sent referral is withdrawn, and close its link', async () => {
    const coordinator = await c.as(w.coordinator);
    const id = await createReferral(c, w, w.coordinator);
    const hash = await consentAndApprove(coordinator, id);
    const sent = await json<ReferralSent>(coordinator.post(`/api/v1/referrals/${id}/send`, { channel: 'secure_link', hash }));
    const token = sent.serviceLink?.url.split('#token=')[1] ?? '';
    expect(
      (await coordinator.post(`/api/v1/referrals/${id}/transitions`, { to: 'withdrawn', rationale: 'Mama wil het niet meer' })).status,
    ).toBe(200);
    const [stop] = await t.db.query(`SELECT recipient, body FROM outbox_message WHERE kind = 'referral_service_stop' AND body LIKE $1`, [
      `%${id}%`,
    ]);
    expect(stop.recipient).toBe('onthaal@caw.test');
    expect(stop.body).not.toMatch(/Amal|Slaapt|Mama/);
    expect((await anonymous().request('POST', '/api/v1/public/referral-packet/open', {}, link(token))).status).toBe(410);
    const [row] = await t.db.query(`SELECT status, approved_packet_hash FROM referral WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'withdrawn', approved_packet_hash: null });
  });

  it('should give the flags back to the coordinator’s follow-up when the parent declines, and close it with an outcome', async () => {
    const coordinator = await c.as(w.coordinator);
    const id = await createReferral(c, w, w.coordinator);
    const flagStatus = async () => (await json<FlagSummary>((await c.as(w.author)).get(`/api/v1/flags/${w.flagId}`))).status;
    expect((await coordinator.post(`/api/v1/referrals/${id}/transitions`, { to: 'discussing', rationale: 'Besproken' })).status).toBe(200);
    expect(await flagStatus()).toBe('referred');
    expect((await coordinator.post(`/api/v1/referrals/${id}/transitions`, { to: 'declined' })).status).toBe(400);
    expect(
      (await coordinator.post(`/api/v1/referrals/${id}/transitions`, { to: 'declined', rationale: 'Mama wil nu geen CAW' })).status,
    ).toBe(200);
    expect(await flagStatus()).toBe('in_triage');
    expect((await coordinator.post(`/api/v1/referrals/${id}/transitions`, { to: 'sent' })).status).toBe(400);
    expect(
      (await coordinator.post(`/api/v1/referrals/${id}/close`, { outcome: 'family_declined_there', note: 'Steun gaat door bij ons' }))
        .status,
    ).toBe(200);
    const [flagEvents] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'flag.transitioned' AND entity_id = $1`,
      [w.flagId],
    );
    expect(flagEvents.n).toBeGreaterThanOrEqual(2);
  });

  it('should ask for step-up before reason or packet opens', async () => {
    const id = await createReferral(c, w, w.coordinator);
    c.advance(16 * 60_000);
    const coordinator = await c.as(w.coordinator);
    for (const path of [`/api/v1/referrals/${id}/open`, `/api/v1/referrals/${id}/packet/open`]) {
      const res = await coordinator.post(path, { purpose: 'triage' });
      expect(res.status).toBe(403);
      await expect(res.json()).resolves.toMatchObject({ code: 'step_up_required' });
    }
    for (const who of [w.coordinator, w.second]) expect((await c.stepUp(who)).status).toBe(200);
  });

  describe('the hash rule', () => {
    it('should refuse to send a packet that changed after approval, and send once approved again', async () => {
      const coordinator = await c.as(w.coordinator);
      const id = await createReferral(c, w, w.coordinator);
      const hash = await consentAndApprove(coordinator, id);
      await t.db.query(`UPDATE family SET phone = '+32470999999' WHERE id = $1`, [w.familyA]);
      const refused = await coordinator.post(`/api/v1/referrals/${id}/send`, { channel: 'secure_link', hash });
      expect(refused.status).toBe(409);
      await expect(refused.json()).resolves.toMatchObject({ fields: [{ reason: 'packet_changed' }] });
      const preview = await json<ReferralPacketPreview>(
        coordinator.post(`/api/v1/referrals/${id}/packet/open`, { purpose: 'referral_preparation' }),
      );
      expect(preview.approved).toBe(false);
      // Sending the new packet with its own hash is still refused: it was never approved.
      expect((await coordinator.post(`/api/v1/referrals/${id}/send`, { channel: 'parent_goes', hash: preview.hash })).status).toBe(409);
      expect((await coordinator.post(`/api/v1/referrals/${id}/packet/approval`, { hash: preview.hash })).status).toBe(200);
      expect((await coordinator.post(`/api/v1/referrals/${id}/send`, { channel: 'parent_goes', hash: preview.hash })).status).toBe(200);
      const [row] = await t.db.query(`SELECT status, sent_packet_hash, approved_packet_hash FROM referral WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'sent', sent_packet_hash: preview.hash, approved_packet_hash: preview.hash });
      await t.db.query(`UPDATE family SET phone = '+32470000000' WHERE id = $1`, [w.familyA]);
    });

    it('should drop the approval when the referral goes back to discussing', async () => {
      const coordinator = await c.as(w.coordinator);
      const id = await createReferral(c, w, w.coordinator);
      const hash = await consentAndApprove(coordinator, id);
      expect(
        (await coordinator.post(`/api/v1/referrals/${id}/transitions`, { to: 'discussing', rationale: 'Mama wil iets anders delen' }))
          .status,
      ).toBe(200);
      expect((await coordinator.post(`/api/v1/referrals/${id}/consent`, consentBody({ fields: ['reason'] }))).status).toBe(200);
      const res = await coordinator.post(`/api/v1/referrals/${id}/send`, { channel: 'secure_link', hash });
      expect(res.status).toBe(409);
    });

    it('should keep sent unreachable without consent or an approved exception, also by direct SQL', async () => {
      const id = await createReferral(c, w, w.coordinator);
      await t.db.query(`UPDATE referral SET status = 'discussing' WHERE id = $1`, [id]);
      await expect(t.db.query(`UPDATE referral SET status = 'consented' WHERE id = $1`, [id])).rejects.toThrow(/consent/);
      const res = await (await c.as(w.coordinator)).post(`/api/v1/referrals/${id}/send`, { channel: 'secure_link', hash: 'a'.repeat(64) });
      expect(res.status).toBe(409);
    });
  });

  describe('the parent’s link', () => {
    it('should show what is shared, take the approval, the contact profile, and a withdrawal that pauses and alerts', async () => {
      const coordinator = await c.as(w.coordinator);
      const id = await createReferral(c, w, w.coordinator);
      expect((await coordinator.post(`/api/v1/referrals/${id}/transitions`, { to: 'discussing', rationale: 'Besproken' })).status).toBe(
        200,
      );
      expect((await coordinator.post(`/api/v1/referrals/${id}/consent`, consentBody({ method: 'parent_link' }))).status).toBe(200);
      const issued = await json<{ messaged: boolean }>(
        coordinator.post(`/api/v1/referrals/${id}/parent-link`, { channel: 'sms', language: 'ar' }),
      );
      expect(issued.messaged).toBe(true);
      const [sms] = await t.db.query(
        `SELECT channel, locale, body FROM outbox_message WHERE kind = 'referral_parent_link' ORDER BY created_at DESC LIMIT 1`,
      );
      expect(sms).toMatchObject({ channel: 'sms', locale: 'ar' });
      expect(sms.body).not.toMatch(/CAW|Slaapt/);
      const token = await tokenFromOutbox('referral_parent_link');
      const parent = anonymous();

      expect((await parent.get('/api/v1/public/referral-link')).status).toBe(410);
      const view = await json<ParentReferralView>(parent.request('GET', '/api/v1/public/referral-link', undefined, link(token)));
      expect(view).toMatchObject({ status: 'consented', service: { name: 'CAW Test' }, canWithdraw: true, sentAt: null });
      expect(view.preview?.approved).toBe(false);
      // The parent's token does not open the service's route, nor the other way round.
      expect((await parent.request('POST', '/api/v1/public/referral-packet/open', {}, link(token))).status).toBe(410);

      const approved = await json<ParentReferralView>(
        parent.request('POST', '/api/v1/public/referral-link/approval', { hash: view.preview?.hash }, link(token)),
      );
      expect(approved.preview?.approved).toBe(true);
      const profile = { channel: 'email', language: 'fr', times: 'na 17 uur', avoid: 'niet via de gsm van mijn partner' };
      const withProfile = await json<ParentReferralView>(
        parent.request('PUT', '/api/v1/public/referral-link/contact-profile', profile, link(token)),
      );
      expect(withProfile.contactProfile).toEqual(profile);
      // The profile governs the next message: e-mail was asked, the family has no e-mail address, so nothing goes by SMS.
      expect(
        await json<{ messaged: boolean }>(coordinator.post(`/api/v1/referrals/${id}/parent-link`, { channel: 'sms', language: 'nl' })),
      ).toMatchObject({ messaged: false });
      const [times] = await t.db.query(`SELECT times_enc FROM referral_contact_profile WHERE referral_id = $1`, [id]);
      expect(times.times_enc).toMatch(/^f1\./);

      // The first link was replaced by the second: it no longer works.
      expect((await parent.request('GET', '/api/v1/public/referral-link', undefined, link(token))).status).toBe(410);
      await t.db.query(`UPDATE referral_contact_profile SET channel = 'sms' WHERE referral_id = $1`, [id]);
      await coordinator.post(`/api/v1/referrals/${id}/parent-link`, { channel: 'sms', language: 'nl' });
      const token2 = await tokenFromOutbox('referral_parent_link');
      const before = Number((await t.db.query(`SELECT count(*) FROM outbox_message WHERE kind = 'staff_referral_attention'`))[0].count);
      const withdrawn = await json<ParentReferralView>(parent.request('POST', '/api/v1/public/referral-link/withdrawal', {}, link(token2)));
      expect(withdrawn).toMatchObject({ status: 'withdrawn', canWithdraw: false });
      const [consent] = await t.db.query(`SELECT withdrawn_by FROM referral_consent WHERE referral_id = $1`, [id]);
      expect(consent.withdrawn_by).toBe('parent');
      const alerts = await t.db.query(
        `SELECT recipient, subject, body FROM outbox_message WHERE kind = 'staff_referral_attention' ORDER BY created_at`,
      );
      expect(alerts).toHaveLength(before + 1);
      expect(alerts.at(-1)).toEqual({
        recipient: w.coordinator.email,
        subject: 'Een doorverwijzing in Kring vraagt je aandacht',
        body: 'Een doorverwijzing in Kring vraagt je aandacht.\n\nhttps://kring.test/doorverwijzingen',
      });
      // Nothing may be shared any more: no preview, and the approved packet does not go out.
      expect(withdrawn.preview).toBeNull();
      expect((await coordinator.post(`/api/v1/referrals/${id}/send`, { channel: 'secure_link', hash: view.preview?.hash })).status).toBe(
        409,
      );
    });
  });

  describe('exceptions (four eyes)', () => {
    it('should refuse the requester’s own decision (API 403 and the database), let a second coordinator approve, and list it for review', async () => {
      const coordinator = await c.as(w.coordinator);
      const id = await createReferral(c, w, w.coordinator);
      const short = await coordinator.post(`/api/v1/referrals/${id}/exception`, exceptionBody({ justification: 'zie dossier' }));
      expect(short.status).toBe(400);
      await expect(short.json()).resolves.toMatchObject({ fields: [{ field: 'justification' }] });
      expect((await coordinator.post(`/api/v1/referrals/${id}/exception`, exceptionBody())).status).toBe(200);
      const own = await coordinator.post(`/api/v1/referrals/${id}/exception/decision`, { approve: true, reason: 'Akkoord' });
      expect(own.status).toBe(403);
      await expect(
        t.db.query(`UPDATE referral_exception SET approved = true, decided_by = requested_by, decided_at = now() WHERE referral_id = $1`, [
          id,
        ]),
      ).rejects.toThrow(/four_eyes/);

      const second = await c.as(w.second);
      expect(
        (await second.post(`/api/v1/referrals/${id}/exception/decision`, { approve: true, reason: 'Terecht, gezien het gevaar' })).status,
      ).toBe(200);
      const preview = await json<ReferralPacketPreview>(
        second.post(`/api/v1/referrals/${id}/packet/open`, { purpose: 'referral_preparation' }),
      );
      expect(preview.packet.fields).toEqual(['reason', 'contact_details']);
      expect(preview.packet.basis).toEqual({ kind: 'exception', legalBasis: 'art_458bis' });
      expect((await coordinator.post(`/api/v1/referrals/${id}/packet/approval`, { hash: preview.hash })).status).toBe(403);
      expect((await second.post(`/api/v1/referrals/${id}/packet/approval`, { hash: preview.hash })).status).toBe(200);
      expect((await second.post(`/api/v1/referrals/${id}/send`, { channel: 'secure_link', hash: preview.hash })).status).toBe(200);

      const ofFamily = await json<ReferralSummary[]>(coordinator.get(`/api/v1/referrals?familyId=${w.familyA}&exception=true`));
      expect(ofFamily.map((r) => r.id)).toContain(id);
      expect(ofFamily.every((r) => r.family.id === w.familyA && r.viaException)).toBe(true);
      expect((await coordinator.get(`/api/v1/referrals?familyId=${w.familyB}`)).status).toBe(200);
      expect(await json<ReferralSummary[]>(coordinator.get(`/api/v1/referrals?familyId=${w.familyB}`))).toEqual([]);
      const review = await json<ReferralSummary[]>(coordinator.get('/api/v1/referrals/exceptions'));
      expect(review.map((r) => r.id)).toContain(id);
      expect(review.every((r) => r.viaException)).toBe(true);
      expect(Object.keys(review[0])).not.toContain('reason');
      const detail = await json<ReferralDetail>(coordinator.post(`/api/v1/referrals/${id}/open`, { purpose: 'follow_up' }));
      expect(detail.exception?.decision).toMatchObject({ approved: true, by: { id: w.second.id }, reason: 'Terecht, gezien het gevaar' });
      expect((await coordinator.post(`/api/v1/referrals/${id}/exception/parent-informed`)).status).toBe(200);
    });

    it('should take a rejection with a reason, back to draft', async () => {
      const id = await createReferral(c, w, w.coordinator);
      expect((await (await c.as(w.coordinator)).post(`/api/v1/referrals/${id}/exception`, exceptionBody())).status).toBe(200);
      const second = await c.as(w.second);
      expect((await second.post(`/api/v1/referrals/${id}/exception/decision`, { approve: false, reason: '' })).status).toBe(400);
      expect(
        (await second.post(`/api/v1/referrals/${id}/exception/decision`, { approve: false, reason: 'Eerst met de ouder praten' })).status,
      ).toBe(200);
      expect((await second.post(`/api/v1/referrals/${id}/transitions`, { to: 'draft', rationale: 'Opnieuw bekijken' })).status).toBe(200);
    });
  });

  describe('who reaches which route', () => {
    type Who = 'author' | 'coordinator' | 'admin' | 'anonymous';
    let id = '';
    beforeAll(async () => {
      id = await createReferral(c, w, w.coordinator);
    });
    const routes: Array<[string, string, () => string, () => object | undefined, number]> = [
      [
        'POST',
        'create',
        () => '/api/v1/referrals',
        () => ({ familyId: w.familyA, serviceId: w.serviceId, reason: 'Hulp bij slapen' }),
        201,
      ],
      ['GET', 'the board', () => '/api/v1/referrals', () => undefined, 200],
      ['GET', 'the exceptions review list', () => '/api/v1/referrals/exceptions', () => undefined, 200],
      ['GET', 'one without text', () => `/api/v1/referrals/${id}`, () => undefined, 200],
      ['POST', 'open', () => `/api/v1/referrals/${id}/open`, () => ({ purpose: 'triage' }), 200],
      ['POST', 'the packet', () => `/api/v1/referrals/${id}/packet/open`, () => ({ purpose: 'triage' }), 409],
      ['POST', 'a step', () => `/api/v1/referrals/${id}/transitions`, () => ({ to: 'accepted' }), 409],
      ['POST', 'consent', () => `/api/v1/referrals/${id}/consent`, () => consentBody(), 409],
      ['POST', 'an exception', () => `/api/v1/referrals/${id}/exception/decision`, () => ({ approve: true, reason: 'x' }), 409],
      ['POST', 'parent informed', () => `/api/v1/referrals/${id}/exception/parent-informed`, () => ({}), 409],
      ['POST', 'approve the packet', () => `/api/v1/referrals/${id}/packet/approval`, () => ({ hash: 'a'.repeat(64) }), 409],
      ['POST', 'the parent link', () => `/api/v1/referrals/${id}/parent-link`, () => ({ channel: 'sms', language: 'nl' }), 200],
      ['POST', 'send', () => `/api/v1/referrals/${id}/send`, () => ({ channel: 'secure_link', hash: 'a'.repeat(64) }), 409],
      [
        'PUT',
        'warm handover',
        () => `/api/v1/referrals/${id}/warm-handover`,
        () => ({ on: '2030-01-01', place: 'CAW', goingAlong: 'Ik' }),
        409,
      ],
      ['POST', 'close', () => `/api/v1/referrals/${id}/close`, () => ({ outcome: 'other', note: 'x' }), 409],
    ];
    it.each(routes)('%s: %s', async (method, _label, path, body, coordinatorStatus) => {
      const expected: Record<Who, number> = { anonymous: 401, admin: 403, author: 403, coordinator: coordinatorStatus };
      for (const who of Object.keys(expected) as Who[]) {
        const client = who === 'anonymous' ? anonymous() : await c.as(w[who]);
        const res = await client.request(method, path(), body());
        expect({ who, status: res.status }).toEqual({ who, status: expected[who] });
      }
    });

    it('should answer 410 on every public route without a live link of its own purpose', async () => {
      const routes: Array<[string, string, object | undefined]> = [
        ['GET', '/api/v1/public/referral-link', undefined],
        ['POST', '/api/v1/public/referral-link/approval', { hash: 'a'.repeat(64) }],
        ['POST', '/api/v1/public/referral-link/withdrawal', {}],
        ['PUT', '/api/v1/public/referral-link/contact-profile', { channel: 'sms', language: 'nl' }],
        ['POST', '/api/v1/public/referral-packet/open', {}],
      ];
      for (const [method, path, body] of routes) {
        expect((await anonymous().request(method, path, body)).status).toBe(410);
        expect((await anonymous().request(method, path, body, link('n0t-a-real-token'))).status).toBe(410);
      }
    });
  });
});
