import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { AttendanceStatus, RosterFamily, RosterView } from '@kring/domain';
import { StaffRole, markAllowedNow, sessionDayReached } from '@kring/domain';
import { SessionStore } from '../../core/auth/session.store';
import { formatDay } from '../../core/i18n/date-time';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { applyToRoster, attendanceSummary, isLocked } from '../data/apply-taps';
import { newId } from '../data/new-id';
import { RoomCache } from '../data/room-cache';
import { roomLoadState } from '../data/load-state';
import { tickingNow } from '../data/ticking-now';
import type { LoadResult } from '../data/room-sync';
import { RoomSync } from '../data/room-sync';
import { TapQueue } from '../data/tap-queue';
import { ROOM_PATHS } from '../room-paths';
import { RoomPageStatus } from '../room-page-status/room-page-status';
import { TimeRangePipe } from '../room-time.pipe';
import { RosterFamilyItem } from '../roster-family/roster-family';
import type { UnlockDialogData } from '../unlock-dialog/unlock-dialog';
import { UnlockDialog } from '../unlock-dialog/unlock-dialog';
import type { WalkIn } from '../walk-in-dialog/walk-in-dialog';
import { WalkInDialog } from '../walk-in-dialog/walk-in-dialog';

/**
 * The roster in the room: who is expected, three big toggles each, "+ Nieuw gezin" for a family
 * that walks in. Works without a connection: taps are kept on the phone and sent later.
 */
@Component({
  selector: 'kr-roster-page',
  imports: [
    RoomPageStatus,
    DateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    PrivacyButton,
    RosterFamilyItem,
    RouterLink,
    TimeRangePipe,
    TranslatePipe,
  ],
  templateUrl: './roster-page.html',
  styleUrl: './roster-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterPage {
  private readonly cache = inject(RoomCache);
  private readonly queue = inject(TapQueue);
  private readonly sync = inject(RoomSync);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);
  private readonly store = inject(SessionStore);

  /** From the address (`/vandaag/:sessionId/lijst`). */
  readonly sessionId = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly todayPath = ROOM_PATHS.today;
  protected readonly rosterPath = computed(() => ROOM_PATHS.roster(this.sessionId()));
  protected readonly loading = signal(true);
  protected readonly result = signal<LoadResult | null>(null);
  protected readonly now = tickingNow();
  protected readonly snapshot = computed(() => this.cache.roster(this.sessionId()));
  protected readonly view = computed<RosterView | null>(() => {
    const snapshot = this.snapshot();
    if (!snapshot) return null;
    const id = this.sessionId();
    return applyToRoster(
      snapshot.view,
      this.queue
        .taps()
        .filter((t) => t.op.sessionId === id)
        .map((t) => t.op),
    );
  });
  protected readonly locked = computed(() => {
    const view = this.view();
    return view !== null && isLocked(view, this.now());
  });
  /** Before the session's day (Brussels): the list can be read, and only "verwittigd" marked. */
  protected readonly ahead = computed(() => {
    const view = this.view();
    return view !== null && !sessionDayReached(new Date(view.startsAt), this.now());
  });
  /** The session's day in words: "donderdag 10 december". */
  protected readonly day = computed(() => {
    const view = this.view();
    return view ? formatDay(new Date(view.startsAt), this.locale(), 'long', this.now()) : '';
  });
  protected readonly summary = computed(() => attendanceSummary(this.view()?.families ?? []));
  protected readonly canUnlock = computed(() => this.store.hasAccess() && this.store.roles().includes(StaffRole.Coordinator));
  protected readonly loadState = roomLoadState(this.result, this.sync.online, this.locale);
  protected readonly offline = this.loadState.offline;

  constructor() {
    this.sync.enterRoom();
    effect(() => {
      const id = this.sessionId();
      untracked(() => void this.load(id));
    });
  }

  protected mark(family: RosterFamily, status: AttendanceStatus): void {
    const view = this.view();
    if (this.locked() || !view || !markAllowedNow(status, new Date(view.startsAt), new Date())) return;
    this.sync.tap(
      { id: newId(), kind: 'attendance', sessionId: this.sessionId(), familyId: family.familyId, status, at: new Date().toISOString() },
      family.displayName,
    );
  }

  protected addWalkIn(): void {
    if (this.ahead()) return;
    this.dialog
      .open<WalkInDialog, undefined, WalkIn>(WalkInDialog, { maxWidth: '30rem', width: 'calc(100% - 32px)', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((walkIn) => {
        if (!walkIn) return;
        this.sync.tap({
          id: newId(),
          kind: 'walk_in',
          sessionId: this.sessionId(),
          familyId: newId(),
          ...walkIn,
          at: new Date().toISOString(),
        });
        void this.announcer.announce(String(this.translate.instant('room.walkIn.added', { name: walkIn.displayName })));
      });
  }

  protected unlock(): void {
    this.dialog
      .open<UnlockDialog, UnlockDialogData, RosterView>(UnlockDialog, {
        data: { sessionId: this.sessionId() },
        maxWidth: '30rem',
        width: 'calc(100% - 32px)',
      })
      .afterClosed()
      .subscribe((view) => {
        if (!view) return;
        this.cache.setRoster(view); // the reopened view (not locked, a new end): the buttons follow it
        void this.announcer.announce(String(this.translate.instant('room.roster.locked.reopened')));
      });
  }

  protected retry(): void {
    void this.load(this.sessionId());
  }

  private async load(sessionId: string): Promise<void> {
    this.loading.set(true);
    const result = await this.sync.refreshRoster(sessionId);
    if (sessionId !== this.sessionId()) return;
    this.result.set(result);
    this.loading.set(false);
  }
}
