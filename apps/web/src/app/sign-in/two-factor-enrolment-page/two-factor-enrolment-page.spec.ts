import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { TwoFactorEnrolment } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError, makeSession } from '../../../testing/staff';
import { TwoFactorEnrolmentPage } from './two-factor-enrolment-page';

const START = '/api/v1/auth/two-factor/enrolment';
const CONFIRM = '/api/v1/auth/two-factor/enrolment/confirm';
const ENROLMENT: TwoFactorEnrolment = {
  qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script><rect width="1" height="1"/></svg>',
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUrl: 'otpauth://totp/Kring:chris?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};
const coordinator = makeSession({
  user: { roles: ['coordinator'], email: 'chris@keerkring.be' },
  twoFactor: { state: 'enrolment_required', enrolled: false, required: true },
});

describe(TwoFactorEnrolmentPage.name, () => {
  let page: RenderedPage;

  async function open(session = coordinator): Promise<void> {
    page = await renderPage(TwoFactorEnrolmentPage, {
      path: 'aanmelden/tweestapsverificatie',
      url: '/aanmelden/tweestapsverificatie?returnUrl=%2Fmijn-groepen',
      session,
    });
    page.http.expectOne(START).flush(ENROLMENT);
    await page.settle();
  }

  const click = async (text: string | RegExp) => (await page.loader.getHarness(MatButtonHarness.with({ text }))).click();
  const step = () => page.element.querySelector('h2')?.textContent?.trim();

  afterEach(() => page.http.verify());

  it('should explain why it is needed and start with installing an app', async () => {
    await open();

    expect(page.element.textContent).toContain('Voor jouw werk in Kring is dit nodig.');
    expect(page.element.textContent).toContain('Stap 1 van 4');
    expect(step()).toBe('Installeer een app voor codes');
    expect(await page.loader.getAllHarnesses(MatButtonHarness.with({ text: 'Nu niet' }))).toHaveLength(0);
  });

  it('should show the QR code as a picture with a text alternative, and the key in groups of four', async () => {
    await open();
    await click('Ik heb een app');

    const img = page.element.querySelector<HTMLImageElement>('img.qr');
    expect(step()).toBe('Scan de QR-code');
    expect(img?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(img?.alt).toBe('QR-code om Kring toe te voegen aan je app voor codes');
    // The server's SVG is only ever a picture: nothing of it is in the page itself.
    expect(page.element.querySelector('script, svg rect')).toBeNull();
    expect(page.element.querySelector('code.secret')?.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
  });

  it('should confirm the first code and then show the recovery codes', async () => {
    await open();
    await click('Ik heb een app');
    await click('Volgende');
    await (await page.loader.getHarness(MatInputHarness.with({ selector: '[formControlName=code]' }))).setValue('123456');
    await click('Bevestigen');

    const request = page.http.expectOne(CONFIRM);
    expect(request.request.body).toEqual({ code: '123456' });
    request.flush({ recoveryCodes: ['aaaaa-bbbbb', 'ccccc-ddddd'] });
    await page.settle();

    expect(step()).toBe('Bewaar je herstelcodes');
    expect([...page.element.querySelectorAll('li.code')].map((li) => li.textContent?.trim())).toEqual(['aaaaa-bbbbb', 'ccccc-ddddd']);
  });

  it('should say next to the field when the first code is wrong', async () => {
    await open();
    await click('Ik heb een app');
    await click('Volgende');
    await (await page.loader.getHarness(MatInputHarness.with({ selector: '[formControlName=code]' }))).setValue('999999');
    await click('Bevestigen');
    page.http.expectOne(CONFIRM).flush(...apiError(401, 'invalid_two_factor_code'));
    await page.settle();

    expect(await (await page.loader.getHarness(MatFormFieldHarness)).getTextErrors()).toEqual([
      'Die code klopt niet of is verlopen. Probeer de nieuwste code.',
    ]);
    expect(step()).toBe('Vul de code uit de app in');
  });

  it('should refresh the session and go where the person was going once the codes are kept', async () => {
    await open();
    await click('Ik heb een app');
    await click('Volgende');
    await (await page.loader.getHarness(MatInputHarness.with({ selector: '[formControlName=code]' }))).setValue('123456');
    await click('Bevestigen');
    page.http.expectOne(CONFIRM).flush({ recoveryCodes: ['aaaaa-bbbbb'] });
    await page.settle();

    await (await page.loader.getHarness(MatCheckboxHarness)).check();
    await click('Verder naar Kring');
    page.http
      .expectOne('/api/v1/auth/session')
      .flush(makeSession({ user: { roles: ['coordinator'] }, twoFactor: { state: 'satisfied', enrolled: true, required: true } }));
    await page.settle();

    expect(page.store.hasAccess()).toBe(true);
    expect(page.router.url).toBe('/mijn-groepen');
  });

  it('should let a group worker, for whom it is a choice, leave it for now', async () => {
    await open(makeSession());

    expect(page.element.textContent).toContain('Dit is niet verplicht voor jou');
    await click('Nu niet');
    await page.settle();

    expect(page.router.url).toBe('/mijn-groepen');
  });

  it('should offer to try again when the key cannot be made', async () => {
    page = await renderPage(TwoFactorEnrolmentPage, {
      path: 'aanmelden/tweestapsverificatie',
      url: '/aanmelden/tweestapsverificatie',
      session: coordinator,
    });
    page.http.expectOne(START).flush(...apiError(500, 'internal_error'));
    await page.settle();
    await click('Ik heb een app');

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('Dat ligt niet aan jou');
    await click('Probeer opnieuw');
    page.http.expectOne(START).flush(ENROLMENT);
    await page.settle();
    expect(page.element.querySelector('img.qr')).not.toBeNull();
  });
});
