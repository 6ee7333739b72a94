import { LINK_TOKEN_HEADER } from '@kring/domain';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Observable } from 'rxjs';
import { firstValueFrom } from 'rxjs';
import { makeSession } from '../../../testing/staff';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { provideKringHttp } from '../http/http';
import { AuthApi } from './auth.api';

describe(AuthApi.name, () => {
  let api: AuthApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideKringHttp(), provideHttpClientTesting(), provideTranslateTesting(), provideRouter([])],
    });
    api = TestBed.inject(AuthApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(DOCUMENT).cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('should post the e-mail and password when signing in', async () => {
    const answer = firstValueFrom(api.signIn({ email: 'gita@keerkring.be', password: 'secret words here' }));
    const request = http.expectOne('/api/v1/auth/sign-in');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'gita@keerkring.be', password: 'secret words here' });
    request.flush(makeSession());

    await expect(answer).resolves.toMatchObject({ user: { email: 'gita@keerkring.be' } });
  });

  it('should send the anti-forgery cookie back as the X-XSRF-TOKEN header on every change', () => {
    TestBed.inject(DOCUMENT).cookie = 'XSRF-TOKEN=token-from-the-server-1234; path=/';

    api.signOut().subscribe();
    api.verifyTwoFactor('123456').subscribe();
    api.session().subscribe();

    expect(http.expectOne('/api/v1/auth/sign-out').request.headers.get('X-XSRF-TOKEN')).toBe('token-from-the-server-1234');
    expect(http.expectOne('/api/v1/auth/two-factor/verify').request.headers.get('X-XSRF-TOKEN')).toBe('token-from-the-server-1234');
    // A read changes nothing, so it carries no token.
    expect(http.expectOne('/api/v1/auth/session').request.headers.has('X-XSRF-TOKEN')).toBe(false);
  });

  it('should send the set-password token in a header, never in the address (the request log writes addresses)', () => {
    api.describeSetPasswordLink('a/b?c').subscribe();

    const request = http.expectOne('/api/v1/auth/set-password');
    expect(request.request.urlWithParams).toBe('/api/v1/auth/set-password');
    expect(request.request.headers.get(LINK_TOKEN_HEADER)).toBe('a/b?c');
    request.flush({ email: 'x', displayName: 'y', expiresAt: 'z' });
  });

  it.each<[string, () => Observable<unknown>, string, object]>([
    [
      'confirmEnrolment',
      () => TestBed.inject(AuthApi).confirmEnrolment('654321'),
      '/api/v1/auth/two-factor/enrolment/confirm',
      { code: '654321' },
    ],
    ['startEnrolment', () => TestBed.inject(AuthApi).startEnrolment(), '/api/v1/auth/two-factor/enrolment', {}],
    ['signOutEverywhere', () => TestBed.inject(AuthApi).signOutEverywhere(), '/api/v1/auth/sign-out-everywhere', {}],
    [
      'changePassword',
      () => TestBed.inject(AuthApi).changePassword({ currentPassword: 'a', newPassword: 'b' }),
      '/api/v1/auth/password',
      { currentPassword: 'a', newPassword: 'b' },
    ],
    [
      'setPassword',
      () => TestBed.inject(AuthApi).setPassword({ token: 't', password: 'p' }),
      '/api/v1/auth/set-password',
      { token: 't', password: 'p' },
    ],
  ])('should post to the right address when calling %s', (_name, call, url, body) => {
    call().subscribe();

    const request = http.expectOne(url);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
  });
});
