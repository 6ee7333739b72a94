import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  DomainEventType,
  ErrorCode,
  FieldErrorCode,
  MAX_SESSION_MINUTES,
  pickLocalized,
  reachesAllGroups,
  SessionEdit,
  type FieldError,
  type GroupPlan,
  type Locale,
  type SavedGroup,
  type SessionCancelledEvent,
  type SessionView,
} from '@kring/domain';
import { fromLocalStart, recurrenceProblems, toLocalStart } from '@kring/domain/recurrence';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { SaveGroupDto } from './dto/group.dto';
import type { SessionQueryDto, UpdateSessionDto } from './dto/session.dto';
import { PlanningRepository, type GroupRow, type SessionRow } from './planning.repository';
import { horizonFrom, SessionPlanner } from './session-planner';

const RECURRENCE_MESSAGES: Record<string, string> = {
  invalid_start: 'Give the first meeting as a date and time, e.g. 2026-09-01T09:30.',
  invalid_rule: 'This repeat rule cannot be read. Use e.g. FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630.',
  no_end: 'Say when the series ends: a last date (UNTIL) or a number of meetings (COUNT).',
  ends_before_start: 'The series ends before it starts: pick a later end date.',
  too_long: `A meeting can last at most ${MAX_SESSION_MINUTES / 60} hours.`,
  too_short: 'A meeting lasts at least 5 minutes.',
  invalid_exception_date: 'Each date to skip must be a real date, YYYY-MM-DD.',
};

