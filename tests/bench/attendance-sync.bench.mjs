// Issue "Attendance", benchmark: a batch of 30 attendance taps through the API (median time), and
// the ratio of the raw SQL upsert of the same rows (one statement) in the same run to it.
// Target: 0.5 or better. Needs PostgreSQL (DATABASE_URL) and a built API (npm run build).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { freshDatabase, phc, signIn, startApi } from './support.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const db = await freshDatabase('attendance');
let api;
const c = new pg.Client({ connectionString: db.url });
try {
  api = await startApi(db.url);
  await c.connect();
  const [{ id: location }] = (
    await c.query(`INSERT INTO location (name, street, postal_code, city) VALUES ('Huis', 'Markt 1', '9100', 'Sint-Niklaas') RETURNING id`)
  ).rows;
  const [{ id: worker }] = (
    await c.query(
      `INSERT INTO staff_user (email, display_name, roles, password_hash) VALUES ('bench@kring.test', 'Bench', '{group_worker}', $1) RETURNING id`,
      [phc('bench password of some length')],
    )
  ).rows;
  const [{ id: group }] = (
    await c.query(
      `INSERT INTO parent_group (title, description, kind, audience, default_location_id, registration_mode) VALUES ('{"nl":"G"}', '{"nl":"x"}', 'series', 'all', $1, 'open') RETURNING id`,
      [location],
    )
  ).rows;
  await c.query(`INSERT INTO group_facilitator (group_id, staff_user_id) VALUES ($1, $2)`, [group, worker]);
  // Under way now: present and absent are taken from the session's day on (an hour ahead could be tomorrow).
  const start = new Date(Date.now() - 60_000);
  const [{ id: session }] = (
    await c.query(`INSERT INTO group_session (group_id, starts_at, ends_at, location_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
      group,
      start,
      new Date(start.getTime() + 5_400_000),
      location,
    ])
  ).rows;
  const families = [];
  for (let i = 0; i < 30; i++) {
    const [{ id }] = (
      await c.query(
        `INSERT INTO family (display_name, phone, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at)
       VALUES ($1, $2, $3, $4, 'x', now() + interval '1 year', now()) RETURNING id`,
        [`Gezin ${i}`, `+3247000${String(i).padStart(4, '0')}`, `B${String(i).padStart(5, '0')}`.slice(0, 6), Buffer.from(randomUUID())],
      )
    ).rows;
    await c.query(
      `INSERT INTO registration (family_id, session_id, status, seats, source, created_at, updated_at) VALUES ($1, $2, 'confirmed', 1, 'parent', now(), now())`,
      [id, session],
    );
    families.push(id);
  }
  const cookie = await signIn(api.base, 'bench@kring.test', 'bench password of some length');
  const xsrf = cookie
    .split('; ')
    .find((p) => p.startsWith('XSRF-TOKEN='))
    .split('=')[1];
  const statuses = ['present', 'absent', 'excused'];

  const viaApi = [];
  const viaSql = [];
  const emptyBatch = [];
  for (let round = 0; round < ROUNDS; round++) {
    const status = statuses[round % 3];
    const ops = families.map((familyId) => ({
      id: randomUUID(),
      kind: 'attendance',
      sessionId: session,
      familyId,
      status,
      at: new Date().toISOString(),
    }));
    let t0 = performance.now();
    const res = await fetch(`${api.base}/api/v1/attendance/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-xsrf-token': xsrf },
      body: JSON.stringify({ ops }),
    });
    const body = await res.json();
    if (res.status !== 200 || !body.results.every((r) => r.ok)) throw new Error(`bad sync answer: ${res.status}`);
    viaApi.push(performance.now() - t0);

    // The same request with an empty batch: what the HTTP path alone (sign-in check, anti-forgery
    // check, parsing, answer) costs, shown next to the result to read it by.
    t0 = performance.now();
    await fetch(`${api.base}/api/v1/attendance/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-xsrf-token': xsrf },
      body: '{"ops":[]}',
    }).then((r) => r.text());
    emptyBatch.push(performance.now() - t0);

    t0 = performance.now();
    await c.query(
      `INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at)
       SELECT $1, f, $3, $4, now() FROM unnest($2::uuid[]) f
       ON CONFLICT (session_id, family_id) WHERE family_id IS NOT NULL DO UPDATE SET status = EXCLUDED.status, recorded_at = EXCLUDED.recorded_at`,
      [session, families, statuses[(round + 1) % 3], worker],
    );
    viaSql.push(performance.now() - t0);
  }
  const api50 = median(viaApi.slice(5));
  const sql50 = median(viaSql.slice(5));
  console.log(`attendance-sync: a batch of 30 taps, ${ROUNDS} rounds`);
  console.log(`  raw SQL upsert of the same rows: median ${sql50.toFixed(2)} ms`);
  console.log(`  Kring API (POST /api/v1/attendance/sync): median ${api50.toFixed(2)} ms`);
  console.log(
    `    of which the request path alone (the same POST with an empty batch): median ${median(emptyBatch.slice(5)).toFixed(2)} ms`,
  );
  console.log(`  ratio (SQL / API): ${(sql50 / api50).toFixed(2)} (target 0.5 or better)`);
} finally {
  await c.end().catch(() => undefined);
  await api?.stop();
  await db.drop();
}
