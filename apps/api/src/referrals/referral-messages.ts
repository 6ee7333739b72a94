import type { Locale } from '@kring/domain';
import type { PreparedMessage } from '../messages/outbox.service';
import { familyText, staffText } from '../messages/templates';
import { staffLocale } from '../messages/texts/staff';

/**
 * Messages about referrals. None carries content: no family, no service, no reason, no packet. Staff
 * alerts say only that a referral needs attention; the parent's and the service's say only that
 * something is ready behind their link. Staff's and the parent's texts are ICU messages (messages/texts);
 * the service's two stay here, in Dutch and English side by side.
 */
export const ReferralMessageKind = {
  NeedsAttention: 'staff_referral_attention',
  FollowUpDue: 'staff_referral_follow_up',
  InformParent: 'staff_referral_inform_parent',
  ParentLink: 'referral_parent_link',
  ServiceLink: 'referral_service_link',
  ServiceStop: 'referral_service_stop',
} as const;
export type ReferralMessageKind = (typeof ReferralMessageKind)[keyof typeof ReferralMessageKind];

type StaffKind = 'staff_referral_attention' | 'staff_referral_follow_up' | 'staff_referral_inform_parent';
/** Where staff links go. */
export const REFERRAL_LINKS = { board: '/doorverwijzingen', parent: '/doorverwijzing', service: '/doorverwijzing-dienst' } as const;

export function staffReferralMessage(kind: StaffKind, to: { email: string; locale: string }, link: string, key: string): PreparedMessage {
  const locale = staffLocale(to.locale);
  return {
    key: `${key}:email`,
    kind,
    channel: 'email',
    recipient: to.email,
    locale,
    sender: 'Kring',
    subject: staffText(locale, `${kind}.subject`),
    body: staffText(locale, `${kind}.email`, { link }),
    attachments: '[]',
    familyId: null,
  };
}

/** The parent's link, by the channel and in the language of their contact profile. */
export function parentLinkMessage(
  to: { familyId: string; channel: 'sms' | 'email'; recipient: string; locale: Locale },
  link: string,
  key: string,
): PreparedMessage {
  const text = familyText(to.locale, 'referral_parent_link.text');
  return {
    key: `${key}:${to.channel}`,
    kind: ReferralMessageKind.ParentLink,
    channel: to.channel,
    recipient: to.recipient,
    locale: to.locale,
    sender: 'Kring',
    subject: to.channel === 'email' ? text : null,
    body: `${text}\n\n${link}`,
    attachments: '[]',
    familyId: to.familyId,
  };
}

/** The service's link: the packet is behind it, never in the e-mail. */
export function serviceLinkMessage(to: { email: string }, link: string, expiresOn: string, key: string): PreparedMessage {
  const subject = 'Kring: een doorverwijzing voor jullie / a referral for you';
  return {
    key: `${key}:email`,
    kind: ReferralMessageKind.ServiceLink,
    channel: 'email',
    recipient: to.email,
    locale: 'nl',
    sender: 'Kring',
    subject,
    body: `Via deze beveiligde link, geldig tot ${expiresOn}: / Through this secure link, valid until ${expiresOn}:\n\n${link}`,
    attachments: '[]',
    familyId: null,
  };
}

/**
 * A sent referral was withdrawn: the service is asked to stop using it. It names the referral only by
 * the reference the packet itself carries (its id), nothing about the family.
 */
export function serviceStopMessage(to: { email: string }, referralId: string, key: string): PreparedMessage {
  return {
    key: `${key}:email`,
    kind: ReferralMessageKind.ServiceStop,
    channel: 'email',
    recipient: to.email,
    locale: 'nl',
    sender: 'Kring',
    subject: 'Kring: een doorverwijzing werd ingetrokken / a referral was withdrawn',
    body:
      `De doorverwijzing met referentie ${referralId} werd ingetrokken: gebruik ze niet langer en verwijder wat jullie ervan bewaarden.\n` +
      `The referral with reference ${referralId} was withdrawn: please stop using it and delete what you kept of it.`,
    attachments: '[]',
    familyId: null,
  };
}
