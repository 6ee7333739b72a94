/**
 * The e-mail and SMS texts to families, in Dutch (the default), as ICU MessageFormat
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/), rendered by `renderMessage`.
 * Every locale has the same keys with the same arguments (templates.texts.spec.ts checks). Arguments:
 * name, groupTitle, when, before (when a changed session started before), place, code, manageUrl,
 * position (waitlist place), offerUntil, reason, centrePhone, hasPhone (yes/no), discreet (yes/no).
 * A discreet family's texts name no group, topic or staff reason: the `discreet` select, and the
 * `discreet.*` subject and SMS. Gender-free phrasing.
 */
export const nl = {
  'confirmation.subject': 'Je bent ingeschreven: {groupTitle}',
  'confirmation.email':
    'Dag {name},\n\nJe bent ingeschreven voor {discreet, select, yes {een afspraak} other {{groupTitle}}} op {when} in {place}.\nJe code is {code}. Noem die aan de deur of aan de telefoon.\nWe sturen je de dag ervoor een herinnering.\n\nKan je niet komen of wil je iets veranderen? Dat kan hier: {manageUrl}',
  'confirmation.sms': 'Je bent ingeschreven voor {when}. Code {code}. Aanpassen: {manageUrl}',

  'waitlisted.subject': 'Je staat op de wachtlijst: {groupTitle}',
  'waitlisted.email':
    'Dag {name},\n\nDe groep van {when} is vol. Je staat op de wachtlijst, op plaats {position}.\nKomt er een plaats vrij, dan sturen we je meteen een bericht.\nJe code is {code}.\n\nVan de wachtlijst gaan kan hier: {manageUrl}',
  'waitlisted.sms': 'Je staat op de wachtlijst (plaats {position}) voor {when}. Code {code}. {manageUrl}',

  'seat_offered.subject': 'Er is een plaats vrij: {groupTitle}',
  'seat_offered.email':
    'Dag {name},\n\nEr is een plaats vrij voor {when}. We houden ze voor je vast tot {offerUntil}.\nZeg ja of nee via: {manageUrl}',
  'seat_offered.sms': 'Er is een plaats vrij voor {when}. Zeg ja voor {offerUntil}: {manageUrl}',

  'reminder.subject': 'Tot morgen: {groupTitle}',
  'reminder.email':
    'Dag {name},\n\nWe zien je graag op {when} in {place}. Je code is {code}.\nKan je toch niet? Laat het ons weten: {manageUrl}',
  'reminder.sms': 'Tot {when} in {place}. Kan je niet? {manageUrl}',

  'session_cancelled.subject': 'Gaat niet door: {groupTitle} op {when}',
  'session_cancelled.email':
    'Dag {name},\n\nJammer: de bijeenkomst van {when} gaat niet door. {discreet, select, yes {} other {{reason}}}\nJe andere inschrijvingen blijven gewoon staan: {manageUrl}',
  'session_cancelled.sms': 'De bijeenkomst van {when} gaat niet door. {manageUrl}',

  'registration_cancelled.subject': 'Je inschrijving is geannuleerd',
  'registration_cancelled.email':
    'Dag {name},\n\nJe inschrijving voor {when} is geannuleerd. Je bent altijd welkom om opnieuw in te schrijven.',
  'registration_cancelled.sms': 'Je inschrijving voor {when} is geannuleerd. Je bent altijd welkom.',

  'registration_cancelled_by_centre.subject': 'We hebben je inschrijving geannuleerd',
  'registration_cancelled_by_centre.email':
    'Dag {name},\n\nWe hebben je inschrijving voor {discreet, select, yes {een afspraak} other {{groupTitle}}} op {when} geannuleerd.\nHeb je vragen, of klopt dit niet? Bel ons gerust{hasPhone, select, yes { op {centrePhone}} other {}}, we helpen je graag.\nJe bent altijd welkom om opnieuw in te schrijven.',
  'registration_cancelled_by_centre.sms':
    'We hebben je inschrijving voor {when} geannuleerd. Vragen? Bel ons gerust{hasPhone, select, yes {: {centrePhone}} other {.}}',

  'session_changed.subject': 'Gewijzigd: {groupTitle}',
  'session_changed.email':
    'Dag {name},\n\nDe bijeenkomst van {before} is veranderd. Ze is nu op {when} in {place}.\nJe code blijft {code}.\n\nKan je op het nieuwe moment niet komen? Laat het ons weten: {manageUrl}',
  'session_changed.sms': 'Je bijeenkomst van {before} is veranderd: nu {when}, {place}. Kan je niet? {manageUrl}',

  'registration_again.subject': 'Je inschrijving: {groupTitle}',
  'registration_again.email':
    'Dag {name},\n\nJe bent al ingeschreven voor {discreet, select, yes {een afspraak} other {{groupTitle}}} op {when} in {place}. Hier is je code nog eens: {code}.\nJe inschrijving bekijken of veranderen kan hier: {manageUrl}\n\nHeb jij je niet opnieuw ingeschreven? Dan hoef je niets te doen. Vragen? Bel ons gerust{hasPhone, select, yes { op {centrePhone}} other {}}.',
  'registration_again.sms': 'Je bent al ingeschreven voor {when}. Code {code}. Bekijken: {manageUrl}',

  /** A discreet family's subject and SMS, for every kind: no group, no topic, no place; the link says the rest. */
  /** A referral's link to the parent: only that something is ready, nothing of the referral. */
  'referral_parent_link.text': 'Kring: er staat iets voor je klaar om rustig te bekijken.',

  'discreet.subject': 'Je afspraak',
  'discreet.sms': 'Er is nieuws over je afspraak. Bekijk het hier: {manageUrl}',
} as const;

export type MessageKey = keyof typeof nl;
