import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { rememberSecret, rememberedSecret } from './secrets';
import { totp } from './totp';

/** Accounts from the demo data (a fresh database each `npm test` run). */
export const DEMO_PASSWORD = 'kring-demo-2026';
export const DEMO_ADMIN = 'beheer@demo.kring.be';
export const DEMO_COORDINATOR = 'coordinator@demo.kring.be';
export const DEMO_GROUP_WORKER = 'groepswerker@demo.kring.be';

/** The main navigation, opening the drawer first on a phone. */
export async function mainNav(page: Page): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const menuButton = page.getByRole('button', { name: 'Menu openen' });
  if (await menuButton.isVisible()) {
    await menuButton.click();
    await expect(nav).toBeVisible();
  }
  return nav;
}

/** Closes the drawer on a phone (nothing to do on a desktop). */
export async function closeNav(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Menu sluiten' });
  if (await close.isVisible()) await close.click();
}

/** Fills in the sign-in page and submits it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, checkA11y = true): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  if (checkA11y) await expectNoSeriousA11yViolations(page, 'sign-in page');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
}

/** Signs out from the account menu (toolbar on a desktop, drawer on a phone). */
export async function signOut(page: Page): Promise<void> {
  const accountButton = page.getByRole('banner').getByRole('button', { name: /Je account/ });
  if (await accountButton.isVisible()) {
    await accountButton.click();
    await page.getByRole('menuitem', { name: 'Afmelden', exact: true }).click();
  } else {
    await mainNav(page);
    await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
  }
  await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
}

/**
 * Goes through the enrolment page as a person with an authenticator app would: reads the key
 * shown for typing in, answers with the code, keeps the recovery codes. Returns both.
 */
export async function enrolTwoFactor(page: Page, email: string, checkA11y = true): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page.getByRole('heading', { level: 1, name: 'Stel tweestapsverificatie in' })).toBeVisible();
  if (checkA11y) await expectNoSeriousA11yViolations(page, 'enrolment: install an app');
  await page.getByRole('button', { name: 'Ik heb een app' }).click();

  await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
  if (checkA11y) await expectNoSeriousA11yViolations(page, 'enrolment: scan');
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByRole('button', { name: 'Volgende' }).click();

  const code = page.getByLabel('Code uit de app');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.fill(totp(secret));
  await page.getByRole('button', { name: 'Bevestigen' }).click();

  await expect(page.getByRole('heading', { name: 'Bewaar je herstelcodes' })).toBeVisible();
  rememberSecret(baseUrlOf(page), email, secret);
  await expect(page.getByText('Je ziet deze codes maar één keer.')).toBeVisible();
  if (checkA11y) await expectNoSeriousA11yViolations(page, 'enrolment: recovery codes');
  const recoveryCodes = (await page.getByRole('list', { name: 'Je herstelcodes' }).getByRole('listitem').allTextContents()).map((text) =>
    text.trim(),
  );
  expect(recoveryCodes).toHaveLength(10);

  // Going on without saying the codes are kept is refused, kindly.
  await page.getByRole('button', { name: 'Verder naar Kring' }).click();
  await expect(page.getByText('Vink dit aan als je de codes bewaard hebt.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Ik heb mijn herstelcodes veilig bewaard' }).check();
  await page.getByRole('button', { name: 'Verder naar Kring' }).click();
  return { secret, recoveryCodes };
}

function baseUrlOf(page: Page): string {
  return new URL(page.url()).origin;
}

/**
 * The two-factor step after signing in as an admin or coordinator: set it up the first time
 * (this run's database), or, when it is set up already (a retried test, or another spec enrolled
 * the account), give the code from the key kept at enrolment.
 */
export async function passTwoFactor(page: Page, email: string, checkA11y = true): Promise<void> {
  await expect(page).toHaveURL(/\/aanmelden\/(tweestapsverificatie|code)/);
  if (/\/aanmelden\/tweestapsverificatie/.test(page.url())) {
    await enrolTwoFactor(page, email, checkA11y);
    return;
  }
  const secret = rememberedSecret(baseUrlOf(page), email);
  if (!secret) throw new Error(`${email} has two-factor sign-in set up, but this run kept no key for it`);
  await enterCode(page, secret);
}

/**
 * Gives the code from the app. Kring takes each step's code once per account, and the one just
 * before and after: the next step's code is fresh unless someone used it a moment ago; then wait
 * for the following step.
 */
export async function enterCode(page: Page, secret: string): Promise<void> {
  const refused = page.getByText('Die code klopt niet of is verlopen.');
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await page.getByLabel('Code uit de app').fill(totp(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith('/aanmelden/code'), { timeout: 20_000 }).then(() => 'in' as const),
      refused.waitFor({ state: 'visible', timeout: 20_000 }).then(() => 'refused' as const),
    ]);
    if (outcome === 'in') return;
  }
  throw new Error('the two-factor code was refused twice');
}
