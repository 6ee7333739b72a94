import { Inject, Injectable } from '@nestjs/common';
import { closedOnline, ErrorCode, SessionStatus, type Locale, type ManageView } from '@kring/domain';
import { hashToken } from '../auth/tokens';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { linkDoesNotWork } from '../common/errors';
import { Transactions } from '../database/transactions';
import { OutboxService } from '../messages/outbox.service';
import { MessageKind } from '../messages/templates';
import { FamiliesRepository, type FamilyRow } from './families.repository';
import { ALREADY_CANCELLED, NO_PLACE_OFFERED, NO_SUCH_REGISTRATION_ON_LINK, SESSION_STARTED_OR_OFF } from './registration.errors';
import { cancelledKey, RegistrationNotices } from './registration-notices';
import { RegistrationRepository, type RegistrationRow } from './registration.repository';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';
import { toView } from './registration-view';
import { SeatBook } from './seat-book';
import { SeriesChanges } from './series-changes';
import { SeriesEnrolmentsRepository } from './series-enrolments.repository';

/** What a parent does with the manage link: look, skip a date or take it back, cancel, accept an offer, stop a series, pick a language. */
@Injectable()
export class ManageLinkService {
  constructor(
    private readonly families: FamiliesRepository,
    private readonly repo: RegistrationRepository,
    private readonly series: SeriesEnrolmentsRepository,
    private readonly changes: SeriesChanges,
    private readonly seats: SeatBook,
    private readonly notices: RegistrationNotices,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  /** What a manage link shows; 404 for an unknown, expired or replaced link. */
  async manage(token: string): Promise<ManageView> {
    const family = await this.familyOf(token);
    const rows = await this.repo.registrationsOfFamily(family.id);
    return {
      displayName: family.display_name,
      code: family.code,
      locale: family.locale,
      registrations: rows.map((r) => toView(r, family.locale as Locale, this.clock.now())),
    };
  }

  /** "Not this week" (a series), "cancel" (one or a series session) or "leave the waitlist". */
  change(token: string, registrationId: string, action: 'skip' | 'cancel' | 'accept'): Promise<ManageView> {
    return this.transactions.run(async () => {
      const family = await this.familyOf(token);
      const reg = await this.registrationOfFamily(registrationId, family);
      if (reg.starts_at <= this.clock.now() || reg.session_status !== SessionStatus.Planned) {
        throw new DomainError(ErrorCode.Conflict, SESSION_STARTED_OR_OFF);
      }
      if (action === 'accept') {
        if (reg.status !== 'offered') throw new DomainError(ErrorCode.Conflict, NO_PLACE_OFFERED);
        await this.seats.accept(reg.id);
      } else {
        if (reg.status === 'cancelled' || reg.status === 'skipped') throw new DomainError(ErrorCode.Conflict, ALREADY_CANCELLED);
        if (action === 'skip' && !reg.enrolment_id)
          throw new DomainError(ErrorCode.Conflict, '"Not this week" is for a series; cancel this registration instead.');
        const offers = await this.seats.release(reg.id, action === 'skip' ? 'skipped' : 'cancelled');
        await this.outbox.toFamily(family, MessageKind.RegistrationCancelled, cancelledKey(reg), this.notices.facts(family, reg));
        await this.notices.notifyOffers(offers);
      }
      return this.manage(token);
    });
  }

  /** "Ik kan toch komen": takes back "not this week" for a date still ahead and open online (see `SeriesChanges.resume`). */
  unskip(token: string, registrationId: string): Promise<ManageView> {
    return this.transactions.run(async () => {
      const family = await this.familyOf(token);
      const reg = await this.registrationOfFamily(registrationId, family);
      // Online, as for registering: not after the group closes it (staff can still say "Komt toch").
      if (closedOnline(reg.starts_at, reg.closes_hours_before ?? null, this.clock.now())) {
        throw new DomainError(
          ErrorCode.Conflict,
          'It is too close to the start to change this online; call the centre if you can come after all.',
        );
      }
      await this.changes.resume(family, reg);
      return this.manage(token);
    });
  }

  /** Stops a whole series from the link (see `SeriesChanges.stopEnrolment`). */
  stopSeries(token: string, groupId: string): Promise<ManageView> {
    return this.transactions.run(async () => {
      const family = await this.familyOf(token);
      const enrolment = await this.series.activeEnrolment(family.id, groupId);
      if (!(await this.changes.stopEnrolment({ familyId: family.id, groupId, enrolmentId: enrolment?.id ?? null })))
        throw new DomainError(ErrorCode.NotFound, 'There is nothing of this group left to stop on this link.');
      return this.manage(token);
    });
  }

  async setLocale(token: string, locale: string): Promise<ManageView> {
    const family = await this.familyOf(token);
    await this.families.setFamilyLocale(family.id, locale);
    return this.manage(token);
  }

  /** Only this family's registrations are found: another family's id is simply not there. */
  private async registrationOfFamily(registrationId: string, family: FamilyRow): Promise<RegistrationRow> {
    const reg = await this.repo.registration(registrationId, family.id);
    if (!reg) throw new DomainError(ErrorCode.NotFound, NO_SUCH_REGISTRATION_ON_LINK);
    return reg;
  }

  private async familyOf(token: string): Promise<FamilyRow> {
    const family = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.families.familyByToken(hashToken(token), this.clock.now()) : undefined;
    if (!family) throw new DomainError(ErrorCode.LinkExpired, linkDoesNotWork(this.settings.centre.name));
    return family;
  }
}
