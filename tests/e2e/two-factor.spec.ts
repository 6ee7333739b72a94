import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { DEMO_COORDINATOR, enrolTwoFactor, enterCode, mainNav, signIn, signOut } from './support/staff';

/**
 * A coordinator must set up two-factor sign-in before anything else; afterwards they sign in
 * with a code from the app, or with a recovery code. The demo coordinator enrols once per
 * database, so this runs in the desktop project only.
 */
test.describe('Two-factor sign-in', () => {
  test.describe.configure({ mode: 'serial' });
  // Only in the desktop project (the phone project is the one that is mobile).
  test.skip(({ isMobile }) => isMobile, 'the demo coordinator enrols once per database');

  let secret = '';
  let recoveryCodes: string[] = [];

  test('should send the coordinator to set up two-factor sign-in before reaching anything', async ({ page }) => {
    test.slow(); // a long journey, with an accessibility check on every screen
    await page.goto('/aanmelden');
    await signIn(page, DEMO_COORDINATOR);
    await expect(page).toHaveURL(/\/aanmelden\/tweestapsverificatie$/);

    await page.goto('/mijn-groepen');
    await expect(page).toHaveURL(/\/aanmelden\/tweestapsverificatie\?returnUrl=%2Fmijn-groepen$/);
    await expect(page.getByText('Voor jouw werk in Kring is dit nodig.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nu niet' })).toHaveCount(0);

    ({ secret, recoveryCodes } = await enrolTwoFactor(page, DEMO_COORDINATOR));

    await expect(page).toHaveURL(/\/mijn-groepen$/);
    await expect(page.getByText('als coördinator zie je alle groepen')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Babybabbels' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Inloopmoment' })).toBeVisible();
    await expect((await mainNav(page)).getByRole('link', { name: 'Mijn groepen' })).toHaveAttribute('aria-current', 'page');
    await expectNoSeriousA11yViolations(page, 'my groups, coordinator');
  });

  test('should ask for the code from the app at the next sign-in, or take a recovery code instead', async ({ page }) => {
    test.slow();
    expect(secret, 'the key from the enrolment test').not.toBe('');

    await page.goto('/mijn-groepen');
    await signIn(page, DEMO_COORDINATOR);
    await expect(page).toHaveURL(/\/aanmelden\/code\?returnUrl=%2Fmijn-groepen$/);
    const code = page.getByLabel('Code uit de app');
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(code).toHaveAttribute('inputmode', 'numeric');
    await expectNoSeriousA11yViolations(page, 'two-factor code');
    // The code of the enrolment may not be used twice: enterCode takes the next step's.
    await enterCode(page, secret);
    await expect(page).toHaveURL(/\/mijn-groepen$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Babybabbels' })).toBeVisible();

    await signOut(page);
    await page.goto('/aanmelden');
    await signIn(page, DEMO_COORDINATOR, undefined, false);
    await page.getByRole('button', { name: /Gebruik een herstelcode/ }).click();
    await page.getByLabel('Herstelcode').fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Bevestigen' }).click();

    await expect(page).toHaveURL(/\/mijn-groepen$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Inloopmoment' })).toBeVisible();
  });
});
