import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Telling families when their session changes. Each session counts its changes of time or place
 * (`calendar_sequence`, the SEQUENCE of its .ics, so calendars update the event instead of adding
 * one) and how far its families have been told (`announced_sequence`); the gap is the work of the
 * announcement job. Events are looked up per session.
 */
export class SessionChanges1764380000000 implements MigrationInterface {
  name = 'SessionChanges1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE group_session
        ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0,
        ADD COLUMN announced_sequence integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT ck_group_session_sequence CHECK (announced_sequence >= 0 AND announced_sequence <= calendar_sequence)`);
    await q.query(`CREATE INDEX ix_group_session_unannounced ON group_session (id) WHERE calendar_sequence > announced_sequence`);
    await q.query(`CREATE INDEX ix_domain_event_aggregate ON domain_event (aggregate_id, type, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_domain_event_aggregate`);
    await q.query(`DROP INDEX ix_group_session_unannounced`);
    await q.query(`
      ALTER TABLE group_session
        DROP CONSTRAINT ck_group_session_sequence,
        DROP COLUMN announced_sequence,
        DROP COLUMN calendar_sequence`);
  }
}
