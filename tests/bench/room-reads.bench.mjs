// Issue 20, benchmark: the room's reads on a busy centre after some years (scale-data.mjs: 50 000
// families, ~1 000 000 marks): a session's roster, a drop-in's known families, a family's history
// and the care prompts, each against the best hand-written SQL for the same answer over node:http
// in the same run. Interleaved rounds (baseline, API, baseline, API …), so a noisy 2-core machine
// slows both alike: latency alone (p50/p95/p99) and throughput at 50 at once, with the median
// ratio and its spread. Target (issue 20): roster p95 alone under 50 ms; at 50 at once at least
// 0.8 of the baseline.
// Needs PostgreSQL (DATABASE_URL) and a built API (npm run build). BENCH_SCALE=0.1 for a quick try;
// BENCH_ONLY=roster for one scenario.
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

const KNOWN_SQL = `
  WITH t AS (SELECT group_id, starts_at FROM group_session WHERE id = $1),
  known AS (
    SELECT r.family_id FROM registration r JOIN group_session s ON s.id = r.session_id, t
     WHERE s.group_id = t.group_id AND s.starts_at >= t.starts_at - interval '12 months' AND r.status <> 'cancelled'
    UNION
    SELECT a.family_id FROM attendance a JOIN group_session s ON s.id = a.session_id, t
     WHERE s.group_id = t.group_id AND s.starts_at >= t.starts_at - interval '12 months' AND a.family_id IS NOT NULL)
  SELECT f.id AS "familyId", f.display_name AS "displayName", a.status
    FROM known k JOIN family f ON f.id = k.family_id LEFT JOIN attendance a ON a.session_id = $1 AND a.family_id = f.id
   ORDER BY lower(f.display_name), f.id`;
const HISTORY_SQL = `
  SELECT a.session_id, g.title ->> 'nl' AS title, s.starts_at, a.status FROM attendance a
    JOIN group_session s ON s.id = a.session_id JOIN parent_group g ON g.id = s.group_id
   WHERE a.family_id = $1 ORDER BY s.starts_at DESC`;

const PROMPTS_SQL = `
  WITH recent AS (
    SELECT s.id, s.group_id, s.starts_at FROM group_session s
      JOIN group_facilitator gf ON gf.group_id = s.group_id AND gf.staff_user_id = $2
     WHERE s.starts_at > $1::timestamptz - interval '60 days' AND s.ends_at < $1 AND s.status <> 'cancelled')
  SELECT f.id, f.display_name, f.phone, g.title ->> 'nl' AS title,
         array_agg(a.status ORDER BY s.starts_at DESC) AS statuses, array_agg(s.starts_at ORDER BY s.starts_at DESC) AS starts
    FROM recent s JOIN registration r ON r.session_id = s.id AND r.status = 'confirmed'
    JOIN parent_group g ON g.id = s.group_id JOIN family f ON f.id = r.family_id
    LEFT JOIN attendance a ON a.session_id = s.id AND a.family_id = r.family_id
   GROUP BY f.id, g.id`;

/** The answers, hand-written: the fewest statements for each, mapped once. */
const ANSWERS = {
  async roster(pool, sessionId) {
    const [s] = (await pool.query(SESSION_SQL, [sessionId])).rows;
    const { rows: families } = await pool.query(ROSTER_SQL, [sessionId, s.starts_at]);
    const until = new Date(Math.max(s.ends_at.getTime() + 7 * 86_400_000, s.attendance_unlocked_until?.getTime() ?? 0));
    return {
      sessionId,
      groupTitle: s.title.nl,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      kind: s.kind,
      locked: new Date() > until,
      editableUntil: until.toISOString(),
      families,
    };
  },
  async known(pool, sessionId) {
    return { sessionId, families: (await pool.query(KNOWN_SQL, [sessionId])).rows };
  },
  async prompts(pool, staffId) {
    const { rows } = await pool.query(PROMPTS_SQL, [new Date(), staffId]);
    return rows
      .filter((r) => r.statuses[0] === 'absent' && r.statuses[1] === 'absent')
      .map((r) => ({
        familyId: r.id,
        displayName: r.display_name,
        phone: r.phone,
        groupTitle: r.title,
        lastSessions: r.starts.slice(0, 2).map((d) => d.toISOString()),
      }));
  },
  async history(pool, familyId) {
    const [{ rows }, { rows: family }] = await Promise.all([
      pool.query(HISTORY_SQL, [familyId]),
      pool.query(`SELECT id, display_name FROM family WHERE id = $1`, [familyId]),
    ]);
    return {
      family: { id: family[0].id, displayName: family[0].display_name },
      sessions: rows.map((r) => ({ sessionId: r.session_id, groupTitle: r.title, startsAt: r.starts_at.toISOString(), status: r.status })),
    };
  },
};

