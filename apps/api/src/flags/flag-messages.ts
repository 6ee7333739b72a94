import type { Locale } from '@kring/domain';
import type { PreparedMessage } from '../messages/outbox.service';

/** Messages to staff about flags. They say only that something waits: no family, no category, no group, no text. */
export const StaffMessageKind = {
  FlagWaiting: 'staff_flag_waiting',
  FlagReviewDue: 'staff_flag_review_due',
} as const;
export type StaffMessageKind = (typeof StaffMessageKind)[keyof typeof StaffMessageKind];

type StaffLocale = 'nl' | 'en' | 'fr';
const TEXTS: Record<StaffMessageKind, Record<StaffLocale, { subject: string; body: (link: string) => string }>> = {
  staff_flag_waiting: {
    nl: { subject: 'Er wacht een signaal op je in Kring', body: (l) => `Er wacht een signaal op je in Kring.\n\n${l}` },
    en: { subject: 'A flag is waiting for you in Kring', body: (l) => `A flag is waiting for you in Kring.\n\n${l}` },
    fr: { subject: 'Un signalement vous attend dans Kring', body: (l) => `Un signalement vous attend dans Kring.\n\n${l}` },
  },
  staff_flag_review_due: {
    nl: { subject: 'Een signaal in Kring wacht op een nieuwe blik', body: (l) => `Een signaal in Kring wacht op een nieuwe blik.\n\n${l}` },
    en: { subject: 'A flag in Kring is due for another look', body: (l) => `A flag in Kring is due for another look.\n\n${l}` },
    fr: {
      subject: 'Un signalement dans Kring attend un nouveau regard',
      body: (l) => `Un signalement dans Kring attend un nouveau regard.\n\n${l}`,
    },
  },
};

/** Where the link in a staff alert goes: the coordinators' inbox, or the author's own flags. */
export const FLAG_LINKS = { inbox: '/signalen', mine: '/mijn-signalen' } as const;

/** One e-mail to one staff member (staff have no phone number in Kring: no SMS). */
export function staffMessage(
  kind: StaffMessageKind,
  to: { id: string; email: string; locale: string },
  link: string,
  dedupeKey: string,
): PreparedMessage {
  const locale: StaffLocale = to.locale === 'en' || to.locale === 'fr' ? to.locale : 'nl';
  const text = TEXTS[kind][locale];
  return {
    key: `${dedupeKey}:email`,
    kind,
    channel: 'email',
    recipient: to.email,
    locale: locale satisfies Locale,
    sender: 'Kring',
    subject: text.subject,
    body: text.body(link),
    attachments: '[]',
    familyId: null,
  };
}
