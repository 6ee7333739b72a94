import type { RegistrationView } from '@kring/domain';
import { makeManageView, makeRegistrationView, makeSeriesRegistrations } from '../testing/parents';
import { actionsFor, manageGroups, unskipSaid } from './manage-view';

describe(actionsFor.name, () => {
  it.each<[string, Partial<RegistrationView>, string[]]>([
    ['a date of a series', { status: 'confirmed', series: true }, ['skip']],
    ['a single date', { status: 'confirmed', series: false }, ['cancel']],
    ['a single date on the waitlist', { status: 'waitlisted', series: false }, ['leave']],
    ['an offered seat', { status: 'offered', series: false }, ['accept', 'decline']],
    ['an offered seat in a series', { status: 'offered', series: true }, ['accept', 'skip']],
    ['a skipped date', { status: 'skipped', series: true, comeAfterAll: 'online' }, ['unskip']],
    ['a skipped date the group closed online changes for', { status: 'skipped', series: true, comeAfterAll: 'call' }, []],
    ['a cancelled date', { status: 'cancelled', series: false }, []],
  ])('should offer the right actions for %s', (_case, overrides, expected) => {
    expect(actionsFor(makeRegistrationView(overrides))).toEqual(expected);
  });
});

describe(manageGroups.name, () => {
  it('should group coming dates and list the ones a "stop the series" would cancel', () => {
    const [first, second, third] = makeSeriesRegistrations();
    const view = makeManageView({
      registrations: [
        third,
        { ...first, status: 'skipped' },
        second,
        makeRegistrationView({ id: 'past', startsAt: '2026-11-26T08:30:00Z' }),
      ],
    });

    const groups = manageGroups(view, new Date('2026-11-28T10:00:00Z'));

    expect(groups).toHaveLength(1);
    expect(groups[0].registrations.map((r) => r.id)).toEqual([first.id, second.id, third.id]);
    expect(groups[0].stoppable).toEqual([second.id, third.id]);
    expect(groups[0].series).toBe(true);
  });
});

describe(unskipSaid.name, () => {
  it('should say "back in", or the place in line when the date filled up meanwhile', () => {
    const [first, second] = makeSeriesRegistrations();
    const back = makeManageView({ registrations: [first, second] });
    expect(unskipSaid(back, first.id, 'donderdag 3 december')).toEqual({
      key: 'parents.manage.done.unskip',
      params: { when: 'donderdag 3 december' },
    });
    const waiting = makeManageView({ registrations: [{ ...first, status: 'waitlisted', waitlistPosition: 4 }, second] });
    expect(unskipSaid(waiting, first.id, 'donderdag 3 december')).toEqual({
      key: 'parents.manage.done.unskipWaitlist',
      params: { when: 'donderdag 3 december', position: '4' },
    });
  });
});
