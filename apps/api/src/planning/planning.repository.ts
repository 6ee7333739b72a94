import { Injectable } from '@nestjs/common';
import type { Audience, GroupKind, LocalizedText, RegistrationMode, SessionEdit, SessionStatus } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface GroupRow {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: GroupKind;
  audience: Audience;
  spoken_languages: string[];
  default_location_id: string;
  default_room_id: string | null;
  capacity: number | null;
  children_count_toward_capacity: boolean;
  registration_mode: RegistrationMode;
  registration_opens_days_before: number | null;
  registration_closes_hours_before: number | null;
  first_start_local: string | null;
  duration_minutes: number | null;
  recurrence_rule: string | null;
  exception_dates: string[];
  active: boolean;
  facilitator_ids: string[];
}

export interface SessionRow {
  id: string;
  group_id: string;
  group_title: LocalizedText;
  group_kind: GroupKind;
  group_capacity: number | null;
  series_date: string | null;
  starts_at: Date;
  ends_at: Date;
  location_id: string;
  location_name: string;
  room_id: string | null;
  room_name: string | null;
  capacity_override: number | null;
  status: SessionStatus;
  cancellation_reason: string | null;
  edited_fields: SessionEdit[];
  /** How many times its time or place changed: the SEQUENCE of its calendar event. */
  calendar_sequence: number;
  facilitators: Array<{ id: string; displayName: string }>;
  group_facilitator_ids: string[];
}

/** A session of a series from now on, as keeping it in step needs it. */
export interface FutureSessionRow {
  id: string;
  group_id: string;
  series_date: string | null;
  starts_at: Date;
  ends_at: Date;
  location_id: string;
  room_id: string | null;
  status: SessionStatus;
  edited_fields: SessionEdit[];
}

const GROUP_SELECT = `
  SELECT g.id, g.title, g.description, g.kind, g.audience, g.spoken_languages, g.default_location_id, g.default_room_id,
         g.capacity, g.children_count_toward_capacity, g.registration_mode, g.registration_opens_days_before,
         g.registration_closes_hours_before, g.first_start_local, g.duration_minutes, g.recurrence_rule,
         g.exception_dates::text[] AS exception_dates, g.active,
         coalesce((SELECT array_agg(f.staff_user_id::text ORDER BY f.staff_user_id) FROM group_facilitator f WHERE f.group_id = g.id), '{}') AS facilitator_ids
    FROM parent_group g`;

/** One query shape for every session list: only the columns the views show, facilitators folded in. */
const SESSION_SELECT = `
  SELECT s.id, s.group_id, g.title AS group_title, g.kind AS group_kind, g.capacity AS group_capacity,
         s.series_date::text AS series_date, s.starts_at, s.ends_at, s.location_id, l.name AS location_name,
         s.room_id, r.name AS room_name, s.capacity_override, s.status, s.cancellation_reason, s.edited_fields,
         s.calendar_sequence,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                     FROM session_facilitator sf JOIN staff_user u ON u.id = sf.staff_user_id WHERE sf.session_id = s.id), '[]') AS facilitators,
         coalesce((SELECT array_agg(f.staff_user_id::text) FROM group_facilitator f WHERE f.group_id = s.group_id), '{}') AS group_facilitator_ids
    FROM group_session s
    JOIN parent_group g ON g.id = s.group_id
    JOIN location l ON l.id = s.location_id
    LEFT JOIN room r ON r.id = s.room_id`;

