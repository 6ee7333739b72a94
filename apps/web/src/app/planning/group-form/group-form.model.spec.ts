import { TestBed } from '@angular/core/testing';
import { GITA, PLACE_ID, ROOM_ID, makeGroupPlan } from '../testing/planning-factories';
import type { GroupForm } from './group-form.model';
import { buildGroupForm, controlForApiField, fillGroupForm, toSaveRequest } from './group-form.model';

describe('The group form', () => {
  let form: GroupForm;

  beforeEach(() => {
    form = TestBed.runInInjectionContext(() => buildGroupForm());
  });

  it('should give back exactly the group it was filled with, when nothing changes', () => {
    const plan = makeGroupPlan({
      registrationWindow: { opensDaysBefore: 30, closesHoursBefore: 24 },
      recurrence: {
        firstStart: '2026-12-08T09:30',
        durationMinutes: 90,
        rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270630',
        exceptionDates: ['2026-12-22'],
      },
    });
    fillGroupForm(form, plan);

    expect(form.valid).toBe(true);
    expect(toSaveRequest(form.getRawValue())).toEqual({
      title: { nl: 'Inloopmoment', en: 'Drop-in morning' },
      description: { nl: 'Kom binnen wanneer het je past.' },
      kind: 'drop_in',
      audience: 'all',
      spokenLanguages: ['nl'],
      defaultLocationId: PLACE_ID,
      defaultRoomId: ROOM_ID,
      capacity: null,
      childrenCountTowardCapacity: false,
      registrationMode: 'none',
      registrationWindow: { opensDaysBefore: 30, closesHoursBefore: 24 },
      facilitatorIds: [GITA.id],
      recurrence: {
        firstStart: '2026-12-08T09:30',
        durationMinutes: 90,
        rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270630',
        exceptionDates: ['2026-12-22'],
      },
      active: true,
    });
  });

  it('should keep a rule it cannot show as it is', () => {
    fillGroupForm(
      form,
      makeGroupPlan({
        recurrence: { firstStart: '2026-12-08T09:30', durationMinutes: 60, rule: 'FREQ=YEARLY;BYMONTH=12;COUNT=3', exceptionDates: [] },
      }),
    );

    expect(form.controls.schedule.controls.customRule.value).toBe('FREQ=YEARLY;BYMONTH=12;COUNT=3');
    expect(toSaveRequest(form.getRawValue()).recurrence.rule).toBe('FREQ=YEARLY;BYMONTH=12;COUNT=3');
  });

  it('should send one meeting without a rule or skipped dates for a one-off, and trim the texts', () => {
    fillGroupForm(form, makeGroupPlan({ kind: 'one_off', title: { nl: '  Infoavond ', fr: ' ' } }));
    form.controls.schedule.controls.exceptionDates.setValue(['2026-12-15']);

    const request = toSaveRequest(form.getRawValue(), true);
    expect(request.title).toEqual({ nl: 'Infoavond' });
    expect(request.recurrence).toEqual({ firstStart: '2026-12-08T09:30', durationMinutes: 90, rule: null, exceptionDates: [] });
    expect(request.confirmConflicts).toBe(true);
  });

  it('should refuse an end before the start, a weekly rhythm without days and an end date before the first meeting', () => {
    fillGroupForm(form, makeGroupPlan());
    const schedule = form.controls.schedule.controls;
    schedule.endTime.setValue('09:00');
    schedule.weekdays.setValue([]);
    schedule.end.setValue('until');
    schedule.until.setValue('2026-12-01');
    schedule.until.updateValueAndValidity();

    expect(schedule.endTime.errors).toEqual({ endBeforeStart: true });
    expect(schedule.weekdays.errors).toEqual({ required: true });
    expect(schedule.until.errors).toEqual({ beforeStart: true });
  });

  it.each([
    ['recurrence.firstStart', undefined, 'schedule.date'],
    ['recurrence.durationMinutes', 'too_long', 'schedule.endTime'],
    ['recurrence.rule', 'invalid_rule', 'schedule.pattern'],
    ['recurrence.rule', 'no_end', 'schedule.count'],
    ['title.nl', undefined, 'title.nl'],
    ['description.fr', undefined, 'description.fr'],
    ['defaultRoomId', undefined, 'defaultRoomId'],
    ['registrationWindow.closesHoursBefore', undefined, 'closesHoursBefore'],
  ])('should put the API error on %s (%s) at the right field', (field, reason, path) => {
    fillGroupForm(form, makeGroupPlan());
    expect(controlForApiField(form, field, reason)).toBe(form.get(path));
  });
});
