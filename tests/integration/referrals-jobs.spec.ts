import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../apps/api/src/bootstrap';
import { Clock } from '../../apps/api/src/common/clock';
import { validateEnv } from '../../apps/api/src/config/env';
import { ReferralJobs } from '../../apps/api/src/referrals/referral-jobs';
import { Clients } from './support/flags-world';
import { consentAndApprove, createReferral, exceptionBody, makeReferralsWorld, type ReferralsWorld } from './support/referrals-world';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('Referral reminders, once across two API processes', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof createApp>>;
  let w: ReferralsWorld;
  let c: Clients;

  /** Both processes' clocks read the same moment, and both fire the job at once. */
  const both = async (at: Date) => {
    const clocks = [t.app.get(Clock), second.get(Clock)];
    const before = clocks.map((clock) => clock.now);
    for (const clock of clocks) clock.now = () => at;
    try {
      return await Promise.all([t.app.get(ReferralJobs).run(), second.get(ReferralJobs).run()]);
    } finally {
      clocks.forEach((clock, i) => (clock.now = before[i]));
    }
  };
  const messages = (kind: string) =>
    t.db.query(`SELECT recipient, subject, body, family_id FROM outbox_message WHERE kind = $1 ORDER BY recipient`, [kind]);

  beforeAll(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: '600', KRING_PUBLIC_URL: 'https://kring.test' });
    second = await createApp({
      env: validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', KRING_PUBLIC_URL: 'https://kring.test' }),
      database: t.database.target,
      secretKey: t.secretKey,
      scheduler: false,
    });
    c = new Clients(t);
    w = await makeReferralsWorld(t, c);
    for (const who of [w.coordinator, w.second]) expect((await c.stepUp(who)).status).toBe(200);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('should remind the coordinator once, without content, when a sent referral’s follow-up date comes; and not before', async () => {
    const coordinator = await c.as(w.coordinator);
    const id = await createReferral(c, w, w.coordinator);
    const hash = await consentAndApprove(coordinator, id);
    expect((await coordinator.post(`/api/v1/referrals/${id}/send`, { channel: 'parent_goes', hash })).status).toBe(200);
    const [{ follow_up_on }] = await t.db.query(`SELECT to_char(follow_up_on, 'YYYY-MM-DD') AS follow_up_on FROM referral WHERE id = $1`, [
      id,
    ]);

    const dayBefore = new Date(new Date(`${follow_up_on}T10:00:00Z`).getTime() - DAY);
    const early = await both(dayBefore);
    expect(early.filter((r) => r !== null)).toEqual([{ followUps: 0, informParent: 0, consentsExpired: 0 }]);
    expect(await messages('staff_referral_follow_up')).toEqual([]);

    const onTheDay = new Date(`${follow_up_on}T10:00:00Z`);
    const runs = await both(onTheDay);
    expect(runs.filter((r) => r !== null)).toEqual([{ followUps: 1, informParent: 0, consentsExpired: 0 }]);
    expect(await messages('staff_referral_follow_up')).toEqual([
      {
        recipient: w.coordinator.email,
        subject: 'Tijd om een doorverwijzing in Kring op te volgen',
        body: 'Tijd om een doorverwijzing in Kring op te volgen.\n\nhttps://kring.test/doorverwijzingen',
        family_id: null,
      },
    ]);
    // The next day: already reminded for this date.
    const next = await both(new Date(onTheDay.getTime() + DAY));
    expect(next.filter((r) => r !== null)).toEqual([{ followUps: 0, informParent: 0, consentsExpired: 0 }]);
    expect(await messages('staff_referral_follow_up')).toHaveLength(1);
  });

  it('should remind the requester and the coordinator once to inform the parent after an approved exception', async () => {
    const id = await createReferral(c, w, w.coordinator);
    expect((await (await c.as(w.coordinator)).post(`/api/v1/referrals/${id}/exception`, exceptionBody())).status).toBe(200);
    expect(
      (await (await c.as(w.second)).post(`/api/v1/referrals/${id}/exception/decision`, { approve: true, reason: 'Terecht' })).status,
    ).toBe(200);
    const [{ inform_by }] = await t.db.query(
      `SELECT to_char(inform_by, 'YYYY-MM-DD') AS inform_by FROM referral_exception WHERE referral_id = $1`,
      [id],
    );
    const runs = await both(new Date(`${inform_by}T10:00:00Z`));
    expect(runs.filter((r) => r !== null)).toEqual([{ followUps: 0, informParent: 1, consentsExpired: 0 }]);
    const sent = await messages('staff_referral_inform_parent');
    expect(sent.map((m: { recipient: string }) => m.recipient)).toEqual([w.coordinator.email]);
    expect(sent[0].body).toBe('Een ouder wacht op uitleg over een doorverwijzing in Kring.\n\nhttps://kring.test/doorverwijzingen');
  });

  it('should pause a consented referral whose consent ran out before it was sent, and alert its coordinator without content', async () => {
    const coordinator = await c.as(w.coordinator);
    const id = await createReferral(c, w, w.coordinator);
    await consentAndApprove(coordinator, id);
    const [{ valid_until }] = await t.db.query(
      `SELECT to_char(k.valid_until, 'YYYY-MM-DD') AS valid_until FROM referral r JOIN referral_consent k ON k.id = r.consent_id WHERE r.id = $1`,
      [id],
    );
    const lastDay = await both(new Date(`${valid_until}T10:00:00Z`));
    expect(lastDay.filter((r) => r !== null)).toEqual([{ followUps: 0, informParent: 0, consentsExpired: 0 }]);
    const after = await both(new Date(new Date(`${valid_until}T10:00:00Z`).getTime() + DAY));
    expect(after.filter((r) => r !== null)).toEqual([{ followUps: 0, informParent: 0, consentsExpired: 1 }]);
    const [row] = await t.db.query(
      `SELECT r.status, r.approved_packet_hash, k.withdrawn_by FROM referral r JOIN referral_consent k ON k.id = r.consent_id WHERE r.id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'withdrawn', approved_packet_hash: null, withdrawn_by: 'system' });
    expect((await messages('staff_referral_attention')).map((m: { recipient: string }) => m.recipient)).toEqual([w.coordinator.email]);
  });
});
