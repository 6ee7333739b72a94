// Issue "Parents register", benchmark: 300 concurrent registrations for a 12-seat session through
// the API — confirmed count (must be exactly 12), errors, requests per second — against a baseline
// doing the same seat-taking transaction in raw SQL over a pool in the same run. Target ratio: 0.5
// or better. Needs PostgreSQL (DATABASE_URL) and a built API (npm run build).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freshDatabase, startApi } from './support.mjs';

const N = 300;
const SEATS = 12;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function makeSession(c, location) {
  const [{ id: group }] = (
    await c.query(
      `INSERT INTO parent_group (title, description, kind, audience, default_location_id, capacity, registration_mode)
     VALUES ('{"nl":"Race"}', '{"nl":"x"}', 'one_off', 'all', $1, $2, 'open') RETURNING id`,
      [location, SEATS],
    )
  ).rows;
  const start = new Date(Date.now() + 7 * 86_400_000);
  const [{ id }] = (
    await c.query(
      `INSERT INTO group_session (group_id, starts_at, ends_at, location_id, seat_capacity) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [group, start, new Date(start.getTime() + 5_400_000), location, SEATS],
    )
  ).rows;
  return id;
}

async function counts(c, sessionId) {
  const { rows } = await c.query(`SELECT status, count(*)::int AS n FROM registration WHERE session_id = $1 GROUP BY status`, [sessionId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

const db = await freshDatabase('race');
let api;
const c = new pg.Client({ connectionString: db.url });
const pool = new pg.Pool({ connectionString: db.url, max: 10 });
try {
  api = await startApi(db.url);
  await c.connect();
  const [{ id: location }] = (
    await c.query(`INSERT INTO location (name, street, postal_code, city) VALUES ('Huis', 'Markt 1', '9100', 'Sint-Niklaas') RETURNING id`)
  ).rows;
  const xsrf = randomBytes(32).toString('base64url');
  let phone = 470_100_000;

  // Round 0 warms both sides up (the API's code is compiled by the JIT on first use; the pool
  // connects) and is not reported.
  for (let round = 0; round <= ROUNDS; round++) {
    // Through the API, as parents' phones would.
    const apiSession = await makeSession(c, location);
    let t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        fetch(`${api.base}/api/v1/public/registrations`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: `XSRF-TOKEN=${xsrf}`,
            'x-xsrf-token': xsrf,
            'x-forwarded-for': `10.${round}.${Math.floor(i / 250)}.${i % 250}`,
          },
          body: JSON.stringify({
            sessionId: apiSession,
            displayName: 'Race',
            phone: `0${++phone}`,
            children: [],
            needs: [],
            locale: 'nl',
            consentNoticeVersion: '2026-11',
            consentGiven: true,
          }),
        }).then((r) => r.status),
      ),
    );
    const apiSeconds = (performance.now() - t0) / 1000;
    const errors = answers.filter((s) => s !== 201).length;
    const apiCounts = await counts(c, apiSession);

    // Baseline: the same seat-taking transaction in raw SQL, 300 at once over a pool.
    const sqlSession = await makeSession(c, location);
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const {
            rows: [family],
          } = await client.query(
            `INSERT INTO family (display_name, phone, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at)
             VALUES ('Race', $1, $2, $3, 'x', now() + interval '1 year', now()) RETURNING id`,
            [`+32${++phone}`, randomBytes(4).toString('hex').slice(0, 6).toUpperCase() + i, randomBytes(32)],
          );
          const {
            rows: [reg],
          } = await client.query(
            `INSERT INTO registration (family_id, session_id, status, seats, source, created_at, updated_at) VALUES ($1, $2, 'waitlisted', 1, 'parent', now(), now()) RETURNING id`,
            [family.id, sqlSession],
          );
          const {
            rows: [s],
          } = await client.query(`SELECT seat_capacity, seats_taken FROM group_session WHERE id = $1 FOR NO KEY UPDATE`, [sqlSession]);
          const fits = s.seats_taken + 1 <= s.seat_capacity;
          if (fits) await client.query(`UPDATE group_session SET seats_taken = seats_taken + 1 WHERE id = $1`, [sqlSession]);
          await client.query(`UPDATE registration SET status = $2 WHERE id = $1`, [reg.id, fits ? 'confirmed' : 'waitlisted']);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      }),
    );
    const sqlSeconds = (performance.now() - t0) / 1000;
    const sqlCounts = await counts(c, sqlSession);
    const apiRate = N / apiSeconds;
    const sqlRate = N / sqlSeconds;
    if (apiCounts.confirmed !== SEATS || sqlCounts.confirmed !== SEATS || errors > 0) process.exitCode = 1;
    if (round === 0) continue;
    console.log(`registration-race round ${round}: ${N} at once for ${SEATS} seats`);
    console.log(
      `  Kring API: ${apiCounts.confirmed ?? 0} confirmed, ${apiCounts.waitlisted ?? 0} waitlisted, ${errors} errors, ${apiRate.toFixed(0)} req/s`,
    );
    console.log(`  raw SQL baseline: ${sqlCounts.confirmed ?? 0} confirmed, ${sqlRate.toFixed(0)} tx/s`);
    console.log(`  ratio: ${(apiRate / sqlRate).toFixed(2)} (target 0.5 or better, exactly ${SEATS} confirmed every time)`);
  }
} finally {
  await pool.end().catch(() => undefined);
  await c.end().catch(() => undefined);
  await api?.stop();
  await db.drop();
}
