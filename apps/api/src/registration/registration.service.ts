import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  closedOnline,
  CODE_ALPHABET,
  CODE_LENGTH,
  ErrorCode,
  FieldErrorCode,
  isChildMonth,
  isEmailAddress,
  normalizePhone,
  pickLocalized,
  RegistrationStatus,
  seatsNeeded,
  type FieldError,
  type Locale,
  type ManageView,
  type RegisterAgainResponse,
  type PublicRegisterResponse,
  type RegisterResponse,
  type RegistrationView,
} from '@kring/domain';
import { hashToken, newToken } from '../auth/tokens';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { RequestContext } from '../common/request-context';
import { SecretBox } from '../common/secret-box';
import { Transactions } from '../database/transactions';
import { MessageKind, POSITION_SLOT } from '../messages/templates';
import { OutboxService, type PreparedMessage } from '../messages/outbox.service';
import { CalendarService } from '../planning/calendar.service';
import type { RegisterDto, StaffRegisterDto } from './dto/register.dto';
import { PublicRateLimit } from './public-rate-limit';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';
import { RegistrationRepository, type FamilyRow, type RegistrationRow } from './registration.repository';
import { SeatBook, type Offer, type Placement } from './seat-book';

const LINK_DAYS_AFTER_LAST_SESSION = 30;
/** A second registration with the same contact for the same sessions within this time is a double click. */
const REPEAT_WINDOW_MS = 10 * 60_000;
/** The code and link go again to a contact on file at most once in such a stretch (per family and sessions). */
const AGAIN_EVERY_MS = 5 * 60_000;

