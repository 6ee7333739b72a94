import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError, makeSession } from '../../../testing/staff';
import { SignInPage } from './sign-in-page';

const SIGN_IN = '/api/v1/auth/sign-in';

describe(SignInPage.name, () => {
  let page: RenderedPage;

  async function open(url = '/aanmelden'): Promise<void> {
    page = await renderPage(SignInPage, { path: 'aanmelden', url });
  }

  async function fill(email: string, password: string): Promise<void> {
    await (await page.loader.getHarness(MatInputHarness.with({ selector: '[formControlName=email]' }))).setValue(email);
    await (await page.loader.getHarness(MatInputHarness.with({ selector: '[formControlName=password]' }))).setValue(password);
  }

  async function submit(): Promise<void> {
    await (await page.loader.getHarness(MatButtonHarness.with({ text: /Aanmelden/, selector: '[type=submit]' }))).click();
  }

  const alertText = () => page.element.querySelector('[role="alert"]')?.textContent?.trim();

  afterEach(() => page.http.verify());

  it('should ask for e-mail and password with the right autocomplete hints', async () => {
    await open();

    expect(page.element.querySelector('h1')?.textContent).toBe('Aanmelden');
    const email = page.element.querySelector<HTMLInputElement>('input[formControlName=email]');
    const password = page.element.querySelector<HTMLInputElement>('input[formControlName=password]');
    expect(email?.getAttribute('autocomplete')).toBe('username');
    expect(email?.type).toBe('email');
    expect(password?.getAttribute('autocomplete')).toBe('current-password');
    expect(password?.type).toBe('password');
  });

  it('should show the password when the eye button is pressed, and hide it again', async () => {
    await open();
    const toggle = await page.loader.getHarness(MatButtonHarness.with({ selector: 'kr-show-password button' }));
    const password = () => page.element.querySelector<HTMLInputElement>('input[formControlName=password]');

    await toggle.click();
    expect(password()?.type).toBe('text');
    expect(await (await toggle.host()).getAttribute('aria-pressed')).toBe('true');
    expect(await (await toggle.host()).getAttribute('aria-label')).toBe('Wachtwoord tonen');
    await toggle.click();
    expect(password()?.type).toBe('password');
  });

  it('should say what is missing next to the fields, without asking the API', async () => {
    await open();

    await submit();

    const fields = await page.loader.getAllHarnesses(MatFormFieldHarness);
    expect(await fields[0].getTextErrors()).toEqual(['Vul je e-mailadres in.']);
    expect(await fields[1].getTextErrors()).toEqual(['Vul je wachtwoord in.']);
    page.http.expectNone(SIGN_IN);
  });

  it('should sign in and go back where the person was going', async () => {
    await open('/aanmelden?returnUrl=%2Fbeheer%2Faudit');
    await fill(' gita@keerkring.be ', 'koffie met drie vriendinnen');

    await submit();
    const request = page.http.expectOne(SIGN_IN);
    expect(request.request.body).toEqual({ email: 'gita@keerkring.be', password: 'koffie met drie vriendinnen' });
    request.flush(makeSession());
    await page.settle();

    expect(page.store.isSignedIn()).toBe(true);
    expect(page.router.url).toBe('/beheer/audit');
  });

  it('should go to the code page next when the account uses two-factor sign-in', async () => {
    await open('/aanmelden?returnUrl=%2Fmijn-groepen');
    await fill('chris@keerkring.be', 'koffie met drie vriendinnen');

    await submit();
    page.http.expectOne(SIGN_IN).flush(makeSession({ twoFactor: { state: 'code_required', enrolled: true, required: true } }));
    await page.settle();

    expect(page.router.url).toBe('/aanmelden/code?returnUrl=%2Fmijn-groepen');
  });

  it('should say kindly that e-mail and password do not match', async () => {
    await open();
    await fill('gita@keerkring.be', 'wrong');

    await submit();
    page.http.expectOne(SIGN_IN).flush(...apiError(401, 'invalid_credentials'));
    await page.settle();

    expect(alertText()).toBe('Dit e-mailadres en wachtwoord passen niet bij elkaar. Kijk ze na en probeer opnieuw.');
    expect(page.router.url).toBe('/aanmelden');
  });

  it('should say how long to wait, in words, after too many attempts', async () => {
    await open();
    await fill('gita@keerkring.be', 'wrong');

    await submit();
    page.http.expectOne(SIGN_IN).flush(...apiError(429, 'too_many_requests', { headers: { 'Retry-After': '90' } }));
    await page.settle();

    expect(alertText()).toBe('Je probeerde het een paar keer na elkaar. Wacht nog 2 minuten en probeer het dan opnieuw.');
  });

  it('should put a refused field back next to that field', async () => {
    await open();
    await fill('gita@keerkring.be', 'x');

    await submit();
    page.http
      .expectOne(SIGN_IN)
      .flush(...apiError(400, 'validation_failed', { fields: [{ field: 'email', code: 'invalid', message: 'x' }] }));
    await page.settle();

    const [email] = await page.loader.getAllHarnesses(MatFormFieldHarness);
    expect(await email.getTextErrors()).toEqual(['Dit lijkt geen e-mailadres. Kijk het even na, bijvoorbeeld naam@keerkring.be.']);
  });

  it('should say the session ended when sent here for that reason', async () => {
    await open('/aanmelden?reason=session-expired');

    expect(page.element.querySelector('[role="status"]')?.textContent?.trim()).toBe('Je sessie is verlopen. Meld je opnieuw aan.');
  });
});
