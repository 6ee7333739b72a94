import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Route, UrlSegment } from '@angular/router';
import { Router, UrlTree, provideRouter } from '@angular/router';
import type { SessionInfo } from '@kring/domain';
import { makeAdminSession, makeSession } from '../../testing/staff';
import { SessionStore } from '../core/auth/session.store';
import { ROOM_OWNER_KEY } from './data/room-storage';
import { roomAccessGuard } from './room-access.guard';
import { WORKER_ID } from './room-testing';

describe('roomAccessGuard', () => {
  let online = true;

  function run(session: SessionInfo | null): { result: Promise<unknown>; http: HttpTestingController } {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const store = TestBed.inject(SessionStore);
    if (session) store.set(session);
    else store.clear();
    const result = TestBed.runInInjectionContext(() => roomAccessGuard({} as Route, [] as UrlSegment[], {} as never));
    return { result: Promise.resolve(result), http: TestBed.inject(HttpTestingController) };
  }

  const serialized = (value: unknown) => (value instanceof UrlTree ? TestBed.inject(Router).serializeUrl(value) : value);

  beforeEach(() => {
    online = true;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    localStorage.clear();
  });

  afterEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('should let a signed-in group worker in', async () => {
    expect(await run(makeSession()).result).toBe(true);
  });

  it('should send an admin without group work to the "not for you" page', async () => {
    const result = await run(makeAdminSession()).result;
    expect(result).not.toBe(true);
  });

  it('should open the last person’s lists when there is no connection to ask who is signed in', async () => {
    localStorage.setItem(ROOM_OWNER_KEY, JSON.stringify({ id: WORKER_ID, roles: ['group_worker'] }));
    online = false;

    expect(await run(null).result).toBe(true);
  });

  it('should ask to sign in when nobody is signed in and the server answers', async () => {
    localStorage.setItem(ROOM_OWNER_KEY, JSON.stringify({ id: WORKER_ID, roles: ['group_worker'] }));
    const { result, http } = run(null);
    (await vi.waitFor(() => http.expectOne('/api/health/live'))).flush('ok');

    expect(serialized(await result)).toMatch(/^\/aanmelden/);
  });

  it('should treat a connection that is there but does not reach the server as offline', async () => {
    localStorage.setItem(ROOM_OWNER_KEY, JSON.stringify({ id: WORKER_ID, roles: ['group_worker'] }));
    const { result, http } = run(null);
    (await vi.waitFor(() => http.expectOne('/api/health/live'))).error(new ProgressEvent('error'), { status: 0, statusText: '' });

    expect(await result).toBe(true);
  });

  it('should ask to sign in when offline and nobody used the room on this phone', async () => {
    online = false;
    expect(serialized(await run(null).result)).toMatch(/^\/aanmelden/);
  });
});
