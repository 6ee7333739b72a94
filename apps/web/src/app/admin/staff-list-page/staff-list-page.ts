import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { TranslatedPaginatorIntl } from '../../core/i18n/translated-paginator-intl';
import { WIDE_QUERY, mediaMatches } from '../../core/layout/breakpoints';
import { StaffAdminActions } from '../staff-admin-actions';
import { STAFF_PAGE_SIZES, StaffListStore } from '../staff-list.store';
import { StaffCards } from '../staff-cards/staff-cards';
import { StaffTable } from '../staff-table/staff-table';
import { LoadError } from '../../shared/load-error/load-error';

/** `/beheer/medewerkers`: the staff accounts, searched and paged, with a button for a new one. */
@Component({
  selector: 'kr-staff-list-page',
  imports: [
    LoadError,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    StaffCards,
    StaffTable,
    TranslatePipe,
  ],
  providers: [StaffListStore, StaffAdminActions, { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  templateUrl: './staff-list-page.html',
  styleUrl: './staff-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffListPage {
  private readonly store = inject(StaffListStore);
  private readonly actions = inject(StaffAdminActions);

  protected readonly wide = mediaMatches(WIDE_QUERY);
  protected readonly pageSizes = STAFF_PAGE_SIZES;
  protected readonly search = this.store.search;
  protected readonly appliedSearch = this.store.appliedSearch;
  protected readonly pageIndex = this.store.pageIndex;
  protected readonly pageSize = this.store.pageSize;
  protected readonly list = this.store.list;
  protected readonly page = computed(() => (this.list.hasValue() ? this.list.value() : null));

  protected onSearch(event: Event): void {
    this.store.search.set((event.target as HTMLInputElement).value);
  }

  protected onPage(event: PageEvent): void {
    this.store.setPage(event.pageIndex, event.pageSize);
  }

  protected create(): void {
    this.actions.create();
  }

  protected retry(): void {
    this.store.reload();
  }
}
