import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  ErrorCode,
  pickLocalized,
  PLANNING_ZONE,
  type LocalizedText,
  type Locale,
  type PublicGroupPage,
  type PublicSession,
} from '@kring/domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';

const WEEKS_AHEAD = 8;

interface SessionRow {
  id: string;
  group_id: string;
  title: LocalizedText;
  kind: string;
  audience: string;
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
   WHERE s.status = 'planned' AND g.active AND l.active AND s.starts_at > $1 AND s.starts_at < $2`;

/** What parents find without signing in: coming sessions and the group pages. */
@Injectable()
export class PublicFinderService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async sessions(q: {
    audience?: string;
    locationId?: string;
    weekday?: number;
    language?: string;
    locale: Locale;
  }): Promise<PublicSession[]> {
    const now = this.clock.now();
    const rows: SessionRow[] = await this.transactions.manager.query(
      `${SESSION_SQL}
         AND ($3::text IS NULL OR g.audience = $3 OR g.audience = 'all')
         AND ($4::uuid IS NULL OR s.location_id = $4)
         AND ($5::int IS NULL OR extract(isodow FROM s.starts_at AT TIME ZONE '${PLANNING_ZONE}') = $5)
         AND ($6::text IS NULL OR $6 = ANY(g.spoken_languages))
       ORDER BY s.starts_at, s.id LIMIT 200`,
      [now, this.until(now), q.audience ?? null, q.locationId ?? null, q.weekday ?? null, q.language ?? null],
    );
    return rows.map((r) => toPublicSession(r, q.locale));
  }

  async group(id: string, locale: Locale): Promise<PublicGroupPage> {
    const [g] = await this.transactions.manager.query(
      `SELECT g.id, g.title, g.description, g.kind, g.audience, g.spoken_languages, g.registration_mode, g.children_count_toward_capacity,
              l.name, l.street, l.postal_code, l.city, l.accessibility_notes,
              coalesce((SELECT array_agg(split_part(u.display_name, ' ', 1) ORDER BY u.display_name)
                          FROM group_facilitator f JOIN staff_user u ON u.id = f.staff_user_id WHERE f.group_id = g.id AND u.active), '{}') AS facilitators
         FROM parent_group g JOIN location l ON l.id = g.default_location_id WHERE g.id = $1 AND g.active AND l.active`,
      [id],
    );
    if (!g) throw new DomainError(ErrorCode.NotFound, 'There is no such group.');
    const now = this.clock.now();
    const sessions: SessionRow[] = await this.transactions.manager.query(`${SESSION_SQL} AND g.id = $3 ORDER BY s.starts_at LIMIT 12`, [
      now,
      this.until(now),
      id,
    ]);
    const title = pickLocalized(g.title, locale);
    return {
      id: g.id,
      title: title.text,
      description: g.description[title.locale] ?? g.description.nl,
      locale: title.locale,
      kind: g.kind,
      audience: g.audience,
      spokenLanguages: g.spoken_languages,
      registrationMode: g.registration_mode,
      childrenCountTowardCapacity: g.children_count_toward_capacity,
      place: { name: g.name, street: g.street, postalCode: g.postal_code, city: g.city, accessibilityNotes: g.accessibility_notes },
      facilitators: g.facilitators,
      sessions: sessions.map((r) => toPublicSession(r, locale)),
    };
  }

  private until(now: Date): Date {
    return DateTime.fromJSDate(now).plus({ weeks: WEEKS_AHEAD }).toJSDate();
  }
}

function toPublicSession(r: SessionRow, locale: Locale): PublicSession {
  return {
    id: r.id,
    group: { id: r.group_id, title: pickLocalized(r.title, locale).text, kind: r.kind, audience: r.audience },
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    place: { id: r.location_id, name: r.location_name, city: r.city },
    seatsLeft: r.seats_left,
    registrationOpen: r.registration_open,
    spokenLanguages: r.spoken_languages,
    registrationOpensAt: r.registration_opens_at?.toISOString() ?? null,
    registrationClosed: r.registration_closed,
  };
}
