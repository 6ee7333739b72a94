import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlagCreated } from '@kring/domain';
import { createApp } from '../../apps/api/src/bootstrap';
import { Clock } from '../../apps/api/src/common/clock';
import { validateEnv } from '../../apps/api/src/config/env';
import { FlagBox } from '../../apps/api/src/flags/flag-box';
import { FlagJobs } from '../../apps/api/src/flags/flag-jobs';
import { rotateFlagKeys } from '../../apps/api/src/flags/flag-key-rotation';
import { Clients, draft, makeFlagsWorld, type FlagsWorld } from './support/flags-world';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const run = promisify(execFile);

describe('Flag jobs, once across two API processes', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof createApp>>;
  let w: FlagsWorld;
  let c: Clients;

  const log = async (overrides: Parameters<typeof draft>[1] = {}): Promise<string> => {
    const res = await (await c.as(w.author)).post('/api/v1/flags', draft(w.familyA, overrides));
    expect(res.status).toBe(201);
    return ((await res.json()) as FlagCreated).id;
  };
  /** Both processes' clocks read the same moment, and both fire the job at once. */
  const both = async <T>(at: Date, job: (j: FlagJobs) => Promise<T>): Promise<T[]> => {
    const clocks = [t.app.get(Clock), second.get(Clock)];
    const before = clocks.map((clock) => clock.now);
    for (const clock of clocks) clock.now = () => at;
    try {
      return await Promise.all([job(t.app.get(FlagJobs)), job(second.get(FlagJobs))]);
    } finally {
      clocks.forEach((clock, i) => (clock.now = before[i]));
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: '600', KRING_PUBLIC_URL: 'https://kring.test' });
    second = await createApp({
      env: validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', KRING_PUBLIC_URL: 'https://kring.test' }),
      database: t.database.target,
      secretKey: t.secretKey,
      scheduler: false,
    });
    w = await makeFlagsWorld(t);
    c = new Clients(t);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('should remind the author and the coordinators once, without content, when a flag passes its review date', async () => {
    const due = await log({ urgency: 'note' });
    const notYet = await log({ urgency: 'note' });
    // Ten days later than its review date (the review date may be moved in place).
    await t.db.query(`UPDATE flag SET review_by = review_by - 52 WHERE id = $1`, [due]);
    const now = new Date();
    const [a, b] = await both(now, (j) => j.remindDue());
    expect([a, b].filter((r) => r !== null)).toEqual([1]);

    const rows = await t.db.query(
      `SELECT recipient, subject, body, family_id FROM outbox_message WHERE kind = 'staff_flag_review_due' ORDER BY recipient`,
    );
    expect(rows).toEqual(
      [
        {
          recipient: w.author.email,
          subject: 'Een signaal in Kring wacht op een nieuwe blik',
          body: 'Een signaal in Kring wacht op een nieuwe blik.\n\nhttps://kring.test/mijn-signalen',
          family_id: null,
        },
        {
          recipient: w.coordinator.email,
          subject: 'Een signaal in Kring wacht op een nieuwe blik',
          body: 'Een signaal in Kring wacht op een nieuwe blik.\n\nhttps://kring.test/signalen',
          family_id: null,
        },
      ].sort((x, y) => x.recipient.localeCompare(y.recipient)),
    );
    // The next days: nothing more for the same flag and review date.
    const [c1, c2] = await both(new Date(now.getTime() + DAY), (j) => j.remindDue());
    expect([c1, c2].filter((r) => r !== null)).toEqual([0]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'staff_flag_review_due'`)).toEqual([{ n: 2 }]);
    const [state] = await t.db.query(`SELECT review_reminded_for IS NULL AS untouched FROM flag WHERE id = $1`, [notYet]);
    expect(state.untouched).toBe(true);
  });

  it('should close a flag as expired and erase its text once, twelve months after its last review, unless re-confirmed', async () => {
    const stale = await log({ interpretation: 'Misschien', strengths: 'Veel', parentWords: 'Ik wil rust' });
    const kept = await log();
    expect((await (await c.as(w.author)).post(`/api/v1/flags/${stale}/amendments`, { field: 'general', text: 'Aanvulling' })).status).toBe(
      201,
    );
    expect(
      (await (await c.as(w.coordinator)).post(`/api/v1/flags/${stale}/transitions`, { to: 'in_triage', rationale: 'Bekijken' })).status,
    ).toBe(200);
    // Last reviewed 13 and 11 months ago (moving the last review is an allowed change in place).
    await t.db.query(`UPDATE flag SET last_reviewed_at = now() - interval '13 months' WHERE id = $1`, [stale]);
    await t.db.query(`UPDATE flag SET last_reviewed_at = now() - interval '11 months' WHERE id = $1`, [kept]);

    const results = await both(c.now(), (j) => j.expire());
    expect(results.filter((r) => r !== null)).toEqual([1]);

    const [row] = await t.db.query(
      `SELECT status, close_reason, category, review_by IS NOT NULL AS has_review, erased_at IS NOT NULL AS erased,
              fact_enc, interpretation_enc, strengths_enc, parent_words_enc FROM flag WHERE id = $1`,
      [stale],
    );
    expect(row).toEqual({
      status: 'closed',
      close_reason: 'expired',
      category: 'parent_wellbeing',
      has_review: true,
      erased: true,
      fact_enc: null,
      interpretation_enc: null,
      strengths_enc: null,
      parent_words_enc: null,
    });
    expect(await t.db.query(`SELECT text_enc FROM flag_amendment WHERE flag_id = $1`, [stale])).toEqual([{ text_enc: null }]);
    const transitions = await t.db.query(
      `SELECT to_status, close_reason, actor_id, rationale_enc FROM flag_transition WHERE flag_id = $1 ORDER BY created_at`,
      [stale],
    );
    expect(transitions).toEqual([
      { to_status: 'in_triage', close_reason: null, actor_id: w.coordinator.id, rationale_enc: null },
      { to_status: 'closed', close_reason: 'expired', actor_id: null, rationale_enc: null },
    ]);
    expect(await t.db.query(`SELECT status FROM flag WHERE id = $1`, [kept])).toEqual([{ status: 'open' }]);
    const audit = await t.db.query(`SELECT actor_id, details FROM audit_event WHERE action = 'flag.expired'`);
    expect(audit).toEqual([
      { actor_id: null, details: { from: 'in_triage', to: 'closed', closeReason: 'expired', category: 'parent_wellbeing' } },
    ]);
    // Erased text is not written again, and the erased flag takes no amendment.
    await expect(t.db.query(`UPDATE flag SET fact_enc = $2 WHERE id = $1`, [stale, 'f1.a.b.c'])).rejects.toThrow();
    expect((await (await c.as(w.author)).post(`/api/v1/flags/${stale}/amendments`, { field: 'general', text: 'Nog iets' })).status).toBe(
      409,
    );
    // It still counts in the lists, marked erased.
    const [summary] = (
      (await (await (await c.as(w.author)).get('/api/v1/flags/mine')).json()) as Array<{ id: string; erased: boolean }>
    ).filter((f) => f.id === stale);
    expect(summary.erased).toBe(true);

    // Re-confirming restarts the twelve months.
    expect((await (await c.as(w.coordinator)).post(`/api/v1/flags/${kept}/reconfirm`, { reason: 'Loopt nog' })).status).toBe(200);
    const [{ months }] = await t.db.query(
      `SELECT extract(month FROM age(now(), last_reviewed_at))::int AS months FROM flag WHERE id = $1`,
      [kept],
    );
    expect(months).toBe(0);
  });

  it('should re-seal every flag text under a new key, which the API then opens, and leave the rest alone', async () => {
    const id = await log({ interpretation: 'Misschien', strengths: 'Veel' });
    await (await c.as(w.author)).post(`/api/v1/flags/${id}/amendments`, { field: 'fact', text: 'Correctie' });
    const box = new FlagBox(t.secretKey, 2);
    const counts = await rotateFlagKeys(t.db, box, 2);
    expect(counts['flag']).toBeGreaterThan(3);
    expect(counts['flag_amendment']).toBeGreaterThan(0);
    const sealed = await t.db.query(
      `SELECT v FROM (SELECT unnest(ARRAY[fact_enc, interpretation_enc, strengths_enc, parent_words_enc, not_discussed_reason_enc]) AS v FROM flag
                      UNION ALL SELECT text_enc FROM flag_amendment UNION ALL SELECT rationale_enc FROM flag_transition) x WHERE v IS NOT NULL`,
    );
    expect(sealed.length).toBeGreaterThan(5);
    expect(sealed.filter((r: { v: string }) => !r.v.startsWith('f2.'))).toEqual([]);
    // Nothing left to do the second time.
    expect(Object.values(await rotateFlagKeys(t.db, box)).every((n) => n === 0)).toBe(true);
    // Other secrets keep their own key.
    const [staff] = await t.db.query(`SELECT totp_secret_enc FROM staff_user WHERE id = $1`, [w.author.id]);
    expect(staff.totp_secret_enc.startsWith('v1.')).toBe(true);

    // An API on key version 2 reads them.
    const v2 = await createApp({
      env: validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', KRING_FLAG_KEY_VERSION: '2' }),
      database: t.database.target,
      secretKey: t.secretKey,
      scheduler: false,
    });
    try {
      const [row] = await t.db.query(`SELECT fact_enc FROM flag WHERE id = $1`, [id]);
      expect(v2.get(FlagBox).open(row.fact_enc, `flag:${id}:fact_enc`)).toBe('Mama zei dat ze al weken slecht slaapt.');
    } finally {
      await v2.close();
    }
    // Without the rotation switch the database refuses a re-seal, even to another key.
    await expect(
      t.db.query(`UPDATE flag SET fact_enc = $2 WHERE id = $1`, [id, new FlagBox(t.secretKey, 3).seal('x', 'y')]),
    ).rejects.toThrow(/not edited in place/);
  });

  it('should re-seal from the command line (npm run flags:rotate-key), printing counts and no text', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'flags:rotate-key'], {
      cwd: join(__dirname, '../..'),
      env: {
        ...process.env,
        DATABASE_URL: t.database.target.url,
        KRING_SECRET_KEY: t.secretKey.toString('base64'),
        KRING_FLAG_KEY_VERSION: '3',
        LOG_LEVEL: 'silent',
      },
    });
    expect(stdout).toMatch(/^Flag text re-sealed under f3: \d+ value\(s\) \(flag \d+, flag_amendment \d+, flag_transition \d+\)\.$/m);
    const [row] = await t.db.query(`SELECT fact_enc FROM flag WHERE fact_enc IS NOT NULL LIMIT 1`);
    expect(row.fact_enc.startsWith('f3.')).toBe(true);
  });
});
