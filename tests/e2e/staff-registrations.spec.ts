import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { monthOfBirth } from './support/planning-dates';
import { brusselsLocal } from './support/room-api';
import { coordinatorAndWorker, createStaff, expectStatus, totpCode, type ApiSession, type E2eStaff } from './support/staff-api';
import { mainNav, signIn } from './support/staff';

/** A series group of three weekly dates from tomorrow, with two places, led by a fresh group worker. */
interface SeriesSetup {
  coordinator: ApiSession;
  worker: E2eStaff;
  groupId: string;
  title: string;
  sessionIds: string[];
  codes: Record<string, string>;
}

async function setUpSeries(baseURL: string): Promise<SeriesSetup> {
  const { coordinator, worker, place, suffix } = await coordinatorAndWorker(baseURL);
  const tomorrow = brusselsLocal(new Date(Date.now() + 86_400_000)).slice(0, 10);
  const title = `Babbelreeks ${suffix}`;
  const saved = await expectStatus(
    coordinator.call<{ group: { id: string } }>('POST', '/api/v1/groups', {
      title: { nl: title },
      description: { nl: 'Een reeks om de inschrijvingen te testen.' },
      kind: 'series',
      audience: 'all',
      spokenLanguages: ['nl'],
      defaultLocationId: place.id,
      defaultRoomId: null,
      capacity: 2,
      childrenCountTowardCapacity: false,
      registrationMode: 'open',
      registrationWindow: { opensDaysBefore: null, closesHoursBefore: null },
      facilitatorIds: [worker.id],
      recurrence: { firstStart: `${tomorrow}T10:00`, durationMinutes: 90, rule: 'FREQ=WEEKLY;COUNT=3', exceptionDates: [] },
      confirmConflicts: true,
    }),
    201,
    `creating ${title}`,
  );
  const groupId = saved.group.id;
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const sessions = await expectStatus(
    coordinator.call<Array<{ id: string; startsAt: string }>>('GET', `/api/v1/sessions?groupId=${groupId}&from=${from}&to=${to}`),
    200,
    'sessions',
  );
  const sessionIds = sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((s) => s.id);
  if (sessionIds.length !== 3) throw new Error(`${title} has ${sessionIds.length} sessions`);
  const codes: Record<string, string> = {};
  const register = async (displayName: string, target: { sessionId?: string; groupId?: string }, extra: object = {}) => {
    const made = await expectStatus(
      coordinator.call<{ code: string }>('POST', '/api/v1/registrations', {
        ...target,
        displayName,
        children: [monthOfBirth(15)],
        needs: [],
        locale: 'nl',
        consentMethod: 'in_person',
        ...extra,
      }),
      201,
      `registering ${displayName}`,
    );
    codes[displayName] = made.code;
  };
  await register('Ana', { groupId }, { needs: ['childcare'], childrenComing: 1, phone: '0470 10 20 30' });
  await register('Bo', { sessionId: sessionIds[0] });
  await register('Cas', { sessionId: sessionIds[0] });
  return { coordinator, worker, groupId, title, sessionIds, codes };
}

