import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError, makeSession } from '../../../testing/staff';
import { ChangePasswordPage } from './change-password-page';

const PASSWORD = '/api/v1/auth/password';

describe(ChangePasswordPage.name, () => {
  let page: RenderedPage;

  beforeEach(async () => {
    page = await renderPage(ChangePasswordPage, { path: 'account/wachtwoord', url: '/account/wachtwoord', session: makeSession() });
  });

  afterEach(() => page.http.verify());

  /** The password field with this label, as a person finds it. */
  async function field(label: string): Promise<MatInputHarness> {
    const formField = await page.loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    return (await formField.getControl(MatInputHarness)) as MatInputHarness;
  }

  async function fill(current: string, fresh: string, again = fresh): Promise<void> {
    await (await field('Huidig wachtwoord')).setValue(current);
    await (await field('Nieuw wachtwoord')).setValue(fresh);
    await (await field('Typ je nieuwe wachtwoord nog een keer')).setValue(again);
  }
  const submit = async () =>
    (await page.loader.getHarness(MatButtonHarness.with({ text: 'Wachtwoord wijzigen', selector: '[type=submit]' }))).click();
  const errors = async () => Promise.all((await page.loader.getAllHarnesses(MatFormFieldHarness)).map((field) => field.getTextErrors()));

  it('should change the password and say the other devices are signed out', async () => {
    await fill('oud wachtwoord van mij', 'koffie met drie vriendinnen');

    await submit();
    const request = page.http.expectOne(PASSWORD);
    expect(request.request.body).toEqual({ currentPassword: 'oud wachtwoord van mij', newPassword: 'koffie met drie vriendinnen' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await page.settle();

    expect(page.element.textContent).toContain('Je wachtwoord is gewijzigd. Op je andere toestellen ben je afgemeld.');
    expect(await (await field('Nieuw wachtwoord')).getValue()).toBe('');
  });

  it('should not accept the person’s own name in the new password', async () => {
    await fill('oud wachtwoord van mij', 'gitapeeters-is-de-beste');

    await submit();

    expect((await errors())[1]).toEqual(['Gebruik je naam of je e-mailadres niet in je wachtwoord.']);
    page.http.expectNone(PASSWORD);
  });

  it('should say next to the field when the current password is not right', async () => {
    await fill('verkeerd wachtwoord', 'koffie met drie vriendinnen');

    await submit();
    page.http
      .expectOne(PASSWORD)
      .flush(...apiError(400, 'validation_failed', { fields: [{ field: 'currentPassword', code: 'invalid', message: 'x' }] }));
    await page.settle();

    expect((await errors())[0]).toEqual(['Dit is niet je huidige wachtwoord. Probeer het nog eens.']);
  });

  it('should explain a refusal of the new password with the server’s reason', async () => {
    await fill('oud wachtwoord van mij', 'koffie met drie vriendinnen');

    await submit();
    page.http.expectOne(PASSWORD).flush(
      ...apiError(400, 'validation_failed', {
        fields: [{ field: 'newPassword', code: 'weak_password', reason: 'too_predictable', message: 'x' }],
      }),
    );
    await page.settle();

    expect((await errors())[1]).toEqual(['Dit wachtwoord is makkelijk te raden, zoals ‘abcdef’ of ‘123456’. Kies iets anders.']);
  });
});
