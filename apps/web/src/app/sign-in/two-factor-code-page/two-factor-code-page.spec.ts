import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError, makeSession } from '../../../testing/staff';
import { TwoFactorCodePage } from './two-factor-code-page';

const VERIFY = '/api/v1/auth/two-factor/verify';
const waitingForCode = makeSession({
  user: { roles: ['coordinator'] },
  twoFactor: { state: 'code_required', enrolled: true, required: true },
});

describe(TwoFactorCodePage.name, () => {
  let page: RenderedPage;

  beforeEach(async () => {
    page = await renderPage(TwoFactorCodePage, {
      path: 'aanmelden/code',
      url: '/aanmelden/code?returnUrl=%2Fmijn-groepen',
      session: waitingForCode,
    });
  });

  afterEach(() => page.http.verify());

  const input = () => page.element.querySelector<HTMLInputElement>('input[formControlName=code]');
  const codeField = () => page.loader.getHarness(MatFormFieldHarness);
  async function enter(code: string): Promise<void> {
    await (await page.loader.getHarness(MatInputHarness)).setValue(code);
    await (await page.loader.getHarness(MatButtonHarness.with({ text: 'Bevestigen' }))).click();
  }

  it('should ask for the six digits with the phone keyboard and one-time-code autofill', () => {
    expect(page.element.querySelector('h1')?.textContent).toBe('Vul je code in');
    expect(input()?.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input()?.getAttribute('inputmode')).toBe('numeric');
  });

  it('should verify the code and go on to where the person was going', async () => {
    await enter('482 913');
    const request = page.http.expectOne(VERIFY);
    expect(request.request.body).toEqual({ code: '482913' });
    request.flush(makeSession({ user: { roles: ['coordinator'] }, twoFactor: { state: 'satisfied', enrolled: true, required: true } }));
    await page.settle();

    expect(page.store.hasAccess()).toBe(true);
    expect(page.router.url).toBe('/mijn-groepen');
  });

  it('should say so next to the field when the code is not six digits, without asking the API', async () => {
    await enter('12345');

    expect(await (await codeField()).getTextErrors()).toEqual(['Een code heeft 6 cijfers. Kijk hem even na.']);
    page.http.expectNone(VERIFY);
  });

  it('should say kindly that a code is wrong or too old', async () => {
    await enter('000000');
    page.http.expectOne(VERIFY).flush(...apiError(401, 'invalid_two_factor_code'));
    await page.settle();

    expect(await (await codeField()).getTextErrors()).toEqual(['Die code klopt niet of is verlopen. Probeer de nieuwste code.']);
    expect(page.store.isSignedIn()).toBe(true);
  });

  it('should accept a recovery code instead when the person has no phone at hand', async () => {
    await (await page.loader.getHarness(MatButtonHarness.with({ text: /Gebruik een herstelcode/ }))).click();

    expect(input()?.getAttribute('autocomplete')).toBe('off');
    expect(await (await codeField()).getLabel()).toBe('Herstelcode');
    await enter('abcde-fghij');
    expect(page.http.expectOne(VERIFY).request.body).toEqual({ code: 'abcde-fghij' });
  });

  it('should say how long to wait after too many wrong codes', async () => {
    await enter('111111');
    page.http.expectOne(VERIFY).flush(...apiError(429, 'too_many_requests', { headers: { 'Retry-After': '30' } }));
    await page.settle();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('Wacht nog 30 seconden');
  });
});
