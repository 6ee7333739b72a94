import { intlLocale } from '../../core/i18n/date-time';

/** Languages the group work is often done in, around Sint-Niklaas; a group may list others it already has. */
export const SPOKEN_LANGUAGES = [
  'nl',
  'fr',
  'en',
  'de',
  'ar',
  'tr',
  'pl',
  'ro',
  'bg',
  'es',
  'it',
  'pt',
  'ru',
  'uk',
  'so',
  'ti',
  'am',
  'fa',
  'ps',
  'ku',
];

/** The options for "spoken languages": each named in the page language, sorted by that name. */
export function spokenLanguageOptions(locale: string, current: readonly string[] = []): Array<{ code: string; name: string }> {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([intlLocale(locale)], { type: 'language' });
  } catch {
    names = null;
  }
  const codes = [...new Set([...SPOKEN_LANGUAGES, ...current])];
  return codes.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, intlLocale(locale)));
}
