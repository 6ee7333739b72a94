import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEALED = `'^f[0-9]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$'`;
const sealed = (table: string, column: string): string =>
  `CONSTRAINT ck_${table}_${column}_sealed CHECK (${column} IS NULL OR ${column} ~ ${SEALED})`;

/**
 * Referral delivery and the parent's side (issue 14, the API): single-purpose expiring links (the
 * parent's, to see and approve the packet and withdraw; the service's, to open the sent packet), each
 * stored only as the SHA-256 of its token, with every open of a service link recorded; the packet as
 * sent (sealed, so the service reads byte for byte what was approved); the warm handover; and the
 * parent's contact profile for this referral.
 */
export class ReferralDelivery1764460000000 implements MigrationInterface {
  name = 'ReferralDelivery1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral ADD COLUMN sent_packet_enc text, ADD ${sealed('referral', 'sent_packet_enc')}`);
    await q.query(`
      CREATE TABLE referral_link (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL,
        purpose text NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_referral_link PRIMARY KEY (id),
        CONSTRAINT uq_referral_link_token UNIQUE (token_hash),
        CONSTRAINT fk_referral_link_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
        CONSTRAINT fk_referral_link_created_by FOREIGN KEY (created_by) REFERENCES staff_user (id),
        CONSTRAINT ck_referral_link_purpose CHECK (purpose IN ('parent', 'service')),
        CONSTRAINT ck_referral_link_hash CHECK (octet_length(token_hash) = 32)
      )`);
    await q.query(`CREATE INDEX ix_referral_link_referral ON referral_link (referral_id, purpose)`);
    await q.query(`
      CREATE TABLE referral_link_open (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL,
        opened_at timestamptz NOT NULL,
        CONSTRAINT pk_referral_link_open PRIMARY KEY (id),
        CONSTRAINT fk_referral_link_open_link FOREIGN KEY (link_id) REFERENCES referral_link (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_referral_link_open_link ON referral_link_open (link_id, opened_at)`);
    await q.query(`
      CREATE TABLE referral_handover (
        referral_id uuid NOT NULL,
        on_date date NOT NULL,
        place_enc text NOT NULL,
        going_along_enc text NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT pk_referral_handover PRIMARY KEY (referral_id),
        CONSTRAINT fk_referral_handover_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
        CONSTRAINT fk_referral_handover_recorded_by FOREIGN KEY (recorded_by) REFERENCES staff_user (id),
        ${sealed('referral_handover', 'place_enc')},
        ${sealed('referral_handover', 'going_along_enc')}
      )`);
    await q.query(`
      CREATE TABLE referral_contact_profile (
        referral_id uuid NOT NULL,
        channel text NOT NULL,
        language text NOT NULL,
        times_enc text,
        avoid_enc text,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_referral_contact_profile PRIMARY KEY (referral_id),
        CONSTRAINT fk_referral_contact_profile_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
        CONSTRAINT ck_referral_contact_profile_channel CHECK (channel IN ('sms', 'email', 'phone_call', 'none')),
        CONSTRAINT ck_referral_contact_profile_language CHECK (language IN ('nl', 'en', 'fr', 'ar')),
        ${sealed('referral_contact_profile', 'times_enc')},
        ${sealed('referral_contact_profile', 'avoid_enc')}
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral_contact_profile`);
    await q.query(`DROP TABLE referral_handover`);
    await q.query(`DROP TABLE referral_link_open`);
    await q.query(`DROP TABLE referral_link`);
    await q.query(`ALTER TABLE referral DROP COLUMN sent_packet_enc`);
  }
}
