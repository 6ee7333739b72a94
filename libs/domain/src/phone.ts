/**
 * `@kring/domain/phone`: phone numbers with libphonenumber-js (its metadata weighs tens of kB in a
 * browser), on an entry point of its own like the recurrence rules, so the web's first load stays light:
 * only the pages that take or show numbers import it.
 */
export { callableE164, DEFAULT_PHONE_COUNTRY, formatPhone, mobileE164, phoneKind, type PhoneKind } from './lib/phone';
