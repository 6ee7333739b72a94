import { Injectable, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { StaffAdminApi } from './staff-admin.api';

/** How long typing must pause before the list is searched. */
export const SEARCH_DEBOUNCE_MS = 300;
export const STAFF_PAGE_SIZES = [10, 20, 50] as const;

/**
 * The admin's staff list: search (debounced), page and page size; the list follows them.
 * Provide it on the page, so it lives as long as the page.
 */
@Injectable()
export class StaffListStore {
  private readonly api = inject(StaffAdminApi);

  /** What is typed in the search field, at once. */
  readonly search = signal('');
  /** What the list is searched for: the typed text once typing pauses. */
  readonly appliedSearch = toSignal(
    toObservable(this.search).pipe(
      map((text) => text.trim()),
      debounceTime(SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  /** Back to the first page whenever the search changes. */
  readonly pageIndex = linkedSignal({ source: this.appliedSearch, computation: () => 0 });
  readonly pageSize = signal<number>(20);

  readonly list = rxResource({
    params: () => ({ search: this.appliedSearch(), page: this.pageIndex() + 1, pageSize: this.pageSize() }),
    stream: ({ params }) => this.api.list(params),
  });

  setPage(pageIndex: number, pageSize: number): void {
    this.pageSize.set(pageSize);
    this.pageIndex.set(pageIndex);
  }

  reload(): void {
    this.list.reload();
  }
}
