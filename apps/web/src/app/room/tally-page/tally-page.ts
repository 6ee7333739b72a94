import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { RosterView, TallyCategory } from '@kring/domain';
import { StaffRole, isTallyCategory } from '@kring/domain';
import { SessionStore } from '../../core/auth/session.store';
import { languageName } from '../../core/i18n/language-names';
import { LanguageService } from '../../core/i18n/language.service';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { applyToTally, isLocked, tallyTotals } from '../data/apply-taps';
import { newId } from '../data/new-id';
import { RoomCache } from '../data/room-cache';
import { roomLoadState } from '../data/load-state';
import type { LoadResult } from '../data/room-sync';
import { RoomSync } from '../data/room-sync';
import { TapQueue } from '../data/tap-queue';
import { ROOM_PATHS } from '../room-paths';
import { RoomPageStatus } from '../room-page-status/room-page-status';
import { TimeRangePipe } from '../room-time.pipe';
import { TallyCounter } from '../tally-counter/tally-counter';
import { TallyLabelPipe } from '../tally-label.pipe';
import type { UnlockDialogData } from '../unlock-dialog/unlock-dialog';
import { UnlockDialog } from '../unlock-dialog/unlock-dialog';

/** The counters of a drop-in, in the order a worker looks around the room. */
export const TALLY_SECTIONS: ReadonlyArray<{ key: string; categories: readonly TallyCategory[] }> = [
  { key: 'people', categories: ['adults', 'children_pregnancy', 'children_0_1', 'children_1_3', 'children_3_6', 'children_6_plus'] },
  { key: 'visit', categories: ['first_visit', 'returning'] },
];

/** Languages offered for a counter (any other two- or three-letter code works too). */
export const OFFERED_LANGUAGES = [
  'nl',
  'fr',
  'en',
  'ar',
  'tr',
  'ru',
  'uk',
  'pl',
  'ro',
  'bg',
  'es',
  'it',
  'pt',
  'de',
  'so',
  'ti',
  'fa',
  'ps',
  'ku',
  'am',
  'sq',
];

/** Other phones' taps show up this often while the page is open. */
export const TALLY_REFRESH_MS = 20_000;

/**
 * The drop-in tally: big − and + per counter, totals on top. Several phones may count the same
 * drop-in at once (each tap is an increment), with or without a connection.
 */
@Component({
  selector: 'kr-tally-page',
  imports: [
    RoomPageStatus,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    PrivacyButton,
    RouterLink,
    TallyCounter,
    TallyLabelPipe,
    TimeRangePipe,
    TranslatePipe,
  ],
  templateUrl: './tally-page.html',
  styleUrl: './tally-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TallyPage {
  private readonly cache = inject(RoomCache);
  private readonly queue = inject(TapQueue);
  private readonly sync = inject(RoomSync);
  private readonly dialog = inject(MatDialog);
  private readonly store = inject(SessionStore);

  /** From the address (`/vandaag/:sessionId/telling`). */
  readonly sessionId = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly todayPath = ROOM_PATHS.today;
  protected readonly checkInPath = computed(() => ROOM_PATHS.checkIn(this.sessionId()));
  protected readonly sections = TALLY_SECTIONS;
  protected readonly loading = signal(true);
  protected readonly result = signal<LoadResult | null>(null);
  protected readonly now = signal(new Date());
  protected readonly snapshot = computed(() => this.cache.tally(this.sessionId()));
  protected readonly counts = computed(() => {
    const snapshot = this.snapshot();
    if (!snapshot) return null;
    const id = this.sessionId();
    return applyToTally(
      snapshot.view.counts,
      id,
      this.queue.taps().map((t) => t.op),
    );
  });
  protected readonly totals = computed(() => tallyTotals(this.counts() ?? {}));
  protected readonly languages = computed(() => {
    const shown = new Set<string>(this.snapshot()?.languages.map((code) => `lang:${code}`) ?? []);
    for (const [category, count] of Object.entries(this.counts() ?? {})) if (category.startsWith('lang:') && count > 0) shown.add(category);
    return [...shown].sort() as TallyCategory[];
  });
  protected readonly addable = computed(() => {
    const shown = new Set(this.languages());
    const locale = this.locale();
    return OFFERED_LANGUAGES.filter((code) => !shown.has(`lang:${code}`))
      .map((code) => ({ code, name: languageName(code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  });
  protected readonly locked = computed(() => {
    const snapshot = this.snapshot();
    if (!snapshot) return false;
    return isLocked({ locked: snapshot.view.locked }, this.now());
  });
  protected readonly canUnlock = computed(() => this.store.hasAccess() && this.store.roles().includes(StaffRole.Coordinator));
  protected readonly loadState = roomLoadState(this.result, this.sync.online, this.locale);
  protected readonly offline = this.loadState.offline;

  constructor() {
    const document = inject(DOCUMENT);
    this.sync.enterRoom();
    effect(() => {
      const id = this.sessionId();
      untracked(() => void this.load(id));
    });
    const timer = setInterval(() => {
      this.now.set(new Date());
      if (this.sync.online() && document.visibilityState === 'visible') void this.load(this.sessionId(), true);
    }, TALLY_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected step(category: TallyCategory, delta: 1 | -1): void {
    if (this.locked()) return;
    this.sync.tap({ id: newId(), kind: 'tally', sessionId: this.sessionId(), category, delta, at: new Date().toISOString() });
  }

  protected addLanguage(code: string | null): void {
    if (!code || !isTallyCategory(`lang:${code}`)) return;
    this.cache.addLanguage(this.sessionId(), code);
  }

  /** Coordinators: reopen a closed drop-in for two days (the same as for a roster), then count on. */
  protected unlock(): void {
    this.dialog
      .open<UnlockDialog, UnlockDialogData, RosterView>(UnlockDialog, {
        data: { sessionId: this.sessionId() },
        maxWidth: '30rem',
        width: 'calc(100% - 32px)',
      })
      .afterClosed()
      .subscribe((reopened) => {
        if (reopened) void this.load(this.sessionId());
      });
  }

  protected retry(): void {
    void this.load(this.sessionId());
  }

  private async load(sessionId: string, quietly = false): Promise<void> {
    if (!quietly) this.loading.set(true);
    const result = await this.sync.refreshTally(sessionId, this.locale());
    if (sessionId !== this.sessionId()) return;
    if (!quietly || !result.ok) this.result.set(result);
    this.loading.set(false);
  }
}
