import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  DEFAULT_LOCALE,
  ErrorCode,
  FieldErrorCode,
  RegistrationStatus,
  seatsNeeded,
  SessionStatus,
  type Locale,
  type RegisterAgainResponse,
  type PublicRegisterResponse,
  type RegisterResponse,
} from '@kring/domain';
import { hashToken, newToken } from '../auth/tokens';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { RequestContext } from '../common/request-context';
import { SecretBox } from '../common/secret-box';
import { Transactions } from '../database/transactions';
import { MessageKind } from '../messages/templates';
import { OutboxService } from '../messages/outbox.service';
import type { RegisterDto, StaffRegisterDto } from './dto/register.dto';
import { FamiliesRepository, type FamilyRow } from './families.repository';
import { PublicRateLimit } from './public-rate-limit';
import { validContact, type Contact } from './registration-form';
import { RegistrationNotices } from './registration-notices';
import { RegistrationRepository, type RegistrationRow } from './registration.repository';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';
import { toView } from './registration-view';
import { SeatBook, type Placement } from './seat-book';
import { SessionsToRegisterRepository, type SessionToRegister } from './sessions-to-register.repository';

const LINK_DAYS_AFTER_LAST_SESSION = 30;
/** A second registration with the same contact for the same sessions within this time is a double click. */
const REPEAT_WINDOW_MS = 10 * 60_000;
/** The code and link go again to a contact on file at most once in such a stretch (per family and sessions). */
const AGAIN_EVERY_MS = 5 * 60_000;

type By = { source: 'parent' | 'staff'; consentMethod: 'online' | 'in_person' | 'phone'; staffId: string | null };
/** What a new family's rows are made with before they are written: its link, and the calendar file of all its dates. */
type Draft = { familyId: string; token: string; tokenSealed: string; expiresAt: Date; ics: string };

