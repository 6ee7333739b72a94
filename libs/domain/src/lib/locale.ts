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

/**
 * The first of our languages an `Accept-Language` header asks for, by weight (`fr-BE;q=0.9` asks
 * for French), or null when it names none of them (then: Dutch, through `pickLocalized`). The web
 * sends the language its screens are shown in; a browser on its own sends the person's settings.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const asked = header
    .split(',')
    .slice(0, 32)
    .map((range, order) => {
      const [tag = '', ...params] = range.split(';').map((p) => p.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return asked.map((r) => r.language).find(isLocale) ?? null;
}
