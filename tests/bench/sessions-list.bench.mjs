// Issue "Planning", benchmark: list one month of sessions for 50 groups (~1,500 sessions) through
// the API, against a baseline that serves the same rows from one raw SQL query over node:http in
// the same run. Prints both throughputs and their ratio (target: 0.8 or better). Needs PostgreSQL
// (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and a built API (npm run build).
import { createServer } from 'node:http';
import pg from 'pg';
import { freshDatabase, freePort, phc, signIn, startApi, throughput } from './support.mjs';

const GROUPS = 50;
const FROM = '2026-03-01T00:00:00+01:00';
const TO = '2026-04-01T00:00:00+02:00';

const SQL = `
  SELECT s.id, s.group_id, g.title ->> 'nl' AS title, g.kind, s.starts_at, s.ends_at, s.location_id, l.name AS location_name,
         s.room_id, r.name AS room_name, coalesce(s.capacity_override, g.capacity) AS capacity, s.status, s.cancellation_reason,
         s.edited_fields,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                     FROM session_facilitator sf JOIN staff_user u ON u.id = sf.staff_user_id WHERE sf.session_id = s.id), '[]') AS facilitators
    FROM group_session s JOIN parent_group g ON g.id = s.group_id JOIN location l ON l.id = s.location_id
    LEFT JOIN room r ON r.id = s.room_id
   WHERE s.starts_at < $2 AND s.ends_at > $1 ORDER BY s.starts_at, s.id`;

async function seed(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const [{ id: location }] = (
    await c.query(
      `INSERT INTO location (name, street, postal_code, city) VALUES ('Huis van het Kind', 'Markt 1', '9100', 'Sint-Niklaas') RETURNING id`,
    )
  ).rows;
  const [{ id: room }] = (await c.query(`INSERT INTO room (location_id, name) VALUES ($1, 'Zaal') RETURNING id`, [location])).rows;
  const [{ id: worker }] = (
    await c.query(
      `INSERT INTO staff_user (email, display_name, roles, password_hash) VALUES ('bench@kring.test', 'Bench Worker', '{group_worker}', $1) RETURNING id`,
      [phc('bench password of some length')],
    )
  ).rows;
  for (let g = 0; g < GROUPS; g++) {
    const [{ id: group }] = (
      await c.query(
        `INSERT INTO parent_group (title, description, kind, audience, default_location_id, default_room_id, capacity, registration_mode)
       VALUES ($1, '{"nl":"x"}', 'series', 'all', $2, $3, 12, 'open') RETURNING id`,
        [{ nl: `Groep ${g}` }, location, room],
      )
    ).rows;
    await c.query(`INSERT INTO group_facilitator (group_id, staff_user_id) VALUES ($1, $2)`, [group, worker]);
    // One session a day in March: about 1,550 in all.
    await c.query(
      `WITH s AS (
         INSERT INTO group_session (group_id, series_date, starts_at, ends_at, location_id, room_id)
         SELECT $1, d::date, d + interval '9 hours', d + interval '10 hours 30 minutes', $2, NULL
           FROM generate_series(timestamptz '2026-03-01 00:00+01', timestamptz '2026-03-31 00:00+02', interval '1 day') d
         RETURNING id)
       INSERT INTO session_facilitator (session_id, staff_user_id) SELECT id, $3 FROM s`,
      [group, location, worker],
    );
  }
  const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM group_session WHERE starts_at < $2 AND ends_at > $1`, [FROM, TO])).rows;
  await c.end();
  return n;
}

/** The baseline: the same rows, one query, mapped once, over node:http. */
async function startBaseline(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const server = createServer(async (req, res) => {
    const q = new URL(req.url, 'http://x').searchParams;
    const { rows } = await pool.query(SQL, [q.get('from'), q.get('to')]);
    const body = rows.map((r) => ({
      id: r.id,
      group: { id: r.group_id, title: r.title, kind: r.kind },
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      location: { id: r.location_id, name: r.location_name },
      room: r.room_id ? { id: r.room_id, name: r.room_name } : null,
      capacity: r.capacity,
      status: r.status,
      cancellationReason: r.cancellation_reason,
      facilitators: r.facilitators,
      editedFields: r.edited_fields,
    }));
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

const db = await freshDatabase('sessions');
let api;
let baseline;
try {
  api = await startApi(db.url); // applies the migrations
  const sessions = await seed(db.url);
  const cookie = await signIn(api.base, 'bench@kring.test', 'bench password of some length');
  baseline = await startBaseline(db.url);
  const query = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;
  const check = (body) => Array.isArray(body) && body.length === sessions;
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const base = await throughput(`${baseline.base}/?${query}`, { seconds, check });
  const kring = await throughput(`${api.base}/api/v1/sessions?${query}`, { seconds, check, headers: { cookie } });
  console.log(`sessions-list: ${sessions} sessions of ${GROUPS} groups per answer`);
  console.log(`  baseline (raw SQL over node:http): ${base.toFixed(1)} req/s`);
  console.log(`  Kring API (GET /api/v1/sessions):  ${kring.toFixed(1)} req/s`);
  console.log(`  ratio: ${(kring / base).toFixed(2)} (target 0.8 or better)`);
} finally {
  await baseline?.stop();
  await api?.stop();
  await db.drop();
}
