import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { DEMO_GROUP_WORKER, closeNav, mainNav, signIn, signOut } from './support/staff';

/** A group worker (two-factor sign-in is a choice for them) signs in and sees their own groups. */
test.describe('My groups', () => {
  test('should sign the group worker in, show the groups they lead and nothing of the admin pages', async ({ page }) => {
    await page.goto('/');
    const nav = await mainNav(page);
    await expect(nav.getByRole('link', { name: 'Mijn groepen' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Aanmelden' }).first().click();
    await signIn(page, DEMO_GROUP_WORKER);

    await expect(page).toHaveURL(/\/mijn-groepen$/);
    await expect(page).toHaveTitle('Mijn groepen · Kring');
    await expect(page.getByText('Dag Gita, dit zijn de groepen die jij begeleidt.')).toBeVisible();
    const baby = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Babybabbels' }) });
    await expect(baby).toContainText('Vaste groep');
    await expect(baby).toContainText('10 gezinnen');
    await expect(baby).toContainText('Jij begeleidt deze groep');
    await expectNoSeriousA11yViolations(page, 'my groups');

    const signedInNav = await mainNav(page);
    await expect(signedInNav.getByRole('link', { name: 'Mijn groepen' })).toBeVisible();
    await expect(signedInNav.getByRole('link', { name: 'Medewerkers' })).toHaveCount(0);
    await expect(signedInNav.getByRole('link', { name: 'Audit' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'navigation, signed in');
    await closeNav(page);

    await page.goto('/beheer/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina is niet voor jou' })).toBeVisible();
    await expect(page).toHaveTitle('Geen toegang · Kring');

    await signOut(page);
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/mijn-groepen');
    await expect(page).toHaveURL(/\/aanmelden\?returnUrl=%2Fmijn-groepen$/);
  });

  test('should say kindly that a set-password link no longer works, changing nothing', async ({ page }) => {
    await page.goto('/set-password?token=not-a-real-token');

    await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
    await expect(page.getByText('Vraag wie de accounts beheert om een nieuwe link.')).toBeVisible();
    await expect(page).toHaveTitle('Wachtwoord instellen · Kring');
    await expectNoSeriousA11yViolations(page, 'expired link');
  });
});
