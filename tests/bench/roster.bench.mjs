// Issue 20, benchmark: GET /sessions/:id/roster on a busy centre after some years (scale-data.mjs:
// 50 000 families, ~1 000 000 marks), against the best hand-written SQL for the same answer (the
// session, then its families from its own rows) over node:http in the same run. Interleaved rounds
// (baseline, API, baseline, API …), so a noisy 2-core machine slows both alike: latency alone
// (p50/p95/p99) and throughput at 50 at once, with the median ratio and its spread.
// Target (issue 20): p95 alone under 50 ms; at 50 at once at least 0.8 of the baseline's throughput.
// Needs PostgreSQL (DATABASE_URL) and a built API (npm run build). BENCH_SCALE=0.1 for a quick try.
import { createServer } from 'node:http';
import pg from 'pg';
import { BENCH_PASSWORD, scaleSizes, seedScale } from './scale-data.mjs';
import { freePort, freshDatabase, signIn, startApi } from './support.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ALONE = Number(process.env.BENCH_ALONE ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

const SESSION_SQL = `SELECT s.id, g.title, g.kind, s.starts_at, s.ends_at, s.attendance_unlocked_until
  FROM group_session s JOIN parent_group g ON g.id = s.group_id WHERE s.id = $1`;
const ROSTER_SQL = `
  WITH listed AS (
    SELECT family_id FROM registration WHERE session_id = $1 AND status IN ('confirmed', 'offered')
    UNION SELECT family_id FROM attendance WHERE session_id = $1 AND family_id IS NOT NULL)
  SELECT f.id AS "familyId", f.display_name AS "displayName", f.phone,
         CASE WHEN r.enrolment_id IS NOT NULL THEN 'series' WHEN r.id IS NOT NULL THEN 'registered'
              WHEN f.created_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM registration e WHERE e.family_id = f.id)
               AND NOT EXISTS (SELECT 1 FROM attendance b JOIN group_session bs ON bs.id = b.session_id
                                WHERE b.family_id = f.id AND b.session_id <> $1 AND bs.starts_at < $2) THEN 'walk_in'
              ELSE 'checked_in' END AS source,
         a.status, coalesce(r.children_coming, 0) AS "childrenComing", coalesce(r.needs, '{}') AS needs
    FROM listed l JOIN family f ON f.id = l.family_id
    LEFT JOIN registration r ON r.family_id = f.id AND r.session_id = $1 AND r.status IN ('confirmed', 'offered')
    LEFT JOIN attendance a ON a.family_id = f.id AND a.session_id = $1
   ORDER BY lower(f.display_name), f.id`;

/** The baseline: the same answer from the same two statements, mapped once, over node:http. */
async function startBaseline(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  const server = createServer(async (req, res) => {
    const sessionId = req.url.split('/')[1];
    const [s] = (await pool.query(SESSION_SQL, [sessionId])).rows;
    const { rows: families } = await pool.query(ROSTER_SQL, [sessionId, s.starts_at]);
    const until = new Date(Math.max(s.ends_at.getTime() + 7 * 86_400_000, s.attendance_unlocked_until?.getTime() ?? 0));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        sessionId,
        groupTitle: s.title.nl,
        startsAt: s.starts_at.toISOString(),
        endsAt: s.ends_at.toISOString(),
        kind: s.kind,
        locked: new Date() > until,
        editableUntil: until.toISOString(),
        families,
      }),
    );
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.close();
      await pool.end();
    },
  };
}

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const median = (xs) => percentile(xs, 50);

async function get(url, headers, expected) {
  const res = await fetch(url, { headers });
  const body = await res.json();
  if (res.status !== 200 || body.families?.length !== expected) throw new Error(`bad answer from ${url}: ${res.status}`);
}

async function alone(url, headers, expected) {
  const times = [];
  for (let i = 0; i < ALONE; i++) {
    const t0 = performance.now();
    await get(url, headers, expected);
    times.push(performance.now() - t0);
  }
  return times;
}

async function atOnce(url, headers, expected) {
  let count = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await get(url, headers, expected);
        count += 1;
      }
    }),
  );
  return count / SECONDS;
}

const db = await freshDatabase('roster');
let api;
let baseline;
const c = new pg.Client({ connectionString: db.url });
try {
  api = await startApi(db.url); // applies the migrations
  await c.connect();
  const t0 = performance.now();
  const seeded = await seedScale(c, scaleSizes());
  console.log(`roster: seeded ${JSON.stringify(seeded.counts)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const [{ n: expected }] = (
    await c.query(
      `SELECT count(*)::int AS n FROM (SELECT family_id FROM registration WHERE session_id = $1
         UNION SELECT family_id FROM attendance WHERE session_id = $1 AND family_id IS NOT NULL) x`,
      [seeded.lastSession],
    )
  ).rows;
  const cookie = await signIn(api.base, 'bench@kring.test', BENCH_PASSWORD);
  baseline = await startBaseline(db.url);
  const apiUrl = `${api.base}/api/v1/sessions/${seeded.lastSession}/roster`;
  const baseUrl = `${baseline.base}/${seeded.lastSession}`;
  for (let i = 0; i < 10; i++) {
    await get(baseUrl, {}, expected);
    await get(apiUrl, { cookie }, expected);
  }

  const timesBase = [];
  const timesApi = [];
  const ratiosAlone = [];
  const ratiosAtOnce = [];
  const rateBase = [];
  const rateApi = [];
  for (let round = 0; round < ROUNDS; round++) {
    const b = await alone(baseUrl, {}, expected);
    const a = await alone(apiUrl, { cookie }, expected);
    timesBase.push(...b);
    timesApi.push(...a);
    ratiosAlone.push(median(b) / median(a));
    const rb = await atOnce(baseUrl, {}, expected);
    const ra = await atOnce(apiUrl, { cookie }, expected);
    rateBase.push(rb);
    rateApi.push(ra);
    ratiosAtOnce.push(ra / rb);
  }
  const ms = (xs) =>
    `p50 ${percentile(xs, 50).toFixed(1)} / p95 ${percentile(xs, 95).toFixed(1)} / p99 ${percentile(xs, 99).toFixed(1)} ms`;
  const spread = (xs) => `median ${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
  console.log(`  a session of ${expected} families, ${ROUNDS} interleaved rounds`);
  console.log(`  alone, baseline (hand-written SQL over node:http): ${ms(timesBase)}`);
  console.log(`  alone, Kring API (GET /api/v1/sessions/:id/roster): ${ms(timesApi)} (target p95 < 50 ms)`);
  console.log(`  alone, ratio (baseline time / API time) per round: ${spread(ratiosAlone)}`);
  console.log(`  ${CONCURRENCY} at once, baseline: ${median(rateBase).toFixed(0)} req/s; API: ${median(rateApi).toFixed(0)} req/s`);
  console.log(`  ${CONCURRENCY} at once, ratio (API / baseline) per round: ${spread(ratiosAtOnce)} (target 0.8 or better)`);
} finally {
  await c.end().catch(() => undefined);
  await baseline?.stop();
  await api?.stop();
  await db.drop();
}
