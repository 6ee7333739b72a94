import { makePublicGroup } from '../../../testing/groups';
import { BABY_GROUP_ID, makePublicSession } from '../testing/parents';
import { finderCards, mergeSessions, placesOf, weekdaysOf } from './finder-cards';

const DROP_IN_ID = 'ccfdf8ec-581e-41fa-a6ce-357484fbcb91';
const dropIn = (id: string, startsAt: string) =>
  makePublicSession({
    id,
    group: { id: DROP_IN_ID, title: 'Inloopmoment', kind: 'drop_in', audience: 'all' },
    startsAt,
    endsAt: startsAt,
    seatsLeft: null,
    registrationOpen: false,
    place: { id: 'c2a0b7d3-4e5f-4a61-9b72-8c9d0e1f2a01', name: 'Huis van het Kind Temse', city: 'Temse' },
  });
const baby = (id: string, startsAt: string) => makePublicSession({ id, startsAt });

const sessions = mergeSessions([
  [dropIn('d1', '2026-12-01T08:00:00Z'), baby('b1', '2026-12-03T08:30:00Z'), dropIn('d2', '2026-12-08T08:00:00Z')],
  [baby('b1', '2026-12-03T08:30:00Z'), baby('b2', '2026-12-10T08:30:00Z')],
]);
const groups = [
  makePublicGroup({ id: BABY_GROUP_ID, description: 'Ouders van een baby praten samen.', locale: 'nl' }),
  makePublicGroup({ id: DROP_IN_ID, title: 'Inloopmoment', description: 'Kom binnen.', locale: 'nl' }),
];

describe(mergeSessions.name, () => {
  it('should keep each session once, in time order, when two age bands both return it', () => {
    expect(sessions.map((s) => s.id)).toEqual(['d1', 'b1', 'd2', 'b2']);
  });
});

describe(finderCards.name, () => {
  const none = { place: null, weekday: null };

  it('should make one card per group with its next meeting and description', () => {
    const cards = finderCards(sessions, groups, none, 'nl');

    expect(cards.map((c) => [c.title, c.next.id, c.description])).toEqual([
      ['Inloopmoment', 'd1', 'Kom binnen.'],
      ['Babybabbels', 'b1', 'Ouders van een baby praten samen.'],
    ]);
  });

  it('should put the groups for the chosen age before the groups for all parents', () => {
    expect(finderCards(sessions, groups, none, 'nl', ['0-1']).map((c) => c.title)).toEqual(['Babybabbels', 'Inloopmoment']);
  });

  it('should keep only meetings on the chosen day and place', () => {
    expect(finderCards(sessions, groups, { place: null, weekday: 2 }, 'nl').map((c) => c.title)).toEqual(['Inloopmoment']);
    expect(finderCards(sessions, groups, { place: 'Huis van het Kind Sint-Niklaas', weekday: null }, 'nl').map((c) => c.title)).toEqual([
      'Babybabbels',
    ]);
    expect(finderCards(sessions, groups, { place: 'Huis van het Kind Temse', weekday: 4 }, 'nl')).toEqual([]);
  });

  it('should mark the text language when the words are a Dutch fallback on an Arabic page', () => {
    expect(finderCards(sessions, groups, none, 'ar')[0].textLocale).toBe('nl');
    expect(finderCards(sessions, groups, none, 'nl')[0].textLocale).toBeNull();
  });
});

describe(placesOf.name, () => {
  it('should list each place once, sorted, for the "Waar?" choice', () => {
    expect(placesOf(sessions)).toEqual(['Huis van het Kind Sint-Niklaas', 'Huis van het Kind Temse']);
  });

  it('should list the weekdays that have meetings, Monday first', () => {
    expect(weekdaysOf(sessions)).toEqual([2, 4]);
  });
});
