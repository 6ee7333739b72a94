/**
 * The name of a language (ISO 639 code) written in another language, e.g.
 * `languageName('ar', 'nl')` → "Arabisch". Falls back to the code itself.
 */
export function languageName(code: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code; // not a well-formed language code
  }
}
