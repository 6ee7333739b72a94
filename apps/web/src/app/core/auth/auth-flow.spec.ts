import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { makeAdminSession, makeSession } from '../../../testing/staff';
import { AuthFlow, SESSION_EXPIRED, landingPath, safeReturnUrl } from './auth-flow';

describe(safeReturnUrl.name, () => {
  it.each([
    ['a path on this site', '/mijn-groepen', '/mijn-groepen'],
    ['a path with a query', '/beheer/audit?page=2', '/beheer/audit?page=2'],
    ['another site', 'https://evil.example/', null],
    ['a protocol-relative address', '//evil.example/x', null],
    ['a backslash trick', '/\\evil.example', null],
    ['a javascript: address', 'javascript:alert(1)', null],
    ['the sign-in page itself', '/aanmelden?returnUrl=/x', null],
    ['a sign-in step', '/aanmelden/code', null],
    ['a control character', '/mijn-groepen\n', null],
    ['nothing', undefined, null],
  ])('should judge %s', (_case, value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});

describe(landingPath.name, () => {
  it.each([
    [['group_worker'], '/mijn-groepen'],
    [['coordinator'], '/mijn-groepen'],
    [['admin'], '/beheer/medewerkers'],
    [['admin', 'coordinator'], '/mijn-groepen'],
  ] as const)('should start someone with roles %j at %s', (roles, expected) => {
    expect(landingPath(makeSession({ user: { roles: [...roles] } }))).toBe(expected);
  });
});

describe(AuthFlow.name, () => {
  let flow: AuthFlow;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    flow = TestBed.inject(AuthFlow);
    router = TestBed.inject(Router);
  });

  const url = (tree: Parameters<Router['serializeUrl']>[0] | null) => (tree ? router.serializeUrl(tree) : null);

  it('should send to the sign-in page with where to come back and why', () => {
    expect(url(flow.signInUrl('/beheer/audit', SESSION_EXPIRED))).toBe('/aanmelden?returnUrl=%2Fbeheer%2Faudit&reason=session-expired');
  });

  it('should drop a return address that is not safe', () => {
    expect(url(flow.signInUrl('https://evil.example'))).toBe('/aanmelden');
  });

  it('should point to the code page or the enrolment page when the two-factor step is open', () => {
    const code = makeSession({ twoFactor: { state: 'code_required', enrolled: true } });
    const enrol = makeSession({ twoFactor: { state: 'enrolment_required', required: true } });

    expect(url(flow.twoFactorStepUrl(code, '/mijn-groepen'))).toBe('/aanmelden/code?returnUrl=%2Fmijn-groepen');
    expect(url(flow.twoFactorStepUrl(enrol))).toBe('/aanmelden/tweestapsverificatie');
    expect(flow.twoFactorStepUrl(makeSession())).toBeNull();
  });

  it('should go back where the person was going, else to their own start page', () => {
    expect(url(flow.nextUrl(makeAdminSession(), '/beheer/audit'))).toBe('/beheer/audit');
    expect(url(flow.nextUrl(makeAdminSession(), '//evil.example'))).toBe('/beheer/medewerkers');
    expect(url(flow.nextUrl(makeSession()))).toBe('/mijn-groepen');
  });
});
