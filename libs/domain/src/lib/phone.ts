import { parsePhoneNumberFromString as parseMobile } from 'libphonenumber-js/mobile';
import { parsePhoneNumberFromString as parseAny } from 'libphonenumber-js/min';

/** Numbers typed without a country code are Belgian: that is how parents and staff here write them. */
export const DEFAULT_PHONE_COUNTRY = 'BE';

/** What a typed number is good for: a text message, only a call, or nothing (not a number). */
export type PhoneKind = 'mobile' | 'landline' | 'invalid';

/** Where a number is mobile (or a number the metadata cannot tell from a mobile), in E.164; else null. */
export function mobileE164(text: string): string | null {
  const parsed = parseMobile(text.trim(), DEFAULT_PHONE_COUNTRY);
  return parsed?.isValid() ? parsed.number : null;
}

/** Any valid number, for calling, in E.164 (a landline too); else null. */
export function callableE164(text: string): string | null {
  const parsed = parseAny(text.trim(), DEFAULT_PHONE_COUNTRY);
  return parsed?.isValid() ? parsed.number : null;
}

/** Whether a typed number can get text messages, is a number for calling only, or is no number at all. */
export function phoneKind(text: string): PhoneKind {
  if (mobileE164(text)) return 'mobile';
  return callableE164(text) ? 'landline' : 'invalid';
}

/**
 * A stored number (E.164) as people write it where the viewer is: national for a number of the
 * viewer's country ("0470 12 34 56"), international for others ("+31 6 12345678"). Anything that
 * does not parse is shown as it is.
 */
export function formatPhone(e164: string, viewerCountry = DEFAULT_PHONE_COUNTRY): string {
  const parsed = parseAny(e164);
  if (!parsed) return e164;
  return parsed.country === viewerCountry ? parsed.formatNational() : parsed.formatInternational();
}
