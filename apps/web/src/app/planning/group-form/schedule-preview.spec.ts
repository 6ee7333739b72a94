import { TestBed } from '@angular/core/testing';
import { makeGroupPlan } from '../testing/planning-factories';
import type { ScheduleValue } from './group-form.model';
import { buildGroupForm, fillGroupForm } from './group-form.model';
import { previewSchedule } from './schedule-preview';

describe(previewSchedule.name, () => {
  const now = new Date('2026-12-08T07:00:00.000Z');

  function schedule(overrides: Partial<ScheduleValue> = {}): ScheduleValue {
    const form = TestBed.runInInjectionContext(() => buildGroupForm());
    fillGroupForm(form, makeGroupPlan());
    return { ...form.controls.schedule.getRawValue(), ...overrides };
  }

  it('should list every meeting, the skipped ones still in the list but marked', () => {
    const preview = previewSchedule(schedule({ count: 4, exceptionDates: ['2026-12-15'] }), 'drop_in', now);

    expect(preview.state).toBe('ready');
    if (preview.state !== 'ready') return;
    expect(preview.items.map((i) => [i.day, i.skipped])).toEqual([
      ['2026-12-08', false],
      ['2026-12-15', true],
      ['2026-12-22', false],
      ['2026-12-29', false],
    ]);
    expect([preview.total, preview.skipped]).toEqual([4, 1]);
    expect(preview.items[0].startsAt).toBe('2026-12-08T08:30:00.000Z');
  });

  it('should mark meetings that are over and those beyond the planning horizon', () => {
    const preview = previewSchedule(schedule({ date: '2026-12-01', count: 20 }), 'drop_in', now);
    if (preview.state !== 'ready') throw new Error('not ready');

    expect(preview.items[0]).toMatchObject({ day: '2026-12-01', past: true });
    expect(preview.items[1]).toMatchObject({ day: '2026-12-08', past: false });
    expect(preview.items.find((i) => i.later)?.day).toBe('2027-03-09');
  });

  it('should name skipped dates on which there is no meeting any more', () => {
    const preview = previewSchedule(schedule({ count: 2, exceptionDates: ['2026-12-10'] }), 'drop_in', now);

    expect(preview.state === 'ready' && preview.stale).toEqual(['2026-12-10']);
  });

  it('should show a single meeting for a one-off, whatever is skipped', () => {
    const preview = previewSchedule(schedule({ exceptionDates: ['2026-12-08'] }), 'one_off', now);

    expect(preview.state === 'ready' && preview.items.map((i) => [i.day, i.skipped])).toEqual([['2026-12-08', false]]);
  });

  it.each([
    ['no first day', { date: '' }, 'date'],
    ['an end before the start', { endTime: '08:00' }, 'time'],
    ['no end to the series', { count: null }, 'rule'],
  ] as const)('should say what is missing when there is %s', (_case, overrides, reason) => {
    expect(previewSchedule(schedule(overrides), 'drop_in', now)).toEqual({ state: 'incomplete', reason });
  });
});
