import type { StaffMessageKey } from './nl';

/** Staff's e-mails in French, as ICU MessageFormat: see nl.ts. */
export const fr: Record<StaffMessageKey, string> = {
  'staff_flag_waiting.subject': 'Un signalement vous attend dans Kring',
  'staff_flag_waiting.email': 'Un signalement vous attend dans Kring.\n\n{link}',
  'staff_flag_review_due.subject': 'Un signalement dans Kring attend un nouveau regard',
  'staff_flag_review_due.email': 'Un signalement dans Kring attend un nouveau regard.\n\n{link}',
  'staff_referral_attention.subject': 'Une orientation dans Kring demande votre attention',
  'staff_referral_attention.email': 'Une orientation dans Kring demande votre attention.\n\n{link}',
  'staff_referral_follow_up.subject': 'Il est temps de suivre une orientation dans Kring',
  'staff_referral_follow_up.email': 'Il est temps de suivre une orientation dans Kring.\n\n{link}',
  'staff_referral_inform_parent.subject': 'Un parent doit être informé d’une orientation dans Kring',
  'staff_referral_inform_parent.email': 'Un parent doit être informé d’une orientation dans Kring.\n\n{link}',
};
