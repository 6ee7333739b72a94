import { makeSession } from '../testing/planning-factories';
import { arrangeWeek } from './my-week';

describe(arrangeWeek.name, () => {
  const on = (id: string, startsAt: string) =>
    makeSession({ id, startsAt, endsAt: startsAt.replace(/T(\d\d)/, (_, h) => `T${String(Number(h) + 1).padStart(2, '0')}`) });

  it('should put today first, then what comes, then what already happened this week', () => {
    const agenda = arrangeWeek(
      [
        on('thu', '2026-12-10T08:30:00.000Z'),
        on('mon', '2026-12-07T08:30:00.000Z'),
        on('today-late', '2026-12-08T17:00:00.000Z'),
        on('today-early', '2026-12-08T08:30:00.000Z'),
        on('wed', '2026-12-09T12:00:00.000Z'),
        on('sun-before', '2026-12-06T09:00:00.000Z'),
      ],
      '2026-12-08',
    );

    expect(agenda.today.sessions.map((s) => s.id)).toEqual(['today-early', 'today-late']);
    expect(agenda.upcoming.map((d) => [d.day, d.relative])).toEqual([
      ['2026-12-09', 'tomorrow'],
      ['2026-12-10', null],
    ]);
    expect(agenda.earlier.map((d) => d.day)).toEqual(['2026-12-07', '2026-12-06']);
    expect(agenda.total).toBe(6);
  });

  it('should count a session just after midnight in Brussels on the next day', () => {
    const agenda = arrangeWeek([on('late', '2026-12-08T23:30:00.000Z')], '2026-12-08');

    expect(agenda.today.sessions).toEqual([]);
    expect(agenda.upcoming[0].day).toBe('2026-12-09');
  });
});
