import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { makeStaffUser } from '../../testing/staff';
import { SEARCH_DEBOUNCE_MS, StaffListStore } from './staff-list.store';

const page = (total: number) => ({ items: [makeStaffUser()], total, page: 1, pageSize: 20 });

describe(StaffListStore.name, () => {
  let store: StaffListStore;
  let http: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), StaffListStore] });
    store = TestBed.inject(StaffListStore);
    http = TestBed.inject(HttpTestingController);
    TestBed.tick();
  });

  afterEach(() => {
    http.verify();
    vi.useRealTimers();
  });

  /** Lets the answer reach the resource. */
  async function settle(): Promise<void> {
    await vi.advanceTimersByTimeAsync(0);
    TestBed.tick();
  }

  it('should load the first page of 20 when created', async () => {
    http.expectOne('/api/v1/admin/staff?page=1&pageSize=20').flush(page(1));
    await settle();

    expect(store.list.value()?.total).toBe(1);
  });

  it('should search only once typing pauses, and start again at the first page', () => {
    http.expectOne('/api/v1/admin/staff?page=1&pageSize=20').flush(page(45));
    store.setPage(2, 20);
    TestBed.tick();
    http.expectOne('/api/v1/admin/staff?page=3&pageSize=20').flush(page(45));

    store.search.set('gi');
    TestBed.tick();
    vi.advanceTimersByTime(100);
    store.search.set('gita ');
    TestBed.tick();
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    TestBed.tick();
    http.expectNone((request) => request.params.has('search'));

    vi.advanceTimersByTime(1);
    TestBed.tick();
    http.expectOne('/api/v1/admin/staff?search=gita&page=1&pageSize=20').flush(page(1));
    expect(store.pageIndex()).toBe(0);
  });

  it('should ask again when reloaded', async () => {
    http.expectOne('/api/v1/admin/staff?page=1&pageSize=20').flush(page(1));
    await settle();

    store.reload();
    await settle();

    http.expectOne('/api/v1/admin/staff?page=1&pageSize=20').flush(page(2));
  });
});
