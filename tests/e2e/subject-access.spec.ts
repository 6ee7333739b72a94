import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { FamilyByCodeView, RegisterResponse } from '@kring/domain';
import { PDFParse } from 'pdf-parse';
import { expectNoSeriousA11yViolations } from './support/axe';
import { setUpRoom, startLaterToday } from './support/room-api';
import { createStaff, expectStatus } from './support/staff-api';
import { enterCode, signIn } from './support/staff';

/**
 * "Inzage voor het gezin", on a phone and at a desk: a coordinator goes from the family's flag
 * chronology to its subject-access page, notes the request (due a month later, on the open list),
 * and downloads the overview as a PDF that holds the family's name, in Dutch and in Arabic.
 */
test.describe('Subject access', () => {
  test('should note a family’s request and download its overview as PDF', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const start = startLaterToday();
    test.skip(start === null, 'too close to midnight in Brussels to plan a session today');
    const room = await setUpRoom(baseURL ?? '', start ?? '');
    const family = `Gezin Inzage ${randomBytes(3).toString('hex')}`;
    const registered = await expectStatus(
      room.coordinator.call<RegisterResponse>('POST', '/api/v1/registrations', {
        sessionId: room.roster.sessionId,
        displayName: family,
        children: [],
        needs: [],
        locale: 'nl',
        consentMethod: 'in_person',
      }),
      201,
      `registering ${family}`,
    );
    const { familyId } = await expectStatus(
      room.coordinator.call<FamilyByCodeView>('GET', `/api/v1/registrations/by-code/${registered.code}`),
      200,
      'the family by its code',
    );

    const coordinator = await createStaff(baseURL ?? '', ['coordinator'], 'Test Coördinator');
    await page.goto(`/signalen/gezin/${familyId}`);
    await signIn(page, coordinator.email, coordinator.password, false);
    await enterCode(page, coordinator.totpSecret ?? '');
    await page.getByRole('link', { name: 'Inzage voor het gezin' }).click();
    await expect(page).toHaveURL(new RegExp(`/inzage/gezin/${familyId}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Inzage voor het gezin' })).toBeVisible();
    await expect(page.getByText('Er staat nog geen vraag om inzage open')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'subject access: no request yet');

    await page.getByRole('button', { name: 'Vraag om inzage noteren' }).click();
    await expect(page.getByText('De vraag is genoteerd.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: `Gezin: ${family}` })).toBeVisible();
    await expect(page.getByTestId('sa-due')).toContainText('te beantwoorden tegen');
    await expect(page.locator('ul.requests li').filter({ hasText: family })).toHaveCount(1);
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(noScroll).toBe(true);
    await expectNoSeriousA11yViolations(page, 'subject access: request noted');

    for (const [language, label] of [
      ['nl', 'Nederlands'],
      ['ar', 'Arabisch'],
    ] as const) {
      await page.getByLabel('Taal van het overzicht').click();
      await page.getByRole('option', { name: label }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Overzicht downloaden (PDF)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      const parser = new PDFParse({ data: new Uint8Array(await readFile((await file.path()) ?? '')) });
      const text = (await parser.getText()).text;
      await parser.destroy();
      expect(text, language).toContain(family);
      expect(text.replace(/\s+/g, ''), language).toContain(language === 'nl' ? 'Ditbewarenweoverjullie' : 'نحتفظ');
      await expect(page.getByText('Het overzicht is gedownload.')).toBeVisible();
    }
    // Answered: off the open list.
    await expect(page.locator('ul.requests li').filter({ hasText: family })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'subject access: answered');
  });
});
