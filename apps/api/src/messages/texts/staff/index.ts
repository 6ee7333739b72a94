import { en } from './en';
import { fr } from './fr';
import { nl, type StaffMessageKey } from './nl';

export type { StaffMessageKey } from './nl';
export type StaffLocale = 'nl' | 'en' | 'fr';

/** Staff's e-mails, one ICU MessageFormat file per staff language. */
export const STAFF_MESSAGES: Record<StaffLocale, Record<StaffMessageKey, string>> = { nl, en, fr };

/** A staff member's language as Kring speaks it to them: nl unless they chose en or fr. */
export function staffLocale(locale: string): StaffLocale {
  return locale === 'en' || locale === 'fr' ? locale : 'nl';
}
