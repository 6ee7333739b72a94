import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff sign-in (sessions, set-password links, two-factor, throttling) and the append-only,
 * hash-chained audit trail.
 */
export class StaffAuthAudit1764330000000 implements MigrationInterface {
  name = 'StaffAuthAudit1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff_user
        ADD COLUMN password_changed_at timestamptz,
        ADD COLUMN totp_secret_enc text,
        ADD COLUMN totp_pending_secret_enc text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint`);

    await q.query(`
      CREATE TABLE staff_session (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        csrf_hash bytea NOT NULL,
        staff_user_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        two_factor_verified_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text,
        ip text,
        user_agent text,
        CONSTRAINT pk_staff_session PRIMARY KEY (id),
        CONSTRAINT uq_staff_session_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_staff_session_staff_user FOREIGN KEY (staff_user_id) REFERENCES staff_user (id)
      )`);
    await q.query(`CREATE INDEX ix_staff_session_staff_user ON staff_session (staff_user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE set_password_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        staff_user_id uuid NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_set_password_token PRIMARY KEY (id),
        CONSTRAINT uq_set_password_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_set_password_token_staff_user FOREIGN KEY (staff_user_id) REFERENCES staff_user (id),
        CONSTRAINT fk_set_password_token_created_by FOREIGN KEY (created_by) REFERENCES staff_user (id)
      )`);
    await q.query(`CREATE INDEX ix_set_password_token_staff_user ON set_password_token (staff_user_id)`);

    await q.query(`
      CREATE TABLE recovery_code (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        staff_user_id uuid NOT NULL,
        code_hash bytea NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_recovery_code PRIMARY KEY (id),
        CONSTRAINT uq_recovery_code UNIQUE (staff_user_id, code_hash),
        CONSTRAINT fk_recovery_code_staff_user FOREIGN KEY (staff_user_id) REFERENCES staff_user (id)
      )`);

    await q.query(`
      CREATE TABLE sign_in_throttle (
        key text NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        last_failure_at timestamptz NOT NULL,
        blocked_until timestamptz,
        CONSTRAINT pk_sign_in_throttle PRIMARY KEY (key)
      )`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        entity text,
        entity_id text,
        purpose text,
        ip text,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash bytea NOT NULL,
        hash bytea NOT NULL,
        CONSTRAINT pk_audit_event PRIMARY KEY (id),
        CONSTRAINT fk_audit_event_actor FOREIGN KEY (actor_id) REFERENCES staff_user (id)
      )`);
    await q.query(`CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_event_actor ON audit_event (actor_id, occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_event_entity ON audit_event (entity, entity_id)`);
    // The head of the chain: one row, locked by each append, so events are chained one at a time.
    await q.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean NOT NULL DEFAULT true,
        last_id bigint NOT NULL,
        last_hash bytea NOT NULL,
        CONSTRAINT pk_audit_chain_head PRIMARY KEY (singleton),
        CONSTRAINT ck_audit_chain_head_singleton CHECK (singleton)
      )`);
    await q.query(`INSERT INTO audit_chain_head (last_id, last_hash) VALUES (0, decode(repeat('00', 32), 'hex'))`);
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER trg_audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP TABLE sign_in_throttle`);
    await q.query(`DROP TABLE recovery_code`);
    await q.query(`DROP TABLE set_password_token`);
    await q.query(`DROP TABLE staff_session`);
    await q.query(`
      ALTER TABLE staff_user
        DROP COLUMN totp_last_step,
        DROP COLUMN totp_enabled_at,
        DROP COLUMN totp_pending_secret_enc,
        DROP COLUMN totp_secret_enc,
        DROP COLUMN password_changed_at`);
  }
}
