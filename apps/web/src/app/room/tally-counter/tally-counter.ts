import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/** One counter of a drop-in: its name, the count, and a big − and +. Every tap is one step. */
@Component({
  selector: 'kr-tally-counter',
  imports: [MatIconModule, TranslatePipe],
  templateUrl: './tally-counter.html',
  styleUrl: './tally-counter.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TallyCounter {
  readonly label = input.required<string>();
  readonly count = input.required<number>();
  readonly disabled = input(false);
  /** +1 or −1. */
  readonly step = output<1 | -1>();

  protected add(): void {
    if (!this.disabled()) this.step.emit(1);
  }

  protected remove(): void {
    if (!this.disabled() && this.count() > 0) this.step.emit(-1);
  }
}
