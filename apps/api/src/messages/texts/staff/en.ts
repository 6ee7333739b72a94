import type { StaffMessageKey } from './nl';

/** Staff's e-mails in English, as ICU MessageFormat: see nl.ts. */
export const en: Record<StaffMessageKey, string> = {
  'staff_flag_waiting.subject': 'A flag is waiting for you in Kring',
  'staff_flag_waiting.email': 'A flag is waiting for you in Kring.\n\n{link}',
  'staff_flag_review_due.subject': 'A flag in Kring is due for another look',
  'staff_flag_review_due.email': 'A flag in Kring is due for another look.\n\n{link}',
  'staff_referral_attention.subject': 'A referral in Kring needs your attention',
  'staff_referral_attention.email': 'A referral in Kring needs your attention.\n\n{link}',
  'staff_referral_follow_up.subject': 'Time to follow up a referral in Kring',
  'staff_referral_follow_up.email': 'Time to follow up a referral in Kring.\n\n{link}',
  'staff_referral_inform_parent.subject': 'A parent is due to be told about a referral in Kring',
  'staff_referral_inform_parent.email': 'A parent is due to be told about a referral in Kring.\n\n{link}',
};
