import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  MAX_SESSION_MINUTES,
  type FieldError,
  type GroupPlan,
  type Locale,
  type SavedGroup,
} from '@kring/domain';
import { recurrenceProblems } from '@kring/domain/recurrence';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { SaveGroupDto } from './dto/group.dto';
import { canEdit, seatsFit, toPlan } from './planning-views';
import { PlacesRepository } from './places.repository';
import { PlanningRepository, type GroupRow } from './planning.repository';
import { SessionChanges } from './session-changes';
import { horizonFrom, SessionPlanner } from './session-planner';
import { NO_SUCH_GROUP } from '../common/errors';

const RECURRENCE_MESSAGES: Record<string, string> = {
  invalid_start: 'Give the first meeting as a date and time, e.g. 2026-09-01T09:30.',
  invalid_rule: 'This repeat rule cannot be read. Use e.g. FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630.',
  no_end: 'Say when the series ends: a last date (UNTIL) or a number of meetings (COUNT).',
  ends_before_start: 'The series ends before it starts: pick a later end date.',
  too_long: `A meeting can last at most ${MAX_SESSION_MINUTES / 60} hours.`,
  too_short: 'A meeting lasts at least 5 minutes.',
  invalid_exception_date: 'Each date to skip must be a real date, YYYY-MM-DD.',
};

/** Groups' planning: who may change a group, and keeping its sessions in step (sessions one by one: `SessionsService`). */
@Injectable()
export class PlanningService {
  constructor(
    private readonly repo: PlanningRepository,
    private readonly places: PlacesRepository,
    private readonly planner: SessionPlanner,
    private readonly changes: SessionChanges,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  // ── groups ────────────────────────────────────────────────────────────────
  async listGroups(staff: AuthenticatedStaff): Promise<GroupPlan[]> {
    return (await this.repo.listGroups()).map((g) => toPlan(g, staff));
  }

  async getGroup(staff: AuthenticatedStaff, id: string): Promise<GroupPlan> {
    const group = await this.repo.group(id);
    if (!group) throw new DomainError(ErrorCode.NotFound, NO_SUCH_GROUP);
    return toPlan(group, staff);
  }

  /** Creates or changes a group and brings its sessions in step; all or nothing. */
  saveGroup(staff: AuthenticatedStaff, id: string | null, dto: SaveGroupDto, locale: Locale): Promise<SavedGroup> {
    return this.transactions.run(async () => {
      const before = id ? await this.repo.group(id, true) : undefined;
      if (id && !before) throw new DomainError(ErrorCode.NotFound, NO_SUCH_GROUP);
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
      // A date families are registered for is cancelled (and they are told) only once confirmed.
      const synced = await this.planner.sync(group, now, horizonFrom(now), dto.confirmCancellations === true ? 'cancel' : 'ask');
      await this.planner.assertNoConflicts(synced.touched, dto.confirmConflicts === true, locale);
      if (before && raised(before.capacity, group.capacity)) {
        const ahead = await this.repo.futureSessionsOf(savedId, now);
        await this.changes.offerFreedSeats(ahead.filter((s) => s.status === 'planned').map((s) => s.id));
      }
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
    const place = await this.places.placeAndRoom(dto.defaultLocationId, dto.defaultRoomId);
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
}

/** Whether a capacity went up (no number: no limit). */
function raised(before: number | null, after: number | null): boolean {
  return before !== null && (after === null || after > before);
}
