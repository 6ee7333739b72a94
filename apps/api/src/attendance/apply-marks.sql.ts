import { groupScopeSql } from '../access/group-scope';

/** What became of one attendance tap in `APPLY_MARKS_SQL`. */
export type MarkOutcome = 'applied' | 'replayed' | 'no_session' | 'cancelled' | 'closed' | 'not_yet' | 'not_listed';

/**
 * SQL condition: the family `familyColumn` is known to the group `groupColumn`: a registration (not
 * cancelled) or attendance in one of its sessions that starts at most `$monthsParam` months before
 * `startsColumn` (or later). Looked up from the family (its indexes), for a few given families.
 * `knownFamilies` reads the same set the other way round, from the group's sessions.
 */
function knownInGroupSql(familyColumn: string, groupColumn: string, startsColumn: string, monthsParam: number): string {
  const inGroup = `k.group_id = ${groupColumn} AND k.starts_at >= ${startsColumn} - make_interval(months => $${monthsParam}::int)`;
  return `(EXISTS (SELECT 1 FROM registration kr JOIN group_session k ON k.id = kr.session_id
                    WHERE kr.family_id = ${familyColumn} AND kr.status <> 'cancelled' AND ${inGroup})
        OR EXISTS (SELECT 1 FROM attendance ka JOIN group_session k ON k.id = ka.session_id
                    WHERE ka.family_id = ${familyColumn} AND ${inGroup}))`;
}

/**
 * Attendance taps in one statement, which is one transaction of its own: an id already applied
 * is a replay (ok, nothing changes); a tap on a session outside one's groups, cancelled or
 * closed, or for a family not on its list (registered, marked there already, or, at a drop-in,
 * known to its group), is refused and its id left free; the others claim
 * their ids and are written, the last tap per family winning. "Closed" is
 * `attendanceEditableUntil` (domain) turned around: the session ended after now minus the edit
 * period, or is unlocked until after now. "Not yet" is `markAllowedNow` (domain) in SQL: before
 * the session's day on the centre's clocks only the statuses `MARKS_BEFORE_THE_DAY` are taken.
 *
 * $1 tap ids, $2 session ids, $3 family ids, $4 statuses (arrays, one item per tap); $5 the staff
 * member; $6 now; $7 now minus the edit period; $8, $9 the group scope; $10 `KNOWN_FAMILY_MONTHS`;
 * $11 the centre's time zone; $12 `MARKS_BEFORE_THE_DAY`.
 */
export const APPLY_MARKS_SQL = `WITH x AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS x(op, session_id, family_id, status, n)),
       s AS (
         SELECT s.id, s.status, s.group_id, s.starts_at, g.kind = 'drop_in' AS drop_in,
                (s.ends_at >= $7 OR coalesce(s.attendance_unlocked_until >= $6, false)) AS open,
                (s.starts_at AT TIME ZONE $11)::date <= ($6::timestamptz AT TIME ZONE $11)::date AS day_reached
           FROM group_session s JOIN parent_group g ON g.id = s.group_id
          WHERE s.id IN (SELECT session_id FROM x) AND ${groupScopeSql('s.group_id', 8, 9)}),
       -- Looked up by key (these tables only grow), not scanned.
       done AS (SELECT o.id FROM sync_op o WHERE o.id = ANY($1::uuid[])),
       listed AS (
         SELECT r.session_id, r.family_id FROM registration r WHERE r.family_id = ANY($3::uuid[]) AND r.session_id = ANY($2::uuid[])
         UNION
         SELECT a.session_id, a.family_id FROM attendance a WHERE a.session_id = ANY($2::uuid[]) AND a.family_id = ANY($3::uuid[])
         UNION
         -- At a drop-in, also a family its group knows: looked up by the tapped family's id.
         SELECT x.session_id, x.family_id FROM x JOIN s ON s.id = x.session_id
          WHERE s.drop_in AND ${knownInGroupSql('x.family_id', 's.group_id', 's.starts_at', 10)}),
       checked AS (
         SELECT x.op, x.session_id, x.family_id, x.status, x.n,
                CASE
                  WHEN EXISTS (SELECT 1 FROM done WHERE done.id = x.op) THEN 'replayed'
                  WHEN s.id IS NULL THEN 'no_session'
                  WHEN s.status = 'cancelled' THEN 'cancelled'
                  WHEN NOT s.open THEN 'closed'
                  WHEN NOT s.day_reached AND x.status <> ALL ($12::text[]) THEN 'not_yet'
                  WHEN NOT EXISTS (SELECT 1 FROM listed l WHERE l.session_id = x.session_id AND l.family_id = x.family_id) THEN 'not_listed'
                END AS problem
           FROM x LEFT JOIN s ON s.id = x.session_id),
       claimed AS (
         INSERT INTO sync_op (id, staff_user_id, kind, result, applied_at)
         SELECT op, $5, 'attendance', '{"ok":true}', $6 FROM checked WHERE problem IS NULL
         ON CONFLICT (id) DO NOTHING RETURNING id),
       latest AS (
         SELECT DISTINCT ON (session_id, family_id) session_id, family_id, status
           FROM checked WHERE op IN (SELECT id FROM claimed) ORDER BY session_id, family_id, n DESC),
       written AS (
         INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at)
         SELECT session_id, family_id, status, $5, $6 FROM latest
         ON CONFLICT (session_id, family_id) WHERE family_id IS NOT NULL
         DO UPDATE SET status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at)
       SELECT c.op AS id,
              coalesce(c.problem, CASE WHEN c.op IN (SELECT id FROM claimed) THEN 'applied' ELSE 'replayed' END) AS outcome
         FROM checked c ORDER BY c.n`;
