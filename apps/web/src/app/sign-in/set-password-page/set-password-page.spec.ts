import type { HttpRequest } from '@angular/common/http';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError } from '../../../testing/staff';
import { SetPasswordPage } from './set-password-page';
import { useClockAt } from '../../../testing/clock';

/** Whose link it is: the token travels in the X-Link-Token header, never in the address. */
const INFO = (req: HttpRequest<unknown>): boolean =>
  req.method === 'GET' && req.url === '/api/v1/auth/set-password' && req.headers.get('X-Link-Token') === 'tok-123';
const SET = '/api/v1/auth/set-password';
const LINK = { email: 'nina@keerkring.be', displayName: 'Nina Peeters', expiresAt: '2026-11-30T10:30:00.000Z' };

describe(SetPasswordPage.name, () => {
  // Its dates are this year's and ahead of this clock, whatever day the tests run on.
  useClockAt('2026-11-28T12:00:00Z');

  let page: RenderedPage;

  async function open(url = '/set-password#token=tok-123'): Promise<void> {
    page = await renderPage(SetPasswordPage, { path: 'set-password', url });
  }

  async function answerLink(respond: () => void): Promise<void> {
    respond();
    await page.settle();
  }

  /** The password field with this label, as a person finds it. */
  async function field(label: string): Promise<MatInputHarness> {
    const formField = await page.loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    return (await formField.getControl(MatInputHarness)) as MatInputHarness;
  }

  async function type(password: string, confirmation = password): Promise<void> {
    await (await field('Nieuw wachtwoord')).setValue(password);
    await (await field('Typ je wachtwoord nog een keer')).setValue(confirmation);
  }

  const submit = async () => (await page.loader.getHarness(MatButtonHarness.with({ text: 'Wachtwoord instellen' }))).click();
  const errors = async () => Promise.all((await page.loader.getAllHarnesses(MatFormFieldHarness)).map((field) => field.getTextErrors()));
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  afterEach(() => page.http.verify());

  it('should show whose account it is and until when the link works, in Brussels time', async () => {
    await open();
    await answerLink(() => page.http.expectOne(INFO).flush(LINK));

    expect(page.element.querySelector('h1')?.textContent).toBe('Kies je wachtwoord');
    expect(text()).toContain('Nina Peeters');
    expect(text()).toContain('nina@keerkring.be');
    expect(text()).toContain('Deze link werkt tot maandag 30 november om 11.30 uur.');
  });

  it('should take an older link’s ?token= too, moving it out of the address’s query', async () => {
    await open('/set-password?token=tok-123');
    await answerLink(() => page.http.expectOne(INFO).flush(LINK));

    expect(page.router.url).toBe('/set-password#token=tok-123');
    expect(text()).toContain('Nina Peeters');
  });

  it('should check the password while typing, the way the server does', async () => {
    await open();
    await answerLink(() => page.http.expectOne(INFO).flush(LINK));

    const hints = () => [...page.element.querySelectorAll('kr-password-hints li')].map((li) => li.classList.contains('hint--met'));
    await type('nina');
    expect(hints()).toEqual([false, false, false]);

    await type('zonneschijn');
    expect(hints()).toEqual([false, true, true]);

    await type('koffie met drie vriendinnen');
    expect(hints()).toEqual([true, true, true]);
  });

  it('should not send a weak password, and say why next to the field', async () => {
    await open();
    await answerLink(() => page.http.expectOne(INFO).flush(LINK));
    await type('wachtwoord2026!');

    await submit();

    expect((await errors())[0]).toEqual(['Dit wachtwoord is bekend en makkelijk te raden. Kies iets anders, bijvoorbeeld een korte zin.']);
    page.http.expectNone(SET);
  });

  it('should ask for the same password twice', async () => {
    await open();
    await answerLink(() => page.http.expectOne(INFO).flush(LINK));
    await type('koffie met drie vriendinnen', 'koffie met twee vriendinnen');

    await submit();

    expect((await errors())[1]).toEqual(['De twee wachtwoorden zijn niet hetzelfde. Typ ze nog eens.']);
    page.http.expectNone(SET);
  });

  it('should set the password and then offer to sign in', async () => {
    await open();
    await answerLink(() => page.http.expectOne(INFO).flush(LINK));
    await type('koffie met drie vriendinnen');

    await submit();
    const request = page.http.expectOne(SET);
    expect(request.request.body).toEqual({ token: 'tok-123', password: 'koffie met drie vriendinnen' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent).toBe('Je wachtwoord is ingesteld');
    expect(page.element.querySelector('a[href="/aanmelden"]')?.textContent?.trim()).toBe('Aanmelden');
  });

  it('should show the reason the server gives when it refuses the password', async () => {
    await open();
    await answerLink(() => page.http.expectOne(INFO).flush(LINK));
    await type('koffie met drie vriendinnen');

    await submit();
    page.http.expectOne(SET).flush(
      ...apiError(400, 'validation_failed', {
        fields: [{ field: 'password', code: 'weak_password', reason: 'contains_name', message: 'x' }],
      }),
    );
    await page.settle();

    expect((await errors())[0]).toEqual(['Gebruik je naam of je e-mailadres niet in je wachtwoord.']);
  });

  it('should say kindly that a used or expired link changes nothing', async () => {
    await open();
    await answerLink(() => page.http.expectOne(INFO).flush(...apiError(410, 'link_expired')));

    expect(page.element.querySelector('h1')?.textContent).toBe('Deze link werkt niet meer');
    expect(text()).toContain('Er is niets veranderd aan je account.');
    expect(text()).toContain('Vraag wie de accounts beheert om een nieuwe link.');
    expect(page.element.querySelector('form')).toBeNull();
  });

  it('should say the same, without asking the API, when the link has no token', async () => {
    await open('/set-password');

    expect(page.element.querySelector('h1')?.textContent).toBe('Deze link werkt niet meer');
    page.http.expectNone((request) => request.url.startsWith('/api/'));
  });

  it('should switch to the expired page when the link runs out while typing', async () => {
    await open();
    await answerLink(() => page.http.expectOne(INFO).flush(LINK));
    await type('koffie met drie vriendinnen');

    await submit();
    page.http.expectOne(SET).flush(...apiError(410, 'link_expired'));
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent).toBe('Deze link werkt niet meer');
  });
});
