import type { PublicSession } from '@kring/domain';
import { makePublicSession } from '../testing/parents';
import { pluralKey } from './plural';
import { everyOpenSessionFull, opensPhrase, seatPhrase, seatState } from './seats';

describe(seatPhrase.name, () => {
  it.each<[string, Partial<PublicSession>, string, Record<string, string> | undefined]>([
    ['seats are left', { seatsLeft: 3 }, 'parents.seats.free.other', { count: '3' }],
    ['one seat is left', { seatsLeft: 1 }, 'parents.seats.free.one', { count: '1' }],
    ['the session is full', { seatsLeft: 0 }, 'parents.seats.full', undefined],
    ['there is no limit', { seatsLeft: null }, 'parents.seats.unlimited', undefined],
    ['registration is not open', { registrationOpen: false, seatsLeft: 4 }, 'parents.seats.closed', undefined],
  ])('should say it plainly when %s', (_case, overrides, key, params) => {
    expect(seatPhrase(makePublicSession(overrides), 'nl')).toEqual({ key, ...(params ? { params } : {}) });
  });

  it('should say from when registering opens, as people say a date, and the hour on the day itself', () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const opens = makePublicSession({ registrationOpen: false, registrationOpensAt: '2026-12-01T08:30:00.000Z' });
    expect(seatState(opens)).toBe('opens');
    expect(seatPhrase(opens, 'nl', now)).toEqual({ key: 'parents.seats.opens', params: { weekday: 'dinsdag', dayMonth: '1 december' } });
    expect(seatPhrase(opens, 'ar', now)).toEqual({ key: 'parents.seats.opens', params: { weekday: 'الثلاثاء', dayMonth: '1 ديسمبر' } });
    expect(opensPhrase(new Date('2026-11-28T14:30:00Z'), 'nl', now)).toEqual({
      key: 'parents.seats.opensToday',
      params: { hour: '15', minute: '30' },
    });
    expect(opensPhrase(new Date('2027-01-05T08:30:00Z'), 'nl', now).params).toEqual({ weekday: 'dinsdag', dayMonth: '5 januari 2027' });
  });

  it('should say that registering has closed, and to come by or call, when it is too late online', () => {
    const late = makePublicSession({ registrationOpen: false, registrationClosed: true, seatsLeft: 3 });
    expect(seatPhrase(late, 'nl')).toEqual({ key: 'parents.seats.ended' });
  });

  it('should say "walk in" for a drop-in, whatever its seats', () => {
    const dropIn = makePublicSession({ group: { id: 'g', title: 'Inloop', kind: 'drop_in', audience: 'all' }, registrationOpen: false });
    expect(seatState(dropIn)).toBe('drop_in');
  });
});

describe(everyOpenSessionFull.name, () => {
  it('should be true only when every open session is full', () => {
    expect(everyOpenSessionFull([makePublicSession({ seatsLeft: 0 }), makePublicSession({ seatsLeft: 0 })])).toBe(true);
    expect(everyOpenSessionFull([makePublicSession({ seatsLeft: 0 }), makePublicSession({ seatsLeft: 2 })])).toBe(false);
    expect(everyOpenSessionFull([])).toBe(false);
  });
});

describe(pluralKey.name, () => {
  it.each([
    [1, 'nl', 'seats.one'],
    [4, 'nl', 'seats.other'],
    [0, 'fr', 'seats.one'],
    [1, 'ar', 'seats.one'],
    [2, 'ar', 'seats.two'],
    [5, 'ar', 'seats.few'],
    [11, 'ar', 'seats.many'],
    [100, 'ar', 'seats.other'],
  ])('should pick the form for %i in %s', (count, locale, key) => {
    expect(pluralKey('seats', count, locale)).toBe(key);
  });
});
