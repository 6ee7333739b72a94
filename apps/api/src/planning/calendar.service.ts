import { Inject, Injectable } from '@nestjs/common';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { ErrorCode, pickLocalized, PLANNING_ZONE, type CalendarFeedLink, type Locale } from '@kring/domain';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { hashToken, newToken } from '../auth/tokens';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { PlanningRepository, type SessionRow } from './planning.repository';
import { NO_SUCH_GROUP } from '../common/errors';
import { CALENDAR_LINK_UNKNOWN } from './planning.errors';

export interface CalendarEvent {
  id: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  cancelled: boolean;
  description?: string;
  /** How many times it changed (SEQUENCE): a calendar replaces its copy of the event by a higher one. */
  sequence?: number;
}

/** What a discreet family's calendar calls a session: nothing of the group or its topic. */
const NEUTRAL_SUMMARY: Record<Locale, string> = { nl: 'Afspraak', en: 'Appointment', fr: 'Rendez-vous', ar: 'موعد' };

const PAST_DAYS = 31;
const FUTURE_DAYS = 7 * 26;

/** A zone's VTIMEZONE block never changes while the process runs: read from its file once, not per document. */
const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone) ?? null;
}

/** iCalendar feeds: a private one per staff member (revocable link) and a public one per group. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repo: PlanningRepository,
    private readonly feeds: CalendarFeedsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** A new private feed link; the previous one stops working. */
  renewStaffFeed(staffUserId: string): Promise<CalendarFeedLink> {
    return this.transactions.run(async () => {
      await this.revokeStaffFeed(staffUserId);
      const token = newToken();
      await this.feeds.insert(staffUserId, hashToken(token), this.clock.now());
      return { url: `${this.settings.publicUrl}/api/v1/public/calendar/staff/${token}.ics` };
    });
  }

  async revokeStaffFeed(staffUserId: string): Promise<void> {
    await this.feeds.revokeFor(staffUserId, this.clock.now());
  }

  /** The sessions a staff member facilitates, for their agenda app. 404 for an unknown or revoked link. */
  async staffFeed(token: string): Promise<string> {
    const owner = await this.feeds.ownerOf(hashToken(token));
    if (!owner) throw new DomainError(ErrorCode.NotFound, CALENDAR_LINK_UNKNOWN);
    const rows = await this.repo.listSessions({ ...this.window(), facilitatorId: owner });
    return this.render('Kring', rows, 'nl', true);
  }

  /** A group's meetings for parents: times, place, cancellations; no names of staff. */
  async groupFeed(groupId: string, locale: Locale): Promise<string> {
    const group = await this.repo.group(groupId);
    if (!group || !group.active) throw new DomainError(ErrorCode.NotFound, NO_SUCH_GROUP);
    const rows = await this.repo.listSessions({ ...this.window(), groupId });
    return this.render(pickLocalized(group.title, locale).text, rows, locale, false);
  }

  private window(): { from: Date; to: Date } {
    const now = DateTime.fromJSDate(this.clock.now());
    return { from: now.minus({ days: PAST_DAYS }).toJSDate(), to: now.plus({ days: FUTURE_DAYS }).toJSDate() };
  }

  private render(name: string, rows: SessionRow[], locale: Locale, forStaff: boolean): string {
    return this.renderEvents(
      name,
      rows.map((r) => ({
        id: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        summary: pickLocalized(r.group_title, locale).text,
        location: [r.location_name, r.room_name].filter(Boolean).join(', '),
        cancelled: r.status === 'cancelled',
        description: forStaff && r.facilitators.length ? r.facilitators.map((f) => f.displayName).join(', ') : undefined,
        sequence: r.calendar_sequence,
      })),
      locale,
    );
  }

  /**
   * The calendar file a family gets with a message: the group's title as its name and each event's
   * summary, or for a family that asked for discretion a neutral word and no description (place and
   * time stay: they need them to come).
   */
  familyDocument(groupTitle: string, events: CalendarEvent[], locale: Locale, discreet: boolean): string {
    if (!discreet) return this.renderEvents(groupTitle, events, locale);
    const neutral = NEUTRAL_SUMMARY[locale];
    return this.renderEvents(
      neutral,
      events.map((e) => ({ ...e, summary: neutral, description: undefined })),
      locale,
      'Info',
    );
  }

  /** An iCalendar document of these events, in Brussels time with its VTIMEZONE. */
  renderEvents(name: string, events: CalendarEvent[], locale: Locale, company = 'De Keerkring'): string {
    const cal = ical({ name, prodId: { company, product: 'Kring', language: locale.toUpperCase() } });
    cal.timezone({ name: PLANNING_ZONE, generator: vtimezone });
    const host = new URL(this.settings.publicUrl).host;
    for (const e of events) {
      cal.createEvent({
        id: `${e.id}@${host}`,
        start: DateTime.fromJSDate(e.startsAt).setZone(PLANNING_ZONE),
        end: DateTime.fromJSDate(e.endsAt).setZone(PLANNING_ZONE),
        timezone: PLANNING_ZONE,
        summary: e.summary,
        location: e.location,
        status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        description: e.description,
        sequence: e.sequence ?? 0,
        stamp: this.clock.now(),
      });
    }
    return cal.toString();
  }
}
