import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Families registering without an account: seats counted on the session row itself (a check
 * constraint makes overbooking impossible, whatever the code does), series enrolments,
 * versioned consent, the manage link and code, and the transactional message outbox.
 */
export class Registration1764350000000 implements MigrationInterface {
  name = 'Registration1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE group_session
        ADD COLUMN seat_capacity integer,
        ADD COLUMN seats_taken integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT ck_group_session_seats CHECK (seats_taken >= 0 AND (seat_capacity IS NULL OR seats_taken <= seat_capacity))`);
    await q.query(`
      UPDATE group_session s SET seat_capacity = coalesce(s.capacity_override, g.capacity)
        FROM parent_group g WHERE g.id = s.group_id`);

    await q.query(`
      CREATE TABLE family (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        display_name text NOT NULL,
        phone text,
        email text,
        locale text NOT NULL DEFAULT 'nl',
        discreet boolean NOT NULL DEFAULT false,
        code text NOT NULL,
        manage_token_hash bytea NOT NULL,
        manage_token_enc text NOT NULL,
        manage_expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid,
        CONSTRAINT pk_family PRIMARY KEY (id),
        CONSTRAINT uq_family_code UNIQUE (code),
        CONSTRAINT uq_family_manage_token_hash UNIQUE (manage_token_hash),
        CONSTRAINT fk_family_created_by FOREIGN KEY (created_by) REFERENCES staff_user (id),
        CONSTRAINT ck_family_display_name CHECK (length(trim(display_name)) > 0),
        CONSTRAINT ck_family_locale CHECK (locale IN ('nl', 'en', 'fr', 'ar')),
        CONSTRAINT ck_family_contact CHECK (created_by IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE family_child (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        month date NOT NULL,
        CONSTRAINT pk_family_child PRIMARY KEY (id),
        CONSTRAINT fk_family_child_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
        CONSTRAINT ck_family_child_month CHECK (extract(day FROM month) = 1)
      )`);
    await q.query(`CREATE INDEX ix_family_child_family ON family_child (family_id)`);

    await q.query(`
      CREATE TABLE consent (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        purpose text NOT NULL,
        notice_version text NOT NULL,
        locale text NOT NULL,
        given_at timestamptz NOT NULL,
        method text NOT NULL,
        taken_by uuid,
        CONSTRAINT pk_consent PRIMARY KEY (id),
        CONSTRAINT fk_consent_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
        CONSTRAINT fk_consent_taken_by FOREIGN KEY (taken_by) REFERENCES staff_user (id),
        CONSTRAINT ck_consent_method CHECK (method IN ('online', 'in_person', 'phone')),
        CONSTRAINT ck_consent_taker CHECK ((method = 'online') = (taken_by IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_consent_family ON consent (family_id)`);

    await q.query(`
      CREATE TABLE enrolment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        group_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        cancelled_at timestamptz,
        CONSTRAINT pk_enrolment PRIMARY KEY (id),
        CONSTRAINT fk_enrolment_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
        CONSTRAINT fk_enrolment_group FOREIGN KEY (group_id) REFERENCES parent_group (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_enrolment_active ON enrolment (family_id, group_id) WHERE cancelled_at IS NULL`);

    await q.query(`
      CREATE TABLE registration (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        session_id uuid NOT NULL,
        enrolment_id uuid,
        status text NOT NULL,
        seats integer NOT NULL,
        children_coming integer NOT NULL DEFAULT 0,
        needs text[] NOT NULL DEFAULT '{}',
        queue_seq bigserial NOT NULL,
        offer_expires_at timestamptz,
        source text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_registration PRIMARY KEY (id),
        CONSTRAINT uq_registration_family_session UNIQUE (family_id, session_id),
        CONSTRAINT fk_registration_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
        CONSTRAINT fk_registration_session FOREIGN KEY (session_id) REFERENCES group_session (id),
        CONSTRAINT fk_registration_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id),
        CONSTRAINT ck_registration_status CHECK (status IN ('confirmed', 'waitlisted', 'offered', 'skipped', 'cancelled')),
        CONSTRAINT ck_registration_seats CHECK (seats >= 1 AND children_coming >= 0),
        CONSTRAINT ck_registration_offer CHECK ((status = 'offered') = (offer_expires_at IS NOT NULL)),
        CONSTRAINT ck_registration_needs CHECK (needs <@ ARRAY['childcare', 'interpreter', 'accessibility']::text[]),
        CONSTRAINT ck_registration_source CHECK (source IN ('parent', 'staff'))
      )`);
    await q.query(`CREATE INDEX ix_registration_session_queue ON registration (session_id, status, queue_seq)`);
    await q.query(`CREATE INDEX ix_registration_family ON registration (family_id)`);
    await q.query(`CREATE INDEX ix_registration_offer_expiry ON registration (offer_expires_at) WHERE status = 'offered'`);

    await q.query(`
      CREATE TABLE outbox_message (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL,
        kind text NOT NULL,
        channel text NOT NULL,
        recipient text NOT NULL,
        locale text NOT NULL,
        sender_name text NOT NULL,
        subject text,
        body text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        family_id uuid,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        transport text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        CONSTRAINT pk_outbox_message PRIMARY KEY (id),
        CONSTRAINT uq_outbox_message_dedupe UNIQUE (dedupe_key),
        CONSTRAINT fk_outbox_message_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE SET NULL,
        CONSTRAINT ck_outbox_message_channel CHECK (channel IN ('email', 'sms')),
        CONSTRAINT ck_outbox_message_status CHECK (status IN ('pending', 'sent', 'failed'))
      )`);
    await q.query(`CREATE INDEX ix_outbox_message_due ON outbox_message (next_attempt_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE rate_limit (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        CONSTRAINT pk_rate_limit PRIMARY KEY (key, window_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
    await q.query(`DROP TABLE outbox_message`);
    await q.query(`DROP TABLE registration`);
    await q.query(`DROP TABLE enrolment`);
    await q.query(`DROP TABLE consent`);
    await q.query(`DROP TABLE family_child`);
    await q.query(`DROP TABLE family`);
    await q.query(`ALTER TABLE group_session DROP CONSTRAINT ck_group_session_seats, DROP COLUMN seats_taken, DROP COLUMN seat_capacity`);
  }
}
