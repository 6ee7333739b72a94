import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { Locale, SessionView } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { errorMessage } from '../../core/http/error-message';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { CarePrompts } from '../care-prompts/care-prompts';
import { RoomApi } from '../data/room.api';
import { RoomCache } from '../data/room-cache';
import type { LoadResult } from '../data/room-sync';
import { RoomSync } from '../data/room-sync';
import { brusselsToday, dayRange, upcomingRange } from '../data/today';
import { ROOM_PATHS } from '../room-paths';
import { TimeRangePipe } from '../room-time.pipe';
import { SyncStatus } from '../sync-status/sync-status';

/** Where a session opens: the counters for a drop-in, the list of names for the others. */
export function sessionLink(session: SessionView): string {
  return session.group.kind === 'drop_in' ? ROOM_PATHS.tally(session.id) : ROOM_PATHS.roster(session.id);
}

/** "Vandaag": the sessions I facilitate today, one tap from their list, and gentle prompts to call. */
@Component({
  selector: 'kr-today-page',
  imports: [
    CarePrompts,
    DateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    PrivacyButton,
    RouterLink,
    SyncStatus,
    TimeRangePipe,
    TranslatePipe,
  ],
  templateUrl: './today-page.html',
  styleUrl: './today-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TodayPage {
  private readonly api = inject(RoomApi);
  private readonly cache = inject(RoomCache);
  private readonly sync = inject(RoomSync);
  private readonly user = inject(SessionStore).user;
  private readonly day = brusselsToday();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly loading = signal(true);
  protected readonly result = signal<LoadResult | null>(null);
  protected readonly snapshot = computed(() => {
    const today = this.cache.today();
    return today?.day === this.day ? today : null;
  });
  protected readonly sessions = computed(() =>
    [...(this.snapshot()?.sessions ?? [])]
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((session) => ({ session, link: session.status === 'cancelled' ? null : sessionLink(session) })),
  );
  protected readonly prompts = computed(() => this.snapshot()?.prompts ?? []);
  /** With nothing today: the next session I facilitate (in the coming weeks), to point to. */
  protected readonly next = signal<SessionView | null>(null);
  protected readonly firstName = computed(() => this.user()?.displayName.split(/\s+/)[0] ?? '');
  protected readonly offline = computed(() => {
    const result = this.result();
    return result !== null && !result.ok && result.failure === 'offline';
  });
  protected readonly problem = computed(() => {
    const result = this.result();
    return result && !result.ok && result.failure !== 'offline' ? errorMessage(result.error, this.locale()) : null;
  });

  constructor() {
    this.sync.enterRoom();
    // Fetched again in the new language when the language changes (the titles are translated).
    effect(() => {
      const locale = this.locale();
      untracked(() => void this.load(locale));
    });
  }

  protected retry(): void {
    void this.load(this.locale());
  }

  private async load(locale: Locale): Promise<void> {
    this.loading.set(true);
    const { from, to } = dayRange(this.day);
    const result = await this.sync.load(async () => {
      const [sessions, prompts] = await Promise.all([
        firstValueFrom(this.api.mySessions(from, to, locale)),
        firstValueFrom(this.api.carePrompts()),
      ]);
      this.cache.setToday(this.day, sessions, prompts);
    });
    this.result.set(result);
    this.loading.set(false);
    // Every list of today on the phone, so each opens later even where the wifi does not reach.
    if (result.ok) void this.sync.prefetch(this.snapshot()?.sessions ?? [], locale);
    if (result.ok && this.sessions().length === 0) await this.findNext(locale);
  }

  /** Nothing today: the first coming session that is not cancelled. Without it the page still helps. */
  private async findNext(locale: Locale): Promise<void> {
    const { from, to } = upcomingRange(this.day);
    try {
      const coming = await firstValueFrom(this.api.mySessions(from, to, locale));
      const first = [...coming].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).find((s) => s.status !== 'cancelled');
      this.next.set(first ?? null);
    } catch {
      this.next.set(null);
    }
  }
}
