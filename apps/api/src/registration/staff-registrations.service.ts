import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  normalizeRegistrationCode,
  pickLocalized,
  type FamilyByCodeView,
  type GroupEnrolmentsView,
  type Locale,
  type RegisterResponse,
  type StaffRegistrationView,
} from '@kring/domain';
import { GroupScopes } from '../access/group-scope';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { OutboxService } from '../messages/outbox.service';
import { MessageKind } from '../messages/templates';
import type { StaffRegisterDto } from './dto/register.dto';
import { FamiliesRepository } from './families.repository';
import { NO_GROUP_AMONG_YOURS } from './registration.errors';
import { cancelledKey, RegistrationNotices } from './registration-notices';
import { RegistrationRepository } from './registration.repository';
import { RegistrationService } from './registration.service';
import { SeatBook } from './seat-book';
import { SeriesChanges } from './series-changes';
import { SeriesEnrolmentsRepository } from './series-enrolments.repository';
import { SessionsToRegisterRepository } from './sessions-to-register.repository';
import { StaffRegistrationsRepository, type ScopedRegistrationRow } from './staff-registrations.repository';
import { NO_SESSION_IN_YOUR_GROUPS } from '../common/errors';

/**
 * Registrations as a group's facilitators and coordinators handle them. Everything goes through
 * the group scope: a group worker outside the group finds nothing (404).
 */
