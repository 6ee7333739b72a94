import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { GroupPlan } from '@kring/domain';
import type { RenderedPage } from '../../../../testing/pages';
import { apiError, makeSession as makeStaffSession } from '../../../../testing/staff';
import { GITA, GROUP_ID, OMAR, makeGroupPlan, makePlace } from '../../testing/planning-factories';
import { expectPath, renderPlanningPage, textOf } from '../../testing/planning-page';
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
