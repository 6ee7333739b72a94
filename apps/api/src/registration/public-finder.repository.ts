import { Injectable } from '@nestjs/common';
import { ErrorCode, PLANNING_ZONE, type Audience, type GroupKind, type LocalizedText, type RegistrationMode } from '@kring/domain';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { NO_SUCH_GROUP } from '../common/errors';

export interface PublicSessionRow {
  id: string;
  group_id: string;
  title: LocalizedText;
  kind: GroupKind;
  audience: Audience;
  starts_at: Date;
  ends_at: Date;
  location_id: string;
  location_name: string;
  city: string;
  seats_left: number | null;
  registration_open: boolean;
  registration_opens_at: Date | null;
  registration_closed: boolean;
  spoken_languages: string[];
}

const SESSION_SQL = `
  SELECT s.id, g.id AS group_id, g.title, g.kind, g.audience, s.starts_at, s.ends_at, l.id AS location_id, l.name AS location_name, l.city,
         CASE WHEN s.seat_capacity IS NULL THEN NULL ELSE greatest(s.seat_capacity - s.seats_taken, 0) END AS seats_left,
         (g.registration_mode = 'open'
           AND (g.registration_opens_days_before IS NULL OR s.starts_at - make_interval(days => g.registration_opens_days_before) <= $1)
           AND (g.registration_closes_hours_before IS NULL OR s.starts_at - make_interval(hours => g.registration_closes_hours_before) > $1)) AS registration_open,
         CASE WHEN g.registration_mode = 'open' AND s.starts_at - make_interval(days => g.registration_opens_days_before) > $1
              THEN s.starts_at - make_interval(days => g.registration_opens_days_before) END AS registration_opens_at,
         coalesce(g.registration_mode = 'open' AND s.starts_at - make_interval(hours => g.registration_closes_hours_before) <= $1, false) AS registration_closed,
         g.spoken_languages
    FROM group_session s JOIN parent_group g ON g.id = s.group_id JOIN location l ON l.id = s.location_id
   WHERE s.status = 'planned' AND g.active AND l.active AND s.starts_at > $1 AND ($2::timestamptz IS NULL OR s.starts_at < $2)`;

export interface PublicGroupRow {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: GroupKind;
  audience: Audience;
  spoken_languages: string[];
  registration_mode: RegistrationMode;
  children_count_toward_capacity: boolean;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  accessibility_notes: string;
  facilitators: string[];
}

/** A group page lists at most this many dates (a series planned twelve weeks ahead on two weekdays fits). */
const GROUP_PAGE_DATES = 60;

/** The public finder's reads: coming sessions of active groups and places, and a group's page. */
@Injectable()
export class PublicFinderRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Coming sessions before `until`, narrowed by audience, place, weekday (ISO, Brussels) and spoken language. */
  comingSessions(q: {
    now: Date;
    until: Date;
    audience: string | null;
    locationId: string | null;
    weekday: number | null;
    language: string | null;
  }): Promise<PublicSessionRow[]> {
    return this.transactions.manager.query(
      `${SESSION_SQL}
         AND ($3::text IS NULL OR g.audience = $3 OR g.audience = 'all')
         AND ($4::uuid IS NULL OR s.location_id = $4)
         AND ($5::int IS NULL OR extract(isodow FROM s.starts_at AT TIME ZONE '${PLANNING_ZONE}') = $5)
         AND ($6::text IS NULL OR $6 = ANY(g.spoken_languages))
       ORDER BY s.starts_at, s.id LIMIT 200`,
      [q.now, q.until, q.audience, q.locationId, q.weekday, q.language],
    );
  }

  /** An active group at an active place, with its facilitators' first names; not found otherwise. */
  async groupOrThrow(id: string): Promise<PublicGroupRow> {
    const [g]: PublicGroupRow[] = await this.transactions.manager.query(
      `SELECT g.id, g.title, g.description, g.kind, g.audience, g.spoken_languages, g.registration_mode, g.children_count_toward_capacity,
              l.name, l.street, l.postal_code, l.city, l.accessibility_notes,
              coalesce((SELECT array_agg(split_part(u.display_name, ' ', 1) ORDER BY u.display_name)
                          FROM group_facilitator f JOIN staff_user u ON u.id = f.staff_user_id WHERE f.group_id = g.id AND u.active), '{}') AS facilitators
         FROM parent_group g JOIN location l ON l.id = g.default_location_id WHERE g.id = $1 AND g.active AND l.active`,
      [id],
    );
    if (!g) throw new DomainError(ErrorCode.NotFound, NO_SUCH_GROUP);
    return g;
  }

  /**
   * Every coming planned date of a group: the same dates a series enrolment takes
   * (`RegistrationRepository.sessionsToRegister`), so the page and the confirmation count alike.
   */
  groupSessions(groupId: string, now: Date): Promise<PublicSessionRow[]> {
    return this.transactions.manager.query(`${SESSION_SQL} AND g.id = $3 ORDER BY s.starts_at LIMIT ${GROUP_PAGE_DATES}`, [
      now,
      null,
      groupId,
    ]);
  }
}
