import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { GroupPlan } from '@kring/domain';
import type { RenderedPage } from '../../../../testing/pages';
import { apiError, makeSession as makeStaffSession } from '../../../../testing/staff';
import { GITA, GROUP_ID, OMAR, makeGroupPlan, makePlace } from '../../testing/planning-factories';
import { answerDialog, expectPath, renderPlanningPage, textOf } from '../../testing/planning-page';
import { GroupSavedNotices } from '../group-form.store';
import { GroupFormPage } from './group-form-page';

const GROUP = `/api/v1/groups/${GROUP_ID}`;

describe(`${GroupFormPage.name} (an existing group)`, () => {
  let page: RenderedPage;

  async function open(
    plan: GroupPlan,
    roles: ('coordinator' | 'group_worker')[] = ['coordinator'],
    notices = new GroupSavedNotices(),
  ): Promise<void> {
    page = await renderPlanningPage(GroupFormPage, {
      path: 'planning/groepen/:id',
      url: `/planning/groepen/${GROUP_ID}`,
      session: makeStaffSession({ user: { roles } }),
      providers: [{ provide: GroupSavedNotices, useValue: notices }],
    });
    expectPath(page, 'GET', GROUP).flush(plan);
    expectPath(page, 'GET', '/api/v1/locations').flush([makePlace()]);
    expectPath(page, 'GET', '/api/v1/staff/facilitators').flush([GITA, OMAR]);
    await page.settle();
  }

  afterEach(() => page.http.verify());

  const input = (selector: string) => page.loader.getHarness(MatInputHarness.with({ selector }));
  const save = async () => (await page.loader.getHarness(MatButtonHarness.with({ text: 'Wijzigingen bewaren' }))).click();

  it('should show the group as saved, with its dates, and its name as the heading', async () => {
    await open(makeGroupPlan());

    expect(textOf(page.element.querySelector('h1'))).toBe('Inloopmoment');
    expect(await (await input('input[formControlName=nl]')).getValue()).toBe('Inloopmoment');
    expect(await (await input('input[formControlName=startTime]')).getValue()).toBe('09:30');
    expect(await (await input('input[formControlName=endTime]')).getValue()).toBe('11:00');
    expect(page.element.querySelectorAll('kr-recurrence-preview li')).toHaveLength(6);
  });

  it('should save a series change and say which hand-made changes were kept', async () => {
    await open(makeGroupPlan());
    await (await input('input[formControlName=startTime]')).setValue('10:00');
    await (await input('input[formControlName=endTime]')).setValue('11:30');

    await save();
    const request = expectPath(page, 'PATCH', GROUP);
    expect(request.request.body.recurrence).toEqual({
      firstStart: '2026-12-08T10:00',
      durationMinutes: 90,
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6',
      exceptionDates: [],
    });
    const saved = makeGroupPlan({ recurrence: request.request.body.recurrence });
    request.flush({ group: saved, keptEditedSessionIds: ['s1', 's2'] });
    await page.settle();

    const status = textOf(page.element.querySelector('[role="status"]'));
    expect(status).toContain('Je wijzigingen zijn bewaard.');
    expect(status).toContain('2 bijeenkomsten die apart aangepast waren, bleven zoals ze waren.');
  });

  it('should say at the capacity that more families are registered than the new number', async () => {
    await open(makeGroupPlan({ kind: 'series', capacity: 12, registrationMode: 'open' }));
    await (await input('input[formControlName=capacity]')).setValue('3');

    await save();
    expectPath(page, 'PATCH', GROUP).flush(
      ...apiError(409, 'conflict', { fields: [{ field: 'capacity', code: 'out_of_range', message: 'x' }] }),
    );
    await page.settle();

    const capacity = await page.loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Aantal plaatsen' }));
    expect(await capacity.getTextErrors()).toEqual([
      'Er zijn al meer gezinnen ingeschreven dan dit aantal. Kies een hoger aantal, of verplaats eerst gezinnen.',
    ]);
  });

  describe('when the change drops dates families are registered for', () => {
    // The dates' words leave out the year only within the year of "now": the clock is set.
    beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z'), toFake: ['Date'] }));
    afterEach(() => vi.useRealTimers());

    const dropsDates = async () => {
      await open(makeGroupPlan());
      await (await input('input[formControlName=startTime]')).setValue('10:00');
      await (await input('input[formControlName=endTime]')).setValue('11:30');
      await save();
      expectPath(page, 'PATCH', GROUP).flush(
        {
          code: 'sessions_have_families',
          message: 'x',
          sessionsWithFamilies: [
            { sessionId: 's1', startsAt: '2026-12-15T08:30:00.000Z', families: 3 },
            { sessionId: 's2', startsAt: '2026-12-22T08:30:00.000Z', families: 1 },
          ],
        },
        { status: 409, statusText: 'Conflict' },
      );
      await page.settle();
    };

    it('should name the dates and families in plain words, and save again only when the person cancels them', async () => {
      await dropsDates();

      const dialog = textOf(document.querySelector('mat-dialog-container'));
      expect(dialog).toContain('Er zijn gezinnen ingeschreven');
      expect(dialog).toContain('dinsdag 15 december om 9.30 uur');
      expect(dialog).toContain('3 gezinnen ingeschreven');
      expect(dialog).toContain('1 gezin ingeschreven');
      expect(dialog).toContain('Als je bewaart, gaan deze bijeenkomsten niet door. De gezinnen krijgen daarover een bericht.');
      await answerDialog(page.loader, 'Bijeenkomsten annuleren en bewaren');

      const again = expectPath(page, 'PATCH', GROUP);
      expect(again.request.body.confirmCancellations).toBe(true);
      again.flush({ group: makeGroupPlan(), keptEditedSessionIds: [] });
      await page.settle();
      expect(textOf(page.element.querySelector('[role="status"]'))).toContain('Je wijzigingen zijn bewaard.');
    });

    it('should change nothing when the person goes back', async () => {
      await dropsDates();
      await answerDialog(page.loader, 'Terug en aanpassen');

      page.http.expectNone(GROUP);
      expect(page.element.querySelector('[role="status"]')).toBeNull();
    });
  });

  it('should let a group worker look at a group of someone else without changing it', async () => {
    await open(makeGroupPlan({ canEdit: false }), ['group_worker']);

    expect(textOf(page.element)).toContain('Je kan deze groep bekijken.');
    expect(await (await input('input[formControlName=nl]')).isDisabled()).toBe(true);
    expect(await page.loader.getAllHarnesses(MatButtonHarness.with({ text: 'Wijzigingen bewaren' }))).toHaveLength(0);
    expect(await page.loader.getAllHarnesses(MatButtonHarness.with({ text: /overslaan/ }))).toHaveLength(0);
  });

  it('should greet a group that was just created, once', async () => {
    const notices = new GroupSavedNotices();
    notices.put({ groupId: GROUP_ID, created: true, kept: 0 });
    await open(makeGroupPlan(), ['coordinator'], notices);

    expect(textOf(page.element.querySelector('[role="status"]'))).toContain('De groep is gepland.');
    expect(page.element.querySelector('[role="status"] a')?.getAttribute('href')).toBe(`/planning?group=${GROUP_ID}`);
    expect(notices.take(GROUP_ID)).toBeNull();
  });
});
