import type { Locale } from './locale';

/** How a group runs. */
export const GroupKind = { Series: 'series', DropIn: 'drop_in', OneOff: 'one_off' } as const;
export type GroupKind = (typeof GroupKind)[keyof typeof GroupKind];
export const GROUP_KINDS: readonly GroupKind[] = Object.values(GroupKind);

/** Who a group is meant for, by the age of the child (or pregnancy). */
export const Audience = {
  Pregnancy: 'pregnancy',
  Age0To1: '0-1',
  Age1To3: '1-3',
  Age3To6: '3-6',
  Age6To12: '6-12',
  Age12To18: '12-18',
  All: 'all',
} as const;
export type Audience = (typeof Audience)[keyof typeof Audience];
export const AUDIENCES: readonly Audience[] = Object.values(Audience);

/** How parents get a place. Drop-ins take no registration. */
export const RegistrationMode = { Open: 'open', Invite: 'invite', None: 'none' } as const;
export type RegistrationMode = (typeof RegistrationMode)[keyof typeof RegistrationMode];

/** One group as the public pages show it. */
export interface PublicGroupSummary {
  id: string;
  title: string;
  description: string;
  /** The language the title and description are actually in (Dutch when no translation exists). */
  locale: Locale;
  kind: GroupKind;
  audience: Audience;
  spokenLanguages: string[];
  location: { name: string; city: string };
}

export interface PublicGroupList {
  items: PublicGroupSummary[];
}

/** A group as staff see it (coordinators: all groups; group workers: the ones they facilitate). */
export interface StaffGroupSummary {
  id: string;
  title: string;
  kind: GroupKind;
  audience: Audience;
  location: { id: string; name: string };
  capacity: number | null;
  registrationMode: RegistrationMode;
  facilitators: Array<{ id: string; displayName: string }>;
  active: boolean;
}
