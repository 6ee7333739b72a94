import { HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiError, makeSession } from '../../../testing/staff';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { provideKringHttp } from '../http/http';
import { authInterceptor } from './auth.interceptor';
import { SessionStore } from './session.store';

@Component({ template: '' })
class StubPage {}

describe(authInterceptor.name, () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let store: SessionStore;
  let router: Router;

  async function on(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideKringHttp(),
        provideHttpClientTesting(),
        provideTranslateTesting(),
        provideRouter([{ path: '**', component: StubPage }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    store = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
  }

  /** Makes a request, answers it, and waits for whatever navigation follows. */
  async function answer(url: string, respond: (request: ReturnType<HttpTestingController['expectOne']>) => void) {
    let failed: unknown = null;
    client.get(url).subscribe({ error: (error: unknown) => (failed = error) });
    respond(http.expectOne(url));
    await TestBed.inject(Router).navigated;
    await new Promise((resolve) => setTimeout(resolve));
    return failed;
  }

  afterEach(() => http.verify());

  it('should forget the session and ask to sign in again, coming back here, when the API says 401', async () => {
    await on('/beheer/audit?page=2');
    store.set(makeSession());

    const failed = await answer('/api/v1/admin/audit', (request) => request.flush(...apiError(401, 'unauthenticated')));

    expect(failed).toMatchObject({ status: 401 });
    expect(store.isSignedIn()).toBe(false);
    expect(router.url).toBe('/aanmelden?returnUrl=%2Fbeheer%2Faudit%3Fpage%3D2&reason=session-expired');
  });

  it.each([
    ['the session check', '/api/v1/auth/session', 'unauthenticated'],
    ['a wrong password', '/api/v1/auth/sign-in', 'invalid_credentials'],
    ['a wrong two-factor code', '/api/v1/auth/two-factor/verify', 'invalid_two_factor_code'],
    ['signing out of a session that already ended', '/api/v1/auth/sign-out', 'unauthenticated'],
  ])('should leave %s to the page that asked', async (_case, url, code) => {
    await on('/aanmelden');
    store.set(makeSession());

    await answer(url, (request) => request.flush(...apiError(401, code)));

    expect(store.isSignedIn()).toBe(true);
    expect(router.url).toBe('/aanmelden');
  });

  it('should send to the code page when the API says the two-factor step comes first', async () => {
    await on('/mijn-groepen');

    await answer('/api/v1/staff/groups', (request) => request.flush(...apiError(403, 'two_factor_required')));
    http
      .expectOne('/api/v1/auth/session')
      .flush(makeSession({ user: { roles: ['coordinator'] }, twoFactor: { state: 'code_required', enrolled: true, required: true } }));
    await new Promise((resolve) => setTimeout(resolve));
    await router.navigated;

    expect(router.url).toBe('/aanmelden/code?returnUrl=%2Fmijn-groepen');
  });

  it('should send to the enrolment page when two-factor sign-in still has to be set up', async () => {
    await on('/beheer/medewerkers');

    await answer('/api/v1/admin/staff', (request) => request.flush(...apiError(403, 'two_factor_required')));
    http
      .expectOne('/api/v1/auth/session')
      .flush(makeSession({ user: { roles: ['admin'] }, twoFactor: { state: 'enrolment_required', required: true } }));
    await new Promise((resolve) => setTimeout(resolve));

    expect(router.url).toBe('/aanmelden/tweestapsverificatie?returnUrl=%2Fbeheer%2Fmedewerkers');
  });

  it('should leave other errors alone', async () => {
    await on('/beheer/medewerkers');
    store.set(makeSession());

    const failed = await answer('/api/v1/admin/staff', (request) => request.flush(...apiError(403, 'forbidden')));

    expect(failed).toMatchObject({ status: 403 });
    expect(store.isSignedIn()).toBe(true);
    expect(router.url).toBe('/beheer/medewerkers');
  });

  it('should not touch requests that are not for the API', async () => {
    await on('/');
    store.set(makeSession());

    await answer('/i18n/nl.json', (request) => request.flush('nope', { status: 401, statusText: 'No' }));

    expect(store.isSignedIn()).toBe(true);
    expect(router.url).toBe('/');
  });
});