/** Parents registering without an account, and what they can do with their link afterwards. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly repo: RegistrationRepository,
    private readonly seats: SeatBook,
    private readonly outbox: OutboxService,
    private readonly calendar: CalendarService,
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
    const contact = this.validate(dto, now, true);
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
    const contact = this.validate(dto, this.clock.now(), false);
    return this.create(dto, contact, { source: 'staff', consentMethod: dto.consentMethod, staffId }, (id) => this.repeatAnswer(id));
  }

  /**
   * One transaction, kept to few statements, because 300 parents may press "register" at once:
   * the sessions (taking the contact's lock), the family with all its rows unless it is a double
   * click (checked in the same statement), then per session the seat, the last one together with
   * the messages. Taking a seat locks the session until the commit and every other registration
   * for it waits, so the calendar file and the texts are made before, and only the commit follows.
   */
  private create<Repeat>(
    dto: RegisterDto | StaffRegisterDto,
    contact: { phone: string | null; email: string | null },
    by: { source: 'parent' | 'staff'; consentMethod: 'online' | 'in_person' | 'phone'; staffId: string | null },
    onRepeat: (familyId: string, sessionIds: string[]) => Promise<Repeat>,
  ): Promise<RegisterResponse | Repeat> {
    const now = this.clock.now();
    const locale = dto.locale as Locale;
    return this.transactions.run(async () => {
      const hasContact = !!(contact.phone || contact.email);
      const sessions = await this.repo.sessionsToRegister({
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
      const tokenSealed = this.box.seal(token);
      const expiresAt = DateTime.fromJSDate(sessions[sessions.length - 1].ends_at)
        .plus({ days: LINK_DAYS_AFTER_LAST_SESSION })
        .toJSDate();
      const ics = this.confirmationIcs(
        locale,
        sessions.map((s) => ({ ...s, session_id: s.id })),
        dto.discreet ?? false,
      );
      const familyId = randomUUID();
      // One row per session (in date order), still waiting; ids and places are filled in below.
      const rows: RegistrationRow[] = sessions.map((s) => ({
        id: '',
        family_id: familyId,
        session_id: s.id,
        enrolment_id: null,
        status: RegistrationStatus.Waitlisted,
        seats: seatsNeeded(dto.childrenComing ?? 0, s.children_count),
        offer_expires_at: null,
        group_id: s.group_id,
        group_title: s.group_title,
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        session_status: 'planned',
        location_name: s.location_name,
        location_street: s.location_street,
        location_city: s.location_city,
        waitlist_position: null,
      }));
      const last = rows[rows.length - 1];
      // The messages for either outcome of the last placement, made while nothing is locked when
      // that is the only one (a series needs the outcomes of the dates before it first).
      const variants = (family: FamilyRow) => ({
        ifConfirmed: this.announcement(
          family,
          rows.map((r) => (r === last ? { ...r, status: RegistrationStatus.Confirmed } : r)),
          ics,
          token,
        ),
        ifWaitlisted: this.announcement(
          family,
          rows.map((r) => (r === last ? { ...r, status: RegistrationStatus.Waitlisted, waitlist_position: POSITION_SLOT } : r)),
          ics,
          token,
        ),
      });
      let inserted: Awaited<ReturnType<RegistrationRepository['insertFamilyWithRegistrations']>>;
      let family: FamilyRow;
      do {
        family = {
          id: familyId,
          display_name: dto.displayName.trim(),
          phone: contact.phone,
          email: contact.email,
          locale: dto.locale,
          discreet: dto.discreet ?? false,
          code: this.drawCode(),
          manage_token_enc: tokenSealed,
          manage_expires_at: expiresAt,
        };
        const early = rows.length === 1 ? variants(family) : undefined;
        inserted = await this.repo.insertFamilyWithRegistrations({
          family: { ...family, tokenHash: hashToken(token), createdAt: now, createdBy: by.staffId },
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
        if (inserted && 'repeatOf' in inserted)
          return onRepeat(
            inserted.repeatOf,
            rows.map((r) => r.session_id),
          );
        if (inserted) {
          const ids = new Map(inserted.registrations.map((r) => [r.sessionId, r]));
          for (const r of rows)
            Object.assign(r, { id: ids.get(r.session_id)?.id, enrolment_id: ids.get(r.session_id)?.enrolmentId ?? null });
          for (const r of rows.slice(0, -1)) {
            Object.assign(r, asRow(await this.seats.place(r.id, r.session_id, r.seats)));
          }
          Object.assign(last, asRow(await this.seats.place(last.id, last.session_id, last.seats, early ?? variants(family))));
        }
      } while (!inserted);
      const code = family.code;
      return { code, manageUrl: this.manageUrl(token), repeat: false, registrations: rows.map((r) => toView(r, locale, now)) };
    });
  }

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
      // Only this family's registrations are found: another family's id is simply not there.
      const reg = await this.repo.registration(registrationId, family.id);
      if (!reg) throw new DomainError(ErrorCode.NotFound, 'There is no such registration on this link.');
      if (reg.starts_at <= this.clock.now() || reg.session_status !== 'planned') {
        throw new DomainError(ErrorCode.Conflict, 'This session has already started or does not take place; nothing can change now.');
      }
      if (action === 'accept') {
        if (reg.status !== 'offered')
          throw new DomainError(ErrorCode.Conflict, 'There is no place offered to you for this session (any more).');
        await this.seats.accept(reg.id);
      } else {
        if (reg.status === 'cancelled' || reg.status === 'skipped')
          throw new DomainError(ErrorCode.Conflict, 'This registration was already cancelled.');
        if (action === 'skip' && !reg.enrolment_id)
          throw new DomainError(ErrorCode.Conflict, '"Not this week" is for a series; cancel this registration instead.');
        const offers = await this.seats.release(reg.id, action === 'skip' ? 'skipped' : 'cancelled');
        await this.outbox.toFamily(family, MessageKind.RegistrationCancelled, cancelledKey(reg), this.facts(family, reg));
        await this.notifyOffers(offers);
      }
      return this.manage(token);
    });
  }

  /** "Ik kan toch komen": takes back "not this week" for a date still ahead and open online (see `resume`). */
  unskip(token: string, registrationId: string): Promise<ManageView> {
    return this.transactions.run(async () => {
      const family = await this.familyOf(token);
      const reg = await this.repo.registration(registrationId, family.id);
      if (!reg) throw new DomainError(ErrorCode.NotFound, 'There is no such registration on this link.');
      // Online, as for registering: not after the group closes it (staff can still say "Komt toch").
      if (closedOnline(reg.starts_at, reg.closes_hours_before ?? null, this.clock.now())) {
        throw new DomainError(
          ErrorCode.Conflict,
          'It is too close to the start to change this online; call the centre if you can come after all.',
        );
      }
      await this.resume(family, reg);
      return this.manage(token);
    });
  }

  /**
   * A date skipped ("not this week") is placed again, as a new arrival: confirmed when its seats
   * are free, else at the back of the waitlist; the family gets the confirmation (with the date
   * for its calendar) or the waitlist message with its place, written by the placing statement.
   * Only a skipped date of a session that is still ahead and takes place (409 otherwise). Call
   * inside a transaction, with a registration the caller found among its own.
   */
  async resume(family: FamilyRow, reg: RegistrationRow): Promise<Placement> {
    const notSkipped = 'Only a date you said "not this week" to can be taken back; this one is not.';
    if (reg.status !== RegistrationStatus.Skipped) throw new DomainError(ErrorCode.Conflict, notSkipped);
    if (reg.starts_at <= this.clock.now() || reg.session_status !== 'planned') {
      throw new DomainError(ErrorCode.Conflict, 'This session has already started or does not take place; nothing can change now.');
    }
    // A second tap waits for the first here, then finds the date placed already.
    const now = await this.repo.lockedForPlacement(reg.id, reg.session_id);
    if (now.status !== RegistrationStatus.Skipped) throw new DomainError(ErrorCode.Conflict, notSkipped);
    const facts = this.facts(family, reg);
    const key = `resumed:${reg.id}:${now.placement}`;
    const ics = this.confirmationIcs(family.locale as Locale, [reg], family.discreet);
    return this.seats.place(reg.id, reg.session_id, reg.seats, {
      ifConfirmed: this.outbox.prepare(family, MessageKind.Confirmation, `${key}:confirmed`, facts, [
        { filename: 'kring.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
      ]),
      ifWaitlisted: this.outbox.prepare(family, MessageKind.Waitlisted, `${key}:waitlisted`, { ...facts, position: POSITION_SLOT }),
    });
  }

  /**
   * Stops a whole series: the enrolment ends and every coming registration of this family for the
   * group is cancelled (seats go to the waitlist), with one message, not one per date.
   */
  stopSeries(token: string, groupId: string): Promise<ManageView> {
    return this.transactions.run(async (m) => {
      const family = await this.familyOf(token);
      const coming: Array<{ id: string }> = await m.query(
        `SELECT r.id FROM registration r JOIN group_session s ON s.id = r.session_id
          WHERE r.family_id = $1 AND s.group_id = $2 AND s.starts_at > $3 AND r.status IN ('confirmed', 'offered', 'waitlisted')
          ORDER BY s.starts_at`,
        [family.id, groupId, this.clock.now()],
      );
      const [enrolment] = await m.query(`SELECT id FROM enrolment WHERE family_id = $1 AND group_id = $2 AND cancelled_at IS NULL`, [
        family.id,
        groupId,
      ]);
      if (coming.length === 0 && !enrolment)
        throw new DomainError(ErrorCode.NotFound, 'There is nothing of this group left to stop on this link.');
      if (enrolment) await m.query(`UPDATE enrolment SET cancelled_at = $2 WHERE id = $1`, [enrolment.id, this.clock.now()]);
      for (const r of coming) await this.notifyOffers(await this.seats.release(r.id, 'cancelled'));
      await this.repo.cancelSkippedComing(family.id, groupId, this.clock.now());
      if (coming.length) {
        const first = await this.repo.registrationOrThrow(coming[0].id);
        await this.outbox.toFamily(
          family,
          MessageKind.RegistrationCancelled,
          `series_stopped:${enrolment?.id ?? first.id}`,
          this.facts(family, first),
        );
      }
      return this.manage(token);
    });
  }

  async setLocale(token: string, locale: string): Promise<ManageView> {
    const family = await this.familyOf(token);
    await this.repo.setFamilyLocale(family.id, locale);
    return this.manage(token);
  }

  /** Messages families whose waiting turned into an offered seat. */
  async notifyOffers(offers: Offer[]): Promise<void> {
    for (const offer of offers) {
      const family = await this.repo.familyOrThrow(offer.familyId);
      const reg = await this.repo.registrationOrThrow(offer.registrationId);
      await this.outbox.toFamily(family, MessageKind.SeatOffered, `seat_offered:${reg.id}:${offer.expiresAt.toISOString()}`, {
        ...this.facts(family, reg),
        offerUntil: offer.expiresAt,
      });
    }
  }

  /**
   * A family that walked in, made by a group worker's phone (perhaps offline: the id comes from
   * the phone). It gets a code for next time; its link lasts as long as a registration's would.
   */
  async createWalkIn(
    staffId: string,
    w: { familyId: string; displayName: string; phone: string | null; childMonth: string | null; sessionEnd: Date },
  ): Promise<void> {
    const now = this.clock.now();
    const token = newToken();
    await this.transactions.manager.query(
      `INSERT INTO family (id, display_name, phone, locale, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at, created_by)
       VALUES ($1, $2, $3, 'nl', $4, $5, $6, $7, $8, $9)`,
      [
        w.familyId,
        w.displayName,
        w.phone,
        await this.newCode(),
        hashToken(token),
        this.box.seal(token),
        DateTime.fromJSDate(w.sessionEnd).plus({ days: LINK_DAYS_AFTER_LAST_SESSION }).toJSDate(),
        now,
        staffId,
      ],
    );
    if (w.childMonth) await this.repo.addChildren(w.familyId, [w.childMonth]);
  }

  /** Tells a family (moved by staff) where it now stands. */
  async announceMove(family: FamilyRow, registrationId: string): Promise<void> {
    const reg = await this.repo.registrationOrThrow(registrationId);
    const kind = reg.status === 'confirmed' ? MessageKind.Confirmation : MessageKind.Waitlisted;
    await this.outbox.toFamily(family, kind, `${kind}:${reg.id}`, { ...this.facts(family, reg), position: reg.waitlist_position });
  }

  private validate(
    dto: RegisterDto | StaffRegisterDto,
    now: Date,
    contactRequired: boolean,
  ): { phone: string | null; email: string | null } {
    const fields: FieldError[] = [];
    const phone = dto.phone?.trim() ? normalizePhone(dto.phone) : null;
    if (dto.phone?.trim() && !phone)
      fields.push({
        field: 'phone',
        code: FieldErrorCode.Invalid,
        message: 'This is not a mobile number we can text, e.g. 0470 12 34 56.',
      });
    const email = dto.email?.trim() ? dto.email.trim() : null;
    if (email && !isEmailAddress(email))
      fields.push({ field: 'email', code: FieldErrorCode.Invalid, message: 'This is not an e-mail address, e.g. naam@voorbeeld.be.' });
    if (contactRequired && !dto.phone?.trim() && !email)
      fields.push({
        field: 'contact',
        code: FieldErrorCode.Required,
        message: 'Give a mobile number or an e-mail address, so we can send you your code.',
      });
    if (!!dto.sessionId === !!dto.groupId)
      fields.push({ field: 'sessionId', code: FieldErrorCode.Required, message: 'Choose one session or a whole series.' });
    dto.children.forEach((c, i) => {
      if (!isChildMonth(c, now))
        fields.push({
          field: `children.${i}`,
          code: FieldErrorCode.Invalid,
          message: 'Give the month of birth (or the due month) as YYYY-MM.',
        });
    });
    if ((dto.childrenComing ?? 0) > Math.max(dto.children.length, 0) && dto.children.length > 0) {
      fields.push({
        field: 'childrenComing',
        code: FieldErrorCode.OutOfRange,
        message: 'More children come along than you told us about.',
      });
    }
    if (fields.length)
      throw new DomainError(ErrorCode.ValidationFailed, `Some fields need another look: ${fields.map((f) => f.field).join(', ')}.`, fields);
    return { phone, email };
  }

  /** The answer to a double click: the first click's registration, as it stands. */
  private async repeatAnswer(familyId: string): Promise<RegisterResponse> {
    const family = await this.repo.familyOrThrow(familyId);
    const rows = await this.repo.registrationsOfFamily(family.id);
    return {
      code: family.code,
      manageUrl: this.manageUrl(this.box.open(family.manage_token_enc)),
      repeat: true,
      registrations: rows.map((r) => toView(r, family.locale as Locale, this.clock.now())),
    };
  }

  /**
   * A repeat on the public form: the family's code and link go again to the contact on file (not
   * to whoever filled in the form), at most once every few minutes; the answer says only that.
   */
  private async sendAgain(familyId: string, sessionIds: string[]): Promise<RegisterAgainResponse> {
    const family = await this.repo.familyOrThrow(familyId);
    const rows = await this.repo.registrationsOfFamily(family.id);
    const reg = rows.find((r) => r.session_id === sessionIds[0]) ?? rows[0];
    const stretch = Math.floor(this.clock.now().getTime() / AGAIN_EVERY_MS);
    await this.outbox.toFamily(family, MessageKind.RegistrationAgain, `registration_again:${family.id}:${reg.session_id}:${stretch}`, {
      ...this.facts(family, reg),
    });
    return { repeat: true, code: null, manageUrl: null, registrations: [] };
  }

  private async newCode(): Promise<string> {
    for (;;) {
      const code = this.drawCode();
      if (!(await this.repo.codeTaken(code))) return code;
    }
  }

  private drawCode(): string {
    return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  }

  private async familyOf(token: string): Promise<FamilyRow> {
    const family = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.repo.familyByToken(hashToken(token), this.clock.now()) : undefined;
    if (!family)
      throw new DomainError(
        ErrorCode.LinkExpired,
        'This link does not work (any more). Call De Keerkring or ask at the Huis van het Kind: we gladly help.',
      );
    return family;
  }

  private confirmationIcs(
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
  private announcement(
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
          { filename: 'kring.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
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

  private manageUrl(token: string): string {
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

function asRow(placement: Placement): Pick<RegistrationRow, 'status' | 'waitlist_position'> {
  return { status: placement.status, waitlist_position: placement.position };
}

export function toView(r: RegistrationRow, locale: Locale, now: Date): RegistrationView {
  const skippedAhead = r.status === RegistrationStatus.Skipped && r.session_status === 'planned' && r.starts_at > now;
  return {
    id: r.id,
    sessionId: r.session_id,
    group: { id: r.group_id, title: pickLocalized(r.group_title, locale).text },
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    place: { name: r.location_name, street: r.location_street, city: r.location_city },
    status: r.status,
    waitlistPosition: r.waitlist_position,
    offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
    series: r.enrolment_id !== null,
    comeAfterAll: skippedAhead ? (closedOnline(r.starts_at, r.closes_hours_before ?? null, now) ? 'call' : 'online') : null,
  };
}
