import { Injectable } from '@nestjs/common';
import { pickLocalized, RegistrationStatus, type Locale } from '@kring/domain';
import { OutboxService } from '../messages/outbox.service';
import { MessageKind } from '../messages/templates';
import { CalendarService } from '../planning/calendar.service';
import { FamilyNotices, type SettledChange } from '../planning/family-notices';
import { FamiliesRepository, type FamilyRow } from './families.repository';
import { RegistrationNotices } from './registration-notices';
import { RegistrationRepository, type RegistrationRow } from './registration.repository';
import { SeatBook } from './seat-book';

/** What planning needs done for the families of a session (see `FamilyNotices`), in planning's transaction. */
@Injectable()
export class SessionNotices extends FamilyNotices {
  constructor(
    private readonly repo: RegistrationRepository,
    private readonly families: FamiliesRepository,
    private readonly seats: SeatBook,
    private readonly notices: RegistrationNotices,
    private readonly outbox: OutboxService,
    private readonly calendar: CalendarService,
  ) {
    super();
  }

  /** As after a cancellation: each session's free seats go to its waiting families in order, each told. */
  async offerFreedSeats(sessionIds: string[]): Promise<void> {
    for (const id of sessionIds) await this.notices.notifyOffers(await this.seats.offerFreedSeats(id));
  }

  /**
   * One message per family with a live registration (keyed by the calendar sequence, so a change is
   * told once), with the updated .ics (same UID, higher SEQUENCE) for a confirmed seat.
   */
  async sessionChanged(change: SettledChange): Promise<number> {
    let written = 0;
    for (const reg of await this.repo.liveRegistrationsOfSession(change.sessionId)) {
      const family = await this.families.familyOrThrow(reg.family_id);
      const attachments =
        reg.status === RegistrationStatus.Confirmed
          ? [{ filename: 'kring.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: this.ics(family, reg, change) }]
          : [];
      written += await this.outbox.toFamily(
        family,
        MessageKind.SessionChanged,
        `session_changed:${reg.id}:${change.sequence}`,
        { ...this.notices.facts(family, reg), previousStartsAt: change.previousStartsAt },
        attachments,
      );
    }
    return written;
  }

  private ics(family: FamilyRow, reg: RegistrationRow, change: SettledChange): string {
    const locale = family.locale as Locale;
    const title = pickLocalized(reg.group_title, locale).text;
    return this.calendar.familyDocument(
      title,
      [
        {
          id: reg.session_id,
          startsAt: reg.starts_at,
          endsAt: reg.ends_at,
          summary: title,
          location: `${reg.location_name}, ${reg.location_street}, ${reg.location_city}`,
          cancelled: false,
          sequence: change.sequence,
        },
      ],
      locale,
      family.discreet,
    );
  }
}
