import type { Locale } from '@kring/domain';
import type { PreparedMessage } from '../messages/outbox.service';
import { staffText } from '../messages/templates';
import { staffLocale } from '../messages/texts/staff';

/** Messages to staff about flags (texts in messages/texts/staff, ICU). They say only that something waits: no family, no category, no group, no text. */
export const StaffMessageKind = {
  FlagWaiting: 'staff_flag_waiting',
  FlagReviewDue: 'staff_flag_review_due',
} as const;
export type StaffMessageKind = (typeof StaffMessageKind)[keyof typeof StaffMessageKind];

/** Where the link in a staff alert goes: the coordinators' inbox, or the author's own flags. */
export const FLAG_LINKS = { inbox: '/signalen', mine: '/mijn-signalen' } as const;

/** One e-mail to one staff member (staff have no phone number in Kring: no SMS). */
export function staffMessage(
  kind: StaffMessageKind,
  to: { id: string; email: string; locale: string },
  link: string,
  dedupeKey: string,
): PreparedMessage {
  const locale = staffLocale(to.locale);
  return {
    key: `${dedupeKey}:email`,
    kind,
    channel: 'email',
    recipient: to.email,
    locale: locale satisfies Locale,
    sender: 'Kring',
    subject: staffText(locale, `${kind}.subject`),
    body: staffText(locale, `${kind}.email`, { link }),
    attachments: '[]',
    familyId: null,
  };
}
