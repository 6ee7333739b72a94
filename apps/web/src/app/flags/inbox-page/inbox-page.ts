import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { Sort } from '@angular/material/sort';
import { TranslatePipe } from '@ngx-translate/core';
import type { FlagCategory, FlagListQuery, FlagStatus, FlagUrgency } from '@kring/domain';
import { FLAG_CATEGORIES, FLAG_STATUSES, FLAG_URGENCIES } from '@kring/domain';
import { of } from 'rxjs';
import { catchError, debounceTime, map } from 'rxjs/operators';
import { WIDE_QUERY, mediaMatches } from '../../core/layout/breakpoints';
import { LocationsApi } from '../../planning/data-access/locations.api';
import { LoadError } from '../../shared/load-error/load-error';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { FlagsApi } from '../data/flags.api';
import type { InboxOrder, InboxSort } from '../data/inbox-sort';
import { DEFAULT_ORDER, INBOX_SORTS, sortInbox } from '../data/inbox-sort';
import { InboxCards } from './inbox-cards';
import { InboxTable } from './inbox-table';

/** "Lopend" (every status but closed) is the inbox's default; the API filters the rest. */
const RUNNING = 'running';

/**
 * The coordinators' inbox: the flags that wait, with what kind of concern, how urgent, which
 * family, who noted it and when, and when to look again; never what was written. Filtered by
 * status, urgency, category, place and "past its review date"; sorted by any column. A table
 * on a wide screen, cards on a phone.
 */
@Component({
  selector: 'kr-inbox-page',
  imports: [
    InboxCards,
    InboxTable,
    LoadError,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    PrivacyButton,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {
  private readonly api = inject(FlagsApi);

  protected readonly wide = mediaMatches(WIDE_QUERY);
  protected readonly statuses = [RUNNING, ...FLAG_STATUSES];
  protected readonly urgencies = FLAG_URGENCIES;
  protected readonly categories = FLAG_CATEGORIES;
  protected readonly sorts = INBOX_SORTS;

  protected readonly filters = inject(NonNullableFormBuilder).group({
    status: [RUNNING as string],
    urgency: ['' as FlagUrgency | ''],
    category: ['' as FlagCategory | ''],
    locationId: [''],
    due: [false],
  });
  private readonly filterValues = toSignal(this.filters.valueChanges.pipe(debounceTime(0)), { initialValue: this.filters.getRawValue() });
  protected readonly locations = toSignal(
    inject(LocationsApi)
      .list()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );

  protected readonly flags = rxResource({
    params: (): FlagListQuery => {
      const f = this.filterValues();
      return {
        status: f.status && f.status !== RUNNING ? (f.status as FlagStatus) : undefined,
        urgency: f.urgency || undefined,
        category: f.category || undefined,
        locationId: f.locationId || undefined,
        due: f.due ? true : undefined,
      };
    },
    stream: ({ params }) =>
      this.api
        .list(params)
        .pipe(map((flags) => (this.filterValues().status === RUNNING ? flags.filter((f) => f.status !== 'closed') : flags))),
  });

  protected readonly order = signal<InboxOrder>(DEFAULT_ORDER);
  protected readonly shown = computed(() => (this.flags.hasValue() ? sortInbox(this.flags.value(), this.order()) : []));
  protected readonly dueCount = computed(() => this.shown().filter((f) => f.due).length);
  protected readonly filtered = computed(() => {
    const f = this.filterValues();
    return f.status !== RUNNING || !!f.urgency || !!f.category || !!f.locationId || f.due;
  });

  protected sortBy(sort: Sort): void {
    this.order.set(sort.direction ? { by: sort.active as InboxSort, direction: sort.direction } : DEFAULT_ORDER);
  }

  protected chooseSort(by: InboxSort): void {
    // On the cards: the natural direction of each choice (most urgent, oldest, soonest review first).
    this.order.set({ by, direction: by === 'urgency' ? 'desc' : 'asc' });
  }

  protected clear(): void {
    this.filters.reset();
  }
}
