import { Location } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SessionInfo } from '@kring/domain';
import { apiError, makeAdminSession, makeSession } from '../../../testing/staff';
import { signInPageGuard, staffOnly, twoFactorCodePageGuard, twoFactorEnrolmentPageGuard } from './auth.guards';
import { SessionStore } from './session.store';

@Component({ template: '<h1>page</h1>' })
class Page {}

const routes = [
  { path: 'mijn-groepen', canMatch: staffOnly('coordinator', 'group_worker'), component: Page },
  { path: 'beheer/medewerkers', canMatch: staffOnly('admin'), component: Page },
  { path: 'account', canMatch: staffOnly(), component: Page },
  { path: 'aanmelden', canActivate: [signInPageGuard], component: Page },
  { path: 'aanmelden/code', canActivate: [twoFactorCodePageGuard], component: Page },
  { path: 'aanmelden/tweestapsverificatie', canActivate: [twoFactorEnrolmentPageGuard], component: Page },
  { path: 'geen-toegang', component: Page },
  { path: '**', component: Page },
];

describe('Auth guards', () => {
  let http: HttpTestingController;

  async function visit(url: string, session: SessionInfo | null | 'from-api') {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter(routes)] });
    http = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(SessionStore);
    if (session === null) store.clear();
    else if (session !== 'from-api') store.set(session);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return { router: TestBed.inject(Router) };
  }

  const coordinatorToEnrol = makeSession({
    user: { roles: ['coordinator'] },
    twoFactor: { state: 'enrolment_required', enrolled: false, required: true },
  });
  const coordinatorWithCode = makeSession({
    user: { roles: ['coordinator'] },
    twoFactor: { state: 'code_required', enrolled: true, required: true },
  });

  afterEach(() => http.verify());

  it('should send someone who is not signed in to the sign-in page, to come back afterwards', async () => {
    const { router } = await visit('/mijn-groepen', null);

    expect(router.url).toBe('/aanmelden?returnUrl=%2Fmijn-groepen');
  });

  it('should wait for the session from the API before deciding on a first visit', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter(routes)] });
    http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/mijn-groepen');
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/v1/auth/session').flush(...apiError(401, 'unauthenticated'));
    await navigation;

    expect(TestBed.inject(Router).url).toBe('/aanmelden?returnUrl=%2Fmijn-groepen');
  });

  it('should let a group worker into "Mijn groepen"', async () => {
    const { router } = await visit('/mijn-groepen', makeSession());

    expect(router.url).toBe('/mijn-groepen');
  });

  it('should send a coordinator without two-factor sign-in to set it up before anything else', async () => {
    const { router } = await visit('/mijn-groepen', coordinatorToEnrol);

    expect(router.url).toBe('/aanmelden/tweestapsverificatie?returnUrl=%2Fmijn-groepen');
  });

  it('should ask for the code first when two-factor sign-in is set up', async () => {
    const { router } = await visit('/account', coordinatorWithCode);

    expect(router.url).toBe('/aanmelden/code?returnUrl=%2Faccount');
  });

  it('should show the no-access page, keeping the address, when a group worker opens an admin page', async () => {
    const { router } = await visit('/beheer/medewerkers', makeSession());

    expect(router.url).toBe('/geen-toegang');
    expect(TestBed.inject(Location).path()).toBe('/beheer/medewerkers');
  });

  it('should let an admin into account management', async () => {
    const { router } = await visit('/beheer/medewerkers', makeAdminSession());

    expect(router.url).toBe('/beheer/medewerkers');
  });

  it('should skip the sign-in page for someone already signed in, going back where they were going', async () => {
    const { router } = await visit('/aanmelden?returnUrl=%2Faccount', makeSession());

    expect(router.url).toBe('/account');
  });

  it('should show the sign-in page when nobody is signed in', async () => {
    const { router } = await visit('/aanmelden', null);

    expect(router.url).toBe('/aanmelden');
  });

  it('should only show the code page while a code is asked', async () => {
    expect((await visit('/aanmelden/code', coordinatorWithCode)).router.url).toBe('/aanmelden/code');
  });

  it('should move on from the code page when no code is asked', async () => {
    const { router } = await visit('/aanmelden/code?returnUrl=%2Fmijn-groepen', coordinatorToEnrol);

    expect(router.url).toBe('/aanmelden/tweestapsverificatie?returnUrl=%2Fmijn-groepen');
  });

  it('should offer the enrolment page to a group worker who has not set it up', async () => {
    expect((await visit('/aanmelden/tweestapsverificatie', makeSession())).router.url).toBe('/aanmelden/tweestapsverificatie');
  });

  it('should not offer the enrolment page to someone who already set it up', async () => {
    const { router } = await visit('/aanmelden/tweestapsverificatie', makeAdminSession());

    expect(router.url).toBe('/beheer/medewerkers');
  });

  it('should send someone signed out from the code page to the sign-in page', async () => {
    const { router } = await visit('/aanmelden/code', null);

    expect(router.url).toBe('/aanmelden');
  });
});
