import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { AttendanceStatus, KnownFamily } from '@kring/domain';
import { LanguageService } from '../../core/i18n/language.service';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { applyToKnown, isLocked } from '../data/apply-taps';
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

/** Names show once this many letters are typed: nobody's name is on screen before someone looks for it. */
export const MIN_SEARCH_LETTERS = 2;
/** At most this many names at once; typing more letters narrows the list. */
export const MAX_MATCHES = 12;

/** Lower case, without accents or extra spaces: "Élise  Ü" → "elise u". */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();
}

/** The families whose name holds what was typed (names starting with it first), A to Z within that. */
export function findFamilies(families: readonly KnownFamily[], query: string): KnownFamily[] {
  const q = searchable(query);
  if (q.length < MIN_SEARCH_LETTERS) return [];
  const rank = (name: string) => (name.startsWith(q) ? 0 : name.split(' ').some((word) => word.startsWith(q)) ? 1 : 2);
  return families
    .map((family) => ({ family, name: searchable(family.displayName) }))
    .filter(({ name }) => name.includes(q))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name, 'nl'))
    .map(({ family }) => family);
}

/**
 * Checking in known families by name at a drop-in (optional, next to the tally): type a few
 * letters, one big tap marks the family present. Taps go through the same queue as every room
 * tap, and the list is kept on the phone, so it works offline once it was loaded.
 */
@Component({
  selector: 'kr-check-in-page',
  imports: [
    RoomPageStatus,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    PrivacyButton,
    RouterLink,
    TimeRangePipe,
    TranslatePipe,
  ],
  templateUrl: './check-in-page.html',
  styleUrl: './check-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInPage {
  private readonly cache = inject(RoomCache);
  private readonly queue = inject(TapQueue);
  private readonly sync = inject(RoomSync);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);

  /** From the address (`/vandaag/:sessionId/namen`). */
  readonly sessionId = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly tallyPath = computed(() => ROOM_PATHS.tally(this.sessionId()));
  protected readonly minLetters = MIN_SEARCH_LETTERS;
  protected readonly loading = signal(true);
  protected readonly result = signal<LoadResult | null>(null);
  protected readonly now = tickingNow();
  protected readonly query = signal('');
  protected readonly snapshot = computed(() => this.cache.known(this.sessionId()));
  /** The drop-in's title and time, from the tally kept on the phone. */
  protected readonly session = computed(() => this.cache.tally(this.sessionId())?.session ?? null);
  protected readonly families = computed(() => {
    const snapshot = this.snapshot();
    if (!snapshot) return null;
    const id = this.sessionId();
    return applyToKnown(
      snapshot.view,
      this.queue
        .taps()
        .filter((t) => t.op.sessionId === id)
        .map((t) => t.op),
    ).families;
  });
  protected readonly checkedIn = computed(() => (this.families() ?? []).filter((f) => f.status === 'present').length);
  protected readonly typedEnough = computed(() => searchable(this.query()).length >= MIN_SEARCH_LETTERS);
  private readonly allMatches = computed(() => findFamilies(this.families() ?? [], this.query()));
  protected readonly matches = computed(() => this.allMatches().slice(0, MAX_MATCHES));
  protected readonly more = computed(() => Math.max(0, this.allMatches().length - MAX_MATCHES));
  protected readonly locked = computed(() => {
    const tally = this.cache.tally(this.sessionId());
    return tally !== null && isLocked({ locked: tally.view.locked }, this.now());
  });
  protected readonly loadState = roomLoadState(this.result, this.sync.online, this.locale);
  protected readonly offline = this.loadState.offline;

  constructor() {
    this.sync.enterRoom();
    effect(() => {
      const id = this.sessionId();
      untracked(() => void this.load(id));
    });
  }

  protected search(value: string): void {
    this.query.set(value);
  }

  /** One tap: present. "Toch niet" takes it back (absent), for a name tapped by mistake. */
  protected mark(family: KnownFamily, status: AttendanceStatus): void {
    if (this.locked() || family.status === status) return;
    this.sync.tap(
      { id: newId(), kind: 'attendance', sessionId: this.sessionId(), familyId: family.familyId, status, at: new Date().toISOString() },
      family.displayName,
    );
    const key = status === 'present' ? 'room.checkIn.checkedIn' : 'room.checkIn.undone';
    void this.announcer.announce(String(this.translate.instant(key, { name: family.displayName })));
  }

  protected retry(): void {
    void this.load(this.sessionId());
  }

  private async load(sessionId: string): Promise<void> {
    this.loading.set(true);
    const result = await this.sync.refreshKnown(sessionId);
    if (sessionId !== this.sessionId()) return;
    this.result.set(result);
    this.loading.set(false);
  }
}