/** The baseline: `/<scenario>/<id>` answers with `ANSWERS[scenario]`, over node:http. */
async function startBaseline(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  const server = createServer(async (req, res) => {
    const [, scenario, id] = req.url.split('/');
    const body = await ANSWERS[scenario](pool, id);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
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

/** One request; its answer must be 200 with `expected` items (families, sessions or prompts), so a fast error never counts as speed. */
async function get(url, headers, expected) {
  const res = await fetch(url, { headers });
  const body = await res.json();
  const items = Array.isArray(body) ? body : (body.families ?? body.sessions);
  if (res.status !== 200 || items?.length !== expected) throw new Error(`bad answer from ${url}: ${res.status}`);
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

/** Interleaved rounds of one scenario; prints latency alone and throughput at once, with the ratios. */
async function measure({ name, api: apiPath, base: basePath, expected }, cookie) {
  const apiUrl = `${api.base}${apiPath}`;
  const baseUrl = `${baseline.base}${basePath}`;
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
  console.log(`${name}: ${expected} items per answer, ${ROUNDS} interleaved rounds`);
  console.log(`  alone, baseline (hand-written SQL over node:http): ${ms(timesBase)}`);
  console.log(`  alone, Kring API (GET ${apiPath.replace(/[0-9a-f-]{36}/, ':id')}): ${ms(timesApi)}`);
  console.log(`  alone, ratio (baseline time / API time) per round: ${spread(ratiosAlone)}`);
  console.log(`  ${CONCURRENCY} at once, baseline: ${median(rateBase).toFixed(0)} req/s; API: ${median(rateApi).toFixed(0)} req/s`);
  console.log(`  ${CONCURRENCY} at once, ratio (API / baseline) per round: ${spread(ratiosAtOnce)} (target 0.8 or better)`);
}

const db = await freshDatabase('room');
let api;
let baseline;
const c = new pg.Client({ connectionString: db.url });
try {
  api = await startApi(db.url); // applies the migrations
  await c.connect();
  const t0 = performance.now();
  const seeded = await seedScale(c, scaleSizes());
  console.log(`room reads: seeded ${JSON.stringify(seeded.counts)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const cookie = await signIn(api.base, 'bench@kring.test', BENCH_PASSWORD);
  baseline = await startBaseline(db.url);
  const count = async (sql, value) => (await c.query(sql, [value])).rows[0].n;
  const scenarios = [
    {
      name: 'roster',
      api: `/api/v1/sessions/${seeded.lastSession}/roster`,
      base: `/roster/${seeded.lastSession}`,
      expected: await count(
        `SELECT count(*)::int AS n FROM (SELECT family_id FROM registration WHERE session_id = $1
           UNION SELECT family_id FROM attendance WHERE session_id = $1 AND family_id IS NOT NULL) x`,
        seeded.lastSession,
      ),
    },
    {
      name: 'known families',
      api: `/api/v1/sessions/${seeded.dropInSession}/known-families`,
      base: `/known/${seeded.dropInSession}`,
      expected: (await ANSWERS.known(c, seeded.dropInSession)).families.length,
    },
    {
      name: 'family history',
      api: `/api/v1/families/${seeded.family}/attendance`,
      base: `/history/${seeded.family}`,
      expected: await count(`SELECT count(*)::int AS n FROM attendance WHERE family_id = $1`, seeded.family),
    },
    {
      name: 'care prompts',
      api: '/api/v1/care-prompts',
      base: `/prompts/${seeded.worker}`,
      expected: (await ANSWERS.prompts(c, seeded.worker)).length,
    },
  ].filter((x) => !process.env.BENCH_ONLY || x.name.startsWith(process.env.BENCH_ONLY));
  for (const scenario of scenarios) await measure(scenario, cookie);
} finally {
  await c.end().catch(() => undefined);
  await baseline?.stop();
  await api?.stop();
  await db.drop();
}
