import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import type { RoomLoadState } from '../data/load-state';
import { SyncStatus } from '../sync-status/sync-status';

/**
 * The top of a room page that works offline (roster, tally, check-in): what waits to be sent,
 * when the copy on the phone was kept (when offline), and a kind notice when the session is not
 * found or loading failed. Its parts take their place in the page's own layout.
 */
@Component({
  selector: 'kr-room-page-status',
  imports: [DateTimePipe, MatButtonModule, MatIconModule, SyncStatus, TranslatePipe],
  templateUrl: './room-page-status.html',
  styleUrl: './room-page-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoomPageStatus {
  readonly state = input.required<RoomLoadState>();
  /** When the copy on the phone was saved, if there is one. */
  readonly keptAt = input<string | null>(null);
  readonly retry = output<void>();
  protected readonly locale = inject(LanguageService).locale;
}
