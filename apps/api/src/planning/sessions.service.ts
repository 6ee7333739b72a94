import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ErrorCode, FieldErrorCode, SessionEdit, StaffRole, startRefused, type Locale, type SessionView, DAY_MS } from '@kring/domain';
import { fromLocalStart, toLocalStart } from '@kring/domain/recurrence';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { SessionQueryDto, UpdateSessionDto } from './dto/session.dto';
import { canEditSession, fieldError, seatsFit, toSessionView } from './planning-views';
import { PlacesRepository } from './places.repository';
import { PlanningRepository, type GroupRow, type SessionRow } from './planning.repository';
import { SessionChanges } from './session-changes';
import { horizonFrom, SessionPlanner } from './session-planner';
import { NO_SUCH_SESSION } from './planning.errors';

/** Sessions one by one: reading them, changing one (or it and the following), cancelling one. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repo: PlanningRepository,
    private readonly places: PlacesRepository,
    private readonly planner: SessionPlanner,
    private readonly changes: SessionChanges,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async listSessions(staff: AuthenticatedStaff, q: SessionQueryDto, mine = false): Promise<SessionView[]> {
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (!(to > from)) throw fieldError('to', 'to must be after from.');
    if (to.getTime() - from.getTime() > 190 * DAY_MS) throw fieldError('to', 'Ask for at most six months at a time.');
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
    if (!row) throw new DomainError(ErrorCode.NotFound, NO_SUCH_SESSION);
    return toSessionView(row, staff, locale);
  }

  /**
   * Changes one session, or it and the following of its series. A new time or place is told to its
   * families (once the changes settle); a higher capacity offers its seats to the waitlist at once.
   * A start in the past is refused, unless a coordinator corrects the session after the fact
   * (`correction`), which nobody is told of.
   */
  updateSession(staff: AuthenticatedStaff, id: string, dto: UpdateSessionDto, locale: Locale): Promise<SessionView> {
    return this.transactions.run(async () => {
      const session = await this.editableSession(staff, id);
      const correction = dto.correction === true;
      if (correction && !staff.roles.includes(StaffRole.Coordinator)) {
        throw new DomainError(ErrorCode.Forbidden, 'Only a coordinator can correct a session after the fact.');
      }
      if (correction && dto.scope === 'following') throw fieldError('correction', 'A correction is for this one session only.');
      const startsAt = dto.start !== undefined ? fromLocalStart(dto.start) : session.starts_at;
      if (!startsAt) throw fieldError('start', 'Give the start as a date and time, e.g. 2026-12-08T10:00.');
      const duration = dto.durationMinutes ?? Math.round((session.ends_at.getTime() - session.starts_at.getTime()) / 60_000);
      const locationId = dto.locationId ?? session.location_id;
      const roomId =
        dto.roomId !== undefined ? dto.roomId : dto.locationId && dto.locationId !== session.location_id ? null : session.room_id;
      const place = await this.places.placeAndRoom(locationId, roomId);
      if (!place.location) throw fieldError('locationId', 'Choose a place that is in use.');
      if (!place.room) throw fieldError('roomId', 'Choose a room of this place (or none).');
      if (dto.facilitatorIds && (await this.repo.notFacilitators(dto.facilitatorIds)).length) {
        throw fieldError('facilitatorIds', 'Facilitators must be active group workers or coordinators.');
      }
      const endsAt = DateTime.fromJSDate(startsAt).plus({ minutes: duration }).toJSDate();
      const now = this.clock.now();
      const movesInTimeOrPlace = [dto.start, dto.durationMinutes, dto.locationId, dto.roomId].some((v) => v !== undefined);
      if (movesInTimeOrPlace && startRefused(startsAt, now, correction)) {
        const message =
          'This start lies in the past. Choose a moment that is still ahead; a coordinator can correct a session that took place.';
        throw new DomainError(ErrorCode.ValidationFailed, message, [
          { field: 'start', code: FieldErrorCode.Invalid, message, reason: 'in_past' },
        ]);
      }
      const after = { starts_at: startsAt, ends_at: endsAt, location_id: locationId, room_id: roomId };

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
        await seatsFit('capacity', () =>
          this.repo.updateSession(session.id, { startsAt, endsAt, locationId, roomId, capacityOverride: null, editedFields: [] }),
        );
        await this.changes.moved(session, after);
        const synced = await this.planner.sync((await this.repo.group(group.id)) as GroupRow, now, horizonFrom(now));
        await this.planner.assertNoConflicts([...new Set([session.id, ...synced.touched])], dto.confirmConflicts === true, locale);
        if (dto.capacity !== undefined) await this.changes.offerFreedSeats([...new Set([session.id, ...synced.touched])]);
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
        await this.changes.moved(session, after, correction);
        // Only a change of when, where or who can make a double booking.
        const moves = [dto.start, dto.durationMinutes, dto.locationId, dto.roomId, dto.facilitatorIds].some((v) => v !== undefined);
        if (moves) await this.planner.assertNoConflicts([session.id], dto.confirmConflicts === true, locale);
        if (dto.capacity !== undefined) await this.changes.offerFreedSeats([session.id]);
      }
      return toSessionView((await this.repo.session(session.id)) as SessionRow, staff, locale);
    });
  }

  /** Cancels one session with a reason, and records the event registered families will be told of. */
  cancelSession(staff: AuthenticatedStaff, id: string, reason: string, locale: Locale): Promise<SessionView> {
    return this.transactions.run(async () => {
      const session = await this.editableSession(staff, id);
      await this.changes.cancel(session, reason.trim());
      return toSessionView((await this.repo.session(id)) as SessionRow, staff, locale);
    });
  }

  private async editableSession(staff: AuthenticatedStaff, id: string): Promise<SessionRow> {
    const session = await this.repo.session(id, true);
    if (!session) throw new DomainError(ErrorCode.NotFound, NO_SUCH_SESSION);
    if (!canEditSession(session, staff))
      throw new DomainError(ErrorCode.Forbidden, 'Only its facilitators and coordinators can change this session.');
    if (session.status !== 'planned')
      throw new DomainError(ErrorCode.Conflict, 'This session was cancelled or has taken place; it cannot change.');
    return session;
  }
}
