import type { ManageView, RegistrationView } from '@kring/domain';
import { RegistrationStatus } from '@kring/domain';
import type { ManageAction } from '../data/manage.api';

/** What a parent can do with one date. */
export type DateAction = 'accept' | 'skip' | 'unskip' | 'cancel' | 'leave' | 'decline';

/** The API call behind each action: leaving the waitlist and saying no to a seat are cancels too. */
export const API_ACTION: Readonly<Record<DateAction, ManageAction>> = {
  accept: 'accept',
  skip: 'skip',
  unskip: 'unskip',
  cancel: 'cancel',
  leave: 'cancel',
  decline: 'cancel',
};

const ACTIVE: readonly string[] = [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Offered];

/**
 * The actions for a date, most likely first: "Ja, ik kom" for an offered seat; "Ik kan deze keer
 * niet" for a date of a series, and "Ik kan toch komen" to take that back (until the group closes
 * online changes); else "Uitschrijven" or "Van de wachtlijst gaan".
 */
export function actionsFor(registration: RegistrationView): DateAction[] {
  switch (registration.status) {
    case RegistrationStatus.Offered:
      return registration.series ? ['accept', 'skip'] : ['accept', 'decline'];
    case RegistrationStatus.Confirmed:
      return registration.series ? ['skip'] : ['cancel'];
    case RegistrationStatus.Waitlisted:
      return registration.series ? ['skip'] : ['leave'];
    case RegistrationStatus.Skipped:
      // Once the group has closed online changes, coming after all is a phone call (the page says so).
      return registration.comeAfterAll === 'call' ? [] : ['unskip'];
    default:
      return [];
  }
}

/** Actions that give something back rather than give a seat up: no "are you sure?", the main button. */
export const POSITIVE_ACTIONS: readonly DateAction[] = ['accept', 'unskip'];

/**
 * What to say after "Ik kan toch komen": back in, or (the date filled up meanwhile) on the
 * waitlist with the place in line, as the answer says.
 */
export function unskipSaid(view: ManageView, registrationId: string, when: string): { key: string; params: Record<string, string> } {
  const now = view.registrations.find((r) => r.id === registrationId);
  return now?.status === RegistrationStatus.Waitlisted
    ? { key: 'parents.manage.done.unskipWaitlist', params: { when, position: String(now.waitlistPosition ?? '') } }
    : { key: 'parents.manage.done.unskip', params: { when } };
}

/** One group on the manage page, with its coming dates. */
export interface ManageGroup {
  groupId: string;
  title: string;
  series: boolean;
  registrations: RegistrationView[];
  /** Coming dates of the series that still hold a seat or a place in line ("Stoppen met de reeks"). */
  stoppable: string[];
}

/** Coming dates (not started yet), per group, soonest first. */
export function manageGroups(view: ManageView, now: Date): ManageGroup[] {
  const coming = view.registrations
    .filter((r) => new Date(r.startsAt).getTime() > now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const groups = new Map<string, ManageGroup>();
  for (const registration of coming) {
    const group = groups.get(registration.group.id) ?? {
      groupId: registration.group.id,
      title: registration.group.title,
      series: false,
      registrations: [],
      stoppable: [],
    };
    group.registrations.push(registration);
    if (registration.series) {
      group.series = true;
      if (ACTIVE.includes(registration.status)) group.stoppable.push(registration.id);
    }
    groups.set(registration.group.id, group);
  }
  return [...groups.values()];
}
