import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from 'typeorm';
import { REFERRAL_STATUSES, nextReferralStatuses, type ReferralStatus } from '@kring/domain';
import { makeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

const HASH = 'ab'.repeat(32);
const OTHER_HASH = 'cd'.repeat(32);
const SEALED = 'f1.bm9uY2U.dGFn.Y2lwaGVy';

/**
 * The database's own guard on referrals (migration 1764430000000), by direct SQL: no code path,
 * not even one that skips the API, can send a referral without consent or an approved exception,
 * send another packet than the approved one, or let a coordinator decide their own exception.
 */
describe('Referral schema guards (direct SQL)', () => {
  let t: TestApp;
  let asker: string;
  let approver: string;
  let family: string;
  let service: string;

  beforeAll(async () => {
    t = await startTestApp();
    asker = (await makeStaff(t, { roles: ['coordinator'] })).id;
    approver = (await makeStaff(t, { roles: ['coordinator'] })).id;
    [{ id: family }] = await t.db.query(
      `INSERT INTO family (display_name, phone, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at)
       VALUES ('Amina', '+32470000000', $1, $2, 'x', now() + interval '1 year', now()) RETURNING id`,
      [randomBytes(3).toString('hex').toUpperCase(), randomBytes(32)],
    );
    [{ id: service }] = await t.db.query(
      `INSERT INTO referral_service (name, kind, intake_channels) VALUES ('CAW Waasland', 'caw', '{secure_link}') RETURNING id`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Runs `work` in a transaction that is always rolled back. */
  async function inRollback<T>(work: (q: QueryRunner) => Promise<T>): Promise<T> {
    const q = t.db.createQueryRunner();
    await q.connect();
    await q.startTransaction();
    try {
      return await work(q);
    } finally {
      await q.rollbackTransaction();
      await q.release();
    }
  }

  interface Setup {
    consent?: 'valid' | 'withdrawn' | 'other_service' | 'none';
    exception?: 'undecided' | 'approved' | 'rejected' | 'none';
    approvedHash?: string | null;
  }

  /** A referral put straight into `status` (triggers off for the set-up only), with what its next step needs. */
  async function referralIn(q: QueryRunner, status: ReferralStatus, setup: Setup = {}): Promise<string> {
    await q.query(`SET LOCAL session_replication_role = replica`);
    const approvedHash = setup.approvedHash === undefined ? HASH : setup.approvedHash;
    const [{ id }] = await q.query(
      `INSERT INTO referral (family_id, coordinator_id, service_id, status, reason_enc, approved_packet_hash, approved_at, approved_by, outcome)
       VALUES ($1, $2, $3, $4, $5, $6::text, CASE WHEN $6::text IS NULL THEN NULL ELSE now() END, CASE WHEN $6::text IS NULL THEN NULL ELSE 'parent' END,
               CASE WHEN $4 = 'closed' THEN 'other' END)
       RETURNING id`,
      [family, asker, service, status, SEALED, approvedHash],
    );
    const consent = setup.consent ?? 'valid';
    if (consent !== 'none') {
      const other =
        consent === 'other_service'
          ? (
              await q.query(`INSERT INTO referral_service (name, kind, intake_channels) VALUES ($1, 'cgg', '{parent_goes}') RETURNING id`, [
                `CGG ${randomBytes(3).toString('hex')}`,
              ])
            )[0].id
          : service;
      const [{ id: consentId }] = await q.query(
        `INSERT INTO referral_consent (referral_id, service_id, fields, method, language, explainer, given_at, valid_until, recorded_by,
                                       withdrawn_at, withdrawn_by)
         VALUES ($1, $2, '{reason}', 'in_person', 'nl', 'referral-general@1', now(), (now() + interval '6 months')::date, $3,
                 CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN 'parent' END) RETURNING id`,
        [id, other, asker, consent === 'withdrawn'],
      );
      await q.query(`UPDATE referral SET consent_id = $2 WHERE id = $1`, [id, consentId]);
    }
    const exception = setup.exception ?? 'approved';
    if (exception !== 'none') {
      const decided = exception !== 'undecided';
      const [{ id: exceptionId }] = await q.query(
        `INSERT INTO referral_exception (referral_id, legal_basis, justification_enc, inform_parent, inform_by, fields, requested_by, requested_at,
                                         approved, decided_by, decided_at)
         VALUES ($1, 'art_458bis', $2, true, (now() + interval '7 days')::date, '{reason}', $3, now(), $4, $5, $6) RETURNING id`,
        [id, SEALED, asker, decided ? exception === 'approved' : null, decided ? approver : null, decided ? new Date() : null],
      );
      await q.query(`UPDATE referral SET exception_id = $2 WHERE id = $1`, [id, exceptionId]);
    }
    await q.query(`SET LOCAL session_replication_role = origin`);
    return id;
  }

  /** The step to `to` by direct SQL, with what a sending or closing writes; the error's message, or null when it went through. */
  async function step(q: QueryRunner, id: string, to: ReferralStatus, sentHash = HASH): Promise<string | null> {
    await q.query(`SAVEPOINT step`);
    try {
      await q.query(
        `UPDATE referral SET status = $2,
                sent_packet_hash = CASE WHEN $2 = 'sent' THEN $3 ELSE sent_packet_hash END,
                sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END,
                sent_channel = CASE WHEN $2 = 'sent' THEN 'secure_link' ELSE sent_channel END,
                outcome = CASE WHEN $2 = 'closed' THEN 'other' ELSE outcome END
          WHERE id = $1`,
        [id, to, sentHash],
      );
      await q.query(`RELEASE SAVEPOINT step`);
      return null;
    } catch (error) {
      await q.query(`ROLLBACK TO SAVEPOINT step`);
      return (error as Error).message;
    }
  }

  const exceptionFor = (to: ReferralStatus): Setup['exception'] =>
    to === 'exception_requested' ? 'undecided' : to === 'exception_rejected' ? 'rejected' : 'approved';

  it('should allow exactly the transitions the domain allows, for all 132 pairs of two different states', async () => {
    const refused: string[] = [];
    const allowed: string[] = [];
    await inRollback(async (q) => {
      for (const from of REFERRAL_STATUSES) {
        for (const to of REFERRAL_STATUSES) {
          if (from === to) continue;
          const id = await referralIn(q, from, { exception: exceptionFor(to) });
          ((await step(q, id, to)) === null ? allowed : refused).push(`${from} → ${to}`);
        }
      }
    });
    const expected = REFERRAL_STATUSES.flatMap((from) => nextReferralStatuses(from).map((to) => `${from} → ${to}`));
    expect(allowed.sort()).toEqual(expected.sort());
    expect(refused).toHaveLength(12 * 11 - expected.length);
  });

  it('should hold the same table as the domain in its own function', async () => {
    const [{ pairs }] = await t.db.query(
      `SELECT array_agg(f || '→' || s ORDER BY f, s) FILTER (WHERE referral_transition_allowed(f, s)) AS pairs
         FROM unnest($1::text[]) f, unnest($1::text[]) s`,
      [REFERRAL_STATUSES],
    );
    const expected = REFERRAL_STATUSES.flatMap((from) => nextReferralStatuses(from).map((to) => `${from}→${to}`));
    expect([...pairs].sort()).toEqual(expected.sort());
  });

  it.each([
    'draft',
    'discussing',
    'accepted',
    'follow_up',
    'declined',
    'withdrawn',
    'exception_requested',
    'exception_rejected',
    'closed',
  ] as const)('should refuse sent from %s', async (from) => {
    await inRollback(async (q) => {
      const id = await referralIn(q, from);
      expect(await step(q, id, 'sent')).toMatch(/does not go from/);
    });
  });

  it.each([
    ['no consent on record', { consent: 'none' }, /needs the parent's consent/],
    ['a withdrawn consent', { consent: 'withdrawn' }, /needs the parent's consent/],
    ['a consent for another service', { consent: 'other_service' }, /needs the parent's consent/],
    ['no approved packet', { approvedHash: null }, /approved packet/],
  ] as const)('should refuse consented → sent with %s', async (_what, setup, message) => {
    await inRollback(async (q) => {
      const id = await referralIn(q, 'consented', setup);
      expect(await step(q, id, 'sent')).toMatch(message);
    });
  });

  it('should refuse sending a packet other than the approved one, from either way in', async () => {
    await inRollback(async (q) => {
      for (const from of ['consented', 'exception_approved'] as const) {
        const id = await referralIn(q, from);
        expect(await step(q, id, 'sent', OTHER_HASH)).toMatch(/approved packet/);
        expect(await step(q, id, 'sent', HASH)).toBeNull();
      }
    });
  });

  it.each([
    ['an undecided exception', 'undecided'],
    ['a rejected exception', 'rejected'],
    ['no exception', 'none'],
  ] as const)('should refuse exception_approved → sent with %s', async (_what, exception) => {
    await inRollback(async (q) => {
      const id = await referralIn(q, 'exception_approved', { exception, consent: 'none' });
      expect(await step(q, id, 'sent')).toMatch(/second coordinator/);
    });
  });

  it('should never let the requester decide their own exception (CHECK), approved or rejected', async () => {
    await inRollback(async (q) => {
      const id = await referralIn(q, 'exception_requested', { exception: 'undecided', consent: 'none' });
      await q.query(`SAVEPOINT own`);
      await expect(
        q.query(`UPDATE referral_exception SET approved = true, decided_by = requested_by, decided_at = now() WHERE referral_id = $1`, [
          id,
        ]),
      ).rejects.toThrow(/ck_referral_exception_four_eyes/);
      await q.query(`ROLLBACK TO SAVEPOINT own`);
      // Without a decision by someone else, the referral cannot be approved either.
      expect(await step(q, id, 'exception_approved')).toMatch(/second coordinator/);
      await q.query(`UPDATE referral_exception SET approved = true, decided_by = $2, decided_at = now() WHERE referral_id = $1`, [
        id,
        approver,
      ]);
      expect(await step(q, id, 'exception_approved')).toBeNull();
      // A decision is taken once.
      await expect(q.query(`UPDATE referral_exception SET approved = false WHERE referral_id = $1`, [id])).rejects.toThrow(/decided once/);
    });
  });

  it('should refuse a referral that starts anywhere but draft, and closing without an outcome', async () => {
    await inRollback(async (q) => {
      await q.query(`SAVEPOINT insert`);
      await expect(
        q.query(`INSERT INTO referral (family_id, coordinator_id, service_id, status, reason_enc) VALUES ($1, $2, $3, 'sent', $4)`, [
          family,
          asker,
          service,
          SEALED,
        ]),
      ).rejects.toThrow(/starts as a draft/);
      await q.query(`ROLLBACK TO SAVEPOINT insert`);
      const id = await referralIn(q, 'follow_up');
      await expect(q.query(`UPDATE referral SET status = 'closed' WHERE id = $1`, [id])).rejects.toThrow(/ck_referral_closed_with_outcome/);
    });
  });

  it('should refuse plain text where sealed text belongs, and keep the timeline and consents as they were recorded', async () => {
    await inRollback(async (q) => {
      await q.query(`SAVEPOINT plain`);
      await expect(
        q.query(`INSERT INTO referral (family_id, coordinator_id, service_id, reason_enc) VALUES ($1, $2, $3, 'Mama zoekt een huis')`, [
          family,
          asker,
          service,
        ]),
      ).rejects.toThrow(/ck_referral_reason_enc_sealed/);
      await q.query(`ROLLBACK TO SAVEPOINT plain`);
      const id = await referralIn(q, 'consented');
      await q.query(
        `INSERT INTO referral_transition (referral_id, from_status, to_status, actor_kind, actor_id, rationale_enc, at)
         VALUES ($1, 'discussing', 'consented', 'coordinator', $2, $3, now())`,
        [id, asker, SEALED],
      );
      await q.query(`SAVEPOINT edit`);
      await expect(q.query(`UPDATE referral_transition SET to_status = 'sent' WHERE referral_id = $1`, [id])).rejects.toThrow(/not edited/);
      await q.query(`ROLLBACK TO SAVEPOINT edit`);
      await expect(q.query(`UPDATE referral_consent SET fields = '{reason,strengths}' WHERE referral_id = $1`, [id])).rejects.toThrow(
        /not edited/,
      );
    });
  });

  it('should let a consent be withdrawn once, and then keep it from carrying a sending', async () => {
    await inRollback(async (q) => {
      const id = await referralIn(q, 'consented');
      await q.query(`UPDATE referral_consent SET withdrawn_at = now(), withdrawn_by = 'parent' WHERE referral_id = $1`, [id]);
      expect(await step(q, id, 'sent')).toMatch(/needs the parent's consent/);
      expect(await step(q, id, 'withdrawn')).toBeNull();
    });
  });
});
