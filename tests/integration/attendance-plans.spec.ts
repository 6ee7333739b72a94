import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { Clock } from '../../apps/api/src/common/clock';
import { StaffClient } from './support/staff-client';
import { makeLocation, makeStaff, type MadeStaff } from './support/staff-factory';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The room's reads must cost what the session or family they are about costs, not what the whole
 * database holds: on a centre with some history (20 000 families, 40 groups of 50 weekly sessions,
 * ~40 000 registrations and ~36 000 marks), every query the roster, the known families, a family's
 * history and the care prompts run is explained as the API runs it, and no plan may read `family`
 * or `attendance` whole (a Seq Scan) or JIT-compile. The data is made set-wise in a few statements.
 *
 * On PostgreSQL (DATABASE_URL) only, as in CI: these are PostgreSQL's plans and JIT, and the
 * embedded PGlite takes close to a minute to make this much data.
 */
const FAMILIES = 20_000;
const GROUPS = 40;
const SESSIONS_PER_GROUP = 50;
const PER_SESSION = 20;
const WATCHED = ['family', 'attendance'];
/**
 * A group's series reads the latest registration per enrolment: `registration` may not be read whole
 * either. (`enrolment`, a few hundred rows here, is read by group or by key at any real size.)
 */
const SERIES_WATCHED = [...WATCHED, 'registration'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, watched: string[]): string[] {
  const own = node['Node Type'] === 'Seq Scan' && watched.includes(node['Relation Name'] ?? '') ? [node['Relation Name'] as string] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => seqScans(child, watched))];
}

