import type { Locale } from '@kring/domain';
import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';
import { nl, type MessageKey } from './nl';

export type { MessageKey } from './nl';

/** The families' e-mail and SMS texts, one ICU MessageFormat file per locale. */
export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { nl, en, fr, ar };
