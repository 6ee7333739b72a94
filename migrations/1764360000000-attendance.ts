import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance in the room and drop-in tallies. Taps come from phones, perhaps much later: each
 * carries an id made on the phone, kept in `sync_op`, so a replayed batch changes nothing.
 * Tallies are increments (never overwrites), so two phones counting one session add up.
 */
export class Attendance1764360000000 implements MigrationInterface {
  name = 'Attendance1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE group_session ADD COLUMN attendance_unlocked_until timestamptz`);
    await q.query(`
      CREATE TABLE attendance (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL,
        family_id uuid,
        status text NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        anonymised_at timestamptz,
        CONSTRAINT pk_attendance PRIMARY KEY (id),
        CONSTRAINT fk_attendance_session FOREIGN KEY (session_id) REFERENCES group_session (id),
        CONSTRAINT fk_attendance_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE SET NULL,
        CONSTRAINT fk_attendance_recorded_by FOREIGN KEY (recorded_by) REFERENCES staff_user (id),
        CONSTRAINT ck_attendance_status CHECK (status IN ('present', 'absent', 'excused')),
        CONSTRAINT ck_attendance_named CHECK ((family_id IS NULL) = (anonymised_at IS NOT NULL))
      )`);
    // One attendance per family per session, whatever the number of taps.
    await q.query(`CREATE UNIQUE INDEX uq_attendance_session_family ON attendance (session_id, family_id) WHERE family_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_attendance_family ON attendance (family_id) WHERE family_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE tally_entry (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL,
        category text NOT NULL,
        delta integer NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT pk_tally_entry PRIMARY KEY (id),
        CONSTRAINT fk_tally_entry_session FOREIGN KEY (session_id) REFERENCES group_session (id),
        CONSTRAINT fk_tally_entry_recorded_by FOREIGN KEY (recorded_by) REFERENCES staff_user (id),
        CONSTRAINT ck_tally_entry_category CHECK (category ~ '^(adults|children_pregnancy|children_0_1|children_1_3|children_3_6|children_6_plus|first_visit|returning|lang:[a-z]{2,3})$'),
        CONSTRAINT ck_tally_entry_delta CHECK (delta <> 0 AND abs(delta) <= 100)
      )`);
    await q.query(`CREATE INDEX ix_tally_entry_session ON tally_entry (session_id, category)`);
    await q.query(`
      CREATE TABLE sync_op (
        id uuid NOT NULL,
        staff_user_id uuid NOT NULL,
        kind text NOT NULL,
        result jsonb NOT NULL,
        applied_at timestamptz NOT NULL,
        CONSTRAINT pk_sync_op PRIMARY KEY (id),
        CONSTRAINT fk_sync_op_staff_user FOREIGN KEY (staff_user_id) REFERENCES staff_user (id)
      )`);
    await q.query(`CREATE INDEX ix_sync_op_applied_at ON sync_op (applied_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sync_op`);
    await q.query(`DROP TABLE tally_entry`);
    await q.query(`DROP TABLE attendance`);
    await q.query(`ALTER TABLE group_session DROP COLUMN attendance_unlocked_until`);
  }
}
