import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../apps/api/src/common/clock';
import { createApp } from '../../apps/api/src/bootstrap';
import { validateEnv } from '../../apps/api/src/config/env';
import { HousekeepingJob, JOB_RUN_RETENTION_DAYS } from '../../apps/api/src/database/housekeeping.job';
import { JobLedger } from '../../apps/api/src/database/job-ledger';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 60 * 60 * 1000;

describe(JobLedger.name, () => {
  let first: TestApp;
  let second: Awaited<ReturnType<typeof createApp>>;

  beforeAll(async () => {
    first = await startTestApp();
    // A second API process on the same database, as a replica would be.
    second = await createApp({
      env: validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      database: first.database.target,
      secretKey: randomBytes(32),
      scheduler: false,
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('should run a job once per period when two processes fire it at the same time', async () => {
    const now = new Date('2026-03-10T02:15:00Z');
    let runs = 0;
    const work = async (): Promise<number> => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 50));
      return runs;
    };
    const outcomes = await Promise.all([
      first.app.get(JobLedger).runOncePerPeriod('test-job', now, DAY, work),
      second.get(JobLedger).runOncePerPeriod('test-job', new Date(now.getTime() + 1500), DAY, work),
    ]);
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
  });

  it('should not run the same period again on a replica that fires late', async () => {
    const ledger = second.get(JobLedger);
    const day = new Date('2026-03-11T02:15:00Z');
    await expect(ledger.runOncePerPeriod('late-job', day, DAY, async () => 1)).resolves.toEqual({ ran: true, result: 1 });
    const late = new Date(day.getTime() + 3 * 60 * 60 * 1000);
    await expect(ledger.runOncePerPeriod('late-job', late, DAY, async () => 2)).resolves.toEqual({ ran: false });
    await expect(ledger.runOncePerPeriod('late-job', new Date(day.getTime() + DAY), DAY, async () => 3)).resolves.toEqual({
      ran: true,
      result: 3,
    });
  });

  it('should give the period back when the work fails, so the next try runs it', async () => {
    const ledger = first.app.get(JobLedger);
    const now = new Date('2026-04-01T02:15:00Z');
    await expect(
      ledger.runOncePerPeriod('flaky-job', now, DAY, async (m) => {
        await m.query(`INSERT INTO location (name, street, postal_code, city) VALUES ('half', 's', '1', 'c')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [{ count }] = await first.db.query(`SELECT count(*)::int AS count FROM location WHERE name = 'half'`);
    expect(count).toBe(0);
    await expect(ledger.runOncePerPeriod('flaky-job', now, DAY, async () => 'ok')).resolves.toEqual({ ran: true, result: 'ok' });
  });

  it('should let housekeeping prune old ledger rows once a day across both processes', async () => {
    const now = new Date('2026-06-01T01:15:00Z');
    const old = new Date(now.getTime() - (JOB_RUN_RETENTION_DAYS + 1) * DAY);
    const recent = new Date(now.getTime() - 2 * DAY);
    await first.db.query(`INSERT INTO job_run (job, slot) VALUES ('x', $1), ('x', $2)`, [old, recent]);

    const jobs = [first.app.get(HousekeepingJob), second.get(HousekeepingJob)];
    // Both processes' clocks read the same night.
    for (const app of [first.app, second]) app.get(Clock).now = () => now;
    const results = await Promise.all(jobs.map((j) => j.run()));

    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const slots = await first.db.query(`SELECT slot FROM job_run WHERE job = 'x'`);
    expect(slots.map((r: { slot: Date }) => r.slot.toISOString())).toEqual([recent.toISOString()]);
  });
});
