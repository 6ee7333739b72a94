import { intlLocale } from '../../core/i18n/date-time';

/**
 * The translation key for a count: `base.one` / `base.other` in Dutch, English and French;
 * Arabic has all six forms (`zero`, `one`, `two`, `few`, `many`, `other`).
 */
export function pluralKey(base: string, count: number, locale: string): string {
  const category = new Intl.PluralRules(intlLocale(locale)).select(count);
  if (locale === 'ar') return `${base}.${category}`;
  return `${base}.${category === 'one' ? 'one' : 'other'}`;
}

/** The plural forms each language's files must have. */
export const PLURAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  nl: ['one', 'other'],
  en: ['one', 'other'],
  fr: ['one', 'other'],
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
};
