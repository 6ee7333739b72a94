import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { HomePageModel } from './support/home-page';

test.describe('Home page', () => {
  test('should show the shell, the welcome and the demo groups in Dutch when opened for the first time', async ({ page }) => {
    const home = new HomePageModel(page);
    await home.open();

    await expect(home.html()).toHaveAttribute('lang', 'nl');
    await expect(home.html()).toHaveAttribute('dir', 'ltr');
    await expect(page).toHaveTitle('Groepen voor ouders · Kring');
    await expect(home.banner()).toContainText('Kring');
    await expect(home.banner()).toContainText('De Keerkring');
    await expect(home.banner().getByRole('button', { name: /Kies je taal/ })).toContainText('Nederlands');
    await expect(page.getByRole('main')).toBeVisible();
    await expect(home.mainHeading()).toHaveText('Samen met andere ouders, dicht bij huis');
    await expect(home.groupsSection().getByRole('heading', { level: 2 })).toHaveText('Groepen en inloopmomenten');

    await home.waitForGroups();
    const baby = home.groupCard('Babybabbels');
    await expect(baby).toContainText('Vaste groep');
    await expect(baby).toContainText('0 tot 1 jaar');
    await expect(baby).toContainText('Huis van het Kind Sint-Niklaas');
    const dropIn = home.groupCard('Inloopmoment');
    await expect(dropIn).toContainText('Inloop');
    await expect(dropIn).toContainText('Voor alle ouders');
    await expect(dropIn).toContainText('Sint-Niklaas');
  });

  test('should switch to English and remember it after a reload when English is chosen', async ({ page }) => {
    const home = new HomePageModel(page);
    await home.open();
    await home.waitForGroups();

    await home.chooseLanguage(/Kies je taal/, 'English');

    await expect(home.html()).toHaveAttribute('lang', 'en');
    await expect(home.mainHeading()).toHaveText('Together with other parents, close to home');
    await expect(page).toHaveTitle('Groups for parents · Kring');
    await expect(home.groupCard('Baby chats')).toContainText('Regular group');
    await expect(home.groupCard('Baby chats')).toContainText('0 to 1 year');
    await expect(home.groupsSection()).toContainText('For all parents');

    await page.reload();

    await expect(home.html()).toHaveAttribute('lang', 'en');
    await expect(home.mainHeading()).toHaveText('Together with other parents, close to home');
    await expect(home.banner().getByRole('button', { name: /Choose your language/ })).toContainText('English');
    await expect(home.groupCard('Baby chats')).toBeVisible();
  });

  test('should have no serious accessibility violations when shown in Dutch and in English', async ({ page }) => {
    const home = new HomePageModel(page);
    await home.open();
    await home.waitForGroups();
    await expectNoSeriousA11yViolations(page, 'home, Dutch');

    await home.chooseLanguage(/Kies je taal/, 'English');
    await expect(home.groupCard('Baby chats')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'home, English');
  });

  test('should move keyboard focus to the main content when the skip link is used', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'a keyboard journey');
    const home = new HomePageModel(page);
    await home.open();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('main')).toBeFocused();
  });
});

test.describe('Navigation', () => {
  test('should show the navigation beside the page when on a desktop', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'desktop layout');
    const home = new HomePageModel(page);
    await home.open();

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link', { name: 'Start' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Groepen vinden' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu openen' })).toHaveCount(0);
  });

  test('should open the menu, show the links and go to the groups when on a phone', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'phone layout');
    const home = new HomePageModel(page);
    await home.open();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav).toBeHidden();

    const menuButton = page.getByRole('button', { name: 'Menu openen' });
    await menuButton.click();

    await expect(nav.getByRole('link', { name: 'Start' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Groepen vinden' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu sluiten' })).toHaveAttribute('aria-expanded', 'true');
    await expectNoSeriousA11yViolations(page, 'phone menu open');

    await nav.getByRole('link', { name: 'Groepen vinden' }).click();

    await expect(nav).toBeHidden();
    await expect(page).toHaveURL(/#groups$/);
    await expect(home.groupsSection().getByRole('heading', { level: 2 })).toBeInViewport();
  });
});
