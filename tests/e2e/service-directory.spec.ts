import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { closeNav, enterCode, mainNav, signIn } from './support/staff';
import { createStaff } from './support/staff-api';

/**
 * An admin keeps the directory of services families are referred to: adds one, changes it and
 * deactivates it (nothing is deleted), on a phone (360 px) and at a desk (1280 px).
 */
test.describe('Service directory', () => {
  test('should let an admin add, change and deactivate a service', async ({ page, baseURL }) => {
    test.slow();
    const admin = await createStaff(baseURL ?? '', ['admin'], 'Ans Beheer');
    const name = `CAW Waasland ${randomBytes(2).toString('hex')}`;

    await page.goto('/beheer/diensten');
    await signIn(page, admin.email, admin.password, false);
    await enterCode(page, admin.totpSecret ?? '');
    await expect(page).toHaveURL(/\/beheer\/diensten$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Diensten om naar door te verwijzen' })).toBeVisible();
    await expect(page).toHaveTitle(/Diensten/);
    const nav = await mainNav(page);
    await expect(nav.getByRole('link', { name: 'Diensten' })).toHaveAttribute('aria-current', 'page');
    await closeNav(page);
    await expectNoSeriousA11yViolations(page, 'service directory');

    // Add: a missing field is named next to it before anything is sent.
    await page.getByRole('button', { name: 'Nieuwe dienst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe dienst' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Dienst toevoegen' }).click();
    await expect(dialog.getByText('Vul de naam in.')).toBeVisible();
    await expect(dialog.getByText('Kies minstens één manier.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'new service dialog with errors');
    await dialog.getByLabel('Naam').fill(name);
    await dialog.getByRole('combobox', { name: 'Soort dienst' }).click();
    await page.getByRole('option', { name: 'CAW', exact: true }).click();
    await dialog.getByLabel('Telefoon').fill('03 776 00 00');
    await dialog.getByLabel('E-mailadres').fill('onthaal@caw.test');
    await dialog.getByLabel('Talen die ze spreken').fill('nl, fr, ar');
    await dialog.getByRole('checkbox', { name: 'Via een beveiligde link' }).check();
    await dialog.getByLabel('Goed om te weten bij de intake').fill('Vraag naar het onthaal.');
    await dialog.getByRole('button', { name: 'Dienst toevoegen' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${name} staat nu in de lijst.`)).toBeVisible();

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await expect(card).toContainText('Actief');
    await expect(card).toContainText('Nederlands, Frans, Arabisch');
    await expect(card).toContainText('Via een beveiligde link');
    await expect(card.getByRole('link', { name: '03 776 00 00' })).toHaveAttribute('href', 'tel:03 776 00 00');
    await expectNoSeriousA11yViolations(page, 'service directory with a new service');

    // Change.
    await card.getByRole('button', { name: `${name} wijzigen` }).click();
    const edit = page.getByRole('dialog', { name: 'Dienst wijzigen' });
    await expect(edit.getByLabel('Naam')).toHaveValue(name);
    await edit.getByRole('checkbox', { name: 'Met een blad dat de ouder meeneemt' }).check();
    await edit.getByLabel('Telefoon').fill('bel me');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect(edit.getByText('Dit lijkt geen telefoonnummer.')).toBeVisible();
    await edit.getByLabel('Telefoon').fill('+32 3 776 11 11');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect(edit).toBeHidden();
    await expect(card).toContainText('+32 3 776 11 11');
    await expect(card).toContainText('Met een blad dat de ouder meeneemt');

    // Deactivate, after being asked; it stays in the list, marked, and can come back.
    await card.getByRole('button', { name: `${name} deactiveren` }).click();
    const confirm = page.getByRole('dialog', { name: `${name} deactiveren?` });
    await expect(confirm).toContainText('Doorverwijzingen die al liepen, blijven bewaard.');
    await expectNoSeriousA11yViolations(page, 'deactivate a service');
    await confirm.getByRole('button', { name: 'Deactiveren' }).click();
    // Gone for good before axe looks: while a dialog closes, the page behind it is still aria-hidden.
    await expect(confirm).toBeHidden();
    await expect(page.getByText(`${name} is gedeactiveerd.`)).toBeVisible();
    await expect(card).toContainText('Gedeactiveerd');
    await expect(card.getByRole('button', { name: `${name} weer activeren` })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'service directory with a deactivated service');
  });

  test('should keep a coordinator out of the admin page', async ({ page, baseURL }) => {
    const coordinator = await createStaff(baseURL ?? '', ['coordinator'], 'Cora Coördinator');
    await page.goto('/beheer/diensten');
    await signIn(page, coordinator.email, coordinator.password, false);
    await enterCode(page, coordinator.totpSecret ?? '');
    await expect(page.getByRole('heading', { level: 1, name: 'Diensten om naar door te verwijzen' })).toHaveCount(0);
    const nav = await mainNav(page);
    await expect(nav.getByRole('link', { name: 'Diensten' })).toHaveCount(0);
  });
});
