import type { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSE = `RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';`;

/**
 * The audit chain is keyed (issue 17): each event's MAC is an HMAC under a key derived from
 * KRING_SECRET_KEY, which the database never sees, and `key_id` says which key. SQL cannot compute
 * that MAC, so this migration only makes room: at start, the app re-chains the events written
 * before (after checking their plain SHA-256 chain) and marks the head with its key id
 * (`AuditChainKeying`). The append-only trigger lets exactly that through, once per event: an
 * UPDATE that gives an unkeyed event a key id and a new link and MAC, its content unchanged.
 */
export class AuditChainKey1764390000000 implements MigrationInterface {
  name = 'AuditChainKey1764390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN key_id text`);
    await q.query(`ALTER TABLE audit_chain_head ADD COLUMN key_id text`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.key_id IS NULL AND NEW.key_id IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.action, NEW.entity, NEW.entity_id, NEW.purpose, NEW.ip, NEW.details)
               IS NOT DISTINCT FROM (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.action, OLD.entity, OLD.entity_id, OLD.purpose, OLD.ip, OLD.details) THEN
          RETURN NEW;
        END IF;
        ${REFUSE}
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${REFUSE}
      END $$`);
    // The keyed MACs stay in the hash column; the plain chain cannot be recomputed here.
    await q.query(`ALTER TABLE audit_chain_head DROP COLUMN key_id`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN key_id`);
  }
}
