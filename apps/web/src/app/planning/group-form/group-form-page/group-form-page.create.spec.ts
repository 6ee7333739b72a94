import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { TestBed } from '@angular/core/testing';
import type { RenderedPage } from '../../../../testing/pages';
import { apiError, makeSession as makeStaffSession } from '../../../../testing/staff';
import { GITA, OMAR, PLACE_ID, makeGroupPlan, makePlace } from '../../testing/planning-factories';
import { answerDialog, expectPath, renderPlanningPage, textOf } from '../../testing/planning-page';
import { GroupSavedNotices } from '../group-form.store';
import { GroupFormPage } from './group-form-page';
import { useClockAt } from '../../../../testing/clock';

const NEW_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01';

describe(`${GroupFormPage.name} (a new group)`, () => {
  // Its dates are this year's and ahead of this clock, whatever day the tests run on.
  useClockAt('2026-12-01T09:00:00Z');

  let page: RenderedPage;

  beforeEach(async () => {
    page = await renderPlanningPage(GroupFormPage, {
      path: 'planning/groepen/nieuw',
      url: '/planning/groepen/nieuw',
      session: makeStaffSession({ user: { roles: ['coordinator'] } }),
    });
    expectPath(page, 'GET', '/api/v1/locations').flush([makePlace()]);
    expectPath(page, 'GET', '/api/v1/staff/facilitators').flush([GITA, OMAR]);
    await page.settle();
  });

  afterEach(() => page.http.verify());

  const input = (selector: string) => page.loader.getHarness(MatInputHarness.with({ selector }));
  const button = (text: string | RegExp) => page.loader.getHarness(MatButtonHarness.with({ text }));
  const previewLines = () => [...page.element.querySelectorAll('kr-recurrence-preview li')].map((li) => textOf(li));

  async function fillDropIn(): Promise<void> {
    await (await input('input[formControlName=nl]')).setValue('Inloop in de bib');
    await (await input('textarea[formControlName=nl]')).setValue('Kom binnen met je kleine, er is koffie.');
    await (await page.loader.getHarness(MatRadioButtonHarness.with({ label: /^Inloop/ }))).check();
    await (await input('input[formControlName=date]')).setValue('2026-12-09');
    await (await input('input[formControlName=startTime]')).setValue('13:30');
    await (await input('input[formControlName=endTime]')).setValue('15:00');
    await (await input('input[formControlName=count]')).setValue('4');
    const people = await page.loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=facilitatorIds]' }));
    await people.open();
    await people.clickOptions({ text: 'Omar Benali' });
    await people.close();
    await page.settle();
  }

  it('should plan a weekly drop-in with a skipped date, showing the dates before saving', async () => {
    expect(textOf(page.element.querySelector('h1'))).toBe('Nieuwe groep plannen');
    await fillDropIn();

    expect(previewLines()).toEqual([
      'woensdag 9 december, 13.30 tot 15 uur Overslaan',
      'woensdag 16 december, 13.30 tot 15 uur Overslaan',
      'woensdag 23 december, 13.30 tot 15 uur Overslaan',
      'woensdag 30 december, 13.30 tot 15 uur Overslaan',
    ]);
    await (await page.loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="woensdag 16 december overslaan"]' }))).click();
    await page.settle();
    expect(previewLines()[1]).toBe('woensdag 16 december, 13.30 tot 15 uur overgeslagen Terugzetten');
    expect(textOf(page.element.querySelector('.preview__summary'))).toBe('Aantal bijeenkomsten: 3 (1 overgeslagen)');

    await (await button('Groep plannen')).click();
    const request = expectPath(page, 'POST', '/api/v1/groups');
    expect(request.request.body).toEqual({
      title: { nl: 'Inloop in de bib' },
      description: { nl: 'Kom binnen met je kleine, er is koffie.' },
      kind: 'drop_in',
      audience: 'all',
      spokenLanguages: ['nl'],
      defaultLocationId: PLACE_ID,
      defaultRoomId: null,
      capacity: null,
      childrenCountTowardCapacity: false,
      registrationMode: 'none',
      registrationWindow: { opensDaysBefore: null, closesHoursBefore: null },
      facilitatorIds: [OMAR.id],
      recurrence: {
        firstStart: '2026-12-09T13:30',
        durationMinutes: 90,
        rule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=4',
        exceptionDates: ['2026-12-16'],
      },
      active: true,
    });
    request.flush({ group: makeGroupPlan({ id: NEW_ID }), keptEditedSessionIds: [] }, { status: 201, statusText: 'Created' });
    await page.settle();

    expect(page.router.url).toBe(`/planning/groepen/${NEW_ID}`);
    expect(TestBed.inject(GroupSavedNotices).take(NEW_ID)).toEqual({ groupId: NEW_ID, created: true, kept: 0 });
  });

  it('should say at each field what is missing, without asking the API', async () => {
    await (await button('Groep plannen')).click();
    await page.settle();

    const errors = (await Promise.all((await page.loader.getAllHarnesses(MatFormFieldHarness)).map((f) => f.getTextErrors()))).flat();
    expect(errors).toEqual(
      expect.arrayContaining([
        'Geef de groep een naam.',
        'Schrijf in een paar zinnen wat ouders mogen verwachten.',
        'Kies de dag van de eerste bijeenkomst.',
      ]),
    );
    expect(textOf(page.element.querySelector('.notice[role="alert"]'))).toBe('Kijk de velden met een melding na.');
    page.http.expectNone('/api/v1/groups');
  });

  it('should show double bookings and save anyway only when asked to', async () => {
    await fillDropIn();
    await (await button('Groep plannen')).click();
    expectPath(page, 'POST', '/api/v1/groups').flush(
      {
        code: 'scheduling_conflict',
        message: 'x',
        conflicts: [
          {
            kind: 'facilitator',
            at: '2026-12-09T12:30:00.000Z',
            clash: { sessionId: 's1', groupTitle: 'Babybabbels', startsAt: '2026-12-09T12:00:00.000Z', endsAt: '2026-12-09T13:00:00.000Z' },
            facilitator: OMAR,
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await page.settle();

    const dialog = textOf(document.querySelector('mat-dialog-container'));
    expect(dialog).toContain('Omar Benali begeleidt dan al Babybabbels (13 tot 14 uur)');
    expect(dialog).toContain('woensdag 9 december om 13.30 uur');
    await answerDialog(page.loader, 'Toch bewaren');

    const again = expectPath(page, 'POST', '/api/v1/groups');
    expect(again.request.body.confirmConflicts).toBe(true);
    again.flush({ group: makeGroupPlan({ id: NEW_ID }), keptEditedSessionIds: [] });
    await page.settle();
    expect(page.router.url).toBe(`/planning/groepen/${NEW_ID}`);
  });

  it('should show the API’s objections at the fields they are about', async () => {
    await fillDropIn();
    await (await button('Groep plannen')).click();
    expectPath(page, 'POST', '/api/v1/groups').flush(
      ...apiError(400, 'validation_failed', {
        fields: [
          { field: 'recurrence.durationMinutes', code: 'invalid', message: 'x', reason: 'too_short' },
          { field: 'facilitatorIds', code: 'invalid', message: 'x' },
        ],
      }),
    );
    await page.settle();

    const errors = (await Promise.all((await page.loader.getAllHarnesses(MatFormFieldHarness)).map((f) => f.getTextErrors()))).flat();
    expect(errors).toEqual(
      expect.arrayContaining([
        'Een bijeenkomst duurt minstens 5 minuten.',
        'Iemand in deze lijst kan geen groepen (meer) begeleiden. Kies iemand anders.',
      ]),
    );
    expect(page.router.url).toBe('/planning/groepen/nieuw');
  });
});
