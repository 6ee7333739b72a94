import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { addDays, dutchDay, monthOfBirth, todayInBrussels } from './support/planning-dates';
import { ApiSession, createStaff, expectStatus } from './support/staff-api';
import { enterCode, signIn } from './support/staff';

test.describe('A series change that drops a date families are registered for', () => {
  test('should name the date and its families in plain words, and cancel it only when the coordinator says so', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    const suffix = Math.random().toString(36).slice(2, 6);
    const title = `Praatgroep ${suffix}`;
    const [account, worker] = await Promise.all([
      createStaff(baseURL as string, ['coordinator'], `Cora ${suffix}`),
      createStaff(baseURL as string, ['group_worker'], `Wim ${suffix}`),
    ]);
    const api = new ApiSession(baseURL as string);
    await api.signIn(account.email, account.password, account.totpSecret, account.lastStep);
    const [place] = await expectStatus(api.call<Array<{ id: string }>>('GET', '/api/v1/locations'), 200, 'places');
    // Weekly from tomorrow, three times, at 10.00 Brussels time; a family comes to the second date.
    const first = addDays(todayInBrussels(), 1);
    const second = addDays(first, 7);
    const saved = await expectStatus(
      api.call<{ group: { id: string } }>('POST', '/api/v1/groups', {
        title: { nl: title },
        description: { nl: 'Samen praten over opvoeden.' },
        kind: 'series',
        audience: 'all',
        spokenLanguages: ['nl'],
        defaultLocationId: place.id,
        defaultRoomId: null,
        capacity: 8,
        childrenCountTowardCapacity: false,
        registrationMode: 'open',
        registrationWindow: { opensDaysBefore: null, closesHoursBefore: null },
        facilitatorIds: [worker.id],
        recurrence: { firstStart: `${first}T10:00`, durationMinutes: 90, rule: 'FREQ=WEEKLY;COUNT=3', exceptionDates: [] },
        confirmConflicts: true,
      }),
      201,
      `creating ${title}`,
    );
    const groupId = saved.group.id;
    const sessions = await expectStatus(
      api.call<Array<{ id: string; startsAt: string; status: string }>>(
        'GET',
        `/api/v1/sessions?groupId=${groupId}&from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 30 * 86_400_000).toISOString()}`,
      ),
      200,
      'sessions',
    );
    const dropped = sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt))[1];
    await expectStatus(
      api.call('POST', '/api/v1/registrations', {
        sessionId: dropped.id,
        displayName: 'Noor',
        children: [monthOfBirth(15)],
        needs: [],
        locale: 'nl',
        consentMethod: 'in_person',
      }),
      201,
      'registering Noor',
    );

    await page.goto(`/planning/groepen/${groupId}`);
    await signIn(page, account.email, account.password, false);
    await enterCode(page, account.totpSecret as string);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await page.getByRole('button', { name: `${dutchDay(second)} overslaan` }).click();
    await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();

    const dialog = page.getByRole('dialog', { name: 'Er zijn gezinnen ingeschreven' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${dutchDay(second)} om 10 uur`);
    await expect(dialog).toContainText('1 gezin ingeschreven');
    await expect(dialog).toContainText('De gezinnen krijgen daarover een bericht.');
    await expectNoSeriousA11yViolations(page, 'dates with families dialog');
    await dialog.getByRole('button', { name: 'Bijeenkomsten annuleren en bewaren' }).click();
    await expect(page.getByRole('status')).toContainText('Je wijzigingen zijn bewaard.');

    const after = await expectStatus(api.call<{ status: string }>('GET', `/api/v1/sessions/${dropped.id}`), 200, 'the dropped date');
    expect(after.status).toBe('cancelled');
  });
});
