import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first tables: places, groups, staff and who facilitates which group, plus the
 * ledger that lets a scheduled job run once across API processes.
 */
export class Foundation1764320000000 implements MigrationInterface {
  name = 'Foundation1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE location (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        street text NOT NULL,
        postal_code text NOT NULL,
        city text NOT NULL,
        accessibility_notes text NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_location PRIMARY KEY (id),
        CONSTRAINT ck_location_name CHECK (length(trim(name)) > 0)
      )`);
    await q.query(`
      CREATE TABLE parent_group (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title jsonb NOT NULL,
        description jsonb NOT NULL,
        kind text NOT NULL,
        audience text NOT NULL,
        spoken_languages text[] NOT NULL DEFAULT '{}',
        default_location_id uuid NOT NULL,
        capacity integer,
        children_count_toward_capacity boolean NOT NULL DEFAULT false,
        registration_mode text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_parent_group PRIMARY KEY (id),
        CONSTRAINT fk_parent_group_location FOREIGN KEY (default_location_id) REFERENCES location (id),
        CONSTRAINT ck_parent_group_title_nl CHECK (coalesce(jsonb_typeof(title -> 'nl') = 'string' AND length(trim(title ->> 'nl')) > 0, false)),
        CONSTRAINT ck_parent_group_description_nl CHECK (coalesce(jsonb_typeof(description -> 'nl') = 'string', false)),
        CONSTRAINT ck_parent_group_kind CHECK (kind IN ('series', 'drop_in', 'one_off')),
        CONSTRAINT ck_parent_group_audience CHECK (audience IN ('pregnancy', '0-1', '1-3', '3-6', '6-12', '12-18', 'all')),
        CONSTRAINT ck_parent_group_registration_mode CHECK (registration_mode IN ('open', 'invite', 'none')),
        CONSTRAINT ck_parent_group_capacity CHECK (capacity IS NULL OR capacity > 0)
      )`);
    await q.query(`CREATE INDEX ix_parent_group_default_location ON parent_group (default_location_id)`);
    await q.query(`
      CREATE TABLE staff_user (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        roles text[] NOT NULL,
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_staff_user PRIMARY KEY (id),
        CONSTRAINT ck_staff_user_roles CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'coordinator', 'group_worker']::text[]),
        CONSTRAINT ck_staff_user_email CHECK (position('@' in email) > 1)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_staff_user_email ON staff_user (lower(email))`);
    await q.query(`
      CREATE TABLE group_facilitator (
        group_id uuid NOT NULL,
        staff_user_id uuid NOT NULL,
        CONSTRAINT pk_group_facilitator PRIMARY KEY (group_id, staff_user_id),
        CONSTRAINT fk_group_facilitator_group FOREIGN KEY (group_id) REFERENCES parent_group (id) ON DELETE CASCADE,
        CONSTRAINT fk_group_facilitator_staff_user FOREIGN KEY (staff_user_id) REFERENCES staff_user (id)
      )`);
    await q.query(`CREATE INDEX ix_group_facilitator_staff_user ON group_facilitator (staff_user_id)`);
    await q.query(`
      CREATE TABLE job_run (
        job text NOT NULL,
        slot timestamptz NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_job_run PRIMARY KEY (job, slot)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_run`);
    await q.query(`DROP TABLE group_facilitator`);
    await q.query(`DROP TABLE staff_user`);
    await q.query(`DROP TABLE parent_group`);
    await q.query(`DROP TABLE location`);
  }
}
