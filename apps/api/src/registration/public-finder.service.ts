import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { pickLocalized, type Locale, type PublicGroupPage, type PublicSession } from '@kring/domain';
import { Clock } from '../common/clock';
import { PublicFinderRepository, type PublicSessionRow } from './public-finder.repository';

/** The finder lists sessions this far ahead; a group's page lists all its coming dates. */
const WEEKS_AHEAD = 8;

/** What parents find without signing in: coming sessions and the group pages. */
@Injectable()
export class PublicFinderService {
  constructor(
    private readonly finder: PublicFinderRepository,
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
    const rows = await this.finder.comingSessions({
      now,
      until: this.until(now),
      audience: q.audience ?? null,
      locationId: q.locationId ?? null,
      weekday: q.weekday ?? null,
      language: q.language ?? null,
    });
    return rows.map((r) => toPublicSession(r, q.locale));
  }

  async group(id: string, locale: Locale): Promise<PublicGroupPage> {
    const g = await this.finder.groupOrThrow(id);
    const sessions = await this.finder.groupSessions(id, this.clock.now());
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

function toPublicSession(r: PublicSessionRow, locale: Locale): PublicSession {
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