describe.skipIf(!inject('serverUrl'))('The room’s reads at the size of a centre with years of data', () => {
  let t: TestApp;
  const now = new Date('2026-06-10T08:00:00Z');
  let coordinator: StaffClient;
  let worker: StaffClient;
  let ip = 0;
  const client = async (who: MadeStaff): Promise<StaffClient> => {
    const c = new StaffClient(t, `10.9.0.${++ip}`);
    await c.signInFully(who.email, who.password, who.totpSecret, now);
    return c;
  };
  let rosterSession: string;
  let dropInSession: string;
  let family: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).now = () => now;
    const c = await makeStaff(t, { roles: ['coordinator'], twoFactor: true });
    const w = await makeStaff(t);
    coordinator = await client(c);
    worker = await client(w);
    const location = await makeLocation(t);
    await t.db.query(
      `INSERT INTO parent_group (title, description, kind, audience, default_location_id, registration_mode)
       SELECT jsonb_build_object('nl', 'Groep ' || g), '{"nl":"x"}', CASE WHEN g % 4 = 0 THEN 'drop_in' ELSE 'series' END, 'all', $1, 'open'
         FROM generate_series(1, $2::int) g`,
      [location, GROUPS],
    );
    await t.db.query(
      `INSERT INTO group_facilitator (group_id, staff_user_id) SELECT id, $1 FROM parent_group ORDER BY title ->> 'nl' LIMIT 4`,
      [w.id],
    );
    // Weekly sessions, from two weeks ahead to about a year back.
    await t.db.query(
      `INSERT INTO group_session (group_id, starts_at, ends_at, location_id)
       SELECT g.id, $1::timestamptz + make_interval(days => 14 - 7 * i), $1::timestamptz + make_interval(days => 14 - 7 * i, mins => 90), $2
         FROM parent_group g, generate_series(0, $3::int - 1) i`,
      [now, location, SESSIONS_PER_GROUP],
    );
    await t.db.query(
      `INSERT INTO family (display_name, phone, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at)
       SELECT 'Gezin ' || n, '+3247' || lpad(n::text, 7, '0'), 'Q' || lpad(to_hex(n), 5, '0'), decode(md5(n::text), 'hex'), 'x',
              $1::timestamptz + interval '1 year', $1::timestamptz - interval '2 years'
         FROM generate_series(1, $2::int) n`,
      [now, FAMILIES],
    );
    // The regulars: half a session's families, enrolled in their group's series.
    await t.db.query(
      `WITH g AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS gn FROM parent_group),
            f AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM family)
       INSERT INTO enrolment (family_id, group_id, created_at)
       SELECT f.id, g.id, $2::timestamptz - interval '1 year' FROM g JOIN f ON f.n / ($1::int / 2) = g.gn`,
      [PER_SESSION, now],
    );
    // Each session: PER_SESSION families, half of them the group's regulars, half a different stretch
    // per session; marks where it has passed. Both written in the order of the sessions, as they come
    // in a centre (registrations the week before, marks on the day).
    await t.db.query(
      `WITH g AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS gn FROM parent_group),
            s AS (SELECT s.id, s.group_id, s.starts_at, g.gn, row_number() OVER (ORDER BY s.id) AS k
                    FROM group_session s JOIN g ON g.id = s.group_id),
            f AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM family),
            half AS (SELECT $1::int / 2 AS h)
       INSERT INTO registration (family_id, session_id, enrolment_id, status, seats, source, created_at, updated_at)
       SELECT f.id, s.id, e.id, 'confirmed', 1, 'parent', s.starts_at - interval '7 days', s.starts_at - interval '7 days'
         FROM s CROSS JOIN half CROSS JOIN generate_series(0, $1::int - 1) j
         JOIN f ON f.n = CASE WHEN j < h THEN s.gn * h + j ELSE h * $3 + (s.k * 37 + j * 101) % ($2 - h * $3) END
         LEFT JOIN enrolment e ON e.family_id = f.id AND e.group_id = s.group_id AND j < h
        ORDER BY s.starts_at, s.id`,
      [PER_SESSION, FAMILIES, GROUPS],
    );
    await t.db.query(
      `INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at)
       SELECT r.session_id, r.family_id, (ARRAY['present', 'present', 'absent', 'excused'])[1 + abs(hashtext(r.id::text)) % 4], $2, s.ends_at
         FROM registration r JOIN group_session s ON s.id = r.session_id WHERE s.ends_at < $1
        ORDER BY s.starts_at, s.id`,
      [now, c.id],
    );
    // As autovacuum leaves it.
    await t.db.query(`VACUUM ANALYZE`);
    const [mine] = await t.db.query(
      `SELECT s.id FROM group_session s JOIN group_facilitator gf ON gf.group_id = s.group_id AND gf.staff_user_id = $1
        WHERE s.starts_at < $2 ORDER BY s.starts_at DESC LIMIT 1`,
      [w.id, now],
    );
    rosterSession = mine.id;
    const [dropIn] = await t.db.query(
      `SELECT s.id FROM group_session s JOIN parent_group g ON g.id = s.group_id
        WHERE g.kind = 'drop_in' AND s.starts_at < $1 ORDER BY s.starts_at DESC LIMIT 1`,
      [now],
    );
    dropInSession = dropIn.id;
    const [attended] = await t.db.query(`SELECT family_id FROM attendance WHERE session_id = $1 LIMIT 1`, [rosterSession]);
    family = attended.family_id;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Every statement the API runs for `path`, as it runs it (text and values), with its plan. */
  const plansOf = async (c: StaffClient, path: string, tables = /\b(family|attendance)\b/) => {
    const spy = vi.spyOn(t.db.logger, 'logQuery'); // every statement TypeORM sends passes here
    let res: Response;
    let statements: Array<{ sql: string; params: unknown[] }>;
    try {
      res = await c.get(path);
      statements = spy.mock.calls.map(([sql, params]) => ({ sql, params: (params ?? []) as unknown[] }));
    } finally {
      spy.mockRestore();
    }
    expect(res.status).toBe(200);
    const plans = [];
    for (const s of statements.filter((x) => tables.test(x.sql))) {
      const [{ 'QUERY PLAN': plan }] = await t.db.query(`EXPLAIN (FORMAT JSON) ${s.sql}`, s.params);
      plans.push({ sql: s.sql.replace(/\s+/g, ' ').slice(0, 120), plan: plan[0] as { Plan: PlanNode; JIT?: unknown } });
    }
    expect(plans.length).toBeGreaterThan(0);
    return plans;
  };

  const expectIndexedWithoutJit = (plans: Awaited<ReturnType<typeof plansOf>>, watched = WATCHED) => {
    for (const { sql, plan } of plans) {
      expect({ sql, seqScans: seqScans(plan.Plan, watched), jit: 'JIT' in plan }).toEqual({ sql, seqScans: [], jit: false });
    }
  };

  it('should read a roster from the session’s own rows', async () => {
    expectIndexedWithoutJit(await plansOf(worker, `/api/v1/sessions/${rosterSession}/roster`));
    const roster = await (await worker.get(`/api/v1/sessions/${rosterSession}/roster`)).json();
    expect(roster.families).toHaveLength(PER_SESSION);
  });

  it('should read a drop-in’s known families from its group’s sessions', async () => {
    expectIndexedWithoutJit(await plansOf(coordinator, `/api/v1/sessions/${dropInSession}/known-families`));
  });

  it('should read a family’s history from its own rows', async () => {
    expectIndexedWithoutJit(await plansOf(worker, `/api/v1/families/${family}/attendance`));
    expectIndexedWithoutJit(await plansOf(coordinator, `/api/v1/families/${family}/attendance`));
  });

  it('should read the care prompts from the recent sessions', async () => {
    expectIndexedWithoutJit(await plansOf(worker, '/api/v1/care-prompts'));
    expectIndexedWithoutJit(await plansOf(coordinator, '/api/v1/care-prompts'));
  });

  it('should read a group’s series enrolments by the group', async () => {
    const [group] = await t.db.query(`SELECT g.id FROM parent_group g WHERE g.kind = 'series' ORDER BY g.id LIMIT 1`);
    const plans = await plansOf(coordinator, `/api/v1/groups/${group.id}/enrolments`, /\b(family|attendance|registration|enrolment)\b/);
    expectIndexedWithoutJit(plans, SERIES_WATCHED);
  });

  it('should not let Kring’s own connections JIT-compile', async () => {
    const [{ jit }] = await t.db.query(`SHOW jit`);
    expect(jit).toBe('off');
  });
});
