import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ParentPages } from './support/parents-pages';
import { monthOfBirth } from './support/planning-dates';
import { brusselsLocal } from './support/room-api';
import { coordinatorAndWorker, expectStatus } from './support/staff-api';
import { signIn } from './support/staff';

const DAY = 86_400_000;

test.describe('The screens a busy group worker trips over', () => {
  test('should say in one sentence that there is nothing today, point to the next session, and lead from an empty planning week to it', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const { coordinator, worker, place, suffix } = await coordinatorAndWorker(baseURL as string);
    // A series that starts in three weeks: nothing today, nothing this week.
    const first = brusselsLocal(new Date(Date.now() + 21 * DAY)).slice(0, 10);
    const title = `Later ${suffix}`;
    const saved = await expectStatus(
      coordinator.call<{ group: { id: string } }>('POST', '/api/v1/groups', {
        title: { nl: title },
        description: { nl: 'Een reeks die later begint.' },
        kind: 'series',
        audience: 'all',
        spokenLanguages: ['nl'],
        defaultLocationId: place.id,
        defaultRoomId: null,
        capacity: 6,
        childrenCountTowardCapacity: false,
        registrationMode: 'open',
        registrationWindow: { opensDaysBefore: null, closesHoursBefore: null },
        facilitatorIds: [worker.id],
        recurrence: { firstStart: `${first}T10:00`, durationMinutes: 90, rule: 'FREQ=WEEKLY;COUNT=2', exceptionDates: [] },
        confirmConflicts: true,
      }),
      201,
      `creating ${title}`,
    );
    const firstName = worker.displayName.split(' ')[0];

    await page.goto('/vandaag');
    await signIn(page, worker.email, worker.password, false);
    await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
    await expect(page.getByText(`Dag ${firstName}, vandaag begeleid je geen bijeenkomsten.`)).toBeVisible();
    await expect(page.getByText(`Je volgende bijeenkomst: ${title},`)).toBeVisible();
    await expect(page.getByText('dit zijn je bijeenkomsten van vandaag')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'today, nothing today');

    const today = brusselsLocal(new Date()).slice(0, 10);
    await page.goto(`/planning?view=week&date=${today}&group=${saved.group.id}`);
    await expect(page.getByText('Deze week staat er niets gepland.')).toBeVisible();
    await expect(page.getByText('Geen bijeenkomsten.')).toHaveCount(0);
    await expect(page.getByText(`De volgende bijeenkomst: ${title},`)).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'planning, an empty week');
    await page.getByRole('button', { name: 'Naar die week' }).click();
    await expect(page).toHaveURL(new RegExp(`date=${first}`));
    await expect(page.locator('kr-session-card').filter({ hasText: title })).toBeVisible();
  });

  test('should fit the sign-in sheet to the screen', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const { coordinator, worker, place, suffix } = await coordinatorAndWorker(baseURL as string);
    const tomorrow = brusselsLocal(new Date(Date.now() + DAY)).slice(0, 10);
    const saved = await expectStatus(
      coordinator.call<{ group: { id: string } }>('POST', '/api/v1/groups', {
        title: { nl: `Blad ${suffix}` },
        description: { nl: 'Een bijeenkomst met een aanwezigheidslijst.' },
        kind: 'one_off',
        audience: 'all',
        spokenLanguages: ['nl'],
        defaultLocationId: place.id,
        defaultRoomId: null,
        capacity: 6,
        childrenCountTowardCapacity: false,
        registrationMode: 'open',
        registrationWindow: { opensDaysBefore: null, closesHoursBefore: null },
        facilitatorIds: [worker.id],
        recurrence: { firstStart: `${tomorrow}T10:00`, durationMinutes: 90, rule: null, exceptionDates: [] },
        confirmConflicts: true,
      }),
      201,
      'creating a session',
    );
    const from = new Date(Date.now() - DAY).toISOString();
    const to = new Date(Date.now() + 3 * DAY).toISOString();
    const [session] = await expectStatus(
      coordinator.call<Array<{ id: string }>>('GET', `/api/v1/sessions?groupId=${saved.group.id}&from=${from}&to=${to}`),
      200,
      'sessions',
    );
    await expectStatus(
      coordinator.call('POST', '/api/v1/registrations', {
        sessionId: session.id,
        displayName: 'Alexandrina-Maximiliana',
        children: [monthOfBirth(15)],
        needs: ['childcare'],
        childrenComing: 1,
        locale: 'nl',
        consentMethod: 'in_person',
      }),
      201,
      'registering a family',
    );

    await page.goto(`/inschrijvingen/bijeenkomst/${session.id}/aanwezigheidslijst`);
    await signIn(page, worker.email, worker.password, false);
    await expect(page.getByRole('table')).toContainText('Alexandrina-Maximiliana');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'sign-in sheet');
  });

  test('should push what follows down when a parent’s phone number is refused in two lines', async ({ page }) => {
    const parent = new ParentPages(page);
    await parent.openLanguageChoice();
    await parent.chooseLanguage('Nederlands');
    await parent
      .main()
      .getByRole('link', { name: /Een baby/ })
      .click();
    await parent.groupCard('Babybabbels').getByRole('link', { name: 'Babybabbels' }).click();
    await parent
      .main()
      .getByRole('link', { name: /Inschrijven voor de hele reeks|Zet me op de wachtlijst/ })
      .click();
    await page.getByLabel('Je voornaam').fill('Sam');
    await parent.next('Verder');
    await page.getByLabel('Je gsm-nummer').fill('0470 12');
    await parent.next('Verder');
    const error = parent.main().locator('mat-error');
    await expect(error).toContainText('Naar dit nummer kunnen we geen sms sturen.');
    const errorBox = await error.boundingBox();
    const switchBox = await parent
      .main()
      .getByRole('button', { name: /liever een e-mail/ })
      .boundingBox();
    expect(errorBox && switchBox && errorBox.y + errorBox.height <= switchBox.y).toBe(true);
    await parent.checkA11y('register: a refused phone number');
  });

  test('should show a clear focus ring on a text field, as on buttons', async ({ page }) => {
    await page.goto('/aanmelden');
    await page.getByLabel('E-mailadres').focus();
    const ring = await page
      .locator('.mat-mdc-form-field.mat-focused .mat-mdc-text-field-wrapper')
      .evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
    expect(ring).toBe('solid 3px');
  });
});