function card(page: Page, name: string) {
  return page.locator('kr-registration-card').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

test.describe('Registrations for staff', () => {
  test('should let a group worker see the list and waitlist, register a family by phone, move one, and open the sign-in sheet', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const s = await setUpSeries(baseURL as string);

    await page.goto(`/planning/bijeenkomst/${s.sessionIds[0]}`);
    await signIn(page, s.worker.email, s.worker.password, false);
    await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
    await page.getByRole('link', { name: 'Inschrijvingen en wachtlijst' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Inschrijvingen' })).toBeVisible();
    await expect(page).toHaveTitle(/Inschrijvingen/);
    await expect(page.getByText('2 ingeschreven · 1 op de wachtlijst')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Ingeschreven (2)' })).toBeVisible();
    await expect(card(page, 'Ana')).toContainText('Opvang');
    await expect(card(page, 'Ana')).toContainText('Hele reeks');
    await expect(card(page, 'Ana').getByRole('link', { name: /Bel Ana/ })).toHaveAttribute('href', 'tel:+32470102030');
    await expect(card(page, 'Cas')).toContainText('Nummer 1 op de wachtlijst');
    await expectNoSeriousA11yViolations(page, 'session registrations');

    // On the family's behalf, by phone: the session is full, so the waitlist.
    await page.getByRole('button', { name: 'Gezin inschrijven' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gezin inschrijven' });
    await expect(dialog.getByText('Lees de korte privacytekst voor')).toBeVisible();
    await dialog.getByLabel('Voornaam of roepnaam').fill('Dounia');
    await dialog.getByLabel('Gsm-nummer').fill('0470 99 88 77');
    await dialog.getByLabel('Maand').selectOption({ index: 3 });
    await dialog.getByLabel('Jaar').selectOption({ index: 2 });
    await dialog.getByRole('radio', { name: 'Aan de telefoon gegeven' }).check();
    await expectNoSeriousA11yViolations(page, 'register dialog');
    await dialog.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    const done = page.getByRole('dialog', { name: 'Ingeschreven' });
    await expect(done.getByText('De bijeenkomst is vol. Het gezin staat op de wachtlijst, als nummer 2.')).toBeVisible();
    await expect(done.locator('.done__code')).toHaveText(/^[ACDEFHJKMNPQRTUVWXY34679]{3} [ACDEFHJKMNPQRTUVWXY34679]{3}$/);
    await done.getByRole('button', { name: 'Klaar' }).click();
    await expect(card(page, 'Dounia')).toContainText('Nummer 2 op de wachtlijst');

    // Bo moves to next week: the freed seat is offered to Cas, first on the waitlist.
    await card(page, 'Bo').getByRole('button', { name: 'Bo verplaatsen naar een andere bijeenkomst' }).click();
    const move = page.getByRole('dialog', { name: 'Bo verplaatsen' });
    await move.getByRole('radio').first().check();
    await expectNoSeriousA11yViolations(page, 'move dialog');
    await move.getByRole('button', { name: 'Verplaatsen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Bo is verplaatst.' })).toBeVisible();
    await expect(card(page, 'Cas')).toContainText('Plaats aangeboden tot');
    await expect(card(page, 'Bo')).toHaveCount(0);

    // The sheet for the door: names and children, no phone numbers.
    await page.getByRole('link', { name: 'Aanwezigheidslijst' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Aanwezigheidslijst: ${s.title}` })).toBeVisible();
    const sheet = page.getByRole('table', { name: `Aanwezigheidslijst van ${s.title}` });
    await expect(sheet.getByRole('row')).toHaveCount(1 + 2 + 6);
    await expect(sheet).toContainText('Ana');
    await expect(sheet).toContainText('Cas');
    await expect(sheet).not.toContainText('+32');
    await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'sign-in sheet');

    // The series: Ana with her coming dates.
    await page.goto(`/inschrijvingen/groep/${s.groupId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Gezinnen van de reeks' })).toBeVisible();
    const ana = page.getByRole('article', { name: 'Ana' });
    await expect(ana.getByRole('listitem').filter({ hasText: 'Ingeschreven' })).toHaveCount(3);
    await expectNoSeriousA11yViolations(page, 'series families');
  });

  test('should let a coordinator find a family by the code it quotes', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const s = await setUpSeries(baseURL as string);
    const coordinator = await createStaff(baseURL as string, ['coordinator'], 'Cora Zoekt');

    await page.goto('/planning');
    await signIn(page, coordinator.email, coordinator.password, false);
    const code = page.getByLabel('Code uit de app');
    await expect(code).toBeVisible();
    // The enrolment used this step's code already: take the next one (Kring accepts one step ahead).
    await code.fill(totpCode(coordinator.totpSecret as string, Date.now(), 1));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(page).toHaveURL(/\/planning$/);

    await (await mainNav(page)).getByRole('link', { name: 'Code zoeken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Zoek op code' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'find by code');
    const spoken = s.codes['Ana'].toLowerCase();
    await page.getByLabel('Code', { exact: true }).fill(`${spoken.slice(0, 3)} ${spoken.slice(3)}`);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Gevonden: Ana' })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(s.title) })).toHaveCount(3);
    await expectNoSeriousA11yViolations(page, 'find by code, found');
    await page
      .getByRole('link', { name: new RegExp(s.title) })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inschrijvingen' })).toBeVisible();
    await expect(card(page, 'Ana')).toBeVisible();
  });
});