/** Groups' planning and their sessions: who may change what, and keeping sessions in step. */
@Injectable()
export class PlanningService {
  constructor(
    private readonly repo: PlanningRepository,
    private readonly planner: SessionPlanner,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  // ── groups ────────────────────────────────────────────────────────────────
  async listGroups(staff: AuthenticatedStaff): Promise<GroupPlan[]> {
    return (await this.repo.listGroups()).map((g) => toPlan(g, staff));
  }

  async getGroup(staff: AuthenticatedStaff, id: string): Promise<GroupPlan> {
    const group = await this.repo.group(id);
    if (!group) throw new DomainError(ErrorCode.NotFound, 'There is no such group.');
    return toPlan(group, staff);
  }

  /** Creates or changes a group and brings its sessions in step; all or nothing. */
  saveGroup(staff: AuthenticatedStaff, id: string | null, dto: SaveGroupDto, locale: Locale): Promise<SavedGroup> {
    return this.transactions.run(async () => {
      const before = id ? await this.repo.group(id, true) : undefined;
      if (id && !before) throw new DomainError(ErrorCode.NotFound, 'There is no such group.');
      if (before && !canEdit(before, staff)) {
        throw new DomainError(ErrorCode.Forbidden, 'Only its facilitators and coordinators can change this group.');
      }
      await this.validateGroup(dto);
      const savedId = await this.repo.saveGroup(id, {
        title: dto.title,
        description: dto.description,
        kind: dto.kind,
        audience: dto.audience,
        spoken_languages: dto.spokenLanguages,
        default_location_id: dto.defaultLocationId,
        default_room_id: dto.defaultRoomId,
        capacity: dto.capacity,
        children_count_toward_capacity: dto.childrenCountTowardCapacity,
        registration_mode: dto.registrationMode,
        registration_opens_days_before: dto.registrationWindow.opensDaysBefore,
        registration_closes_hours_before: dto.registrationWindow.closesHoursBefore,
        first_start_local: dto.recurrence.firstStart,
        duration_minutes: dto.recurrence.durationMinutes,
        recurrence_rule: dto.recurrence.rule,
        exception_dates: [...new Set(dto.recurrence.exceptionDates)].sort(),
        active: dto.active ?? before?.active ?? true,
      });
      await this.repo.setGroupFacilitators(savedId, dto.facilitatorIds);
      const group = (await this.repo.group(savedId)) as GroupRow;
      const now = this.clock.now();
      await seatsFit('capacity', () => this.repo.applyGroupCapacity(savedId, now));
      const synced = await this.planner.sync(group, now, horizonFrom(now));
      await this.planner.assertNoConflicts(synced.touched, dto.confirmConflicts === true, locale);
      return { group: toPlan(group, staff), keptEditedSessionIds: synced.kept };
    });
  }

  private async validateGroup(dto: SaveGroupDto): Promise<void> {
    const fields: FieldError[] = recurrenceProblems(dto.recurrence).map((p) => ({
      field: `recurrence.${p.field}`,
      code: FieldErrorCode.Invalid,
      message: RECURRENCE_MESSAGES[p.problem],
      reason: p.problem,
    }));
    if (dto.kind === 'one_off' && dto.recurrence.rule !== null) {
      fields.push({
        field: 'recurrence.rule',
        code: FieldErrorCode.Invalid,
        message: 'A one-off meeting has no repeat rule.',
        reason: 'one_off_with_rule',
      });
    }
    const place = await this.repo.placeAndRoom(dto.defaultLocationId, dto.defaultRoomId);
    if (!place.location)
      fields.push({ field: 'defaultLocationId', code: FieldErrorCode.Invalid, message: 'Choose a place that is in use.' });
    else if (!place.room)
      fields.push({ field: 'defaultRoomId', code: FieldErrorCode.Invalid, message: 'Choose a room of this place (or none).' });
    const notStaff = await this.repo.notFacilitators(dto.facilitatorIds);
    if (notStaff.length) {
      fields.push({
        field: 'facilitatorIds',
        code: FieldErrorCode.Invalid,
        message: 'Facilitators must be active group workers or coordinators.',
      });
    }
    if (fields.length)
      throw new DomainError(ErrorCode.ValidationFailed, `Some fields need another look: ${fields.map((f) => f.field).join(', ')}.`, fields);
  }

  /** Daily: extends every active series to the horizon. */
  async extendHorizon(now: Date): Promise<number> {
    const until = horizonFrom(now);
    const ids = await this.repo.groupsToExtend(until);
    for (const id of ids) {
      await this.transactions.run(async () => {
        const group = await this.repo.group(id, true);
        if (group) await this.planner.sync(group, now, until);
      });
    }
    return ids.length;
  }

  // ── sessions ──────────────────────────────────────────────────────────────
  async listSessions(staff: AuthenticatedStaff, q: SessionQueryDto, mine = false): Promise<SessionView[]> {
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (!(to > from)) throw fieldError('to', 'to must be after from.');
    if (to.getTime() - from.getTime() > 190 * 86_400_000) throw fieldError('to', 'Ask for at most six months at a time.');
    const rows = await this.repo.listSessions({
      from,
      to,
      locationId: q.locationId,
      groupId: q.groupId,
      facilitatorId: mine ? staff.id : q.facilitatorId,
    });
    return rows.map((r) => toSessionView(r, staff, q.locale));
  }

  async getSession(staff: AuthenticatedStaff, id: string, locale: Locale): Promise<SessionView> {
    const row = await this.repo.session(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'There is no such session.');
    return toSessionView(row, staff, locale);
  }

  updateSession(staff: AuthenticatedStaff, id: string, dto: UpdateSessionDto, locale: Locale): Promise<SessionView> {
    return this.transactions.run(async () => {
      const session = await this.editableSession(staff, id);
      const startsAt = dto.start !== undefined ? fromLocalStart(dto.start) : session.starts_at;
      if (!startsAt) throw fieldError('start', 'Give the start as a date and time, e.g. 2026-12-08T10:00.');
      const duration = dto.durationMinutes ?? Math.round((session.ends_at.getTime() - session.starts_at.getTime()) / 60_000);
      const locationId = dto.locationId ?? session.location_id;
      const roomId =
        dto.roomId !== undefined ? dto.roomId : dto.locationId && dto.locationId !== session.location_id ? null : session.room_id;
      const place = await this.repo.placeAndRoom(locationId, roomId);
      if (!place.location) throw fieldError('locationId', 'Choose a place that is in use.');
      if (!place.room) throw fieldError('roomId', 'Choose a room of this place (or none).');
      if (dto.facilitatorIds && (await this.repo.notFacilitators(dto.facilitatorIds)).length) {
        throw fieldError('facilitatorIds', 'Facilitators must be active group workers or coordinators.');
      }
      const endsAt = DateTime.fromJSDate(startsAt).plus({ minutes: duration }).toJSDate();
      const now = this.clock.now();

      if (dto.scope === 'following' && session.series_date) {
        const localStart = toLocalStart(startsAt);
        if (localStart.slice(0, 10) !== session.series_date) {
          throw fieldError('start', 'To move this and the following meetings to another day, change the group’s schedule.');
        }
        const group = (await this.repo.group(session.group_id, true)) as GroupRow;
        await this.repo.pinUntouched(group.id, now, session.series_date);
        const firstDate = (group.first_start_local ?? localStart).slice(0, 10);
        await this.repo.saveGroup(group.id, {
          ...group,
          first_start_local: `${firstDate}T${localStart.slice(11)}`,
          duration_minutes: duration,
          default_location_id: locationId,
          default_room_id: roomId,
          capacity: dto.capacity !== undefined ? dto.capacity : group.capacity,
        });
        if (dto.facilitatorIds) await this.repo.setGroupFacilitators(group.id, dto.facilitatorIds);
        // This session now follows the series again; later hand-made changes stay.
        await this.repo.updateSession(session.id, { startsAt, endsAt, locationId, roomId, capacityOverride: null, editedFields: [] });
        const synced = await this.planner.sync((await this.repo.group(group.id)) as GroupRow, now, horizonFrom(now));
        await this.planner.assertNoConflicts([...new Set([session.id, ...synced.touched])], dto.confirmConflicts === true, locale);
      } else {
        const edited = new Set(session.edited_fields);
        if (dto.start !== undefined || dto.durationMinutes !== undefined) edited.add(SessionEdit.Time);
        if (dto.locationId !== undefined) edited.add(SessionEdit.Location);
        if (dto.roomId !== undefined || (dto.locationId && dto.locationId !== session.location_id)) edited.add(SessionEdit.Room);
        if (dto.capacity !== undefined) edited.add(SessionEdit.Capacity);
        if (dto.facilitatorIds) edited.add(SessionEdit.Facilitators);
        await seatsFit('capacity', () =>
          this.repo.updateSession(session.id, {
            startsAt,
            endsAt,
            locationId,
            roomId,
            capacityOverride: dto.capacity !== undefined ? dto.capacity : session.capacity_override,
            editedFields: [...edited],
          }),
        );
        if (dto.facilitatorIds) await this.repo.setSessionFacilitators([session.id], dto.facilitatorIds);
        // Only a change of when, where or who can make a double booking.
        const moves = [dto.start, dto.durationMinutes, dto.locationId, dto.roomId, dto.facilitatorIds].some((v) => v !== undefined);
        if (moves) await this.planner.assertNoConflicts([session.id], dto.confirmConflicts === true, locale);
      }
      return toSessionView((await this.repo.session(session.id)) as SessionRow, staff, locale);
    });
  }

  /** Cancels one session with a reason, and records the event registered families will be told of. */
  cancelSession(staff: AuthenticatedStaff, id: string, reason: string, locale: Locale): Promise<SessionView> {
    return this.transactions.run(async () => {
      const session = await this.editableSession(staff, id);
      await this.repo.cancelSession(id, reason.trim());
      const event: SessionCancelledEvent = {
        sessionId: id,
        groupId: session.group_id,
        startsAt: session.starts_at.toISOString(),
        reason: reason.trim(),
      };
      await this.repo.recordEvent(DomainEventType.SessionCancelled, id, event, this.clock.now());
      return toSessionView((await this.repo.session(id)) as SessionRow, staff, locale);
    });
  }

  private async editableSession(staff: AuthenticatedStaff, id: string): Promise<SessionRow> {
    const session = await this.repo.session(id, true);
    if (!session) throw new DomainError(ErrorCode.NotFound, 'There is no such session.');
    if (!canEditSession(session, staff))
      throw new DomainError(ErrorCode.Forbidden, 'Only its facilitators and coordinators can change this session.');
    if (session.status !== 'planned')
      throw new DomainError(ErrorCode.Conflict, 'This session was cancelled or has taken place; it cannot change.');
    return session;
  }
}

/** Runs a change that may lower a capacity; the database refuses one below the seats already taken. */
async function seatsFit(field: string, change: () => Promise<void>): Promise<void> {
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

function fieldError(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, [{ field, code: FieldErrorCode.Invalid, message }]);
}

function canEdit(group: GroupRow, staff: AuthenticatedStaff): boolean {
  return reachesAllGroups(staff.roles) || group.facilitator_ids.includes(staff.id);
}

function canEditSession(session: SessionRow, staff: AuthenticatedStaff): boolean {
  return (
    reachesAllGroups(staff.roles) || session.group_facilitator_ids.includes(staff.id) || session.facilitators.some((f) => f.id === staff.id)
  );
}

function toPlan(g: GroupRow, staff: AuthenticatedStaff): GroupPlan {
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
