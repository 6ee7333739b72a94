import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for reads whose cost must follow the group they are about, not the size of the
 * database (issue 20). A group's series page reads its active enrolments by group (the unique
 * index leads with the family) and, per enrolment, the latest registration of the series (no
 * index at all: every enrolment read the whole registration table). The room's reads (roster,
 * known families, history, care prompts) are served by the existing indexes once driven from the
 * session's or family's own rows; `tests/integration/attendance-plans.spec.ts` checks their plans.
 */
export class AttendanceIndexes1764410000000 implements MigrationInterface {
  name = 'AttendanceIndexes1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_enrolment_group_active ON enrolment (group_id) WHERE cancelled_at IS NULL`);
    await q.query(
      `CREATE INDEX ix_registration_enrolment_latest ON registration (enrolment_id, created_at DESC, id) WHERE enrolment_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_registration_enrolment_latest`);
    await q.query(`DROP INDEX ix_enrolment_group_active`);
  }
}
