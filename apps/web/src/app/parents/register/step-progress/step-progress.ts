import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** "Stap 2 van 5", with a bar of five parts: where the parent is and how much is left. */
@Component({
  selector: 'kr-step-progress',
  imports: [TranslatePipe],
  templateUrl: './step-progress.html',
  styleUrl: './step-progress.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepProgress {
  /** 1-based. */
  readonly step = input.required<number>();
  readonly count = input.required<number>();
  readonly names = input.required<readonly string[]>();

  protected readonly parts = computed(() =>
    this.names().map((name, i) => ({ name, done: i + 1 < this.step(), current: i + 1 === this.step() })),
  );
}
