import type { Audience, GroupKind, RegistrationMode } from './groups';
import type { LocalizedText } from './locale';
import type { Recurrence } from './recurrence-model';

export interface RoomView {
  id: string;
  name: string;
  capacity: number | null;
  accessibilityNotes: string;
  active: boolean;
}

export interface LocationView {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  accessibilityNotes: string;
  active: boolean;
  rooms: RoomView[];
}

export interface SaveLocationRequest {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  accessibilityNotes?: string;
  active?: boolean;
}

export interface SaveRoomRequest {
  name: string;
  capacity?: number | null;
  accessibilityNotes?: string;
  active?: boolean;
}

/** When registration opens and closes, relative to each session. Null: always open / until the start. */
export interface RegistrationWindow {
  opensDaysBefore: number | null;
  closesHoursBefore: number | null;
}

/** A group as planners see and edit it. */
export interface GroupPlan {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: GroupKind;
  audience: Audience;
  spokenLanguages: string[];
  defaultLocationId: string;
  defaultRoomId: string | null;
  capacity: number | null;
  childrenCountTowardCapacity: boolean;
  registrationMode: RegistrationMode;
  registrationWindow: RegistrationWindow;
  facilitatorIds: string[];
  recurrence: Recurrence | null;
  active: boolean;
  /** Whether the asking person may change it (coordinators; facilitators of this group). */
  canEdit: boolean;
}

export type SaveGroupRequest = Omit<GroupPlan, 'id' | 'canEdit' | 'active' | 'recurrence'> & {
  recurrence: Recurrence;
  active?: boolean;
  /** Save even though facilitators or rooms are double-booked (the conflicts were shown). */
  confirmConflicts?: boolean;
  /**
   * Save even though the change drops dates families are registered for (`sessions_have_families`
   * listed them): those sessions are cancelled, not deleted, and their families are told.
   */
  confirmCancellations?: boolean;
};

export const SessionStatus = { Planned: 'planned', Cancelled: 'cancelled', Held: 'held' } as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

/** What was changed by hand on one session (and so is kept when the series changes). */
export const SessionEdit = {
  Time: 'time',
  Location: 'location',
  Room: 'room',
  Capacity: 'capacity',
  Facilitators: 'facilitators',
  /** Kept as it was when "this and the following" changed the series from a later date. */
  Pinned: 'pinned',
} as const;
export type SessionEdit = (typeof SessionEdit)[keyof typeof SessionEdit];

export interface SessionView {
  id: string;
  group: { id: string; title: string; kind: GroupKind };
  startsAt: string;
  endsAt: string;
  location: { id: string; name: string };
  room: { id: string; name: string } | null;
  /** The session's own capacity, else the group's; null: no limit. */
  capacity: number | null;
  status: SessionStatus;
  cancellationReason: string | null;
  facilitators: Array<{ id: string; displayName: string }>;
  editedFields: SessionEdit[];
  canEdit: boolean;
}

export interface SessionQuery {
  from: string;
  to: string;
  locationId?: string;
  groupId?: string;
  facilitatorId?: string;
  locale?: string;
}

export interface UpdateSessionRequest {
  /** New Brussels wall-clock start `YYYY-MM-DDTHH:mm` and length. */
  start?: string;
  durationMinutes?: number;
  locationId?: string;
  roomId?: string | null;
  capacity?: number | null;
  facilitatorIds?: string[];
  /** Only this session, or this one and the following ones of its series. */
  scope: 'this' | 'following';
  confirmConflicts?: boolean;
  /**
   * A coordinator correcting a session after the fact (e.g. it really started later): the start may
   * lie in the past, and families get no message about it.
   */
  correction?: boolean;
}

export interface CancelSessionRequest {
  reason: string;
}

/** A double booking found while saving. */
export interface SchedulingConflict {
  kind: 'facilitator' | 'room';
  /** The session being saved (its start), and the session it clashes with. */
  at: string;
  clash: { sessionId: string; groupTitle: string; startsAt: string; endsAt: string };
  facilitator?: { id: string; displayName: string };
  room?: { id: string; name: string };
}

/** The answer to saving a group: its plan and what the series edit left alone. */
export interface SavedGroup {
  group: GroupPlan;
  /** Sessions changed by hand earlier, which the series change did not overwrite. */
  keptEditedSessionIds: string[];
}

export interface CalendarFeedLink {
  url: string;
}

export const PLANNING_HORIZON_WEEKS = 12;
/**
 * Families hear of a change of time or place once it has rested this long: a second edit in the
 * meantime makes one message with the final state.
 */
export const SESSION_CHANGE_SETTLE_MINUTES = 5;

/** A new start must lie ahead, unless a coordinator corrects a session after the fact (and then nobody is told). */
export function startRefused(newStart: Date, now: Date, correction: boolean): boolean {
  return !correction && newStart.getTime() <= now.getTime();
}
/** A date a series change would drop while families are registered for it (409 `sessions_have_families`). */
export interface SessionWithFamilies {
  sessionId: string;
  startsAt: string;
  /** Families registered or waiting for it. */
  families: number;
}

/** Names of the domain events other features listen to. */
export const DomainEventType = { SessionCancelled: 'session.cancelled', SessionChanged: 'session.changed' } as const;

/** A session's time or place changed (its families are told once the changes settle). */
export interface SessionChangedEvent {
  sessionId: string;
  groupId: string;
  /** The session's calendar sequence after this change (the .ics SEQUENCE). */
  sequence: number;
  /** Where and when it was before this change. */
  before: { startsAt: string; endsAt: string; locationId: string; roomId: string | null };
}
export interface SessionCancelledEvent {
  sessionId: string;
  groupId: string;
  startsAt: string;
  reason: string;
}
