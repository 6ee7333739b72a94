import { ErrorCode, FieldErrorCode, pickLocalized, reachesAllGroups, type GroupPlan, type Locale, type SessionView } from '@kring/domain';
import type { AuthenticatedStaff } from '../auth/session.service';
import { DomainError } from '../common/domain-error';
import type { GroupRow, SessionRow } from './planning.repository';

/** Who may change planning, the answers' shapes, and the errors planning's use cases share. */

/** Runs a change that may lower a capacity; the database refuses one below the seats already taken. */
export async function seatsFit(field: string, change: () => Promise<void>): Promise<void> {
  try {
    await change();
  } catch (error) {
    if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === 'ck_group_session_seats') {
      const message = 'More families are already registered than this capacity allows. Choose a higher number, or move families first.';
      throw new DomainError(ErrorCode.Conflict, message, [{ field, code: FieldErrorCode.OutOfRange, message }]);
    }
    throw error;
  }
}

export function fieldError(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, [{ field, code: FieldErrorCode.Invalid, message }]);
}

export function canEdit(group: GroupRow, staff: AuthenticatedStaff): boolean {
  return reachesAllGroups(staff.roles) || group.facilitator_ids.includes(staff.id);
}

export function canEditSession(session: SessionRow, staff: AuthenticatedStaff): boolean {
  return (
    reachesAllGroups(staff.roles) || session.group_facilitator_ids.includes(staff.id) || session.facilitators.some((f) => f.id === staff.id)
  );
}

export function toPlan(g: GroupRow, staff: AuthenticatedStaff): GroupPlan {
  return {
    id: g.id,
    title: g.title,
    description: g.description,
    kind: g.kind,
    audience: g.audience,
    spokenLanguages: g.spoken_languages,
    defaultLocationId: g.default_location_id,
    defaultRoomId: g.default_room_id,
    capacity: g.capacity,
    childrenCountTowardCapacity: g.children_count_toward_capacity,
    registrationMode: g.registration_mode,
    registrationWindow: { opensDaysBefore: g.registration_opens_days_before, closesHoursBefore: g.registration_closes_hours_before },
    facilitatorIds: g.facilitator_ids,
    recurrence:
      g.first_start_local && g.duration_minutes
        ? {
            firstStart: g.first_start_local,
            durationMinutes: g.duration_minutes,
            rule: g.recurrence_rule,
            exceptionDates: g.exception_dates,
          }
        : null,
    active: g.active,
    canEdit: canEdit(g, staff),
  };
}

export function toSessionView(r: SessionRow, staff: AuthenticatedStaff | null, locale: Locale): SessionView {
  return {
    id: r.id,
    group: { id: r.group_id, title: pickLocalized(r.group_title, locale).text, kind: r.group_kind },
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    location: { id: r.location_id, name: r.location_name },
    room: r.room_id ? { id: r.room_id, name: r.room_name ?? '' } : null,
    capacity: r.capacity_override ?? r.group_capacity,
    status: r.status,
    cancellationReason: r.cancellation_reason,
    facilitators: r.facilitators,
    editedFields: r.edited_fields,
    canEdit: staff !== null && r.status === 'planned' && canEditSession(r, staff),
  };
}
