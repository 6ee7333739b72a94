// A busy centre after some years, made set-wise and deterministically (the same ids and rows on
// every run, so two runs compare): by default the sizes of issue 20 (40 groups × 300 weekly
// sessions, 50 000 families, ~100 000 registrations, ~1 000 000 marks). BENCH_SCALE=0.1 makes a
// tenth of the sessions and families, for a quick try. Needs the schema (start the API once first).
import { phc } from './support.mjs';

export const BENCH_PASSWORD = 'bench password of some length';

/** SQL: a version-4 UUID made from the text `label` (an SQL expression), the same on every run. */
const id = (label) => `overlay(overlay(md5(${label}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`;

/** The sizes at `scale` (1 = issue 20's). */
export function scaleSizes(scale = Number(process.env.BENCH_SCALE ?? 1)) {
  return {
    groups: 40,
    sessionsPerGroup: Math.max(20, Math.round(300 * scale)),
    families: Math.max(2_000, Math.round(50_000 * scale)),
    /** Per session: families registered (the first of those who come) and families marked. */
    registeredPerSession: 8,
    markedPerSession: 83,
  };
}

/**
 * Fills an empty, migrated database. Each group has its own pool of families (they come back week
 * after week); a session's families are a stretch of that pool; sessions run weekly from eight weeks
 * ahead back; past sessions have their marks, written in session order as a centre writes them.
 * Returns the group worker who leads groups 0 and 3 (`bench@kring.test`) and a few ids to ask about:
 * the latest past session of group 0 (a series) and of group 3 (a drop-in), a family of group 0.
 */
export async function seedScale(c, sizes = scaleSizes(), now = new Date()) {
  const { groups, sessionsPerGroup, families, registeredPerSession, markedPerSession } = sizes;
  const pool = Math.floor(families / groups);
  const [{ id: location }] = (
    await c.query(
      `INSERT INTO location (id, name, street, postal_code, city)
       VALUES (${id("'bench-location'")}, 'Huis van het Kind', 'Markt 1', '9100', 'Sint-Niklaas') RETURNING id`,
    )
  ).rows;
  const [{ id: worker }] = (
    await c.query(
      `INSERT INTO staff_user (id, email, display_name, roles, password_hash)
       VALUES (${id("'bench-worker'")}, 'bench@kring.test', 'Bench Worker', '{group_worker}', $1) RETURNING id`,
      [phc(BENCH_PASSWORD)],
    )
  ).rows;
  await c.query(
    `INSERT INTO parent_group (id, title, description, kind, audience, default_location_id, registration_mode)
     SELECT ${id("'bench-group-' || g")}, jsonb_build_object('nl', 'Groep ' || g), '{"nl":"x"}',
            CASE WHEN g % 4 = 3 THEN 'drop_in' ELSE 'series' END, 'all', $1, 'open'
       FROM generate_series(0, $2::int - 1) g`,
    [location, groups],
  );
  // The worker leads group 0 (a series) and group 3 (a drop-in).
  await c.query(
    `INSERT INTO group_facilitator (group_id, staff_user_id) VALUES (${id("'bench-group-0'")}, $1), (${id("'bench-group-3'")}, $1)`,
    [worker],
  );
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8, 30));
  await c.query(
    `INSERT INTO group_session (id, group_id, starts_at, ends_at, location_id)
     SELECT ${id("'bench-session-' || g || '-' || i")}, ${id("'bench-group-' || g")},
            $1::timestamptz + make_interval(days => 56 - 7 * i), $1::timestamptz + make_interval(days => 56 - 7 * i, mins => 90), $2
       FROM generate_series(0, $3::int - 1) g, generate_series(0, $4::int - 1) i`,
    [first, location, groups, sessionsPerGroup],
  );
  await c.query(
    `INSERT INTO family (id, display_name, phone, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at)
     SELECT ${id("'bench-family-' || n")}, 'Gezin ' || n, '+3247' || lpad(n::text, 7, '0'), 'B' || lpad(upper(to_hex(n)), 5, '0'),
            decode(md5('bench-token-' || n), 'hex'), 'x', $1::timestamptz + interval '1 year', $1::timestamptz - interval '6 years'
       FROM generate_series(0, $2::int - 1) n`,
    [now, families],
  );
  // Session i of group g: the families g * pool + (i * 7 + j * 13) % pool, j = 0 … markedPerSession - 1
  // (13 and the pool share no factor, so no family twice); the first registeredPerSession registered.
  const slots = `FROM generate_series(0, $1::int - 1) g, generate_series(0, $2::int - 1) i, generate_series(0, $3::int - 1) j`;
  const family = `${id("'bench-family-' || (g * $4::int + (i * 7 + j * 13) % $4::int)")}`;
  const session = `${id("'bench-session-' || g || '-' || i")}`;
  await c.query(
    `INSERT INTO registration (family_id, session_id, status, seats, source, created_at, updated_at)
     SELECT ${family}, ${session}, 'confirmed', 1, 'parent',
            $5::timestamptz + make_interval(days => 49 - 7 * i), $5::timestamptz + make_interval(days => 49 - 7 * i)
       ${slots} WHERE j < $6 ORDER BY i DESC, g, j`,
    [groups, sessionsPerGroup, markedPerSession, pool, first, registeredPerSession],
  );
  await c.query(
    `INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at)
     SELECT ${session}, ${family}, (ARRAY['present', 'present', 'present', 'absent', 'excused'])[1 + abs(hashtext(g || '-' || i || '-' || j)) % 5],
            $5, $6::timestamptz + make_interval(days => 56 - 7 * i, mins => 90)
       ${slots} WHERE 56 - 7 * i < 0 ORDER BY i DESC, g, j`,
    [groups, sessionsPerGroup, markedPerSession, pool, worker, first],
  );
  await c.query(`VACUUM ANALYZE`);
  const lastOf = async (group) =>
    (
      await c.query(
        `SELECT id FROM group_session WHERE group_id = ${id(`'bench-group-${group}'`)} AND starts_at < $1 ORDER BY starts_at DESC LIMIT 1`,
        [now],
      )
    ).rows[0].id;
  const lastSession = await lastOf(0);
  const dropInSession = await lastOf(3);
  const counts = (
    await c.query(
      `SELECT (SELECT count(*) FROM family)::int AS families, (SELECT count(*) FROM group_session)::int AS sessions,
              (SELECT count(*) FROM registration)::int AS registrations, (SELECT count(*) FROM attendance)::int AS marks`,
    )
  ).rows[0];
  return {
    worker,
    location,
    lastSession,
    dropInSession,
    family: (await c.query(`SELECT ${id("'bench-family-0'")} AS id`)).rows[0].id,
    counts,
  };
}
