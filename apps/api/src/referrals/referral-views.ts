import type { Locale, ReferralDetail, ReferralSummary, ReferralTimelineEntry } from '@kring/domain';
import type { FlagBox } from '../flags/flag-box';
import { referralSealedAt } from './referral-problems';
import type { ConsentRow, ExceptionRow, ReferralRow, TimelineRow } from './referral.repository';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A referral without any of its text. */
export function toSummary(row: ReferralRow, exceptionApproved = false): ReferralSummary {
  return {
    id: row.id,
    status: row.status,
    family: { id: row.family_id, displayName: row.family_name },
    service: { id: row.service_id, name: row.service_name, kind: row.service_kind },
    coordinator: { id: row.coordinator_id, displayName: row.coordinator_name },
    flagIds: row.flag_ids,
    followUpOn: row.follow_up_on,
    sendable: row.status === 'consented' || row.status === 'exception_approved' || exceptionApproved,
    viaException: row.exception_id !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface DetailParts {
  consent: ConsentRow | null;
  exception: ExceptionRow | null;
  timeline: TimelineRow[];
  opens: Date[];
  handover: { on: string; place_enc: string; going_along_enc: string } | null;
}

/** The opened referral: its text unsealed (the caller has checked step-up and audited the read). */
export function toDetail(row: ReferralRow, parts: DetailParts, box: FlagBox): ReferralDetail {
  const open = (sealed: string | null, where: string) => box.openOrNull(sealed, where);
  const e = parts.exception;
  const timeline: ReferralTimelineEntry[] = parts.timeline.map((t) => ({
    from: t.from_status,
    to: t.to_status,
    actor:
      t.actor_kind === 'coordinator'
        ? { kind: 'coordinator', id: t.actor_id ?? '', displayName: t.actor_name ?? '' }
        : { kind: t.actor_kind },
    at: t.at.toISOString(),
    rationale: open(t.rationale_enc, referralSealedAt.transition(t.id)),
  }));
  return {
    ...toSummary(row),
    reason: open(row.reason_enc, referralSealedAt.referral(row.id, 'reason_enc')) ?? '',
    familyHopes: open(row.family_hopes_enc, referralSealedAt.referral(row.id, 'family_hopes_enc')),
    consent: parts.consent
      ? {
          fields: parts.consent.fields,
          method: parts.consent.method,
          language: parts.consent.language as Locale,
          explainer: parts.consent.explainer,
          givenAt: parts.consent.given_at.toISOString(),
          validUntil: parts.consent.valid_until,
          recordedBy: { id: parts.consent.recorded_by, displayName: parts.consent.recorded_by_name },
        }
      : null,
    exception: e
      ? {
          legalBasis: e.legal_basis,
          justification: open(e.justification_enc, referralSealedAt.exception(e.id, 'justification_enc')) ?? '',
          informParent: e.inform_parent
            ? { inform: true, by: e.inform_by ?? '' }
            : {
                inform: false,
                reason: open(e.not_informing_reason_enc, referralSealedAt.exception(e.id, 'not_informing_reason_enc')) ?? '',
              },
          fields: e.fields,
          requestedBy: { id: e.requested_by, displayName: e.requested_by_name },
          requestedAt: e.requested_at.toISOString(),
          decision:
            e.approved === null
              ? null
              : {
                  approved: e.approved,
                  by: { id: e.decided_by ?? '', displayName: e.decided_by_name ?? '' },
                  at: iso(e.decided_at) ?? '',
                  reason: open(e.decision_reason_enc, referralSealedAt.exception(e.id, 'decision_reason_enc')) ?? '',
                },
          parentInformedAt: iso(e.parent_informed_at),
        }
      : null,
    packetApproval:
      row.approved_packet_hash && row.approved_at && row.approved_by
        ? { approvedAt: row.approved_at.toISOString(), by: row.approved_by, hash: row.approved_packet_hash }
        : null,
    delivery:
      row.sent_at && row.sent_channel
        ? { channel: row.sent_channel, sentAt: row.sent_at.toISOString(), opens: parts.opens.map((d) => d.toISOString()) }
        : null,
    warmHandover: parts.handover
      ? {
          on: parts.handover.on,
          place: open(parts.handover.place_enc, referralSealedAt.handover(row.id, 'place_enc')) ?? '',
          goingAlong: open(parts.handover.going_along_enc, referralSealedAt.handover(row.id, 'going_along_enc')) ?? '',
        }
      : null,
    outcome: row.outcome
      ? { outcome: row.outcome, note: open(row.outcome_note_enc, referralSealedAt.referral(row.id, 'outcome_note_enc')) ?? '' }
      : null,
    timeline,
  };
}
