import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service directory: the services a family can be referred to. Admins keep it; nothing is
 * deleted (referrals point at their service for good), a service that stops is deactivated.
 * Nothing in it is about a family.
 */
export class ServiceDirectory1764420000000 implements MigrationInterface {
  name = 'ServiceDirectory1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_service (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        phone text,
        email text,
        address text,
        intake_notes text NOT NULL DEFAULT '',
        languages text[] NOT NULL DEFAULT '{}',
        intake_channels text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_referral_service PRIMARY KEY (id),
        CONSTRAINT fk_referral_service_created_by FOREIGN KEY (created_by) REFERENCES staff_user (id),
        CONSTRAINT ck_referral_service_name CHECK (length(trim(name)) BETWEEN 1 AND 120),
        CONSTRAINT ck_referral_service_kind CHECK (kind IN ('kind_en_gezin', 'caw', 'cgg', 'gp', 'ocj', 'ocmw', 'huis_van_het_kind', 'other')),
        CONSTRAINT ck_referral_service_phone CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 40),
        CONSTRAINT ck_referral_service_email CHECK (email IS NULL OR (length(email) <= 254 AND email LIKE '%_@_%')),
        CONSTRAINT ck_referral_service_address CHECK (address IS NULL OR length(address) BETWEEN 1 AND 300),
        CONSTRAINT ck_referral_service_intake_notes CHECK (length(intake_notes) <= 2000),
        CONSTRAINT ck_referral_service_languages CHECK (
          cardinality(languages) <= 20 AND array_to_string(languages, ',') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$'
        ),
        CONSTRAINT ck_referral_service_intake_channels CHECK (
          cardinality(intake_channels) BETWEEN 1 AND 3
          AND intake_channels <@ ARRAY['secure_link', 'printed_handover', 'parent_goes']::text[]
        )
      )`);
    // One entry per service: a second "CAW Waasland" is a mistake, also next to a deactivated one.
    await q.query(`CREATE UNIQUE INDEX uq_referral_service_name ON referral_service (lower(trim(name)))`);
    await q.query(`CREATE INDEX ix_referral_service_active ON referral_service (active, lower(name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral_service`);
  }
}
