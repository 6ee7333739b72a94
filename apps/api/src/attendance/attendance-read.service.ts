import { Inject, Injectable } from '@nestjs/common';
import {
  attendanceEditableUntil,
  ErrorCode,
  GroupKind,
  KNOWN_FAMILY_MONTHS,
  missedTwiceInARow,
  pickLocalized,
  type CarePrompt,
  type FamilyAttendanceHistory,
  type KnownFamiliesView,
  type Locale,
  type RosterView,
  type TallyView,
} from '@kring/domain';
import { GroupScopes } from '../access/group-scope';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AttendanceRepository, type SessionInScope } from './attendance.repository';
import { ATTENDANCE_SETTINGS, type AttendanceSettings } from './attendance.settings';

/** What the room reads: a session's roster and counts, a drop-in's known families, a family's history, gentle prompts. */
@Injectable()
export class AttendanceReadService {
  constructor(
    private readonly repo: AttendanceRepository,
    private readonly scopes: GroupScopes,
    private readonly clock: Clock,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
  ) {}

  /** Who is expected and who came (see `AttendanceRepository.roster`); the group's title in `locale` (else Dutch). */
  async roster(staff: AuthenticatedStaff, sessionId: string, locale: Locale): Promise<RosterView> {
    const s = await this.repo.sessionInScopeOrThrow(this.scopes.for(staff), sessionId);
    const families = await this.repo.roster(sessionId, s.starts_at);
    const until = this.editableUntil(s);
    return {
      sessionId,
      groupTitle: pickLocalized(s.group_title, locale).text,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      kind: s.kind,
      locked: this.clock.now() > until,
      editableUntil: until.toISOString(),
      families,
    };
  }

  async tally(staff: AuthenticatedStaff, sessionId: string): Promise<TallyView> {
    const s = await this.repo.sessionInScopeOrThrow(this.scopes.for(staff), sessionId);
    const rows = await this.repo.tallyOf(sessionId);
    return {
      sessionId,
      counts: Object.fromEntries(rows.map((r) => [r.category, r.total])),
      locked: this.clock.now() > this.editableUntil(s),
    };
  }

  /**
   * The families a drop-in's group knows, to check in by name: id, name and this session's mark,
   * nothing more. Like the roster, this read is not written to the audit trail.
   */
  async knownFamilies(staff: AuthenticatedStaff, sessionId: string): Promise<KnownFamiliesView> {
    const s = await this.repo.sessionInScopeOrThrow(this.scopes.for(staff), sessionId);
    if (s.kind !== GroupKind.DropIn)
      throw new DomainError(ErrorCode.Conflict, 'Families are checked in by name at drop-ins; this session has its own list.');
    return { sessionId, families: await this.repo.knownFamilies(sessionId, KNOWN_FAMILY_MONTHS) };
  }

  /**
   * A family's name and the sessions it attended, in the groups one may see. A family with neither
   * attendance nor a registration in those groups is not found (404), so its name stays unseen.
   */
  async history(staff: AuthenticatedStaff, familyId: string, locale: Locale): Promise<FamilyAttendanceHistory> {
    const scope = this.scopes.for(staff);
    const rows = await this.repo.history(scope, familyId);
    const family = await this.repo.historyFamilyOrThrow(scope, familyId, rows.length > 0);
    return {
      family: { id: family.id, displayName: family.display_name },
      sessions: rows.map((r) => ({
        sessionId: r.session_id,
        groupTitle: pickLocalized(r.title, locale).text,
        startsAt: r.starts_at.toISOString(),
        status: r.status,
      })),
    };
  }

  /** Families in one's groups who missed their last two sessions without notice: maybe give them a call. */
  async prompts(staff: AuthenticatedStaff, locale: Locale): Promise<CarePrompt[]> {
    const scope = this.scopes.for(staff);
    if (!scope.all && !staff.roles.includes('group_worker')) return [];
    const missed = (await this.repo.carePromptCandidates(scope, this.clock.now())).filter((r) => missedTwiceInARow(r.statuses));
    if (missed.length === 0) return [];
    const families = new Map((await this.repo.familyContacts([...new Set(missed.map((r) => r.family_id))])).map((f) => [f.id, f]));
    return missed.flatMap((r) => {
      const family = families.get(r.family_id);
      if (!family) return [];
      return [
        {
          familyId: r.family_id,
          displayName: family.display_name,
          phone: family.phone,
          groupTitle: pickLocalized(r.title, locale).text,
          lastSessions: r.starts.slice(0, 2).map((d) => d.toISOString()),
        },
      ];
    });
  }

  private editableUntil(s: SessionInScope): Date {
    return attendanceEditableUntil(s.ends_at, this.settings.editDays, s.attendance_unlocked_until);
  }
}
