import { Injectable } from '@nestjs/common';
import { ErrorCode, RegistrationStatus, SessionStatus, type Locale } from '@kring/domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { OutboxService } from '../messages/outbox.service';
import { MessageKind, POSITION_SLOT } from '../messages/templates';
import { FamiliesRepository, type FamilyRow } from './families.repository';
import { NOT_SKIPPED, SESSION_STARTED_OR_OFF } from './registration.errors';
import { icsAttachment, RegistrationNotices } from './registration-notices';
import { RegistrationRepository, type RegistrationRow } from './registration.repository';
import { SeatBook, type Placement } from './seat-book';
import { SeriesEnrolmentsRepository } from './series-enrolments.repository';

/** Changes to a family's series that parents (on the manage link) and staff (for the family) make alike. */
@Injectable()
export class SeriesChanges {
  constructor(
    private readonly families: FamiliesRepository,
    private readonly repo: RegistrationRepository,
    private readonly series: SeriesEnrolmentsRepository,
    private readonly seats: SeatBook,
    private readonly notices: RegistrationNotices,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * A date skipped ("not this week") is placed again, as a new arrival: confirmed when its seats
   * are free, else at the back of the waitlist; the family gets the confirmation (with the date
   * for its calendar) or the waitlist message with its place, written by the placing statement.
   * Only a skipped date of a session that is still ahead and takes place (409 otherwise). Call
   * inside a transaction, with a registration the caller found among its own.
   */
  async resume(family: FamilyRow, reg: RegistrationRow): Promise<Placement> {
    if (reg.status !== RegistrationStatus.Skipped) throw new DomainError(ErrorCode.Conflict, NOT_SKIPPED);
    if (reg.starts_at <= this.clock.now() || reg.session_status !== SessionStatus.Planned) {
      throw new DomainError(ErrorCode.Conflict, SESSION_STARTED_OR_OFF);
    }
    // A second tap waits for the first here, then finds the date placed already.
    const now = await this.repo.lockedForPlacement(reg.id, reg.session_id);
    if (now.status !== RegistrationStatus.Skipped) throw new DomainError(ErrorCode.Conflict, NOT_SKIPPED);
    const facts = this.notices.facts(family, reg);
    const key = `resumed:${reg.id}:${now.placement}`;
    const ics = this.notices.confirmationIcs(family.locale as Locale, [reg], family.discreet);
    return this.seats.place(reg.id, reg.session_id, reg.seats, {
      ifConfirmed: this.outbox.prepare(family, MessageKind.Confirmation, `${key}:confirmed`, facts, [icsAttachment(ics)]),
      ifWaitlisted: this.outbox.prepare(family, MessageKind.Waitlisted, `${key}:waitlisted`, { ...facts, position: POSITION_SLOT }),
    });
  }

  /**
   * Stops a family's series (the parent on its link, or staff for it): the enrolment ends and every
   * coming registration of the family in the group is cancelled (seats go to the waitlist, whose
   * families are offered them), its skipped coming dates too, with one message, not one per date.
   * False, with nothing changed, when there is neither an enrolment nor a coming registration.
   * Call inside a transaction.
   */
  async stopEnrolment(s: { familyId: string; groupId: string; enrolmentId: string | null }): Promise<boolean> {
    const now = this.clock.now();
    const coming = await this.series.comingOfFamily(s.familyId, s.groupId, now);
    if (coming.length === 0 && !s.enrolmentId) return false;
    if (s.enrolmentId) await this.series.endEnrolment(s.enrolmentId, now);
    for (const id of coming) await this.notices.notifyOffers(await this.seats.release(id, 'cancelled'));
    await this.repo.cancelSkippedComing(s.familyId, s.groupId, now);
    if (coming.length) {
      const family = await this.families.familyOrThrow(s.familyId);
      const first = await this.repo.registrationOrThrow(coming[0]);
      await this.outbox.toFamily(
        family,
        MessageKind.RegistrationCancelled,
        `series_stopped:${s.enrolmentId ?? first.id}`,
        this.notices.facts(family, first),
      );
    }
    return true;
  }
}
