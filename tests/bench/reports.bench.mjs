// Issue 15, benchmark: the funder report "Bereik" over five years of synthetic data (2021-2025: 20 000
// families, 40 groups at 8 places, two sessions a week each, about 1 050 000 attendance marks, drop-in
// tallies), generated deterministically with set-based SQL through the real triggers. Interleaved rounds:
// the API (GET /api/v1/reports/reach, coordinator, suppression and all) and, in the same round, the best
// hand-written SQL for the same numbers (the two statements over the summary tables, side by side on two
// connections), for one year and for all five. Prints p50/p95 and the ratio SQL / API.
// Target: the API's p95 under 200 ms. Needs PostgreSQL (DATABASE_URL) and a built API (npm run build).
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { freshDatabase, phc, signIn, startApi } from './support.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARM_UP = 5;
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

// The coordinator needs two-factor: the bench seals a known TOTP secret with a key it gives the API.
const SECRET_KEY = createHash('sha256').update('kring reports bench key').digest();
process.env.KRING_SECRET_KEY = SECRET_KEY.toString('base64');
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function seal(plain) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', SECRET_KEY, nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

function totp(base32, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const o = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const SEED = [
  `INSERT INTO staff_user (id, email, display_name, roles, password_hash, totp_secret_enc, totp_enabled_at)
   VALUES (md5('coordinator')::uuid, 'coordinator@bench.kring.test', 'Bench Coordinator', '{coordinator}', $1, $2, now())`,
  `INSERT INTO location (id, name, street, postal_code, city)
   SELECT md5('loc' || i)::uuid, 'Huis van het Kind ' || i, 'Markt ' || i, '9100', 'Sint-Niklaas' FROM generate_series(1, 8) i`,
  // 10 drop-ins, 30 weekly groups.
  `INSERT INTO parent_group (id, title, description, kind, audience, default_location_id, registration_mode)
   SELECT md5('grp' || g)::uuid, jsonb_build_object('nl', 'Groep ' || g), '{"nl":"x"}', CASE WHEN g <= 10 THEN 'drop_in' ELSE 'series' END,
          'all', md5('loc' || (1 + g % 8))::uuid, CASE WHEN g <= 10 THEN 'none' ELSE 'open' END
     FROM generate_series(1, 40) g`,
  // Two weekdays per group, 2021-01-04 to 2025-12-31, in Brussels time: about 20 900 sessions.
  `INSERT INTO group_session (id, group_id, starts_at, ends_at, location_id, status, cancellation_reason)
   SELECT md5('s' || g || d)::uuid, md5('grp' || g)::uuid, (d + time '09:30') AT TIME ZONE 'Europe/Brussels',
          (d + time '11:00') AT TIME ZONE 'Europe/Brussels', md5('loc' || (1 + g % 8))::uuid,
          CASE WHEN (g + extract(doy FROM d)::int) % 50 = 0 THEN 'cancelled' ELSE 'planned' END,
          CASE WHEN (g + extract(doy FROM d)::int) % 50 = 0 THEN 'ziekte' END
     FROM generate_series(1, 40) g, generate_series(date '2021-01-04', date '2025-12-31', interval '1 day') AS d
    WHERE extract(isodow FROM d) IN (1 + g % 5, 1 + (g + 2) % 5)`,
  // 20 000 families, 500 per home group; one child each (a second for every third), born 2016 to mid-2026.
  `INSERT INTO family (id, display_name, phone, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at)
   SELECT md5('fam' || i)::uuid, 'Gezin ' || i, '+3247' || lpad(i::text, 7, '0'), 'B' || i, decode(md5('t' || i), 'hex'), 'x',
          timestamptz '2027-01-01', timestamptz '2021-01-01'
     FROM generate_series(0, 19999) i`,
  `INSERT INTO family_child (family_id, month)
   SELECT md5('fam' || i)::uuid, date '2016-01-01' + make_interval(months => (i * 37) % 126) FROM generate_series(0, 19999) i
   UNION ALL
   SELECT md5('fam' || i)::uuid, date '2016-01-01' + make_interval(months => (i * 53) % 126) FROM generate_series(0, 19999, 3) i`,
  // Tallies at drop-ins.
  `INSERT INTO tally_entry (session_id, category, delta, recorded_by, recorded_at)
   SELECT s.id, c.category, 1 + (abs(hashtext(s.id::text || c.category)) % c.most), md5('coordinator')::uuid, s.ends_at
     FROM group_session s JOIN parent_group g ON g.id = s.group_id AND g.kind = 'drop_in',
          (VALUES ('adults', 20), ('children_pregnancy', 3), ('children_0_1', 8), ('children_1_3', 8), ('children_3_6', 6),
                  ('children_6_plus', 4), ('first_visit', 4)) AS c(category, most)
    WHERE s.status = 'planned'`,
];

// Attendance, one year per statement (so the triggers' transition tables stay a manageable size): each
// session of a group marks 50 of its 500 families, a window that moves 4 families a session (so families
// come for a while, stop, and return a year or so later); 10% absent, 10% excused, drop-ins all present.
const ATTENDANCE = `
  INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at)
  SELECT s.id, md5('fam' || (40 * ((s.n * 4 + k) % 500) + s.g - 1))::uuid,
         CASE WHEN s.kind = 'drop_in' THEN 'present' WHEN (s.n + k) % 10 = 0 THEN 'absent' WHEN (s.n + k) % 10 = 1 THEN 'excused' ELSE 'present' END,
         md5('coordinator')::uuid, s.ends_at
    FROM (SELECT s.id, s.ends_at, s.starts_at, g.kind, gm.g, row_number() OVER (PARTITION BY s.group_id ORDER BY s.starts_at) AS n
            FROM group_session s JOIN parent_group g ON g.id = s.group_id
            JOIN (SELECT g, md5('grp' || g)::uuid AS id FROM generate_series(1, 40) g) gm ON gm.id = g.id
           WHERE s.status = 'planned') s,
         generate_series(0, 49) k
   WHERE s.starts_at >= make_date($1, 1, 1) AND s.starts_at < make_date($1 + 1, 1, 1)`;

/** The best hand-written SQL for the same numbers: what the API's repository runs, straight on a pool. */
const FAMILIES_SQL = `
  SELECT GROUPING(month, location_id, group_id) AS level, to_char(month, 'YYYY-MM') AS month, location_id, group_id,
         count(DISTINCT visitor)::int AS families,
         count(DISTINCT visitor) FILTER (WHERE first_month >= $1::date)::int AS new_in_period,
         count(DISTINCT visitor) FILTER (WHERE first_month = month)::int AS new_in_month,
         count(DISTINCT visitor) FILTER (WHERE first_1000_visits > 0)::int AS first_1000
    FROM (SELECT r.month, r.location_id, r.group_id, r.visitor, r.first_1000_visits, v.first_month
            FROM report_reach r JOIN report_visitor v ON v.visitor = r.visitor
           WHERE r.month BETWEEN $1::date AND $2::date) x
   GROUP BY GROUPING SETS ((month), (location_id), (group_id), ())`;
const SESSIONS_SQL = `
  SELECT GROUPING(month, location_id, group_id) AS level, to_char(month, 'YYYY-MM') AS month, location_id, group_id,
         count(*) FILTER (WHERE held)::int AS sessions_held,
         coalesce(sum(present) FILTER (WHERE registered), 0)::int AS present,
         coalesce(sum(present + absent + excused) FILTER (WHERE registered), 0)::int AS marked,
         coalesce(sum(adults), 0)::int AS adults, coalesce(sum(children_pregnancy), 0)::int AS children_pregnancy,
         coalesce(sum(children_0_1), 0)::int AS children_0_1, coalesce(sum(children_1_3), 0)::int AS children_1_3,
         coalesce(sum(children_3_6), 0)::int AS children_3_6, coalesce(sum(children_6_plus), 0)::int AS children_6_plus,
         coalesce(sum(first_visit), 0)::int AS first_visit
    FROM (SELECT date_trunc('month', s.starts_at AT TIME ZONE 'Europe/Brussels')::date AS month, s.location_id, s.group_id,
                 s.ends_at <= now() AS held, g.kind <> 'drop_in' AS registered, rs.*
            FROM group_session s JOIN parent_group g ON g.id = s.group_id LEFT JOIN report_session rs ON rs.session_id = s.id
           WHERE s.status <> 'cancelled'
             AND s.starts_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/Brussels'
             AND s.starts_at < ($2::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Brussels') x
   GROUP BY GROUPING SETS ((month), (location_id), (group_id), ())`;

async function coordinatorCookie(base) {
  const cookie = await signIn(base, 'coordinator@bench.kring.test', 'bench password of some length');
  const xsrf = cookie
    .split('; ')
    .find((p) => p.startsWith('XSRF-TOKEN='))
    .split('=')[1];
  const res = await fetch(`${base}/api/v1/auth/two-factor/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-xsrf-token': xsrf },
    body: JSON.stringify({ code: totp(TOTP_SECRET) }),
  });
  if (res.status !== 200) throw new Error(`bench two-factor failed: ${res.status} ${await res.text()}`);
  const renewed = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const jar = new Map(cookie.split('; ').map((p) => [p.split('=')[0], p]));
  for (const c of renewed) jar.set(c.split('=')[0], c);
  return [...jar.values()].join('; ');
}

const db = await freshDatabase('reports');
let api;
const c = new pg.Client({ connectionString: db.url });
const pool = new pg.Pool({ connectionString: db.url, max: 2, options: '-c jit=off' });
try {
  api = await startApi(db.url); // applies the migrations
  await c.connect();
  let t0 = performance.now();
  await c.query(SEED[0], [phc('bench password of some length'), seal(TOTP_SECRET)]);
  for (const sql of SEED.slice(1)) await c.query(sql);
  for (let year = 2021; year <= 2025; year++) await c.query(ATTENDANCE, [year]);
  await c.query('ANALYZE');
  const [size] = (
    await c.query(`SELECT (SELECT count(*) FROM attendance)::int AS attendance, (SELECT count(*) FROM family)::int AS families,
                          (SELECT count(*) FROM group_session)::int AS sessions, (SELECT count(*) FROM report_reach)::int AS reach_rows`)
  ).rows;
  console.log(
    `reports: seeded ${size.attendance} attendance marks, ${size.families} families, ${size.sessions} sessions of 40 groups ` +
      `(${size.reach_rows} summary rows) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  if (size.attendance < 1_000_000) throw new Error('fewer than 1 000 000 attendance marks');

  const cookie = await coordinatorCookie(api.base);
  const windows = [
    { name: 'one year (2025)', from: '2025-01', to: '2025-12' },
    { name: 'five years (2021-2025)', from: '2021-01', to: '2025-12' },
  ];
  const times = new Map(windows.map((w) => [w.name, { api: [], sql: [] }]));
  for (let round = 0; round < ROUNDS + WARM_UP; round++) {
    for (const w of windows) {
      t0 = performance.now();
      const res = await fetch(`${api.base}/api/v1/reports/reach?from=${w.from}&to=${w.to}`, { headers: { cookie } });
      const body = await res.json();
      if (res.status !== 200 || typeof body.total?.counts?.families !== 'number') throw new Error(`bad report answer: ${res.status}`);
      const apiMs = performance.now() - t0;

      t0 = performance.now();
      const params = [`${w.from}-01`, `${w.to}-01`];
      await Promise.all([pool.query(FAMILIES_SQL, params), pool.query(SESSIONS_SQL, params)]);
      const sqlMs = performance.now() - t0;
      if (round >= WARM_UP) {
        times.get(w.name).api.push(apiMs);
        times.get(w.name).sql.push(sqlMs);
      }
      if (round === WARM_UP && w === windows[0])
        console.log(
          `  (2025: ${body.total.counts.families} families reached, ${body.total.counts.first1000Families} in the first 1000 days)`,
        );
    }
  }
  console.log(`reports: ${ROUNDS} interleaved rounds per window (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
  for (const w of windows) {
    const { api: a, sql: s } = times.get(w.name);
    const [a50, a95, s50, s95] = [quantile(a, 0.5), quantile(a, 0.95), quantile(s, 0.5), quantile(s, 0.95)];
    console.log(`  ${w.name}:`);
    console.log(`    hand-written SQL (same two statements, two connections): p50 ${s50.toFixed(1)} ms, p95 ${s95.toFixed(1)} ms`);
    console.log(`    Kring API (GET /api/v1/reports/reach, suppressed):      p50 ${a50.toFixed(1)} ms, p95 ${a95.toFixed(1)} ms`);
    console.log(`    ratio SQL / API (p50): ${(s50 / a50).toFixed(2)}; API p95 ${a95 < 200 ? 'under' : 'OVER'} the 200 ms target`);
  }
} finally {
  await pool.end().catch(() => undefined);
  await c.end().catch(() => undefined);
  await api?.stop();
  await db.drop();
}
