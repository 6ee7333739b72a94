import { Inject, Injectable } from '@nestjs/common';
import { pickLocalized, RegistrationStatus, type Locale } from '@kring/domain';
import { SecretBox } from '../common/secret-box';
import { MessageKind, POSITION_SLOT } from '../messages/templates';
import { OutboxService, type PreparedMessage } from '../messages/outbox.service';
import { CalendarService } from '../planning/calendar.service';
import { FamiliesRepository, type FamilyRow } from './families.repository';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';
import { RegistrationRepository, type RegistrationRow } from './registration.repository';
import type { Offer } from './seat-book';

/** A registration's calendar file goes with a confirmation as this attachment. */
export function icsAttachment(content: string) {
  return { filename: 'kring.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content };
}

/** What families are told about their registrations: the facts every message says, offers, moves, confirmations. */
@Injectable()
export class RegistrationNotices {
  constructor(
    private readonly families: FamiliesRepository,
    private readonly repo: RegistrationRepository,
    private readonly outbox: OutboxService,
    private readonly calendar: CalendarService,
    private readonly box: SecretBox,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  /** Messages families whose waiting turned into an offered seat. */
  async notifyOffers(offers: Offer[]): Promise<void> {
    for (const offer of offers) {
      const family = await this.families.familyOrThrow(offer.familyId);
      const reg = await this.repo.registrationOrThrow(offer.registrationId);
      await this.outbox.toFamily(family, MessageKind.SeatOffered, `seat_offered:${reg.id}:${offer.expiresAt.toISOString()}`, {
        ...this.facts(family, reg),
        offerUntil: offer.expiresAt,
      });
    }
  }

  /** Tells a family (moved by staff) where it now stands. */
  async announceMove(family: FamilyRow, registrationId: string): Promise<void> {
    const reg = await this.repo.registrationOrThrow(registrationId);
    const kind = reg.status === 'confirmed' ? MessageKind.Confirmation : MessageKind.Waitlisted;
    await this.outbox.toFamily(family, kind, `${kind}:${reg.id}`, { ...this.facts(family, reg), position: reg.waitlist_position });
  }

  confirmationIcs(
    locale: Locale,
    rows: Array<
      Pick<
        RegistrationRow,
        'session_id' | 'group_title' | 'starts_at' | 'ends_at' | 'location_name' | 'location_street' | 'location_city' | 'calendar_sequence'
      >
    >,
    discreet: boolean,
  ): string {
    // A discreet family's calendar names no group (`familyDocument`).
    return this.calendar.familyDocument(
      pickLocalized(rows[0].group_title, locale).text,
      rows.map((r) => ({
        id: r.session_id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        summary: pickLocalized(r.group_title, locale).text,
        location: `${r.location_name}, ${r.location_street}, ${r.location_city}`,
        cancelled: false,
        // The session's version now: after a change of time, a calendar takes this as the newer event.
        sequence: r.calendar_sequence,
      })),
      locale,
      discreet,
    );
  }

  /**
   * The confirmation (with the confirmed sessions as .ics, or all of them when all are confirmed)
   * and/or the waitlist message, as rows to write.
   */
  announcement(
    family: FamilyRow,
    rows: Array<Omit<RegistrationRow, 'waitlist_position'> & { waitlist_position: number | typeof POSITION_SLOT | null }>,
    icsOfAll: string,
    token: string,
  ): PreparedMessage[] {
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    const messages: PreparedMessage[] = [];
    if (confirmed.length) {
      const ics = confirmed.length === rows.length ? icsOfAll : this.confirmationIcs(family.locale as Locale, confirmed, family.discreet);
      messages.push(
        ...this.outbox.prepare(family, MessageKind.Confirmation, `confirmation:${family.id}`, this.facts(family, confirmed[0], token), [
          icsAttachment(ics),
        ]),
      );
    }
    if (waiting.length) {
      messages.push(
        ...this.outbox.prepare(family, MessageKind.Waitlisted, `waitlisted:${family.id}`, {
          ...this.facts(family, waiting[0], token),
          position: waiting[0].waitlist_position,
        }),
      );
    }
    return messages;
  }

  /**
   * The messages for either outcome of the last placement of a new registration (`SeatBook.place`
   * writes the one that happens): the others are placed already.
   */
  eitherOutcome(
    family: FamilyRow,
    rows: RegistrationRow[],
    icsOfAll: string,
    token: string,
  ): { ifConfirmed: PreparedMessage[]; ifWaitlisted: PreparedMessage[] } {
    const last = rows[rows.length - 1];
    return {
      ifConfirmed: this.announcement(
        family,
        rows.map((r) => (r === last ? { ...r, status: RegistrationStatus.Confirmed } : r)),
        icsOfAll,
        token,
      ),
      ifWaitlisted: this.announcement(
        family,
        rows.map((r) => (r === last ? { ...r, status: RegistrationStatus.Waitlisted, waitlist_position: POSITION_SLOT } : r)),
        icsOfAll,
        token,
      ),
    };
  }

  /** What every message about a registration says; the link is the family's own (unsealed, unless the caller has the token). */
  facts(
    family: FamilyRow,
    reg: Pick<RegistrationRow, 'group_title' | 'starts_at' | 'location_name' | 'location_street' | 'location_city'>,
    token?: string,
  ) {
    return {
      name: family.display_name,
      groupTitle: pickLocalized(reg.group_title, family.locale as Locale).text,
      startsAt: reg.starts_at,
      place: `${reg.location_name}, ${reg.location_street}, ${reg.location_city}`,
      code: family.code,
      manageUrl: this.manageUrl(token ?? this.box.open(family.manage_token_enc)),
      centrePhone: this.settings.centre.phone,
    };
  }

  manageUrl(token: string): string {
    // In the fragment: the browser never sends it to a server (nor in a Referer).
    return `${this.settings.publicUrl}/mijn-inschrijving#token=${token}`;
  }
}

/**
 * The key of the message that a registration was cancelled (or skipped): once per placement, so a
 * date skipped, taken back and skipped again is told twice, a double tap once.
 */
export function cancelledKey(reg: Pick<RegistrationRow, 'id' | 'placement'>): string {
  return `registration_cancelled:${reg.id}:${reg.placement ?? ''}`;
}
