import { expect, test } from '@playwright/test';
import type { RegisterResponse } from '@kring/domain';
import { AR, ParentPages, uniquePhone } from './support/parents-pages';

/**
 * A parent without an account, on a phone: chooses Arabic, finds the weekly group "Babybabbels",
 * registers for the whole series with a phone number, gets the code, opens the manage link,
 * skips one week, takes it back, and then stops. One database serves every spec file at once: seats are never
 * counted exactly (a full series means the waitlist, which the journey accepts as well).
 */
test.describe('Parents register without an account', () => {
  test('should let a parent register in Arabic, then skip a week, take it back and stop through the manage link', async ({ page }) => {
    test.setTimeout(120_000);
    const parent = new ParentPages(page);

    // 1. Language first, named in its own script; Arabic turns the page right to left.
    await parent.openLanguageChoice();
    await expect(parent.heading()).toHaveText('Kies je taal');
    await parent.checkA11y('language choice, Dutch');
    await parent.chooseLanguage(AR.language);
    await expect(parent.html()).toHaveAttribute('dir', 'rtl');
    await expect(parent.html()).toHaveAttribute('lang', 'ar');

    // 2. "Wat zoek je?": by the child's age.
    await expect(parent.heading()).toHaveText(AR.whatAreYouLookingFor);
    await parent.checkA11y('what are you looking for, Arabic');
    await parent.main().getByRole('link', { name: AR.baby }).click();

    // 3. The list: the baby group first; the drop-in says it takes no registration.
    const baby = parent.groupCard(AR.babyGroup);
    await expect(baby).toBeVisible();
    await expect(baby).toContainText('Huis van het Kind Sint-Niklaas');
    await expect(parent.groupCard(AR.dropInGroup)).toContainText('تعال مباشرة، بدون تسجيل');
    await parent.checkA11y('group list, Arabic');
    await baby.getByRole('link', { name: AR.babyGroup }).click();

    // 4. The group page: what, when, where, who; register for the whole series.
    await expect(parent.heading()).toHaveText(AR.babyGroup);
    await expect(parent.main()).toContainText('Kazernestraat 10');
    await expect(parent.main().getByRole('link', { name: 'أضف إلى تقويمك' })).toHaveAttribute('href', /calendar\.ics\?locale=ar$/);
    await parent.checkA11y('group page, Arabic');
    await parent.main().getByRole('link', { name: AR.registerSeries }).click();

    // 5. Five short steps, one question each.
    await expect(parent.main()).toContainText('الخطوة 1 من 5');
    await parent.checkA11y('register: name, Arabic');
    await page.getByLabel(AR.firstName).fill('سارة');
    await parent.next(AR.next);
    await page.getByLabel(AR.phone).fill(uniquePhone());
    await parent.checkA11y('register: phone, Arabic');
    await parent.next(AR.next);
    await page.getByLabel(AR.month).selectOption('01');
    await page.getByLabel(AR.year).selectOption(String(new Date().getFullYear()));
    await parent.checkA11y('register: children, Arabic');
    await parent.next(AR.next);
    await page.getByLabel(AR.interpreter).check();
    await parent.checkA11y('register: needs, Arabic');
    await parent.next(AR.next);
    await parent.main().getByRole('button', { name: AR.readMore }).click();
    await expect(parent.main()).toContainText('De Keerkring');
    await page.getByLabel(AR.agree).check();
    await parent.checkA11y('register: consent, Arabic');
    const { response, posts } = await parent.submitTwice(AR.submit);

    // 6. Done: one registration (a double tap makes no second one), the big code, the fairness rule when waiting.
    expect(response.status()).toBe(201);
    const registered = (await response.json()) as RegisterResponse;
    expect(registered.repeat).toBe(false);
    await expect(parent.heading()).toHaveText(AR.done);
    expect(posts()).toBe(1);
    await expect(page.getByTestId('registration-code')).toHaveText(`${registered.code.slice(0, 3)} ${registered.code.slice(3)}`);
    await expect(parent.main()).toContainText('نرسل لك رسالة نصية');
    await parent.checkA11y('registration done, Arabic');

    // 7. The manage link from the SMS.
    // The token is in the fragment (#token=…), which no server sees.
    const token = new URLSearchParams(new URL(registered.manageUrl).hash.slice(1)).get('token');
    expect(token).toBeTruthy();
    await page.goto(`/mijn-inschrijving#token=${token}`);
    await expect(parent.heading()).toHaveText(AR.hello('سارة'));
    await expect(parent.html()).toHaveAttribute('dir', 'rtl');
    await expect(parent.main()).toContainText(`${registered.code.slice(0, 3)} ${registered.code.slice(3)}`);
    await parent.checkA11y('manage page, Arabic');

    // 8. "Ik kan deze keer niet" for the first week.
    const firstDate = parent.main().locator('kr-manage-registration').first();
    await firstDate.getByRole('button', { name: AR.skip }).click();
    await parent.checkA11y('skip dialog, Arabic');
    const skipped = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/skip'));
    await parent.confirm(AR.skipConfirm);
    expect((await skipped).status()).toBe(200);
    await expect(firstDate).toContainText(AR.skipped);
    await expect(parent.main().getByRole('status')).toContainText('ليس هذه المرة');

    // 8b. "Ik kan toch komen": the week is taken back with one tap, no "are you sure?".
    const unskipped = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/unskip'));
    await firstDate.getByRole('button', { name: AR.unskip }).click();
    expect((await unskipped).status()).toBe(200);
    await expect(parent.main().getByRole('status')).toContainText(AR.unskipped);
    await expect(firstDate.getByRole('button', { name: AR.skip })).toBeVisible();
    await parent.checkA11y('manage page after taking a week back, Arabic');

    // 9. Then stop the whole series.
    await parent.main().getByRole('button', { name: AR.stopSeries }).click();
    await parent.confirm(AR.stopConfirm);
    await expect(parent.main().getByRole('status')).toContainText(AR.stopped);
    await expect(parent.main().getByRole('button', { name: AR.stopSeries })).toHaveCount(0);
    await expect(parent.main().getByRole('button', { name: AR.skip })).toHaveCount(0);
    await expect(parent.main().getByRole('button', { name: AR.unskip })).toHaveCount(0);
    await expect(parent.main().locator('kr-manage-registration').nth(1)).toContainText(AR.cancelled);
    await parent.checkA11y('manage page after stopping, Arabic');

    // 10. A link that no longer works: a kind page that changes nothing.
    await page.goto(`/mijn-inschrijving?token=${'x'.repeat(43)}`);
    await expect(parent.heading()).toHaveText(AR.expired);
    await expect(parent.main().getByRole('link', { name: AR.centrePhone })).toHaveAttribute('href', 'tel:+3231234567');
    await parent.checkA11y('expired link, Arabic');
  });

  test('should say kindly, next to the field, what is missing, and that a drop-in needs no registration', async ({ page }) => {
    const parent = new ParentPages(page);
    await parent.openLanguageChoice();
    await parent.chooseLanguage('Nederlands');
    await expect(parent.html()).toHaveAttribute('dir', 'ltr');

    await parent
      .main()
      .getByRole('link', { name: /Alle groepen/ })
      .click();
    await parent.groupCard('Inloopmoment').getByRole('link', { name: 'Inloopmoment' }).click();
    await expect(parent.heading()).toHaveText('Inloopmoment');
    await expect(parent.main()).toContainText('Je hoeft je niet in te schrijven.');
    await expect(parent.main().getByRole('link', { name: /Inschrijven/ })).toHaveCount(0);
    await parent.checkA11y('drop-in group page, Dutch');

    await parent.main().getByRole('link', { name: 'Andere groepen' }).click();
    await parent
      .main()
      .getByRole('link', { name: /Een baby/ })
      .click();
    await parent.groupCard('Babybabbels').getByRole('link', { name: 'Babybabbels' }).click();
    await parent
      .main()
      .getByRole('link', { name: /Inschrijven voor de hele reeks|Zet me op de wachtlijst/ })
      .click();
    await parent.next('Verder');
    await expect(parent.main()).toContainText('Vul je voornaam in. Een bijnaam mag ook.');
    await expect(page.getByLabel('Je voornaam')).toBeFocused();
    await parent.checkA11y('register: name missing, Dutch');

    await page.getByLabel('Je voornaam').fill('Sam');
    await parent.next('Verder');
    await page.getByLabel('Je gsm-nummer').fill('0470 12');
    await parent.next('Verder');
    await expect(parent.main()).toContainText('Naar dit nummer kunnen we geen sms sturen.');
    await expect(parent.main()).toContainText('Stap 2 van 5');
  });
});
