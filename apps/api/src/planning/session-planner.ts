import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  ErrorCode,
  pickLocalized,
  PLANNING_HORIZON_WEEKS,
  PLANNING_ZONE,
  type Locale,
  type SchedulingConflict,
  type SessionWithFamilies,
} from '@kring/domain';
import { expandRecurrence } from '@kring/domain/recurrence';
import { DomainError } from '../common/domain-error';
import { ConflictsRepository } from './conflicts.repository';
import { PlanningRepository, type FutureSessionRow, type GroupRow } from './planning.repository';
import { SessionChanges } from './session-changes';
import { SessionChangesRepository } from './session-changes.repository';

/** What a series change does with a date it no longer has, when families are registered for it. */
export type DroppedDates =
  /** 409 `sessions_have_families` listing them (the coordinator confirms first). */
  | 'ask'
  /** Cancel them and tell the families. */
  | 'cancel'
  /** Leave them as they are (the nightly extension never takes a date away from a family). */
  | 'keep';

/** Stored on a session a series change cancelled (families read no reason: it would be in Dutch). */
const DROPPED_REASON = 'Het schema van de groep is veranderd.';

export interface SyncResult {
  /** Sessions the series created or moved (check these for conflicts). */
  touched: string[];
  /** Sessions changed by hand that the series left as they are. */
  kept: string[];
}

/** The end of the planning horizon seen from `now`. */
export function horizonFrom(now: Date, weeks = PLANNING_HORIZON_WEEKS): Date {
  return DateTime.fromJSDate(now, { zone: PLANNING_ZONE }).plus({ weeks }).endOf('day').toJSDate();
}

/**
 * Keeps a group's session records in step with its recurrence, from now to a horizon.
 * A session changed by hand (any `edited_fields`) is never overwritten or removed by the series;
 * past sessions are never touched.
 */
@Injectable()
export class SessionPlanner {
  constructor(
    private readonly repo: PlanningRepository,
    private readonly changes: SessionChanges,
    private readonly registrations: SessionChangesRepository,
    private readonly conflicts: ConflictsRepository,
  ) {}

  /**
   * Brings the group's sessions in step. A session that moves tells its families (`SessionChanges`);
   * a date the series drops is deleted, unless someone is registered for it: see `dropped`.
   */
  async sync(group: GroupRow, now: Date, until: Date, dropped: DroppedDates = 'keep'): Promise<SyncResult> {
    const result: SyncResult = { touched: [], kept: [] };
    if (!group.first_start_local || !group.duration_minutes) return result;
    const occurrences = group.active
      ? expandRecurrence(
          {
            firstStart: group.first_start_local,
            durationMinutes: group.duration_minutes,
            rule: group.recurrence_rule,
            exceptionDates: group.exception_dates,
          },
          until,
          now,
        )
      : [];
    const existing = new Map(
      (await this.repo.futureSessionsOf(group.id, now)).filter((s) => s.series_date).map((s) => [s.series_date as string, s]),
    );
    const wanted = new Set<string>();
    for (const o of occurrences) {
      wanted.add(o.localDate);
      const current = existing.get(o.localDate);
      if (!current) {
        const id = await this.repo.insertSession({
          groupId: group.id,
          seriesDate: o.localDate,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          locationId: group.default_location_id,
          roomId: group.default_room_id,
        });
        await this.repo.setSessionFacilitators([id], group.facilitator_ids);
        result.touched.push(id);
      } else if (current.edited_fields.length === 0 && current.status === 'planned') {
        await this.repo.updateSession(current.id, {
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          locationId: group.default_location_id,
          roomId: group.default_room_id,
          capacityOverride: null,
          editedFields: [],
        });
        await this.changes.moved(current, {
          starts_at: o.startsAt,
          ends_at: o.endsAt,
          location_id: group.default_location_id,
          room_id: group.default_room_id,
        });
        await this.repo.setSessionFacilitators([current.id], group.facilitator_ids);
        result.touched.push(current.id);
      } else if (current.edited_fields.length > 0) {
        result.kept.push(current.id);
      }
    }
    const gone = [...existing.values()].filter((s) => !wanted.has(s.series_date as string) && s.status === 'planned');
    await this.drop(
      gone.filter((s) => s.edited_fields.length === 0),
      dropped,
    );
    result.kept.push(...gone.filter((s) => s.edited_fields.length > 0).map((s) => s.id));
    await this.repo.setSessionsUntil(group.id, until);
    return result;
  }

  /**
   * Sessions the series no longer has. One without any registration is deleted; one with only
   * cancelled or skipped registrations is cancelled without a message; one with families
   * registered or waiting is refused (`ask`), cancelled with its families told (`cancel`), or kept.
   */
  private async drop(sessions: FutureSessionRow[], dropped: DroppedDates): Promise<void> {
    const registered = new Map((await this.registrations.registrationsOf(sessions.map((s) => s.id))).map((r) => [r.id, r]));
    const withFamilies = sessions.filter((s) => (registered.get(s.id)?.live_families ?? 0) > 0);
    if (dropped === 'ask' && withFamilies.length) {
      const list: SessionWithFamilies[] = withFamilies.map((s) => ({
        sessionId: s.id,
        startsAt: s.starts_at.toISOString(),
        families: registered.get(s.id)?.live_families ?? 0,
      }));
      const families = list.reduce((n, s) => n + s.families, 0);
      throw new DomainError(
        ErrorCode.SessionsHaveFamilies,
        `${list.length} date(s) this change drops have families registered (${families} in all). Save again with confirmCancellations to cancel them; the families will be told.`,
        undefined,
        undefined,
        undefined,
        list,
      );
    }
    for (const s of sessions) {
      const r = registered.get(s.id);
      if (!r) continue;
      if (r.live_families === 0) await this.repo.cancelSession(s.id, DROPPED_REASON);
      else if (dropped === 'cancel') await this.changes.cancel(s, DROPPED_REASON, '');
    }
    await this.repo.deleteSessions(sessions.filter((s) => !registered.has(s.id)).map((s) => s.id));
  }

  /** Throws 409 `scheduling_conflict` listing the double bookings (titles in `locale`, else Dutch), unless they were confirmed. */
  async assertNoConflicts(sessionIds: string[], confirmed: boolean, locale: Locale): Promise<void> {
    const rows = await this.conflicts.conflictsOf(sessionIds);
    if (rows.length === 0 || confirmed) return;
    const conflicts: SchedulingConflict[] = rows.map((r) => ({
      kind: r.kind,
      at: r.at.toISOString(),
      clash: {
        sessionId: r.clash_id,
        groupTitle: pickLocalized(r.clash_title, locale).text,
        startsAt: r.clash_starts_at.toISOString(),
        endsAt: r.clash_ends_at.toISOString(),
      },
      ...(r.who_id ? { facilitator: { id: r.who_id, displayName: r.who_name ?? '' } } : {}),
      ...(r.room_id ? { room: { id: r.room_id, name: r.room_name ?? '' } } : {}),
    }));
    throw new DomainError(
      ErrorCode.SchedulingConflict,
      `${conflicts.length} double booking(s): check them, or save again with confirmConflicts.`,
      undefined,
      undefined,
      conflicts,
    );
  }
}
