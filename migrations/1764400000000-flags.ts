import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A sealed value (`f<key id>.<nonce>.<tag>.<ciphertext>`, base64url): plain text cannot be stored by mistake. */
const SEALED = `'^f[0-9]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$'`;
const sealed = (column: string): string => `CONSTRAINT ck_${column}_sealed CHECK (${column} IS NULL OR ${column} ~ ${SEALED})`;

/**
 * Discreet follow-up flags (signalen), their amendments and their status transitions.
 *
 * Every text column holds sealed text (AES-256-GCM under the flag key, see `apps/api/src/flags/flag-box.ts`).
 * Nothing is edited in place or deleted by hand: triggers refuse DELETE and TRUNCATE on all three tables,
 * and an UPDATE that changes anything but a flag's status, review date, close reason, last review and
 * erasure. Sealed text may change only to NULL (erasure by expiry or retention) or, during a key rotation
 * (`SET LOCAL kring.flag_rekey = 'on'`), to a value sealed under another key id.
 * Also: the staff session's step-up time, and the language staff read their alerts in.
 */
export class Flags1764400000000 implements MigrationInterface {
  name = 'Flags1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_session ADD COLUMN step_up_at timestamptz`);
    await q.query(`
      ALTER TABLE staff_user ADD COLUMN locale text NOT NULL DEFAULT 'nl',
        ADD CONSTRAINT ck_staff_user_locale CHECK (locale IN ('nl', 'en', 'fr'))`);

    await q.query(`
      CREATE TABLE flag (
        id uuid NOT NULL,
        family_id uuid NOT NULL,
        session_id uuid,
        location_id uuid,
        author_id uuid NOT NULL,
        category text NOT NULL,
        urgency text NOT NULL,
        fact_enc text,
        interpretation_enc text,
        strengths_enc text,
        parent_words_enc text,
        discussed_with_parent text NOT NULL,
        not_discussed_reason_enc text,
        status text NOT NULL DEFAULT 'open',
        review_by date NOT NULL,
        close_reason text,
        last_reviewed_at timestamptz NOT NULL,
        -- The review date a reminder went out for (once per flag and review date).
        review_reminded_for date,
        erased_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_flag PRIMARY KEY (id),
        CONSTRAINT fk_flag_family FOREIGN KEY (family_id) REFERENCES family (id),
        CONSTRAINT fk_flag_session FOREIGN KEY (session_id) REFERENCES group_session (id),
        CONSTRAINT fk_flag_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_flag_author FOREIGN KEY (author_id) REFERENCES staff_user (id),
        CONSTRAINT ck_flag_category CHECK (category IN ('bonding', 'parent_wellbeing', 'practical_needs', 'child_development', 'safety', 'other')),
        CONSTRAINT ck_flag_urgency CHECK (urgency IN ('note', 'discuss', 'urgent')),
        CONSTRAINT ck_flag_discussed CHECK (discussed_with_parent IN ('yes', 'not_yet', 'no')),
        CONSTRAINT ck_flag_status CHECK (status IN ('open', 'in_triage', 'watchful_waiting', 'referred', 'closed')),
        CONSTRAINT ck_flag_close_reason CHECK (
          close_reason IN ('support_in_place', 'concern_resolved', 'no_longer_in_contact', 'handed_over', 'other', 'expired')),
        CONSTRAINT ck_flag_closed_with_reason CHECK ((status = 'closed') = (close_reason IS NOT NULL)),
        CONSTRAINT ck_flag_fact CHECK (erased_at IS NOT NULL OR fact_enc IS NOT NULL),
        CONSTRAINT ck_flag_erased CHECK (erased_at IS NULL OR (fact_enc IS NULL AND interpretation_enc IS NULL
          AND strengths_enc IS NULL AND parent_words_enc IS NULL AND not_discussed_reason_enc IS NULL)),
        ${sealed('fact_enc')},
        ${sealed('interpretation_enc')},
        ${sealed('strengths_enc')},
        ${sealed('parent_words_enc')},
        ${sealed('not_discussed_reason_enc')}
      )`);
    await q.query(`CREATE INDEX ix_flag_status_review ON flag (status, review_by)`);
    await q.query(`CREATE INDEX ix_flag_family ON flag (family_id, created_at)`);
    await q.query(`CREATE INDEX ix_flag_author ON flag (author_id, created_at)`);

    await q.query(`
      CREATE TABLE flag_amendment (
        id uuid NOT NULL,
        flag_id uuid NOT NULL,
        field text NOT NULL,
        text_enc text,
        author_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_flag_amendment PRIMARY KEY (id),
        CONSTRAINT fk_flag_amendment_flag FOREIGN KEY (flag_id) REFERENCES flag (id),
        CONSTRAINT fk_flag_amendment_author FOREIGN KEY (author_id) REFERENCES staff_user (id),
        CONSTRAINT ck_flag_amendment_field CHECK (field IN ('fact', 'interpretation', 'strengths', 'parentWords', 'general')),
        ${sealed('text_enc')}
      )`);
    await q.query(`CREATE INDEX ix_flag_amendment_flag ON flag_amendment (flag_id, created_at)`);

