import { expect, test, type Page } from '@playwright/test';
import { AR, ParentPages, uniquePhone } from './support/parents-pages';

/** Walks the Arabic registration for the whole series of the baby group ("Babybabbels") with this phone number. */
async function registerForBabybabbels(page: Page, parent: ParentPages, phone: string): Promise<void> {
  await page.goto('/groepen/zoeken');
  await parent.main().getByRole('link', { name: AR.baby }).click();
  await parent.groupCard(AR.babyGroup).getByRole('link', { name: AR.babyGroup }).click();
  await parent.main().getByRole('link', { name: AR.registerSeries }).click();
  await page.getByLabel(AR.firstName).fill('سارة');
  await parent.next(AR.next);
  await page.getByLabel(AR.phone).fill(phone);
  await parent.next(AR.next);
  await page.getByLabel(AR.month).selectOption('01');
  await page.getByLabel(AR.year).selectOption(String(new Date().getFullYear()));
  await parent.next(AR.next);
  await parent.next(AR.next);
  await page.getByLabel(AR.agree).check();
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/public/registrations'));
  await parent.main().getByRole('button', { name: AR.submit }).click();
  expect((await answer).status()).toBe(201);
}

/**
 * Issue 17 (0): whoever knows a parent's number and registers "again" with it sees nothing of the
 * parent's registration: the page reads like a new registration, and the code and link go to the
 * number on file.
 */
test.describe('A registration again with a known number', () => {
  test('should read like a new registration and show no code, dates or link', async ({ page }) => {
    test.setTimeout(90_000);
    const parent = new ParentPages(page);
    const phone = uniquePhone();
    await parent.openLanguageChoice();
    await parent.chooseLanguage(AR.language);

    await registerForBabybabbels(page, parent, phone);
    await expect(parent.heading()).toHaveText(AR.done);
    await expect(page.getByTestId('registration-code')).toBeVisible();

    await registerForBabybabbels(page, parent, phone);
    await expect(parent.heading()).toHaveText('شكرًا، وصلنا تسجيلك');
    await expect(parent.main()).toContainText('نرسل تأكيدك إلى ذلك الرقم');
    await expect(page.getByTestId('registration-code')).toHaveCount(0);
    await expect(parent.main().locator('a[href*="mijn-inschrijving"]')).toHaveCount(0);
    await parent.checkA11y('registration again, Arabic');
  });
});
