/** A date in words for a parent or a service ("8 december 2026"), in Brussels time. `YYYY-MM-DD` is read as that day. */
export function longDate(iso: string, locale: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(date);
}

/** A birth month (`YYYY-MM`) in words ("maart 2024"). */
export function monthInWords(month: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** Arabic with Latin digits, as the rest of the parent pages write numbers. */
function intlLocale(locale: string): string {
  return locale === 'ar' ? 'ar-u-nu-latn' : `${locale}-BE`;
}
