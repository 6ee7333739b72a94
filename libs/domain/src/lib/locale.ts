/** Languages Kring speaks. Dutch is the default; Arabic is written right to left. */
export const Locale = { Nl: 'nl', En: 'en', Fr: 'fr', Ar: 'ar' } as const;
export type Locale = (typeof Locale)[keyof typeof Locale];

export const LOCALES: readonly Locale[] = Object.values(Locale);
export const DEFAULT_LOCALE: Locale = Locale.Nl;
/** Staff screens are offered in these; parent pages add Arabic. */
export const STAFF_LOCALES: readonly Locale[] = [Locale.Nl, Locale.En, Locale.Fr];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === Locale.Ar ? 'rtl' : 'ltr';
}

/** Text kept per language; Dutch is always present. */
export type LocalizedText = { nl: string } & Partial<Record<Exclude<Locale, 'nl'>, string>>;

/** The text in the asked language, else in Dutch (which every record has). */
export function pickLocalized(text: LocalizedText, locale: Locale): { text: string; locale: Locale } {
  const wanted = text[locale];
  if (wanted !== undefined && wanted.trim() !== '') return { text: wanted, locale };
  return { text: text.nl, locale: Locale.Nl };
}