    await q.query(`
      CREATE TABLE flag_transition (
        id uuid NOT NULL,
        flag_id uuid NOT NULL,
        kind text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        rationale_enc text,
        review_by date,
        close_reason text,
        actor_id uuid,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_flag_transition PRIMARY KEY (id),
        CONSTRAINT fk_flag_transition_flag FOREIGN KEY (flag_id) REFERENCES flag (id),
        CONSTRAINT fk_flag_transition_actor FOREIGN KEY (actor_id) REFERENCES staff_user (id),
        CONSTRAINT ck_flag_transition_kind CHECK (kind IN ('status', 'reconfirmed')),
        CONSTRAINT ck_flag_transition_from CHECK (from_status IN ('open', 'in_triage', 'watchful_waiting', 'referred', 'closed')),
        CONSTRAINT ck_flag_transition_to CHECK (to_status IN ('open', 'in_triage', 'watchful_waiting', 'referred', 'closed')),
        CONSTRAINT ck_flag_transition_close_reason CHECK (
          close_reason IN ('support_in_place', 'concern_resolved', 'no_longer_in_contact', 'handed_over', 'other', 'expired')),
        ${sealed('rationale_enc')}
      )`);
    await q.query(`CREATE INDEX ix_flag_transition_flag ON flag_transition (flag_id, created_at)`);

    // Sealed text: unchanged, erased (NULL), or re-sealed under another key id during a rotation.
    await q.query(`
      CREATE FUNCTION flag_sealed_change_ok(old_value text, new_value text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT old_value IS NOT DISTINCT FROM new_value
            OR new_value IS NULL
            OR (current_setting('kring.flag_rekey', true) = 'on' AND old_value IS NOT NULL
                AND split_part(old_value, '.', 1) <> split_part(new_value, '.', 1))
      $$`);
    await q.query(`
      CREATE FUNCTION flag_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' THEN
          RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_TABLE_NAME = 'flag' THEN
          IF (NEW.id, NEW.family_id, NEW.session_id, NEW.location_id, NEW.author_id, NEW.category, NEW.urgency,
              NEW.discussed_with_parent, NEW.created_at)
             IS DISTINCT FROM
             (OLD.id, OLD.family_id, OLD.session_id, OLD.location_id, OLD.author_id, OLD.category, OLD.urgency,
              OLD.discussed_with_parent, OLD.created_at)
             OR NOT flag_sealed_change_ok(OLD.fact_enc, NEW.fact_enc)
             OR NOT flag_sealed_change_ok(OLD.interpretation_enc, NEW.interpretation_enc)
             OR NOT flag_sealed_change_ok(OLD.strengths_enc, NEW.strengths_enc)
             OR NOT flag_sealed_change_ok(OLD.parent_words_enc, NEW.parent_words_enc)
             OR NOT flag_sealed_change_ok(OLD.not_discussed_reason_enc, NEW.not_discussed_reason_enc)
             OR (OLD.erased_at IS NOT NULL AND NEW.erased_at IS DISTINCT FROM OLD.erased_at) THEN
            RAISE EXCEPTION 'a flag is not edited in place: add an amendment' USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSIF TG_TABLE_NAME = 'flag_amendment' THEN
          IF (NEW.id, NEW.flag_id, NEW.field, NEW.author_id, NEW.created_at) IS DISTINCT FROM
             (OLD.id, OLD.flag_id, OLD.field, OLD.author_id, OLD.created_at)
             OR NOT flag_sealed_change_ok(OLD.text_enc, NEW.text_enc) THEN
            RAISE EXCEPTION 'an amendment is not edited: add another' USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSE
          IF (NEW.id, NEW.flag_id, NEW.kind, NEW.from_status, NEW.to_status, NEW.review_by, NEW.close_reason, NEW.actor_id, NEW.created_at)
             IS DISTINCT FROM
             (OLD.id, OLD.flag_id, OLD.kind, OLD.from_status, OLD.to_status, OLD.review_by, OLD.close_reason, OLD.actor_id, OLD.created_at)
             OR NOT flag_sealed_change_ok(OLD.rationale_enc, NEW.rationale_enc) THEN
            RAISE EXCEPTION 'a transition is not edited' USING ERRCODE = 'insufficient_privilege';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['flag', 'flag_amendment', 'flag_transition']) {
      await q.query(
        `CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION flag_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION flag_append_only()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE flag_transition`);
    await q.query(`DROP TABLE flag_amendment`);
    await q.query(`DROP TABLE flag`);
    await q.query(`DROP FUNCTION flag_append_only()`);
    await q.query(`DROP FUNCTION flag_sealed_change_ok(text, text)`);
    await q.query(`ALTER TABLE staff_user DROP CONSTRAINT ck_staff_user_locale, DROP COLUMN locale`);
    await q.query(`ALTER TABLE staff_session DROP COLUMN step_up_at`);
  }
}
