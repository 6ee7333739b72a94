import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the funder report counts, kept so that the numbers stay when names go. Attendance loses its
 * family after ATTENDANCE_RETENTION_MONTHS, and a family may be erased later still; distinct families,
 * new or returning, and the first 1000 days cannot be counted from what remains. So, on every write
 * (triggers on `attendance` and `tally_entry`, whatever code writes them):
 *
 * - `report_reach`: per Brussels month, group, place and visitor, how many present marks (and how many
 *   of them in the first 1000 days, decided at the time of the visit). The visitor is `family.reach_key`,
 *   a random key that is not the family's id; once the family is erased, nothing links it to anyone.
 * - `report_visitor`: a visitor's first month at the centre (for new vs returning).
 * - `report_session`: per session, the marks by status and the drop-in tallies.
 *
 * No name, contact, child or day is kept here. Nothing deletes from these tables when attendance
 * is anonymised or erased: that is the point. The first-1000-days window (9 months before the
 * child's month to 23 after) is `FIRST_1000_DAYS` in libs/domain/src/lib/reports.ts.
 */
export class Reports1764440000000 implements MigrationInterface {
  name = 'Reports1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE family ADD COLUMN reach_key uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`
      CREATE TABLE report_reach (
        month date NOT NULL,
        group_id uuid NOT NULL,
        location_id uuid NOT NULL,
        visitor uuid NOT NULL,
        visits integer NOT NULL,
        first_1000_visits integer NOT NULL,
        CONSTRAINT pk_report_reach PRIMARY KEY (month, group_id, location_id, visitor),
        CONSTRAINT fk_report_reach_group FOREIGN KEY (group_id) REFERENCES parent_group (id),
        CONSTRAINT fk_report_reach_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT ck_report_reach_counts CHECK (visits > 0 AND first_1000_visits BETWEEN 0 AND visits)
      )`);
    await q.query(`CREATE INDEX ix_report_reach_visitor ON report_reach (visitor)`);
    await q.query(`
      CREATE TABLE report_visitor (
        visitor uuid NOT NULL,
        first_month date NOT NULL,
        CONSTRAINT pk_report_visitor PRIMARY KEY (visitor)
      )`);
    await q.query(`
      CREATE TABLE report_session (
        session_id uuid NOT NULL,
        present integer NOT NULL DEFAULT 0,
        absent integer NOT NULL DEFAULT 0,
        excused integer NOT NULL DEFAULT 0,
        adults integer NOT NULL DEFAULT 0,
        children_pregnancy integer NOT NULL DEFAULT 0,
        children_0_1 integer NOT NULL DEFAULT 0,
        children_1_3 integer NOT NULL DEFAULT 0,
        children_3_6 integer NOT NULL DEFAULT 0,
        children_6_plus integer NOT NULL DEFAULT 0,
        first_visit integer NOT NULL DEFAULT 0,
        CONSTRAINT pk_report_session PRIMARY KEY (session_id),
        CONSTRAINT fk_report_session_session FOREIGN KEY (session_id) REFERENCES group_session (id) ON DELETE CASCADE
      )`);

    // Present marks of named families → report_reach / report_visitor, by the sign of `delta`.
    await q.query(`
      CREATE FUNCTION report_add_visits(p_rows jsonb) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        WITH v AS (
          SELECT date_trunc('month', s.starts_at AT TIME ZONE 'Europe/Brussels')::date AS month, s.group_id, s.location_id,
                 f.reach_key AS visitor, sum(x.delta)::int AS visits,
                 sum(x.delta) FILTER (WHERE EXISTS (
                   SELECT 1 FROM family_child c WHERE c.family_id = f.id
                      AND (extract(year FROM s.starts_at AT TIME ZONE 'Europe/Brussels') * 12 + extract(month FROM s.starts_at AT TIME ZONE 'Europe/Brussels'))
                        - (extract(year FROM c.month) * 12 + extract(month FROM c.month)) BETWEEN -9 AND 23))::int AS first_1000
            FROM jsonb_to_recordset(p_rows) AS x(session_id uuid, family_id uuid, delta int)
            JOIN group_session s ON s.id = x.session_id
            JOIN family f ON f.id = x.family_id
           GROUP BY 1, 2, 3, 4),
        up AS (
          INSERT INTO report_reach AS r (month, group_id, location_id, visitor, visits, first_1000_visits)
          SELECT month, group_id, location_id, visitor, visits, coalesce(first_1000, 0) FROM v WHERE visits > 0
           ORDER BY month, group_id, location_id, visitor -- one lock order for concurrent writers
          ON CONFLICT (month, group_id, location_id, visitor) DO UPDATE
            SET visits = r.visits + EXCLUDED.visits, first_1000_visits = r.first_1000_visits + EXCLUDED.first_1000_visits
          RETURNING r.visitor, r.month),
        down AS (
          UPDATE report_reach r SET visits = r.visits + v.visits,
                 first_1000_visits = least(greatest(r.first_1000_visits + coalesce(v.first_1000, 0), 0), r.visits + v.visits)
            FROM v
           WHERE v.visits < 0 AND r.month = v.month AND r.group_id = v.group_id AND r.location_id = v.location_id AND r.visitor = v.visitor
             AND r.visits + v.visits > 0
          RETURNING r.visitor),
        gone AS (
          DELETE FROM report_reach r USING v
           WHERE v.visits < 0 AND r.month = v.month AND r.group_id = v.group_id AND r.location_id = v.location_id AND r.visitor = v.visitor
             AND r.visits + v.visits <= 0
          RETURNING r.visitor)
        INSERT INTO report_visitor AS rv (visitor, first_month)
        SELECT visitor, min(month) FROM up GROUP BY visitor
        ON CONFLICT (visitor) DO UPDATE SET first_month = least(rv.first_month, EXCLUDED.first_month);

        -- A visit taken back: the visitor's first month is its earliest month left.
        UPDATE report_visitor rv SET first_month = m.first_month
          FROM (SELECT r.visitor, min(r.month) AS first_month FROM report_reach r
                 WHERE r.visitor IN (SELECT f.reach_key FROM jsonb_to_recordset(p_rows) AS x(family_id uuid, delta int)
                                       JOIN family f ON f.id = x.family_id WHERE x.delta < 0)
                 GROUP BY r.visitor) m
         WHERE rv.visitor = m.visitor AND rv.first_month <> m.first_month;
        DELETE FROM report_visitor rv
         WHERE rv.visitor IN (SELECT f.reach_key FROM jsonb_to_recordset(p_rows) AS x(family_id uuid, delta int)
                                JOIN family f ON f.id = x.family_id WHERE x.delta < 0)
           AND NOT EXISTS (SELECT 1 FROM report_reach r WHERE r.visitor = rv.visitor);
      END $$`);

    await q.query(`
      CREATE FUNCTION report_attendance_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_session AS r (session_id, present, absent, excused)
        SELECT session_id, count(*) FILTER (WHERE status = 'present'), count(*) FILTER (WHERE status = 'absent'),
               count(*) FILTER (WHERE status = 'excused')
          FROM new_rows GROUP BY session_id ORDER BY session_id
        ON CONFLICT (session_id) DO UPDATE
          SET present = r.present + EXCLUDED.present, absent = r.absent + EXCLUDED.absent, excused = r.excused + EXCLUDED.excused;
        PERFORM report_add_visits(coalesce((
          SELECT jsonb_agg(jsonb_build_object('session_id', session_id, 'family_id', family_id, 'delta', 1))
            FROM new_rows WHERE status = 'present' AND family_id IS NOT NULL), '[]'));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_attendance_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only a changed status counts: a family leaving the row (anonymised, erased) changes no number.
        WITH changed AS (
          SELECT n.session_id, coalesce(o.family_id, n.family_id) AS family_id, o.status AS was, n.status AS now
            FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.status <> n.status OR o.session_id <> n.session_id)
        UPDATE report_session r
           SET present = r.present + d.present, absent = r.absent + d.absent, excused = r.excused + d.excused
          FROM (SELECT session_id,
                       (count(*) FILTER (WHERE now = 'present') - count(*) FILTER (WHERE was = 'present'))::int AS present,
                       (count(*) FILTER (WHERE now = 'absent') - count(*) FILTER (WHERE was = 'absent'))::int AS absent,
                       (count(*) FILTER (WHERE now = 'excused') - count(*) FILTER (WHERE was = 'excused'))::int AS excused
                  FROM changed GROUP BY session_id) d
         WHERE r.session_id = d.session_id;
        PERFORM report_add_visits(coalesce((
          SELECT jsonb_agg(jsonb_build_object('session_id', n.session_id, 'family_id', coalesce(o.family_id, n.family_id),
                                              'delta', CASE WHEN n.status = 'present' THEN 1 ELSE -1 END))
            FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE (o.status = 'present') <> (n.status = 'present') AND coalesce(o.family_id, n.family_id) IS NOT NULL), '[]'));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_session AS r (session_id, adults, children_pregnancy, children_0_1, children_1_3, children_3_6, children_6_plus, first_visit)
        SELECT session_id,
               coalesce(sum(delta) FILTER (WHERE category = 'adults'), 0), coalesce(sum(delta) FILTER (WHERE category = 'children_pregnancy'), 0),
               coalesce(sum(delta) FILTER (WHERE category = 'children_0_1'), 0), coalesce(sum(delta) FILTER (WHERE category = 'children_1_3'), 0),
               coalesce(sum(delta) FILTER (WHERE category = 'children_3_6'), 0), coalesce(sum(delta) FILTER (WHERE category = 'children_6_plus'), 0),
               coalesce(sum(delta) FILTER (WHERE category = 'first_visit'), 0)
          FROM new_rows GROUP BY session_id ORDER BY session_id
        ON CONFLICT (session_id) DO UPDATE
          SET adults = r.adults + EXCLUDED.adults, children_pregnancy = r.children_pregnancy + EXCLUDED.children_pregnancy,
              children_0_1 = r.children_0_1 + EXCLUDED.children_0_1, children_1_3 = r.children_1_3 + EXCLUDED.children_1_3,
              children_3_6 = r.children_3_6 + EXCLUDED.children_3_6, children_6_plus = r.children_6_plus + EXCLUDED.children_6_plus,
              first_visit = r.first_visit + EXCLUDED.first_visit;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tr_attendance_report_insert AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_attendance_inserted()`);
    await q.query(`CREATE TRIGGER tr_attendance_report_update AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_attendance_updated()`);
    await q.query(`CREATE TRIGGER tr_tally_entry_report_insert AFTER INSERT ON tally_entry REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_tally_inserted()`);

    // What exists already: every session's marks and tallies; visits of families still named.
    await q.query(`
      INSERT INTO report_session (session_id, present, absent, excused)
      SELECT session_id, count(*) FILTER (WHERE status = 'present'), count(*) FILTER (WHERE status = 'absent'), count(*) FILTER (WHERE status = 'excused')
        FROM attendance GROUP BY session_id`);
    await q.query(`
      INSERT INTO report_session AS r (session_id, adults, children_pregnancy, children_0_1, children_1_3, children_3_6, children_6_plus, first_visit)
      SELECT session_id,
             coalesce(sum(delta) FILTER (WHERE category = 'adults'), 0), coalesce(sum(delta) FILTER (WHERE category = 'children_pregnancy'), 0),
             coalesce(sum(delta) FILTER (WHERE category = 'children_0_1'), 0), coalesce(sum(delta) FILTER (WHERE category = 'children_1_3'), 0),
             coalesce(sum(delta) FILTER (WHERE category = 'children_3_6'), 0), coalesce(sum(delta) FILTER (WHERE category = 'children_6_plus'), 0),
             coalesce(sum(delta) FILTER (WHERE category = 'first_visit'), 0)
        FROM tally_entry GROUP BY session_id
      ON CONFLICT (session_id) DO UPDATE
        SET adults = EXCLUDED.adults, children_pregnancy = EXCLUDED.children_pregnancy, children_0_1 = EXCLUDED.children_0_1,
            children_1_3 = EXCLUDED.children_1_3, children_3_6 = EXCLUDED.children_3_6, children_6_plus = EXCLUDED.children_6_plus,
            first_visit = EXCLUDED.first_visit`);
    await q.query(`
      SELECT report_add_visits(coalesce((
        SELECT jsonb_agg(jsonb_build_object('session_id', session_id, 'family_id', family_id, 'delta', 1))
          FROM attendance WHERE status = 'present' AND family_id IS NOT NULL), '[]'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_tally_entry_report_insert ON tally_entry`);
    await q.query(`DROP TRIGGER tr_attendance_report_update ON attendance`);
    await q.query(`DROP TRIGGER tr_attendance_report_insert ON attendance`);
    await q.query(`DROP FUNCTION report_tally_inserted()`);
    await q.query(`DROP FUNCTION report_attendance_updated()`);
    await q.query(`DROP FUNCTION report_attendance_inserted()`);
    await q.query(`DROP FUNCTION report_add_visits(jsonb)`);
    await q.query(`DROP TABLE report_session`);
    await q.query(`DROP TABLE report_visitor`);
    await q.query(`DROP TABLE report_reach`);
    await q.query(`ALTER TABLE family DROP COLUMN reach_key`);
  }
}
