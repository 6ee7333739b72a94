import {
  isFlagDue,
  pickLocalized,
  type FlagAmendment,
  type FlagDetail,
  type FlagSummary,
  type FlagTransition,
  type Locale,
} from '@kring/domain';
import { sealedAt, type FlagBox } from './flag-box';
import type { AmendmentRow, TransitionRow } from './flag-history.repository';
import type { FlagRow, SealedFlagRow } from './flag.repository';

/** A flag without any of its text. */
export function toSummary(row: FlagRow, today: string): FlagSummary {
  return {
    id: row.id,
    family: { id: row.family_id, displayName: row.family_name },
    category: row.category,
    urgency: row.urgency,
    status: row.status,
    author: { id: row.author_id, displayName: row.author_name },
    location: row.location_id ? { id: row.location_id, name: row.location_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    reviewBy: row.review_by,
    due: isFlagDue(row.status, row.review_by, today),
    closeReason: row.close_reason,
    erased: row.erased_at !== null,
    lastReviewedAt: row.last_reviewed_at.toISOString(),
  };
}

export function toAmendment(row: AmendmentRow, box: FlagBox): FlagAmendment {
  return {
    id: row.id,
    field: row.field,
    text: box.openOrNull(row.text_enc, sealedAt.amendment(row.id)) ?? '',
    author: { id: row.author_id, displayName: row.author_name },
    at: row.created_at.toISOString(),
  };
}

export function toTransition(row: TransitionRow, box: FlagBox): FlagTransition {
  return {
    kind: row.kind,
    from: row.from_status,
    to: row.to_status,
    rationale: box.openOrNull(row.rationale_enc, sealedAt.transition(row.id)) ?? '',
    actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? '' } : null,
    at: row.created_at.toISOString(),
    reviewBy: row.review_by,
    closeReason: row.close_reason,
  };
}

/** The opened flag: its text (unsealed here, only after step-up and in the audited transaction), amendments and transitions. */
export function toDetail(
  row: SealedFlagRow,
  amendments: AmendmentRow[],
  transitions: TransitionRow[],
  box: FlagBox,
  today: string,
  locale: Locale,
): FlagDetail {
  const open = (column: keyof SealedFlagRow & `${string}_enc`) =>
    box.openOrNull(row[column] as string | null, sealedAt.flag(row.id, column));
  return {
    ...toSummary(row, today),
    session:
      row.session_id && row.session_starts_at
        ? {
            id: row.session_id,
            startsAt: row.session_starts_at.toISOString(),
            groupTitle: row.session_group_title ? pickLocalized(row.session_group_title, locale).text : '',
          }
        : null,
    fact: open('fact_enc'),
    interpretation: open('interpretation_enc'),
    strengths: open('strengths_enc'),
    parentWords: open('parent_words_enc'),
    discussedWithParent: row.discussed_with_parent,
    notDiscussedReason: open('not_discussed_reason_enc'),
    amendments: amendments.filter((a) => a.flag_id === row.id).map((a) => toAmendment(a, box)),
    transitions: transitions.filter((t) => t.flag_id === row.id).map((t) => toTransition(t, box)),
  };
}
