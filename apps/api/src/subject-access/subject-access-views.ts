import {
  isSubjectAccessOverdue,
  pickLocalized,
  type FamilyFlagChronology,
  type Locale,
  type SubjectAccessExport,
  type SubjectAccessFlag,
  type SubjectAccessRequestView,
} from '@kring/domain';
import type {
  AttendanceRow,
  FamilyRow,
  MessageRow,
  RegistrationRow,
  ReferralConsentRow,
  ReferralRow,
  ReferralStepRow,
  RequestRow,
} from './subject-access.repository';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export interface ExportParts {
  family: FamilyRow;
  children: Array<{ month: string }>;
  consents: Array<{ purpose: string; notice_version: string; locale: string; given_at: Date; method: string }>;
  enrolments: Array<{ group_title: SessionTitle; created_at: Date; cancelled_at: Date | null }>;
  registrations: RegistrationRow[];
  attendance: AttendanceRow[];
  messages: MessageRow[];
  flags: FamilyFlagChronology['flags'];
  referrals: ReferralRow[];
  referralSteps: ReferralStepRow[];
  referralConsents: ReferralConsentRow[];
  referralOpens: Array<{ referral_id: string; purpose: string; opened_at: Date }>;
  holds: Array<{ reason: string; set_at: Date; lifted_at: Date | null }>;
  reads: Array<{ occurred_at: Date; entity: string; purpose: string | null }>;
}
type SessionTitle = RegistrationRow['group_title'];

/** A flag for the family: its fields as written and the dates of what happened, without staff names or rationales. */
export function toFamilyFlag(f: FamilyFlagChronology['flags'][number]): SubjectAccessFlag {
  return {
    category: f.category,
    urgency: f.urgency,
    status: f.status,
    createdAt: f.createdAt,
    reviewBy: f.reviewBy,
    closeReason: f.closeReason,
    erased: f.erased,
    session: f.session ? { startsAt: f.session.startsAt, groupTitle: f.session.groupTitle } : null,
    fact: f.fact,
    interpretation: f.interpretation,
    strengths: f.strengths,
    parentWords: f.parentWords,
    discussedWithParent: f.discussedWithParent,
    notDiscussedReason: f.notDiscussedReason,
    amendments: f.amendments.map((a) => ({ field: a.field, text: a.text, at: a.at })),
    statusChanges: f.transitions.map((t) => ({ from: t.from, to: t.to, at: t.at, closeReason: t.closeReason })),
  };
}

export function toExport(p: ExportParts, locale: Locale, now: Date): SubjectAccessExport {
  const title = (t: SessionTitle) => pickLocalized(t, locale).text;
  return {
    generatedAt: now.toISOString(),
    locale,
    family: {
      id: p.family.id,
      displayName: p.family.display_name,
      phone: p.family.phone,
      email: p.family.email,
      locale: p.family.locale as Locale,
      discreet: p.family.discreet,
      code: p.family.code,
      createdAt: p.family.created_at.toISOString(),
    },
    children: p.children.map((c) => ({ month: c.month })),
    consents: p.consents.map((c) => ({
      purpose: c.purpose,
      noticeVersion: c.notice_version,
      locale: c.locale,
      givenAt: c.given_at.toISOString(),
      method: c.method,
    })),
    enrolments: p.enrolments.map((e) => ({
      groupTitle: title(e.group_title),
      createdAt: e.created_at.toISOString(),
      cancelledAt: iso(e.cancelled_at),
    })),
    registrations: p.registrations.map((r) => ({
      groupTitle: title(r.group_title),
      sessionStartsAt: r.starts_at.toISOString(),
      status: r.status,
      seats: r.seats,
      childrenComing: r.children_coming,
      needs: r.needs,
      source: r.source,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    })),
    attendance: p.attendance.map((a) => ({
      groupTitle: title(a.group_title),
      sessionStartsAt: a.starts_at.toISOString(),
      status: a.status,
      recordedAt: a.recorded_at.toISOString(),
    })),
    messages: p.messages.map((m) => ({
      kind: m.kind,
      channel: m.channel,
      locale: m.locale,
      status: m.status,
      createdAt: m.created_at.toISOString(),
      sentAt: iso(m.sent_at),
      subject: m.subject,
      body: m.body,
      erasedAt: iso(m.erased_at),
    })),
    flags: p.flags.map(toFamilyFlag),
    referrals: p.referrals.map((r) => ({
      service: r.service,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      sentAt: iso(r.sent_at),
      sentChannel: r.sent_channel,
      outcome: r.outcome,
      followUpOn: r.follow_up_on,
      steps: p.referralSteps
        .filter((s) => s.referral_id === r.id)
        .map((s) => ({ from: s.from_status, to: s.to_status, at: s.at.toISOString(), by: s.actor_kind })),
      consents: p.referralConsents
        .filter((c) => c.referral_id === r.id)
        .map((c) => ({
          fields: c.fields,
          method: c.method,
          givenAt: c.given_at.toISOString(),
          validUntil: c.valid_until,
          withdrawnAt: iso(c.withdrawn_at),
        })),
      linkOpens: p.referralOpens.filter((o) => o.referral_id === r.id).map((o) => ({ link: o.purpose, at: o.opened_at.toISOString() })),
    })),
    legalHolds: p.holds.map((h) => ({ reason: h.reason, setAt: h.set_at.toISOString(), liftedAt: iso(h.lifted_at) })),
    accessLog: p.reads.map((r) => ({ at: r.occurred_at.toISOString(), record: r.entity, purpose: r.purpose ?? '' })),
  };
}

export function toRequestView(row: RequestRow, now: Date): SubjectAccessRequestView {
  return {
    id: row.id,
    family: { id: row.family_id, displayName: row.family_name },
    requestedAt: row.requested_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    doneAt: iso(row.done_at),
    overdue: isSubjectAccessOverdue(row.due_at, row.done_at, now),
  };
}
