import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { withDemoAdminLock } from './support/secrets';
import { DEMO_ADMIN, closeNav, mainNav, passTwoFactor, signIn } from './support/staff';

/**
 * The demo admin sets up two-factor sign-in (possible once per database, so only in the desktop
 * project), creates a group worker and hands over the one-time link; the worker, on a phone,
 * sets a password, signs in and sees only their own work.
 */
test.describe('Staff accounts', () => {
  test.describe.configure({ mode: 'serial' });
  // Only in the desktop project (the phone project is the one that is mobile).
  test.skip(({ isMobile }) => isMobile, 'the demo admin enrols once per database');

  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const worker = {
    name: `Wout Werker ${unique}`,
    email: `werker-${unique}@example.be`,
    password: 'koffie met drie vriendinnen',
  };
  let setPasswordPath = '';

  test('should let the admin in only after two-factor sign-in is set up, then create a group worker with a one-time link', async ({
    page,
  }) => {
    test.slow(); // a long journey, with an accessibility check on every screen
    await page.goto('/beheer/medewerkers');
    await expect(page).toHaveURL(/\/aanmelden\?returnUrl=%2Fbeheer%2Fmedewerkers$/);
    await expectNoSeriousA11yViolations(page, 'sign-in page');

    // Other specs sign the demo admin in through the API: one at a time, sharing its key. In a
    // fresh database the admin sets up two-factor sign-in here (its screens are checked for
    // accessibility in two-factor.spec.ts, keeping the lock short); when another spec was first,
    // the admin gives the code from that key.
    await withDemoAdminLock(async () => {
      await signIn(page, DEMO_ADMIN, undefined, false);
      await expect(page).toHaveURL(/\/aanmelden\/(tweestapsverificatie|code)\?returnUrl=%2Fbeheer%2Fmedewerkers$/);
      // Nothing else is reachable before the two-factor step: the navigation has no staff pages yet.
      await expect((await mainNav(page)).getByRole('link', { name: 'Medewerkers' })).toHaveCount(0);
      await closeNav(page);
      await passTwoFactor(page, DEMO_ADMIN, false);
      await expect(page).toHaveURL(/\/beheer\/medewerkers$/);
    });

    await expect(page).toHaveURL(/\/beheer\/medewerkers$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Medewerkers' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Bram Beheer/ })).toContainText('Beheerder');
    await expectNoSeriousA11yViolations(page, 'staff list');

    await page.getByRole('button', { name: 'Nieuwe medewerker' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe medewerker' });
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'new staff member dialog');
    await dialog.getByLabel('E-mailadres').fill(worker.email);
    await dialog.getByLabel('Naam', { exact: true }).fill(worker.name);
    await dialog.getByRole('checkbox', { name: /Groepswerker/ }).check();
    await dialog.getByRole('button', { name: 'Account maken' }).click();

    const created = page.getByRole('dialog', { name: `Het account van ${worker.name} is klaar` });
    await expect(created).toBeVisible();
    await expect(created).toContainText(/Geldig tot \w+ \d+ \w+ om \d+(\.\d\d)? uur\./);
    await expectNoSeriousA11yViolations(page, 'one-time link');
    const link = await created.getByRole('textbox', { name: 'Link om een wachtwoord in te stellen' }).inputValue();
    const url = new URL(link);
    expect(url.pathname).toBe('/set-password');
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBeTruthy();
    // The link names the server's public address; the test follows it on the address it runs on.
    setPasswordPath = `${url.pathname}${url.hash}`;
    await created.getByRole('button', { name: 'Klaar' }).click();

    await page.getByLabel('Zoek op naam of e-mailadres').fill(worker.email);
    await expect(page.getByText(`1 gevonden voor ‘${worker.email}’`)).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(worker.name) });
    await expect(row).toContainText('Wacht op wachtwoord');
    await expect(row).toContainText('Groepswerker');

    // What Kring sent, or kept for preview when no e-mail or SMS service is set up.
    await page.goto('/beheer/berichten');
    await expect(page.getByRole('heading', { level: 1, name: 'Berichten' })).toBeVisible();
    await expect(page.getByText(/\d+ berichten/)).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'messages');
  });

  test('should let the new group worker set a password with the link, sign in on a phone and see only their own work', async ({
    browser,
  }) => {
    test.slow();
    expect(setPasswordPath, 'the link from the admin test').not.toBe('');
    const phone = await newPhone(browser);

    await phone.goto(setPasswordPath);
    await expect(phone.getByRole('heading', { level: 1, name: 'Kies je wachtwoord' })).toBeVisible();
    await expect(phone.getByText(worker.email)).toBeVisible();
    await expect(phone.getByText(`Welkom bij Kring, ${worker.name}.`)).toBeVisible();
    await expectNoSeriousA11yViolations(phone, 'set password');
    await phone.getByLabel('Nieuw wachtwoord').fill(worker.password);
    await phone.getByLabel('Typ je wachtwoord nog een keer').fill(worker.password);
    await phone.getByRole('button', { name: 'Wachtwoord instellen' }).click();

    await expect(phone.getByRole('heading', { level: 1, name: 'Je wachtwoord is ingesteld' })).toBeVisible();
    await expectNoSeriousA11yViolations(phone, 'password set');
    await phone.getByRole('link', { name: 'Aanmelden' }).click();
    await signIn(phone, worker.email, worker.password);

    await expect(phone).toHaveURL(/\/mijn-groepen$/);
    await expect(phone.getByRole('heading', { level: 1, name: 'Mijn groepen' })).toBeVisible();
    await expect(phone.getByText('Je begeleidt nog geen groepen')).toBeVisible();
    await expectNoSeriousA11yViolations(phone, 'my groups, empty');

    const nav = await mainNav(phone);
    await expect(nav.getByRole('link', { name: 'Mijn groepen' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Medewerkers' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Audit' })).toHaveCount(0);
    await expect(
      phone
        .getByRole('button', { name: 'Tweestapsverificatie instellen' })
        .or(phone.getByRole('link', { name: 'Tweestapsverificatie instellen' })),
    ).toBeVisible();
    await closeNav(phone);

    await phone.goto('/beheer/medewerkers');
    await expect(phone.getByRole('heading', { level: 1, name: 'Deze pagina is niet voor jou' })).toBeVisible();
    await expect(phone.getByRole('heading', { name: 'Medewerkers' })).toHaveCount(0);
    await expect(phone).toHaveURL(/\/beheer\/medewerkers$/);
    await expectNoSeriousA11yViolations(phone, 'no access');

    // The link worked once: opening it again changes nothing and says so.
    await phone.goto(setPasswordPath);
    await expect(phone.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
    await expectNoSeriousA11yViolations(phone, 'used link');
    await phone.context().close();
  });
});

/** A fresh browser, as on the worker's own phone. */
async function newPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'en-US',
    timezoneId: 'Europe/Brussels',
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}
