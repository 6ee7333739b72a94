import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';

export interface CalendarFilter {
  locationId: string | null;
  groupId: string | null;
  facilitatorId: string | null;
}

interface Option {
  id: string;
  name: string;
}

/** Narrow the planning to one place, group or person ("all" by default). */
@Component({
  selector: 'kr-calendar-filters',
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  templateUrl: './calendar-filters.html',
  styleUrl: './calendar-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFilters {
  readonly places = input<Option[]>([]);
  readonly groups = input<Option[]>([]);
  readonly people = input<Option[]>([]);
  readonly value = input.required<CalendarFilter>();
  readonly changed = output<CalendarFilter>();

  protected set(key: keyof CalendarFilter, id: string | null): void {
    this.changed.emit({ ...this.value(), [key]: id });
  }
}