@Injectable()
export class PlanningRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  // ── groups ────────────────────────────────────────────────────────────────
  listGroups(): Promise<GroupRow[]> {
    return this.m.query(`${GROUP_SELECT} ORDER BY g.active DESC, g.title ->> 'nl', g.id`);
  }

  async group(id: string, lock = false): Promise<GroupRow | undefined> {
    if (lock) await this.m.query(`SELECT 1 FROM parent_group WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await this.m.query(`${GROUP_SELECT} WHERE g.id = $1`, [id]);
    return row;
  }

  async saveGroup(id: string | null, g: Omit<GroupRow, 'id' | 'facilitator_ids'>): Promise<string> {
    const values = [
      g.title,
      g.description,
      g.kind,
      g.audience,
      g.spoken_languages,
      g.default_location_id,
      g.default_room_id,
      g.capacity,
      g.children_count_toward_capacity,
      g.registration_mode,
      g.registration_opens_days_before,
      g.registration_closes_hours_before,
      g.first_start_local,
      g.duration_minutes,
      g.recurrence_rule,
      g.exception_dates,
      g.active,
    ];
    if (id === null) {
      const [row] = await this.m.query(
        `INSERT INTO parent_group (title, description, kind, audience, spoken_languages, default_location_id, default_room_id, capacity,
           children_count_toward_capacity, registration_mode, registration_opens_days_before, registration_closes_hours_before,
           first_start_local, duration_minutes, recurrence_rule, exception_dates, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::date[], $17) RETURNING id`,
        values,
      );
      return row.id;
    }
    await this.m.query(
      `UPDATE parent_group SET title = $1, description = $2, kind = $3, audience = $4, spoken_languages = $5, default_location_id = $6,
         default_room_id = $7, capacity = $8, children_count_toward_capacity = $9, registration_mode = $10,
         registration_opens_days_before = $11, registration_closes_hours_before = $12, first_start_local = $13,
         duration_minutes = $14, recurrence_rule = $15, exception_dates = $16::date[], active = $17, updated_at = now()
       WHERE id = $18`,
      [...values, id],
    );
    return id;
  }

  /** Future planned sessions without a capacity of their own take the group's. */
  async applyGroupCapacity(groupId: string, from: Date): Promise<void> {
    await this.m.query(
      `UPDATE group_session s SET seat_capacity = g.capacity FROM parent_group g
        WHERE g.id = s.group_id AND s.group_id = $1 AND s.starts_at >= $2 AND s.status = 'planned' AND s.capacity_override IS NULL`,
      [groupId, from],
    );
  }

  async setGroupFacilitators(groupId: string, staffIds: string[]): Promise<void> {
    await this.m.query(`DELETE FROM group_facilitator WHERE group_id = $1 AND NOT (staff_user_id = ANY($2::uuid[]))`, [groupId, staffIds]);
    await this.m.query(`INSERT INTO group_facilitator (group_id, staff_user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      groupId,
      staffIds,
    ]);
  }

  /** The ids among `staffIds` that are not active staff who do group work. */
  async notFacilitators(staffIds: string[]): Promise<string[]> {
    if (staffIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.m.query(
      `SELECT x.id FROM unnest($1::uuid[]) AS x(id)
        WHERE NOT EXISTS (SELECT 1 FROM staff_user u WHERE u.id = x.id AND u.active AND u.roles && ARRAY['coordinator', 'group_worker'])`,
      [staffIds],
    );
    return rows.map((r) => r.id);
  }

  async setSessionsUntil(groupId: string, until: Date): Promise<void> {
    await this.m.query(`UPDATE parent_group SET sessions_until = greatest(coalesce(sessions_until, $2), $2) WHERE id = $1`, [
      groupId,
      until,
    ]);
  }

  async groupsToExtend(until: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.m.query(
      `SELECT id FROM parent_group WHERE active AND first_start_local IS NOT NULL AND (sessions_until IS NULL OR sessions_until < $1) ORDER BY id`,
      [until],
    );
    return rows.map((r) => r.id);
  }

  // ── sessions ──────────────────────────────────────────────────────────────
  listSessions(f: { from: Date; to: Date; locationId?: string; groupId?: string; facilitatorId?: string }): Promise<SessionRow[]> {
    return this.m.query(
      `${SESSION_SELECT}
        WHERE s.starts_at < $2 AND s.ends_at > $1
          AND ($3::uuid IS NULL OR s.location_id = $3)
          AND ($4::uuid IS NULL OR s.group_id = $4)
          AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM session_facilitator x WHERE x.session_id = s.id AND x.staff_user_id = $5))
        ORDER BY s.starts_at, s.id`,
      [f.from, f.to, f.locationId ?? null, f.groupId ?? null, f.facilitatorId ?? null],
    );
  }

  async session(id: string, lock = false): Promise<SessionRow | undefined> {
    const [row] = await this.m.query(`${SESSION_SELECT} WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`, [id]);
    return row;
  }

  /** The group's sessions from `from` on, by series date (only those that came from the series). */
  futureSessionsOf(groupId: string, from: Date): Promise<FutureSessionRow[]> {
    return this.m.query(
      `SELECT id, group_id, series_date::text AS series_date, starts_at, ends_at, location_id, room_id, status, edited_fields FROM group_session
        WHERE group_id = $1 AND starts_at >= $2 ORDER BY starts_at`,
      [groupId, from],
    );
  }

  async insertSession(s: {
    groupId: string;
    seriesDate: string | null;
    startsAt: Date;
    endsAt: Date;
    locationId: string;
    roomId: string | null;
  }): Promise<string> {
    const [row] = await this.m.query(
      `INSERT INTO group_session (group_id, series_date, starts_at, ends_at, location_id, room_id, seat_capacity)
       VALUES ($1, $2::date, $3, $4, $5, $6, (SELECT capacity FROM parent_group WHERE id = $1)) RETURNING id`,
      [s.groupId, s.seriesDate, s.startsAt, s.endsAt, s.locationId, s.roomId],
    );
    return row.id;
  }

  async updateSession(
    id: string,
    s: {
      startsAt: Date;
      endsAt: Date;
      locationId: string;
      roomId: string | null;
      capacityOverride: number | null;
      editedFields: SessionEdit[];
    },
  ): Promise<void> {
    await this.m.query(
      `UPDATE group_session SET starts_at = $2, ends_at = $3, location_id = $4, room_id = $5, capacity_override = $6, edited_fields = $7,
              seat_capacity = coalesce($6, (SELECT capacity FROM parent_group WHERE id = group_session.group_id)), updated_at = now()
        WHERE id = $1`,
      [id, s.startsAt, s.endsAt, s.locationId, s.roomId, s.capacityOverride, s.editedFields],
    );
  }

  async deleteSessions(ids: string[]): Promise<void> {
    if (ids.length) await this.m.query(`DELETE FROM group_session WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async setSessionFacilitators(sessionIds: string[], staffIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.m.query(`DELETE FROM session_facilitator WHERE session_id = ANY($1::uuid[])`, [sessionIds]);
    await this.m.query(
      `INSERT INTO session_facilitator (session_id, staff_user_id) SELECT s, f FROM unnest($1::uuid[]) s CROSS JOIN unnest($2::uuid[]) f`,
      [sessionIds, staffIds],
    );
  }

  /** Marks untouched future sessions of a series before `beforeDate` as kept as they are. */
  async pinUntouched(groupId: string, from: Date, beforeDate: string): Promise<void> {
    await this.m.query(
      `UPDATE group_session SET edited_fields = ARRAY['pinned'] WHERE group_id = $1 AND starts_at >= $2 AND series_date < $3::date
          AND status = 'planned' AND cardinality(edited_fields) = 0`,
      [groupId, from, beforeDate],
    );
  }

  async cancelSession(id: string, reason: string): Promise<void> {
    await this.m.query(`UPDATE group_session SET status = 'cancelled', cancellation_reason = $2, updated_at = now() WHERE id = $1`, [
      id,
      reason,
    ]);
  }

  async recordEvent(type: string, aggregateId: string, payload: object, at: Date): Promise<void> {
    await this.m.query(`INSERT INTO domain_event (type, aggregate_id, payload, occurred_at) VALUES ($1, $2, $3, $4)`, [
      type,
      aggregateId,
      payload,
      at,
    ]);
  }
}
