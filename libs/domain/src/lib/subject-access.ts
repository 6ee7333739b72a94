import type { Locale } from './locale';

/**
 * Subject access (GDPR art. 15): everything Kring holds about one family, for the family, in words
 * it can read. Staff are never named in it (the access log says when and why, not who).
 */
export interface SubjectAccessExport {
  generatedAt: string;
  /** The language the family reads in (their own unless the coordinator chose another). */
  locale: Locale;
  family: {
    id: string;
    displayName: string;
    phone: string | null;
    email: string | null;
    locale: Locale;
    discreet: boolean;
    code: string;
    createdAt: string;
  };
  /** Each child as its birth month (`YYYY-MM`; a month still to come is a pregnancy). */
  children: Array<{ month: string }>;
  consents: Array<{ purpose: string; noticeVersion: string; locale: string; givenAt: string; method: string }>;
  enrolments: Array<{ groupTitle: string; createdAt: string; cancelledAt: string | null }>;
  registrations: Array<{
    groupTitle: string;
    sessionStartsAt: string;
    status: string;
    seats: number;
    childrenComing: number;
    needs: string[];
    source: string;
    createdAt: string;
    updatedAt: string;
  }>;
  attendance: Array<{ groupTitle: string; sessionStartsAt: string; status: string; recordedAt: string }>;
  /** Messages as kept: bodies are erased after a while by retention (then `erasedAt` says when). */
  messages: Array<{
    kind: string;
    channel: string;
    locale: string;
    status: string;
    createdAt: string;
    sentAt: string | null;
    subject: string | null;
    body: string;
    erasedAt: string | null;
  }>;
  flags: SubjectAccessFlag[];
  /** Referrals: where to, the steps and when; their text stays with the referral (see docs/ARCHITECTURE.md). */
  referrals: Array<{
    service: string;
    status: string;
    createdAt: string;
    sentAt: string | null;
    sentChannel: string | null;
    outcome: string | null;
    followUpOn: string | null;
    steps: Array<{ from: string | null; to: string; at: string; by: string }>;
    /** What the family agreed may be shared with the service, and when (withdrawn when it was). */
    consents: Array<{ fields: string[]; method: string; givenAt: string; validUntil: string; withdrawnAt: string | null }>;
    /** When a secure link to the referral was opened, and by whom in kind (the family's or the service's link). */
    linkOpens: Array<{ link: string; at: string }>;
  }>;
  legalHolds: Array<{ reason: string; setAt: string; liftedAt: string | null }>;
  /** Every read of the family's records: when, what and why; never by whom. */
  accessLog: Array<{ at: string; record: string; purpose: string }>;
}

/** A flag as written (opened through the flags' own reading, audited), with its corrections and steps. */
export interface SubjectAccessFlag {
  category: string;
  urgency: string;
  status: string;
  createdAt: string;
  reviewBy: string;
  closeReason: string | null;
  erased: boolean;
  session: { startsAt: string; groupTitle: string } | null;
  fact: string | null;
  interpretation: string | null;
  strengths: string | null;
  parentWords: string | null;
  discussedWithParent: string;
  notDiscussedReason: string | null;
  amendments: Array<{ field: string; text: string; at: string }>;
  statusChanges: Array<{ from: string | null; to: string; at: string; closeReason: string | null }>;
}

/** A request for access, from when it was asked until the export answered it (due one month later). */
export interface SubjectAccessRequestView {
  id: string;
  family: { id: string; displayName: string };
  requestedAt: string;
  dueAt: string;
  doneAt: string | null;
  overdue: boolean;
}

export const SUBJECT_ACCESS_FORMATS = ['json', 'pdf'] as const;
export type SubjectAccessFormat = (typeof SUBJECT_ACCESS_FORMATS)[number];

/**
 * When an answer is due: one calendar month after the request (art. 12(3)), on the same day of the
 * month, or the month's last day when it has no such day (31 January → 28/29 February). UTC.
 */
export function subjectAccessDueAt(requestedAt: Date): Date {
  const y = requestedAt.getUTCFullYear();
  const m = requestedAt.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const due = new Date(requestedAt.getTime());
  due.setUTCDate(1);
  due.setUTCMonth(m);
  due.setUTCDate(Math.min(requestedAt.getUTCDate(), lastDay));
  return due;
}

/** An open request is overdue once its due moment has passed. */
export function isSubjectAccessOverdue(dueAt: Date, doneAt: Date | null, now: Date): boolean {
  return doneAt === null && now.getTime() > dueAt.getTime();
}
