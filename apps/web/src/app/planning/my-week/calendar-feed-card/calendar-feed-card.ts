import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { filter } from 'rxjs';
import { confirmAction } from '../../../shared/confirm-dialog/confirm-dialog';
import { CopyButton } from '../../../shared/copy-button/copy-button';
import { CalendarFeedStore } from '../calendar-feed.store';

/** "Zet je bijeenkomsten in je agenda": make, copy, renew or stop my private calendar link. */
@Component({
  selector: 'kr-calendar-feed-card',
  imports: [CopyButton, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  providers: [CalendarFeedStore],
  templateUrl: './calendar-feed-card.html',
  styleUrl: './calendar-feed-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFeedCard {
  private readonly store = inject(CalendarFeedStore);
  private readonly dialog = inject(MatDialog);

  protected readonly feed = this.store.feed;
  protected readonly working = this.store.working;
  protected readonly problem = this.store.problem;
  /** The same link for calendar apps that open `webcal:` links directly. */
  protected readonly webcal = computed(() => this.feed().url?.replace(/^https?:/, 'webcal:') ?? null);

  protected make(): void {
    this.store.renew();
  }

  protected stop(): void {
    confirmAction(this.dialog, {
      titleKey: 'planning.feed.stopTitle',
      textKey: 'planning.feed.stopText',
      confirmKey: 'planning.feed.stop',
      tone: 'danger',
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.store.revoke());
  }
}