/** A new registration (a parent on the public form, or staff for a family) and a family that walks in. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly families: FamiliesRepository,
    private readonly repo: RegistrationRepository,
    private readonly sessions: SessionsToRegisterRepository,
    private readonly seats: SeatBook,
    private readonly notices: RegistrationNotices,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly context: RequestContext,
    private readonly limits: PublicRateLimit,
    private readonly box: SecretBox,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  async register(dto: RegisterDto): Promise<PublicRegisterResponse> {
    if (dto.website) {
      // The honeypot was filled in: a bot. Say nothing useful, keep nothing.
      throw new DomainError(ErrorCode.ValidationFailed, 'This registration could not be taken.');
    }
    const now = this.clock.now();
    const contact = validContact(dto, now, true);
    if (!dto.consentGiven || dto.consentNoticeVersion !== this.settings.privacyNoticeVersion) {
      const message = 'Say yes to the privacy notice to register.';
      throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: 'consentGiven', code: FieldErrorCode.Required, message }]);
    }
    await this.limits.take([
      `register:ip:${this.context.ip ?? 'unknown'}`,
      ...(contact.phone ? [`register:contact:${contact.phone}`] : []),
      ...(contact.email ? [`register:contact:${contact.email.toLowerCase()}`] : []),
    ]);
    // A repeat reveals nothing of the family to whoever filled in the form (a partner may know the number).
    return this.create(dto, contact, { source: 'parent', consentMethod: 'online', staffId: null }, (id, sessions) =>
      this.sendAgain(id, sessions),
    );
  }

  /** Staff registering a family on its behalf: no contact needed; how consent was given is recorded. */
  registerForFamily(staffId: string, dto: StaffRegisterDto): Promise<RegisterResponse> {
    const contact = validContact(dto, this.clock.now(), false);
    return this.create(dto, contact, { source: 'staff', consentMethod: dto.consentMethod, staffId }, (id) => this.repeatAnswer(id));
  }

  /**
   * One transaction, kept to few statements, because 300 parents may press "register" at once:
   * the sessions (taking the contact's lock), the family with all its rows unless it is a double
   * click (checked in the same statement), then per session the seat, the last one together with
   * the messages. Taking a seat locks the session until the commit and every other registration
   * for it waits, so the calendar file and the texts are made before, and only the commit follows.
   * (Its length is the one transaction's steps in their order, which is the point: read it top down.)
   */
  private create<Repeat>(
    dto: RegisterDto | StaffRegisterDto,
    contact: Contact,
    by: By,
    onRepeat: (familyId: string, sessionIds: string[]) => Promise<Repeat>,
  ): Promise<RegisterResponse | Repeat> {
    const now = this.clock.now();
    const locale = dto.locale as Locale;
    return this.transactions.run(async () => {
      const hasContact = !!(contact.phone || contact.email);
      const sessions = await this.sessions.sessionsToRegister({
        sessionId: dto.sessionId ?? null,
        groupId: dto.sessionId ? null : (dto.groupId ?? null),
        now,
        byStaff: by.source === 'staff',
        // Same contact, same sessions, a moment ago (a double click): the second waits, then answers what is there.
        lockKey: hasContact ? `register:${contact.phone ?? ''}:${contact.email ?? ''}` : null,
      });
      if (sessions.length === 0) {
        throw new DomainError(ErrorCode.NotFound, 'This session (or group) is not open for registration.');
      }
      const token = newToken();
      const draft: Draft = {
        familyId: randomUUID(),
        token,
        tokenSealed: this.box.seal(token),
        expiresAt: DateTime.fromJSDate(sessions[sessions.length - 1].ends_at)
          .plus({ days: LINK_DAYS_AFTER_LAST_SESSION })
          .toJSDate(),
        ics: this.notices.confirmationIcs(locale, sessionsAsRows(sessions), dto.discreet ?? false),
      };
      const rows = waitingRows(sessions, draft.familyId, dto.childrenComing ?? 0);
      const outcome = await this.insertAndPlace(dto, contact, by, rows, draft, now);
      const sessionIds = rows.map((r) => r.session_id);
      if ('repeatOf' in outcome) return onRepeat(outcome.repeatOf, sessionIds);
      const registrations = rows.map((r) => toView(r, locale, now));
      return { code: outcome.code, manageUrl: this.notices.manageUrl(token), repeat: false, registrations };
    });
  }

  /**
   * Writes the family with its rows (drawing another code while the drawn one is taken) and places
   * each row, filling in `rows` as they stand; or finds the first click's family of a double click.
   * Longer than most: the family's fields and the one insert's arguments are listed one a line.
   */
  private async insertAndPlace(
    dto: RegisterDto | StaffRegisterDto,
    contact: Contact,
    by: By,
    rows: RegistrationRow[],
    draft: Draft,
    now: Date,
  ): Promise<{ repeatOf: string } | { code: string }> {
    const hasContact = !!(contact.phone || contact.email);
    const last = rows[rows.length - 1];
    for (;;) {
      const family: FamilyRow = {
        id: draft.familyId,
        display_name: dto.displayName.trim(),
        phone: contact.phone,
        email: contact.email,
        locale: dto.locale,
        discreet: dto.discreet ?? false,
        code: this.drawCode(),
        manage_token_enc: draft.tokenSealed,
        manage_expires_at: draft.expiresAt,
      };
      // Made while nothing is locked when the last placement is the only one (a series needs the outcomes of the dates before it first).
      const early = rows.length === 1 ? this.notices.eitherOutcome(family, rows, draft.ics, draft.token) : undefined;
      const inserted = await this.families.insertFamilyWithRegistrations({
        family: { ...family, tokenHash: hashToken(draft.token), createdAt: now, createdBy: by.staffId },
        children: dto.children,
        consent: { version: this.settings.privacyNoticeVersion, method: by.consentMethod },
        groupId: dto.sessionId ? null : (dto.groupId ?? null),
        sessions: rows.map((r) => ({ id: r.session_id, seats: r.seats })),
        childrenComing: dto.childrenComing ?? 0,
        needs: dto.needs,
        source: by.source,
        // Same contact, same sessions, a moment ago: answer what the first click made.
        repeat: hasContact ? { phone: contact.phone, email: contact.email, since: new Date(now.getTime() - REPEAT_WINDOW_MS) } : null,
      });
      if (!inserted) continue;
      if ('repeatOf' in inserted) return inserted;
      const ids = new Map(inserted.registrations.map((r) => [r.sessionId, r]));
      for (const r of rows) Object.assign(r, { id: ids.get(r.session_id)?.id, enrolment_id: ids.get(r.session_id)?.enrolmentId ?? null });
      for (const r of rows.slice(0, -1)) Object.assign(r, asRow(await this.seats.place(r.id, r.session_id, r.seats)));
      Object.assign(
        last,
        asRow(
          await this.seats.place(
            last.id,
            last.session_id,
            last.seats,
            early ?? this.notices.eitherOutcome(family, rows, draft.ics, draft.token),
          ),
        ),
      );
      return { code: family.code };
    }
  }

  /**
   * A family that walked in, made by a group worker's phone (perhaps offline: the id comes from
   * the phone). It gets a code for next time; its link lasts as long as a registration's would.
   * Its messages speak the worker's language.
   */
  async createWalkIn(
    staffId: string,
    w: { familyId: string; displayName: string; phone: string | null; childMonth: string | null; sessionEnd: Date },
  ): Promise<void> {
    const token = newToken();
    await this.families.insertWalkIn({
      id: w.familyId,
      displayName: w.displayName,
      phone: w.phone,
      fallbackLocale: DEFAULT_LOCALE,
      code: await this.newCode(),
      tokenHash: hashToken(token),
      tokenSealed: this.box.seal(token),
      expiresAt: DateTime.fromJSDate(w.sessionEnd).plus({ days: LINK_DAYS_AFTER_LAST_SESSION }).toJSDate(),
      createdAt: this.clock.now(),
      createdBy: staffId,
    });
    if (w.childMonth) await this.families.addChildren(w.familyId, [w.childMonth]);
  }

  /** The answer to a double click: the first click's registration, as it stands. */
  private async repeatAnswer(familyId: string): Promise<RegisterResponse> {
    const family = await this.families.familyOrThrow(familyId);
    const rows = await this.repo.registrationsOfFamily(family.id);
    return {
      code: family.code,
      manageUrl: this.notices.manageUrl(this.box.open(family.manage_token_enc)),
      repeat: true,
      registrations: rows.map((r) => toView(r, family.locale as Locale, this.clock.now())),
    };
  }

  /**
   * A repeat on the public form: the family's code and link go again to the contact on file (not
   * to whoever filled in the form), at most once every few minutes; the answer says only that.
   */
  private async sendAgain(familyId: string, sessionIds: string[]): Promise<RegisterAgainResponse> {
    const family = await this.families.familyOrThrow(familyId);
    const rows = await this.repo.registrationsOfFamily(family.id);
    const reg = rows.find((r) => r.session_id === sessionIds[0]) ?? rows[0];
    const stretch = Math.floor(this.clock.now().getTime() / AGAIN_EVERY_MS);
    await this.outbox.toFamily(family, MessageKind.RegistrationAgain, `registration_again:${family.id}:${reg.session_id}:${stretch}`, {
      ...this.notices.facts(family, reg),
    });
    return { repeat: true, code: null, manageUrl: null, registrations: [] };
  }

  private async newCode(): Promise<string> {
    for (;;) {
      const code = this.drawCode();
      if (!(await this.families.codeTaken(code))) return code;
    }
  }

  private drawCode(): string {
    return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  }
}

/** One row per session (in date order), still waiting; ids and places are filled in when written and placed. */
function waitingRows(sessions: SessionToRegister[], familyId: string, childrenComing: number): RegistrationRow[] {
  return sessions.map((s) => ({
    id: '',
    family_id: familyId,
    session_id: s.id,
    enrolment_id: null,
    status: RegistrationStatus.Waitlisted,
    seats: seatsNeeded(childrenComing, s.children_count),
    offer_expires_at: null,
    group_id: s.group_id,
    group_title: s.group_title,
    starts_at: s.starts_at,
    ends_at: s.ends_at,
    session_status: SessionStatus.Planned,
    location_name: s.location_name,
    location_street: s.location_street,
    location_city: s.location_city,
    waitlist_position: null,
  }));
}

function sessionsAsRows(sessions: SessionToRegister[]) {
  return sessions.map((s) => ({ ...s, session_id: s.id }));
}

function asRow(placement: Placement): Pick<RegistrationRow, 'status' | 'waitlist_position'> {
  return { status: placement.status, waitlist_position: placement.position };
}
