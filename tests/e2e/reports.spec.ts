import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { setUpRoom, startLaterToday } from './support/room-api';
import { closeNav, enterCode, mainNav, signIn } from './support/staff';
import { createStaff, expectStatus } from './support/staff-api';

/** The current Brussels month as YYYY-MM, and as the page names it ("dec. 2026"). */
function thisMonth(now = new Date()): { key: string; label: string } {
  const key = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
  const [year, month] = key.split('-').map(Number);
  const label = new Intl.DateTimeFormat('nl-BE', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  return { key, label };
}

/**
 * "Bereik", the coordinators' funder report: with attendance and drop-in counts of today (other
 * tests add their own to the same database, so the numbers themselves are asserted in the
 * integration tests), charts at a desk, every chart also as a table, readable on a phone, axe clean.
 */
test.describe('Bereik (the funder report)', () => {
  test('should show the report with charts and tables, and offer the CSV', async ({ page, baseURL }, testInfo) => {
    test.slow();
    const start = startLaterToday();
    test.skip(start === null, 'too close to midnight in Brussels to plan a session today');
    const room = await setUpRoom(baseURL ?? '', start ?? '');
    // Five more families, so that some counts are large enough to show.
    const families: string[] = [];
    for (const displayName of ['Cato', 'Dina', 'Emre', 'Fien', 'Gust']) {
      await expectStatus(
        room.coordinator.call('POST', '/api/v1/registrations', {
          sessionId: room.roster.sessionId,
          displayName,
          children: [],
          needs: [],
          locale: 'nl',
          consentMethod: 'in_person',
        }),
        201,
        `registering ${displayName}`,
      );
    }
    const roster = await expectStatus(
      room.coordinator.call<{ families: Array<{ familyId: string }> }>('GET', `/api/v1/sessions/${room.roster.sessionId}/roster`),
      200,
      'roster',
    );
    families.push(...roster.families.map((f) => f.familyId));
    const at = new Date().toISOString();
    const ops = [
      ...families.map((familyId, i) => ({
        id: crypto.randomUUID(),
        kind: 'attendance',
        sessionId: room.roster.sessionId,
        familyId,
        status: i === 0 ? 'excused' : 'present',
        at,
      })),
      ...Array.from({ length: 6 }, () => ({
        id: crypto.randomUUID(),
        kind: 'tally',
        sessionId: room.dropIn.sessionId,
        category: 'adults',
        delta: 1,
        at,
      })),
      { id: crypto.randomUUID(), kind: 'tally', sessionId: room.dropIn.sessionId, category: 'children_0_1', delta: 2, at },
    ];
    const synced = await expectStatus(
      room.coordinator.call<{ results: Array<{ ok: boolean }> }>('POST', '/api/v1/attendance/sync', { ops }),
      200,
      'marks and tallies',
    );
    expect(synced.results.every((r) => r.ok)).toBe(true);

    const coordinator = await createStaff(baseURL ?? '', ['coordinator'], 'Cora Coördinator');
    await page.goto('/bereik');
    await signIn(page, coordinator.email, coordinator.password, false);
    await enterCode(page, coordinator.totpSecret ?? '');
    await expect(page).toHaveURL(/\/bereik$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Bereik' })).toBeVisible();
    await expect(page).toHaveTitle(/Bereik/);
    const nav = await mainNav(page);
    await expect(nav.getByRole('link', { name: 'Bereik' })).toHaveAttribute('aria-current', 'page');
    await closeNav(page);

    // The key figures: numbers, or "< 5" / "x" where suppressed (other tests' families count too).
    const figures = page.getByRole('region', { name: 'In deze periode' });
    await expect(figures).toBeVisible();
    await expect(figures.getByRole('term').first()).toHaveText('Gezinnen bereikt');
    await expect(figures.getByRole('definition').first()).toHaveText(/^(\d+|< 5|x)$/);

    // Every chart is also a table, in the page for screen readers; this month has its row.
    const month = thisMonth();
    const byMonth = page.getByRole('table', { name: 'Gezinnen per maand' });
    await expect(byMonth).toBeAttached();
    await expect(byMonth.getByRole('rowheader', { name: month.label })).toBeAttached();
    await expect(page.getByRole('table', { name: 'Gezinnen per plaats' })).toBeAttached();
    await expect(page.getByRole('table', { name: 'Gezinnen per groep' })).toBeAttached();
    await expect(page.getByText('“< 5” betekent 1 tot 4')).toBeVisible();

    const wide = testInfo.project.name === 'desktop';
    const charts = page.locator('canvas');
    await expect(charts).toHaveCount(3);
    if (wide) {
      // Side by side at a desk: the two smaller charts share a row.
      const [place, group] = [await charts.nth(1).boundingBox(), await charts.nth(2).boundingBox()];
      expect(place && group && Math.abs(place.y - group.y) < 2).toBe(true);
    }
    await expectNoSeriousA11yViolations(page, 'reach report with charts');

    // The month chart as a table, on request.
    await page.getByRole('button', { name: 'Als tabel tonen' }).first().click();
    await expect(byMonth).toBeVisible();
    await expect(page.locator('canvas')).toHaveCount(2);
    await expect(byMonth.getByRole('columnheader', { name: 'Gezinnen in de eerste 1000 dagen' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'reach report with a table');

    // Readable on a phone: nothing sticks out sideways but inside the tables' own scrolling box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The CSV: the same filters, in the language of the screen.
    const download = page.getByRole('link', { name: 'CSV downloaden' });
    await expect(download).toHaveAttribute(
      'href',
      new RegExp(`/api/v1/reports/reach\\.csv\\?from=\\d{4}-\\d{2}&to=${month.key}&locale=nl$`),
    );
    const csv = await page.request.get((await download.getAttribute('href')) ?? '');
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Indeling,Rij,Gezinnen');
    for (const name of ['Ana', 'Bo', 'Cato', 'Dina', 'Emre', 'Fien', 'Gust']) expect(text).not.toContain(name);

    // A period back to front is named, and nothing is asked.
    await page.getByLabel('Van (maand)').fill(`${Number(month.key.slice(0, 4)) + 1}-01`);
    await expect(page.getByRole('alert')).toHaveText('De eindmaand komt vóór de beginmaand: draai ze om.');
    await expect(download).toHaveCount(0);
  });

  test('should keep group workers out', async ({ page, baseURL }) => {
    const worker = await createStaff(baseURL ?? '', ['group_worker'], 'Gita Test');
    await page.goto('/bereik');
    await signIn(page, worker.email, worker.password, false);
    await expect(page.getByRole('heading', { level: 1, name: 'Bereik' })).toHaveCount(0);
    const nav = await mainNav(page);
    await expect(nav.getByRole('link', { name: 'Bereik' })).toHaveCount(0);
  });
});
