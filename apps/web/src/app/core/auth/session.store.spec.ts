import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiError, makeAdminSession, makeSession } from '../../../testing/staff';
import { SessionStore } from './session.store';

const SESSION = '/api/v1/auth/session';

describe(SessionStore.name, () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should be unknown and hold nobody before the session is loaded', () => {
    expect(store.current()).toEqual({ status: 'unknown' });
    expect(store.isKnown()).toBe(false);
    expect(store.isSignedIn()).toBe(false);
    expect(store.roles()).toEqual([]);
  });

  it('should hold the person, their roles and access when the API knows the session', async () => {
    const loading = store.load();
    http.expectOne(SESSION).flush(makeAdminSession());
    await loading;

    expect(store.isSignedIn()).toBe(true);
    expect(store.user()?.displayName).toBe('Bram Beheer');
    expect(store.roles()).toEqual(['admin']);
    expect(store.hasRole('admin')).toBe(true);
    expect(store.hasRole('coordinator', 'group_worker')).toBe(false);
    expect(store.hasAccess()).toBe(true);
  });

  it('should be signed out, not failing, when the API answers 401', async () => {
    const loading = store.load();
    http.expectOne(SESSION).flush(...apiError(401, 'unauthenticated'));

    await expect(loading).resolves.toBeNull();
    expect(store.current()).toEqual({ status: 'signed-out' });
  });

  it('should count as signed out when the API cannot be reached', async () => {
    const loading = store.load();
    http.expectOne(SESSION).error(new ProgressEvent('error'), { status: 0 });

    await expect(loading).resolves.toBeNull();
    expect(store.isKnown()).toBe(true);
    expect(store.isSignedIn()).toBe(false);
  });

  it('should not give access while the two-factor step is open', () => {
    store.set(makeSession({ user: { roles: ['coordinator'] }, twoFactor: { state: 'code_required', enrolled: true, required: true } }));

    expect(store.isSignedIn()).toBe(true);
    expect(store.hasAccess()).toBe(false);
  });

  it('should wait for the first load when the session is asked before it is known', async () => {
    const known = store.whenKnown();
    const again = store.whenKnown();
    http.expectOne(SESSION).flush(makeSession());

    await expect(known).resolves.toMatchObject({ user: { displayName: 'Gita Peeters' } });
    await expect(again).resolves.toMatchObject({ user: { displayName: 'Gita Peeters' } });
  });

  it('should answer at once without asking the API when the session is already known', async () => {
    store.clear();

    await expect(store.whenKnown()).resolves.toBeNull();
    http.expectNone(SESSION);
  });

  it('should keep a sign-in when an older session answer arrives after it', async () => {
    const loading = store.load();
    store.set(makeSession());
    http.expectOne(SESSION).flush(...apiError(401, 'unauthenticated'));
    await loading;

    expect(store.isSignedIn()).toBe(true);
  });
});
