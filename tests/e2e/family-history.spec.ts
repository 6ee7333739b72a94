import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { setUpRoom, startLaterToday } from './support/room-api';
import { createStaff } from './support/staff-api';
import { signIn } from './support/staff';

/**
 * A group worker takes attendance, then looks up a family's earlier sessions from the roster;
 * with parents around, one tap blanks the screen and one brings it back. A worker of another
 * group is told kindly that the family is not theirs.
 */
test.describe('A family’s earlier sessions', () => {
  test('should show a family’s sessions from the roster, and blank the screen with one tap', async ({ page, baseURL, isMobile }) => {
    test.setTimeout(120_000);
    const start = startLaterToday();
    test.skip(start === null, 'too close to midnight in Brussels to plan a session today');
    const room = await setUpRoom(baseURL ?? '', start ?? '');

    await page.goto(`/vandaag/${room.roster.sessionId}/lijst`);
    await signIn(page, room.worker.email, room.worker.password, false);
    await expect(page.getByRole('heading', { level: 1, name: room.roster.title })).toBeVisible();
    await toggle(page, 'Ana', 'Aanwezig').click();
    await toggle(page, 'Bo', 'Verwittigd').click();
    await expect(page.getByText('Alles is bewaard.')).toBeVisible();

    // The small link below the toggles: the name goes along, not in the address.
    await page.getByRole('link', { name: 'Eerdere bijeenkomsten van Ana' }).click();
    await expect(page).toHaveURL(/\/vandaag\/gezin\/[0-9a-f-]{36}$/);
    await expect(page).toHaveTitle('Eerdere bijeenkomsten · Kring');
    await expect(page.getByRole('heading', { level: 1, name: 'Ana' })).toBeVisible();
    await expect(page.getByText('1 van de 1 keer erbij')).toBeVisible();
    const sessions = page.getByRole('list', { name: 'Bijeenkomsten' }).getByRole('listitem');
    await expect(sessions).toHaveCount(1);
    await expect(sessions.first()).toContainText(room.roster.title);
    await expect(sessions.first()).toContainText('Aanwezig');
    await expect(sessions.first()).toContainText(/om \d{1,2}(\.\d{2})? uur/);
    await expectNoSeriousA11yViolations(page, 'family history');

    // One tap blanks the screen: no names, the page out of reach, focus on the cover.
    const hide = page.getByRole('button', { name: 'Scherm verbergen' });
    await hide.click();
    const cover = page.getByRole('button', { name: /Tik om verder te gaan/ });
    await expect(cover).toBeVisible();
    await expect(cover).toBeFocused();
    await expect(cover).toHaveText(/Kring\s*Het scherm is verborgen\.\s*Tik om verder te gaan/);
    await expect(cover).not.toContainText('Ana');
    await expect(page.locator('kr-root')).toHaveAttribute('inert', '');
    expect(await onTop(page, page.getByRole('heading', { level: 1, name: 'Ana' }))).toBe('KR-PRIVACY-COVER');
    await expectNoSeriousA11yViolations(page, 'blanked screen');

    // One tap (or a key) brings it back, focus where it was.
    if (isMobile) await cover.tap();
    else await page.keyboard.press('Escape');
    await expect(cover).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Ana' })).toBeVisible();
    await expect(page.locator('kr-root')).not.toHaveAttribute('inert', '');
    await expect(hide).toBeFocused();

    // The same on the roster, then back to it from the history.
    await page.getByRole('link', { name: 'Terug naar de lijst' }).click();
    await expect(page.getByRole('heading', { level: 1, name: room.roster.title })).toBeVisible();
    await page.getByRole('button', { name: 'Scherm verbergen' }).click();
    await expect(cover).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'blanked roster');
    await page.keyboard.press('Enter');
    await expect(cover).toHaveCount(0);
    await expect(toggle(page, 'Bo', 'Verwittigd')).toHaveAttribute('aria-pressed', 'true');
  });

  test('should tell a worker of another group kindly that the family is not theirs', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const start = startLaterToday();
    test.skip(start === null, 'too close to midnight in Brussels to plan a session today');
    const room = await setUpRoom(baseURL ?? '', start ?? '');
    const outsider = await createStaff(baseURL ?? '', ['group_worker'], 'Els Andere');
    const roster = await room.coordinator.call<{ families: Array<{ familyId: string; displayName: string }> }>(
      'GET',
      `/api/v1/sessions/${room.roster.sessionId}/roster`,
    );
    const ana = roster.body.families.find((f) => f.displayName === 'Ana');
    if (!ana) throw new Error('Ana is not on the roster');

    await page.goto(`/vandaag/gezin/${ana.familyId}`);
    await signIn(page, outsider.email, outsider.password, false);
    await expect(page.getByRole('heading', { level: 1, name: 'Eerdere bijeenkomsten van dit gezin' })).toBeVisible();
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('We vinden dit gezin niet');
    await expect(notice).toContainText('Het gezin komt niet naar een groep die jij begeleidt.');
    await expect(page.getByText('Ana')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'family history, not found');
    await notice.getByRole('link', { name: 'Naar vandaag' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
  });
});

function toggle(page: Page, family: string, status: string) {
  return page.getByRole('group', { name: `Aanwezigheid van ${family}` }).getByRole('button', { name: status, exact: true });
}

/** What a finger would touch at the middle of this element: the host element of a component on top of it, or the tag found there. */
async function onTop(page: Page, locator: Locator): Promise<string> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on the page');
  return page.evaluate(
    ({ x, y }) => {
      const hit = document.elementFromPoint(x, y);
      return hit?.closest('kr-privacy-cover')?.tagName ?? hit?.tagName ?? '';
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}
