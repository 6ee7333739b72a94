import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeping only what is needed: a legal hold keeps a family out of erasure (set and lifted by a
 * coordinator with a reason, both audited; the holds go with the family when it is erased, the
 * audit trail keeps that they were), and a sent message remembers when its body and address were erased.
 */
export class Retention1764450000000 implements MigrationInterface {
  name = 'Retention1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE legal_hold (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        reason text NOT NULL,
        set_by uuid NOT NULL,
        set_at timestamptz NOT NULL,
        lifted_by uuid,
        lifted_at timestamptz,
        lift_reason text,
        CONSTRAINT pk_legal_hold PRIMARY KEY (id),
        CONSTRAINT fk_legal_hold_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
        CONSTRAINT fk_legal_hold_set_by FOREIGN KEY (set_by) REFERENCES staff_user (id),
        CONSTRAINT fk_legal_hold_lifted_by FOREIGN KEY (lifted_by) REFERENCES staff_user (id),
        CONSTRAINT ck_legal_hold_reason CHECK (length(trim(reason)) BETWEEN 1 AND 500),
        CONSTRAINT ck_legal_hold_lifted CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL))
      )`);
    // At most one hold in force per family.
    await q.query(`CREATE UNIQUE INDEX uq_legal_hold_active ON legal_hold (family_id) WHERE lifted_at IS NULL`);

    await q.query(`ALTER TABLE outbox_message ADD COLUMN erased_at timestamptz`);
    await q.query(
      `CREATE INDEX ix_outbox_message_sent_unerased ON outbox_message (sent_at) WHERE erased_at IS NULL AND sent_at IS NOT NULL`,
    );
    // "Last seen" of a family: its registrations' sessions (attendance has its own family index).
    await q.query(`CREATE INDEX IF NOT EXISTS ix_family_created_at ON family (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_family_created_at`);
    await q.query(`DROP INDEX ix_outbox_message_sent_unerased`);
    await q.query(`ALTER TABLE outbox_message DROP COLUMN erased_at`);
    await q.query(`DROP TABLE legal_hold`);
  }
}
