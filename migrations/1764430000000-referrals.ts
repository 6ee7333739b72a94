import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sealed text (the flag key's form, `f<key id>.<nonce>.<tag>.<ciphertext>`): referral text is sealed like flag text. */
const SEALED = `'^f[0-9]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$'`;
const sealed = (table: string, column: string): string =>
  `CONSTRAINT ck_${table}_${column}_sealed CHECK (${column} IS NULL OR ${column} ~ ${SEALED})`;
const HASH = `'^[0-9a-f]{64}$'`;

const STATUSES = [
  'draft',
  'discussing',
  'consented',
  'sent',
  'accepted',
  'follow_up',
  'closed',
  'declined',
  'withdrawn',
  'exception_requested',
  'exception_approved',
  'exception_rejected',
];
/** The state machine of `libs/domain/src/lib/referrals.ts` (an integration test checks that both say the same). */
const TRANSITIONS: Array<[string, string]> = [
  ['draft', 'discussing'],
  ['draft', 'exception_requested'],
  ['draft', 'withdrawn'],
  ['discussing', 'consented'],
  ['discussing', 'declined'],
  ['discussing', 'withdrawn'],
  ['consented', 'sent'],
  ['consented', 'discussing'],
  ['consented', 'withdrawn'],
  ['sent', 'accepted'],
  ['sent', 'follow_up'],
  ['sent', 'withdrawn'],
  ['accepted', 'follow_up'],
  ['accepted', 'withdrawn'],
  ['follow_up', 'closed'],
  ['follow_up', 'withdrawn'],
  ['declined', 'closed'],
  ['withdrawn', 'discussing'],
  ['withdrawn', 'closed'],
  ['exception_requested', 'exception_approved'],
  ['exception_requested', 'exception_rejected'],
  ['exception_requested', 'withdrawn'],
  ['exception_approved', 'sent'],
  ['exception_approved', 'withdrawn'],
  ['exception_rejected', 'draft'],
];
const FIELDS = `ARRAY['reason', 'strengths', 'parent_words', 'contact_details', 'children_ages', 'selected_flags']::text[]`;
const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * Referrals (issue 14): a family handed over to a service from the directory, with the parent's
 * granular consent or, to prevent serious harm, an exception approved by a second coordinator.
 *
 * The database holds the rules no code path may skip (the API checks them first, through
 * `libs/domain`): a referral starts as a draft and moves only along the state machine; `sent` is
 * reached only from `consented` (with a consent on record for that service, not withdrawn) or from
 * `exception_approved` (with an exception approved by someone other than its requester), and only
 * with the packet that was approved (hash equal); an exception is never decided by its requester
 * (CHECK); closing needs an outcome. The timeline is never edited.
 */
export class Referrals1764430000000 implements MigrationInterface {
  name = 'Referrals1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        coordinator_id uuid NOT NULL,
        service_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        reason_enc text,
        family_hopes_enc text,
        follow_up_on date,
        consent_id uuid,
        exception_id uuid,
        approved_packet_hash text,
        approved_at timestamptz,
        approved_by text,
        sent_packet_hash text,
        sent_at timestamptz,
        sent_channel text,
        outcome text,
        outcome_note_enc text,
        follow_up_reminded_for date,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_referral PRIMARY KEY (id),
        CONSTRAINT fk_referral_family FOREIGN KEY (family_id) REFERENCES family (id),
        CONSTRAINT fk_referral_coordinator FOREIGN KEY (coordinator_id) REFERENCES staff_user (id),
        CONSTRAINT fk_referral_service FOREIGN KEY (service_id) REFERENCES referral_service (id),
        CONSTRAINT ck_referral_status CHECK (status IN (${list(STATUSES)})),
        CONSTRAINT ck_referral_reason CHECK (erased_at IS NOT NULL OR reason_enc IS NOT NULL),
        CONSTRAINT ck_referral_approved_hash CHECK (approved_packet_hash IS NULL OR approved_packet_hash ~ ${HASH}),
        CONSTRAINT ck_referral_approval CHECK ((approved_packet_hash IS NULL) = (approved_at IS NULL)
          AND (approved_packet_hash IS NULL) = (approved_by IS NULL) AND (approved_by IS NULL OR approved_by IN ('parent', 'coordinator'))),
        CONSTRAINT ck_referral_sent_hash CHECK (sent_packet_hash IS NULL OR sent_packet_hash ~ ${HASH}),
        CONSTRAINT ck_referral_sent CHECK ((sent_at IS NULL) = (sent_packet_hash IS NULL) AND (sent_at IS NULL) = (sent_channel IS NULL)
          AND (sent_channel IS NULL OR sent_channel IN ('secure_link', 'printed_handover', 'parent_goes'))),
        CONSTRAINT ck_referral_outcome CHECK (outcome IS NULL
          OR outcome IN ('support_started', 'on_waiting_list', 'not_reached', 'family_declined_there', 'other')),
        CONSTRAINT ck_referral_closed_with_outcome CHECK (status <> 'closed' OR outcome IS NOT NULL),
        ${sealed('referral', 'reason_enc')},
        ${sealed('referral', 'family_hopes_enc')},
        ${sealed('referral', 'outcome_note_enc')}
      )`);
    await q.query(`CREATE INDEX ix_referral_family ON referral (family_id)`);
    await q.query(`CREATE INDEX ix_referral_status_follow_up ON referral (status, follow_up_on)`);

    await q.query(`
      CREATE TABLE referral_flag (
        referral_id uuid NOT NULL,
        flag_id uuid NOT NULL,
        CONSTRAINT pk_referral_flag PRIMARY KEY (referral_id, flag_id),
        CONSTRAINT fk_referral_flag_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
        CONSTRAINT fk_referral_flag_flag FOREIGN KEY (flag_id) REFERENCES flag (id)
      )`);
    await q.query(`CREATE INDEX ix_referral_flag_flag ON referral_flag (flag_id)`);

    await q.query(`
      CREATE TABLE referral_consent (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL,
        service_id uuid NOT NULL,
        fields text[] NOT NULL,
        method text NOT NULL,
        language text NOT NULL,
        explainer text NOT NULL,
        given_at timestamptz NOT NULL,
        valid_until date NOT NULL,
        recorded_by uuid NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by text,
        CONSTRAINT pk_referral_consent PRIMARY KEY (id),
        CONSTRAINT fk_referral_consent_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
        CONSTRAINT fk_referral_consent_service FOREIGN KEY (service_id) REFERENCES referral_service (id),
        CONSTRAINT fk_referral_consent_recorded_by FOREIGN KEY (recorded_by) REFERENCES staff_user (id),
        CONSTRAINT ck_referral_consent_fields CHECK (cardinality(fields) >= 1 AND fields <@ ${FIELDS}),
        CONSTRAINT ck_referral_consent_method CHECK (method IN ('in_person', 'phone', 'parent_link')),
        CONSTRAINT ck_referral_consent_language CHECK (language IN ('nl', 'en', 'fr', 'ar')),
        CONSTRAINT ck_referral_consent_explainer CHECK (length(trim(explainer)) > 0),
        CONSTRAINT ck_referral_consent_withdrawn CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)
          AND (withdrawn_by IS NULL OR withdrawn_by IN ('parent', 'coordinator', 'system')))
      )`);
    await q.query(`CREATE INDEX ix_referral_consent_referral ON referral_consent (referral_id)`);

    await q.query(`
      CREATE TABLE referral_exception (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL,
        legal_basis text NOT NULL,
        justification_enc text,
        inform_parent boolean NOT NULL,
        inform_by date,
        not_informing_reason_enc text,
        fields text[] NOT NULL,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        approved boolean,
        decided_by uuid,
        decided_at timestamptz,
        decision_reason_enc text,
        parent_informed_at timestamptz,
        inform_reminded_for date,
        CONSTRAINT pk_referral_exception PRIMARY KEY (id),
        CONSTRAINT fk_referral_exception_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
        CONSTRAINT fk_referral_exception_requested_by FOREIGN KEY (requested_by) REFERENCES staff_user (id),
        CONSTRAINT fk_referral_exception_decided_by FOREIGN KEY (decided_by) REFERENCES staff_user (id),
        CONSTRAINT ck_referral_exception_legal_basis CHECK (legal_basis IN ('state_of_necessity', 'art_458bis', 'court_order')),
        CONSTRAINT ck_referral_exception_fields CHECK (cardinality(fields) >= 1 AND fields <@ ${FIELDS}),
        CONSTRAINT ck_referral_exception_inform CHECK (
          (inform_parent AND inform_by IS NOT NULL AND not_informing_reason_enc IS NULL)
          OR (NOT inform_parent AND inform_by IS NULL)),
        CONSTRAINT ck_referral_exception_decision CHECK ((approved IS NULL) = (decided_by IS NULL) AND (approved IS NULL) = (decided_at IS NULL)),
        -- Four eyes: the coordinator who asked never decides.
        CONSTRAINT ck_referral_exception_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
        ${sealed('referral_exception', 'justification_enc')},
        ${sealed('referral_exception', 'not_informing_reason_enc')},
        ${sealed('referral_exception', 'decision_reason_enc')}
      )`);
    await q.query(`CREATE INDEX ix_referral_exception_referral ON referral_exception (referral_id)`);
    await q.query(`
      ALTER TABLE referral
        ADD CONSTRAINT fk_referral_consent FOREIGN KEY (consent_id) REFERENCES referral_consent (id),
        ADD CONSTRAINT fk_referral_exception FOREIGN KEY (exception_id) REFERENCES referral_exception (id)`);

    await q.query(`
      CREATE TABLE referral_transition (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_kind text NOT NULL,
        actor_id uuid,
        rationale_enc text,
        at timestamptz NOT NULL,
        CONSTRAINT pk_referral_transition PRIMARY KEY (id),
        CONSTRAINT fk_referral_transition_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
        CONSTRAINT fk_referral_transition_actor FOREIGN KEY (actor_id) REFERENCES staff_user (id),
        CONSTRAINT ck_referral_transition_from CHECK (from_status IS NULL OR from_status IN (${list(STATUSES)})),
        CONSTRAINT ck_referral_transition_to CHECK (to_status IN (${list(STATUSES)})),
        CONSTRAINT ck_referral_transition_actor CHECK (
          (actor_kind = 'coordinator' AND actor_id IS NOT NULL) OR (actor_kind IN ('parent', 'system') AND actor_id IS NULL)),
        ${sealed('referral_transition', 'rationale_enc')}
      )`);
    await q.query(`CREATE INDEX ix_referral_transition_referral ON referral_transition (referral_id, at)`);

    await q.query(`
      CREATE FUNCTION referral_transition_allowed(from_status text, to_status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT (from_status, to_status) IN (${TRANSITIONS.map(([a, b]) => `('${a}', '${b}')`).join(', ')})
      $$`);
    await q.query(`
      CREATE FUNCTION referral_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.status <> 'draft' THEN
            RAISE EXCEPTION 'a referral starts as a draft, not %', NEW.status USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
          RETURN NEW;
        END IF;
        IF NOT referral_transition_allowed(OLD.status, NEW.status) THEN
          RAISE EXCEPTION 'a referral does not go from % to %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status = 'consented' OR (NEW.status = 'sent' AND OLD.status = 'consented') THEN
          IF NOT EXISTS (SELECT 1 FROM referral_consent c WHERE c.id = NEW.consent_id AND c.referral_id = NEW.id
                           AND c.service_id = NEW.service_id AND c.withdrawn_at IS NULL) THEN
            RAISE EXCEPTION 'referral % needs the parent''s consent for this service', NEW.status USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        IF NEW.status = 'exception_requested' THEN
          IF NOT EXISTS (SELECT 1 FROM referral_exception e WHERE e.id = NEW.exception_id AND e.referral_id = NEW.id AND e.approved IS NULL) THEN
            RAISE EXCEPTION 'an exception is requested with its legal basis and justification' USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        IF NEW.status IN ('exception_approved', 'exception_rejected') OR (NEW.status = 'sent' AND OLD.status = 'exception_approved') THEN
          IF NOT EXISTS (SELECT 1 FROM referral_exception e WHERE e.id = NEW.exception_id AND e.referral_id = NEW.id
                           AND e.approved = (NEW.status <> 'exception_rejected') AND e.decided_by <> e.requested_by) THEN
            RAISE EXCEPTION 'referral % needs an exception decided by a second coordinator', NEW.status USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        IF NEW.status = 'sent' THEN
          IF NEW.approved_packet_hash IS NULL OR NEW.sent_packet_hash IS DISTINCT FROM NEW.approved_packet_hash THEN
            RAISE EXCEPTION 'what is sent must be the approved packet' USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_referral_guard BEFORE INSERT OR UPDATE ON referral FOR EACH ROW EXECUTE FUNCTION referral_guard()`);

    // The timeline and the consent and exception records are facts: never edited, only their sealed
    // text erased (NULL) or re-sealed under another key during a rotation (flag_sealed_change_ok).
    await q.query(`
      CREATE FUNCTION referral_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'referral_transition' THEN
          IF (NEW.id, NEW.referral_id, NEW.from_status, NEW.to_status, NEW.actor_kind, NEW.actor_id, NEW.at) IS DISTINCT FROM
             (OLD.id, OLD.referral_id, OLD.from_status, OLD.to_status, OLD.actor_kind, OLD.actor_id, OLD.at)
             OR NOT flag_sealed_change_ok(OLD.rationale_enc, NEW.rationale_enc) THEN
            RAISE EXCEPTION 'a referral''s timeline is not edited' USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSIF TG_TABLE_NAME = 'referral_consent' THEN
          -- Only withdrawing it (once) changes a consent.
          IF (NEW.id, NEW.referral_id, NEW.service_id, NEW.fields, NEW.method, NEW.language, NEW.explainer, NEW.given_at,
              NEW.valid_until, NEW.recorded_by) IS DISTINCT FROM
             (OLD.id, OLD.referral_id, OLD.service_id, OLD.fields, OLD.method, OLD.language, OLD.explainer, OLD.given_at,
              OLD.valid_until, OLD.recorded_by)
             OR (OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at) THEN
            RAISE EXCEPTION 'a consent is not edited: record a new one, or withdraw it' USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSE
          -- A request stays as asked; its decision is taken once.
          IF (NEW.id, NEW.referral_id, NEW.legal_basis, NEW.inform_parent, NEW.inform_by, NEW.fields, NEW.requested_by, NEW.requested_at)
             IS DISTINCT FROM
             (OLD.id, OLD.referral_id, OLD.legal_basis, OLD.inform_parent, OLD.inform_by, OLD.fields, OLD.requested_by, OLD.requested_at)
             OR NOT flag_sealed_change_ok(OLD.justification_enc, NEW.justification_enc)
             OR NOT flag_sealed_change_ok(OLD.not_informing_reason_enc, NEW.not_informing_reason_enc)
             OR (OLD.approved IS NOT NULL AND (NEW.approved, NEW.decided_by, NEW.decided_at) IS DISTINCT FROM (OLD.approved, OLD.decided_by, OLD.decided_at)) THEN
            RAISE EXCEPTION 'an exception request is not edited, and is decided once' USING ERRCODE = 'insufficient_privilege';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['referral_transition', 'referral_consent', 'referral_exception']) {
      await q.query(`CREATE TRIGGER trg_${table}_guard BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION referral_record_guard()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral DROP CONSTRAINT fk_referral_consent, DROP CONSTRAINT fk_referral_exception`);
    await q.query(`DROP TABLE referral_transition`);
    await q.query(`DROP TABLE referral_exception`);
    await q.query(`DROP TABLE referral_consent`);
    await q.query(`DROP TABLE referral_flag`);
    await q.query(`DROP TABLE referral`);
    await q.query(`DROP FUNCTION referral_record_guard()`);
    await q.query(`DROP FUNCTION referral_guard()`);
    await q.query(`DROP FUNCTION referral_transition_allowed(text, text)`);
  }
}
