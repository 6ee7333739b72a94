import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { FamilyAttendanceHistory } from '@kring/domain';
import { AttendanceStatus } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { FlagMenu } from '../../flags/flag-menu/flag-menu';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { RoomApi } from '../data/room.api';
import { RoomSync } from '../data/room-sync';
import { ROOM_PATHS } from '../room-paths';
import { STATUS_CHOICES } from '../roster-family/roster-family';
import { readFamilyHistoryState } from './family-history-link';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; history: FamilyAttendanceHistory }
  | { state: 'offline' }
  | { state: 'not-found' }
  | { state: 'problem'; message: ErrorMessage };

const STATUS_ICON: Readonly<Record<string, string>> = Object.fromEntries(STATUS_CHOICES.map((c) => [c.value, c.icon]));

/**
 * Earlier sessions of one family, for its facilitators and coordinators: when, which group, and
 * whether the family was there, with a short friendly count. Only with a connection (nothing of
 * it is kept on the phone). The name comes with the answer; a link from the roster or a care prompt
 * also carries it in the navigation state, so it shows at once, and without a connection.
 */
@Component({
  selector: 'kr-family-history-page',
  imports: [DateTimePipe, FlagMenu, MatButtonModule, MatIconModule, MatProgressSpinnerModule, PrivacyButton, RouterLink, TranslatePipe],
  templateUrl: './family-history-page.html',
  styleUrl: './family-history-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FamilyHistoryPage {
  private readonly api = inject(RoomApi);
  private readonly sync = inject(RoomSync);

  /** From the address (`/vandaag/gezin/:familyId`). */
  readonly familyId = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly todayPath = ROOM_PATHS.today;
  /** Where "back" leads from a flag noted here: this page. */
  protected readonly selfPath = computed(() => ROOM_PATHS.familyHistory(this.familyId()));
  protected readonly loaded = signal<Loaded>({ state: 'loading' });
  /** The name the link carried in the navigation state, if any. */
  private readonly givenName: string | null;
  /** The name the API gave, else the one the link carried (none when opened by its address and not loaded). */
  protected readonly familyName = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'ready' ? loaded.history.family.displayName : this.givenName;
  });
  protected readonly back: string;
  protected readonly backToRoster: boolean;
  protected readonly entries = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'ready'
      ? loaded.history.sessions.map((entry) => ({ ...entry, icon: STATUS_ICON[entry.status] ?? 'kr:info' }))
      : [];
  });
  protected readonly problem = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'problem' ? loaded.message : null;
  });
  protected readonly summary = computed(() => {
    const entries = this.entries();
    return { present: entries.filter((e) => e.status === AttendanceStatus.Present).length, total: entries.length };
  });

  constructor() {
    const router = inject(Router);
    const given = readFamilyHistoryState(router.currentNavigation()?.extras.state ?? inject(Location).getState());
    this.givenName = given.familyName ?? null;
    this.back = given.back ?? ROOM_PATHS.today;
    this.backToRoster = this.back !== ROOM_PATHS.today;
    this.sync.enterRoom();
    effect(() => {
      const id = this.familyId();
      untracked(() => void this.load(id));
    });
  }

  protected retry(): void {
    void this.load(this.familyId());
  }

  private async load(familyId: string): Promise<void> {
    this.loaded.set({ state: 'loading' });
    let history = null as FamilyAttendanceHistory | null;
    // In the room's lane: taps still on the phone go first, so today's marks are in the answer.
    const result = await this.sync.load(async () => {
      history = await firstValueFrom(this.api.familyAttendance(familyId));
    });
    if (familyId !== this.familyId()) return;
    if (result.ok) {
      if (history) this.loaded.set({ state: 'ready', history });
    } else if (result.failure === 'offline') this.loaded.set({ state: 'offline' });
    else if (result.failure === 'not-found') this.loaded.set({ state: 'not-found' });
    else this.loaded.set({ state: 'problem', message: errorMessage(result.error, this.locale()) });
  }
}