@Injectable()
export class StaffRegistrationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly staffRepo: StaffRegistrationsRepository,
    private readonly scopes: GroupScopes,
    private readonly repo: RegistrationRepository,
    private readonly families: FamiliesRepository,
    private readonly sessions: SessionsToRegisterRepository,
    private readonly registrations: RegistrationService,
    private readonly notices: RegistrationNotices,
    private readonly changes: SeriesChanges,
    private readonly seats: SeatBook,
    private readonly clock: Clock,
    private readonly series: SeriesEnrolmentsRepository,
    private readonly outbox: OutboxService,
  ) {}

  async forSession(staff: AuthenticatedStaff, sessionId: string): Promise<StaffRegistrationView[]> {
    await this.sessionInScope(staff, sessionId);
    const rows = await this.staffRepo.sessionRegistrations(sessionId);
    return rows.map((r) => ({
      id: r.id,
      family: { id: r.family_id, displayName: r.display_name, code: r.code, phone: r.phone, email: r.email, children: r.children },
      status: r.status,
      seats: r.seats,
      childrenComing: r.children_coming,
      needs: r.needs,
      waitlistPosition: r.waitlist_position,
      offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
      series: r.enrolment_id !== null,
      source: r.source,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** Finds a family by the code it quotes, with its registrations in one's own groups. */
  async byCode(staff: AuthenticatedStaff, code: string, locale: Locale = 'nl'): Promise<FamilyByCodeView> {
    const scope = this.scopes.for(staff);
    const rows = await this.staffRepo.byCode(scope, normalizeRegistrationCode(code));
    if (rows.length === 0) throw new DomainError(ErrorCode.NotFound, 'No registration with this code in your groups.');
    return {
      familyId: rows[0].family_id,
      displayName: rows[0].display_name,
      registrations: rows.map((r) => ({
        id: r.id,
        sessionId: r.session_id,
        status: r.status,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        group: { id: r.group_id, title: pickLocalized(r.group_title, locale).text },
      })),
    };
  }

  async register(staff: AuthenticatedStaff, dto: StaffRegisterDto): Promise<RegisterResponse> {
    if (dto.sessionId) await this.sessionInScope(staff, dto.sessionId);
    else if (dto.groupId) await this.groupInScope(staff, dto.groupId);
    return this.registrations.registerForFamily(staff.id, dto);
  }

  /** Moves a family from one session to another: its old seat goes to the waitlist, the new one is taken (or waited for). */
  move(staff: AuthenticatedStaff, registrationId: string, toSessionId: string): Promise<StaffRegistrationView[]> {
    return this.transactions.run(async () => {
      const reg = await this.registrationInScope(staff, registrationId);
      await this.sessionInScope(staff, toSessionId);
      if (reg.session_id === toSessionId) throw new DomainError(ErrorCode.Conflict, 'The family is already in that session.');
      const target = await this.sessions.openSession(toSessionId, this.clock.now(), true);
      if (!target) throw new DomainError(ErrorCode.Conflict, 'That session cannot take registrations (it was cancelled or has passed).');
      if (reg.status === 'cancelled' || reg.status === 'skipped')
        throw new DomainError(ErrorCode.Conflict, 'This registration was cancelled; register the family again instead.');
      if (await this.staffRepo.familyHasRegistration(reg.family_id, toSessionId))
        throw new DomainError(ErrorCode.Conflict, 'The family already has a registration for that session.');
      const offers = await this.seats.release(reg.id, 'cancelled');
      const old = await this.staffRepo.childrenAndNeeds(reg.id);
      const id = await this.repo.insertRegistration({
        familyId: reg.family_id,
        sessionId: toSessionId,
        enrolmentId: null,
        seats: reg.seats,
        childrenComing: old.children_coming,
        needs: old.needs,
        source: 'staff',
        now: this.clock.now(),
      });
      await this.seats.place(id, toSessionId, reg.seats);
      await this.notices.notifyOffers(offers);
      await this.notices.announceMove(await this.families.familyOrThrow(reg.family_id), id);
      return this.forSession(staff, toSessionId);
    });
  }

  /**
   * Cancels a registration for the family: its seat goes to the waitlist, and the family hears it
   * from us ("we cancelled"; a question? call us), in the same transaction, once per registration.
   * A family without a phone number or e-mail address simply gets nothing.
   */
  cancel(staff: AuthenticatedStaff, registrationId: string): Promise<void> {
    return this.transactions.run(async () => {
      const reg = await this.registrationInScope(staff, registrationId);
      if (reg.status === 'cancelled' || reg.status === 'skipped') return;
      const offers = await this.seats.release(reg.id, 'cancelled');
      const family = await this.families.familyOrThrow(reg.family_id);
      const row = await this.repo.registrationOrThrow(reg.id);
      await this.outbox.toFamily(family, MessageKind.RegistrationCancelledByCentre, cancelledKey(row), this.notices.facts(family, row));
      await this.notices.notifyOffers(offers);
    });
  }

  /** Takes back "not this week" for a family (it called: it can come after all); see `SeriesChanges.resume`. */
  unskip(staff: AuthenticatedStaff, registrationId: string): Promise<StaffRegistrationView[]> {
    return this.transactions.run(async () => {
      const scoped = await this.registrationInScope(staff, registrationId);
      const reg = await this.repo.registrationOrThrow(scoped.id);
      await this.changes.resume(await this.families.familyOrThrow(scoped.family_id), reg);
      return this.forSession(staff, scoped.session_id);
    });
  }

  /** The families enrolled in a group's series, each with the coming sessions it holds, waits for or skips. */
  async enrolments(staff: AuthenticatedStaff, groupId: string, locale: Locale): Promise<GroupEnrolmentsView> {
    const group = await this.series.group(this.scopes.for(staff), groupId);
    if (!group) throw new DomainError(ErrorCode.NotFound, NO_GROUP_AMONG_YOURS);
    const enrolments = await this.series.enrolments(groupId);
    const seats = enrolments.length
      ? await this.series.seats(
          groupId,
          enrolments.map((e) => e.id),
          this.clock.now(),
        )
      : [];
    return {
      group: { id: group.id, title: pickLocalized(group.title, locale).text, kind: group.kind },
      enrolments: enrolments.map((e) => ({
        id: e.id,
        family: { id: e.family_id, displayName: e.display_name, code: e.code, phone: e.phone, email: e.email, children: e.children },
        enrolledAt: e.created_at.toISOString(),
        childrenComing: e.children_coming ?? 0,
        needs: e.needs ?? [],
        source: e.source ?? 'parent',
        sessions: seats
          .filter((s) => s.enrolment_id === e.id)
          .map((s) => ({
            registrationId: s.registration_id,
            sessionId: s.session_id,
            startsAt: s.starts_at.toISOString(),
            endsAt: s.ends_at.toISOString(),
            status: s.status,
            waitlistPosition: s.waitlist_position,
          })),
      })),
    };
  }

  /**
   * Stops a family's series for it (it asked by phone or at the door): the enrolment ends and every
   * coming registration of the family in the group is cancelled, seats going to the waitlist, with
   * one message to the family, as when the parent stops it from the manage link (`SeriesChanges.stopEnrolment`).
   */
  stopSeries(staff: AuthenticatedStaff, enrolmentId: string): Promise<void> {
    return this.transactions.run(async () => {
      const enrolment = await this.series.enrolmentInScope(this.scopes.for(staff), enrolmentId);
      if (!enrolment) throw new DomainError(ErrorCode.NotFound, 'No such series enrolment in your groups (or it was stopped already).');
      await this.changes.stopEnrolment({ familyId: enrolment.family_id, groupId: enrolment.group_id, enrolmentId: enrolment.id });
    });
  }

  private async registrationInScope(staff: AuthenticatedStaff, id: string): Promise<ScopedRegistrationRow> {
    const row = await this.staffRepo.registrationInScope(this.scopes.for(staff), id);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'No such registration in your groups.');
    return row;
  }

  private async sessionInScope(staff: AuthenticatedStaff, sessionId: string): Promise<void> {
    if (!(await this.staffRepo.sessionInScope(this.scopes.for(staff), sessionId)))
      throw new DomainError(ErrorCode.NotFound, NO_SESSION_IN_YOUR_GROUPS);
  }

  private async groupInScope(staff: AuthenticatedStaff, groupId: string): Promise<void> {
    if (!(await this.staffRepo.groupInScope(this.scopes.for(staff), groupId)))
      throw new DomainError(ErrorCode.NotFound, NO_GROUP_AMONG_YOURS);
  }
}
