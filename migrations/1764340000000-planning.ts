import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planning: rooms at places, a group's recurrence (Brussels wall-clock), its sessions as
 * records that can each differ, per-session facilitators, staff calendar feeds, and a
 * durable log of domain events (a cancelled session) for other features to act on.
 */
export class Planning1764340000000 implements MigrationInterface {
  name = 'Planning1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE room (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL,
        name text NOT NULL,
        capacity integer,
        accessibility_notes text NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true,
        CONSTRAINT pk_room PRIMARY KEY (id),
        CONSTRAINT fk_room_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT ck_room_name CHECK (length(trim(name)) > 0),
        CONSTRAINT ck_room_capacity CHECK (capacity IS NULL OR capacity > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_room_location_name ON room (location_id, lower(name))`);

    await q.query(`
      ALTER TABLE parent_group
        ADD COLUMN default_room_id uuid,
        ADD COLUMN first_start_local text,
        ADD COLUMN duration_minutes integer,
        ADD COLUMN recurrence_rule text,
        ADD COLUMN exception_dates date[] NOT NULL DEFAULT '{}',
        ADD COLUMN registration_opens_days_before integer,
        ADD COLUMN registration_closes_hours_before integer,
        ADD COLUMN sessions_until timestamptz,
        ADD CONSTRAINT fk_parent_group_room FOREIGN KEY (default_room_id) REFERENCES room (id),
        ADD CONSTRAINT ck_parent_group_first_start CHECK (first_start_local IS NULL OR first_start_local ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$'),
        ADD CONSTRAINT ck_parent_group_duration CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 5 AND 720),
        ADD CONSTRAINT ck_parent_group_registration_window CHECK (
          (registration_opens_days_before IS NULL OR registration_opens_days_before >= 0)
          AND (registration_closes_hours_before IS NULL OR registration_closes_hours_before >= 0))`);

    await q.query(`
      CREATE TABLE group_session (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL,
        series_date date,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location_id uuid NOT NULL,
        room_id uuid,
        capacity_override integer,
        status text NOT NULL DEFAULT 'planned',
        cancellation_reason text,
        edited_fields text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_group_session PRIMARY KEY (id),
        CONSTRAINT fk_group_session_group FOREIGN KEY (group_id) REFERENCES parent_group (id),
        CONSTRAINT fk_group_session_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_group_session_room FOREIGN KEY (room_id) REFERENCES room (id),
        CONSTRAINT uq_group_session_series_date UNIQUE (group_id, series_date),
        CONSTRAINT ck_group_session_times CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '12 hours'),
        CONSTRAINT ck_group_session_status CHECK (status IN ('planned', 'cancelled', 'held')),
        CONSTRAINT ck_group_session_cancel_reason CHECK (status <> 'cancelled' OR length(trim(coalesce(cancellation_reason, ''))) > 0),
        CONSTRAINT ck_group_session_capacity CHECK (capacity_override IS NULL OR capacity_override > 0)
      )`);
    await q.query(`CREATE INDEX ix_group_session_starts_at ON group_session (starts_at)`);
    await q.query(`CREATE INDEX ix_group_session_group_starts_at ON group_session (group_id, starts_at)`);
    await q.query(`CREATE INDEX ix_group_session_room_starts_at ON group_session (room_id, starts_at) WHERE room_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE session_facilitator (
        session_id uuid NOT NULL,
        staff_user_id uuid NOT NULL,
        CONSTRAINT pk_session_facilitator PRIMARY KEY (session_id, staff_user_id),
        CONSTRAINT fk_session_facilitator_session FOREIGN KEY (session_id) REFERENCES group_session (id) ON DELETE CASCADE,
        CONSTRAINT fk_session_facilitator_staff_user FOREIGN KEY (staff_user_id) REFERENCES staff_user (id)
      )`);
    await q.query(`CREATE INDEX ix_session_facilitator_staff_user ON session_facilitator (staff_user_id)`);

    await q.query(`
      CREATE TABLE calendar_feed (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        staff_user_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CONSTRAINT pk_calendar_feed PRIMARY KEY (id),
        CONSTRAINT uq_calendar_feed_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_calendar_feed_staff_user FOREIGN KEY (staff_user_id) REFERENCES staff_user (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_calendar_feed_active ON calendar_feed (staff_user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE domain_event (
        id bigserial NOT NULL,
        type text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT pk_domain_event PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX ix_domain_event_type ON domain_event (type, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE domain_event`);
    await q.query(`DROP TABLE calendar_feed`);
    await q.query(`DROP TABLE session_facilitator`);
    await q.query(`DROP TABLE group_session`);
    await q.query(`
      ALTER TABLE parent_group
        DROP CONSTRAINT ck_parent_group_registration_window,
        DROP CONSTRAINT ck_parent_group_duration,
        DROP CONSTRAINT ck_parent_group_first_start,
        DROP CONSTRAINT fk_parent_group_room,
        DROP COLUMN sessions_until,
        DROP COLUMN registration_closes_hours_before,
        DROP COLUMN registration_opens_days_before,
        DROP COLUMN exception_dates,
        DROP COLUMN recurrence_rule,
        DROP COLUMN duration_minutes,
        DROP COLUMN first_start_local,
        DROP COLUMN default_room_id`);
    await q.query(`DROP TABLE room`);
  }
}
