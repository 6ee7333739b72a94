import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of subject-access requests (GDPR art. 15): who asked for whom and when, the answer
 * due one month later, and when the export answered it. A request goes with the family when it is erased.
 */
export class SubjectAccess1764470000000 implements MigrationInterface {
  name = 'SubjectAccess1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subject_access_request (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        done_at timestamptz,
        requested_by uuid NOT NULL,
        CONSTRAINT pk_subject_access_request PRIMARY KEY (id),
        CONSTRAINT fk_subject_access_request_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
        CONSTRAINT fk_subject_access_request_by FOREIGN KEY (requested_by) REFERENCES staff_user (id),
        CONSTRAINT ck_subject_access_request_due CHECK (due_at > requested_at),
        CONSTRAINT ck_subject_access_request_done CHECK (done_at IS NULL OR done_at >= requested_at)
      )`);
    // The coordinators' list: open requests by due date.
    await q.query(`CREATE INDEX ix_subject_access_request_open ON subject_access_request (due_at) WHERE done_at IS NULL`);
    await q.query(`CREATE INDEX ix_subject_access_request_family ON subject_access_request (family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subject_access_request`);
  }
}
