import type { MessageKey } from './nl';

/** The e-mail and SMS texts to families in English, as ICU MessageFormat: see nl.ts. */
export const en: Record<MessageKey, string> = {
  'confirmation.subject': 'You are registered: {groupTitle}',
  'confirmation.email':
    "Hello {name},\n\nYou are registered for {discreet, select, yes {an appointment} other {{groupTitle}}} on {when} at {place}.\nYour code is {code}. Say it at the door or on the phone.\nWe will send you a reminder the day before.\n\nCan't come, or want to change something? You can do that here: {manageUrl}",
  'confirmation.sms': 'You are registered for {when}. Code {code}. Change: {manageUrl}',

  'waitlisted.subject': 'You are on the waiting list: {groupTitle}',
  'waitlisted.email':
    'Hello {name},\n\nThe group on {when} is full. You are on the waiting list, in place {position}.\nWhen a place comes free, we will message you straight away.\nYour code is {code}.\n\nTo leave the waiting list: {manageUrl}',
  'waitlisted.sms': 'You are on the waiting list (place {position}) for {when}. Code {code}. {manageUrl}',

  'seat_offered.subject': 'A place is free: {groupTitle}',
  'seat_offered.email':
    'Hello {name},\n\nA place is free for {when}. We keep it for you until {offerUntil}.\nSay yes or no here: {manageUrl}',
  'seat_offered.sms': 'A place is free for {when}. Say yes before {offerUntil}: {manageUrl}',

  'reminder.subject': 'See you tomorrow: {groupTitle}',
  'reminder.email':
    "Hello {name},\n\nWe look forward to seeing you on {when} at {place}. Your code is {code}.\nCan't come after all? Let us know: {manageUrl}",
  'reminder.sms': "See you {when} at {place}. Can't come? {manageUrl}",

  'session_cancelled.subject': 'Not happening: {groupTitle} on {when}',
  'session_cancelled.email':
    'Hello {name},\n\nWe are sorry: the meeting on {when} will not take place. {discreet, select, yes {} other {{reason}}}\nYour other registrations stay as they are: {manageUrl}',
  'session_cancelled.sms': 'The meeting on {when} will not take place. {manageUrl}',

  'registration_cancelled.subject': 'Your registration is cancelled',
  'registration_cancelled.email': 'Hello {name},\n\nYour registration for {when} is cancelled. You are always welcome to register again.',
  'registration_cancelled.sms': 'Your registration for {when} is cancelled. You are always welcome.',

  'registration_cancelled_by_centre.subject': 'We have cancelled your registration',
  'registration_cancelled_by_centre.email':
    'Hello {name},\n\nWe have cancelled your registration for {discreet, select, yes {an appointment} other {{groupTitle}}} on {when}.\nDo you have questions, or is this not right? Just call us{hasPhone, select, yes { on {centrePhone}} other {}}, we are glad to help.\nYou are always welcome to register again.',
  'registration_cancelled_by_centre.sms':
    'We have cancelled your registration for {when}. Questions? Just call us{hasPhone, select, yes {: {centrePhone}} other {.}}',

  'session_changed.subject': 'Changed: {groupTitle}',
  'session_changed.email':
    "Hello {name},\n\nThe meeting of {before} has changed. It is now on {when} at {place}.\nYour code stays {code}.\n\nCan't come at the new time? Let us know: {manageUrl}",
  'session_changed.sms': "Your meeting of {before} has changed: now {when}, {place}. Can't come? {manageUrl}",

  'registration_again.subject': 'Your registration: {groupTitle}',
  'registration_again.email':
    'Hello {name},\n\nYou are already registered for {discreet, select, yes {an appointment} other {{groupTitle}}} on {when} at {place}. Here is your code again: {code}.\nTo see or change your registration: {manageUrl}\n\nDid you not register again? Then there is nothing you need to do. Questions? Just call us{hasPhone, select, yes { on {centrePhone}} other {}}.',
  'registration_again.sms': 'You are already registered for {when}. Code {code}. See it: {manageUrl}',

  'referral_parent_link.text': 'Kring: something is ready for you to look at in your own time.',

  'discreet.subject': 'Your appointment',
  'discreet.sms': 'There is news about your appointment. See it here: {manageUrl}',
};
