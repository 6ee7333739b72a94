/**
 * Staff's e-mails (flags' and referrals' alerts), in Dutch, as ICU MessageFormat; staff read Kring in
 * nl, en or fr. They say only that something waits: no family, category, group or text. Argument: link.
 */
export const nl = {
  'staff_flag_waiting.subject': 'Er wacht een signaal op je in Kring',
  'staff_flag_waiting.email': 'Er wacht een signaal op je in Kring.\n\n{link}',
  'staff_flag_review_due.subject': 'Een signaal in Kring wacht op een nieuwe blik',
  'staff_flag_review_due.email': 'Een signaal in Kring wacht op een nieuwe blik.\n\n{link}',
  'staff_referral_attention.subject': 'Een doorverwijzing in Kring vraagt je aandacht',
  'staff_referral_attention.email': 'Een doorverwijzing in Kring vraagt je aandacht.\n\n{link}',
  'staff_referral_follow_up.subject': 'Tijd om een doorverwijzing in Kring op te volgen',
  'staff_referral_follow_up.email': 'Tijd om een doorverwijzing in Kring op te volgen.\n\n{link}',
  'staff_referral_inform_parent.subject': 'Een ouder wacht op uitleg over een doorverwijzing in Kring',
  'staff_referral_inform_parent.email': 'Een ouder wacht op uitleg over een doorverwijzing in Kring.\n\n{link}',
} as const;

export type StaffMessageKey = keyof typeof nl;
