import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { StaffGroupSummary } from '@kring/domain';
import { SessionStore } from '../../core/auth/session.store';

/** One group as staff see it: kind, for whom, where, how many places, how parents join, who leads it. */
@Component({
  selector: 'kr-staff-group-card',
  imports: [MatCardModule, MatIconModule, TranslatePipe],
  templateUrl: './staff-group-card.html',
  styleUrl: './staff-group-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffGroupCard {
  private readonly me = inject(SessionStore).user;

  readonly group = input.required<StaffGroupSummary>();

  protected readonly facilitators = computed(() =>
    this.group()
      .facilitators.map((f) => f.displayName)
      .join(', '),
  );
  protected readonly iLeadIt = computed(() => this.group().facilitators.some((f) => f.id === this.me()?.id));
}
