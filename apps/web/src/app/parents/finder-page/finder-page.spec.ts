import { makePublicGroup } from '../../../testing/groups';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError } from '../../../testing/staff';
import { provideParentIcons } from '../shared/parent-icons';
import { BABY_GROUP_ID, makePublicSession } from '../testing/parents';
import { FinderPage } from './finder-page';
import { useClockAt } from '../../../testing/clock';

const DROP_IN_ID = 'ccfdf8ec-581e-41fa-a6ce-357484fbcb91';
const babySessions = [
  makePublicSession({ id: 'b1', startsAt: '2026-12-03T08:30:00Z', endsAt: '2026-12-03T10:00:00Z', seatsLeft: 3 }),
  makePublicSession({ id: 'b2', startsAt: '2026-12-10T08:30:00Z', endsAt: '2026-12-10T10:00:00Z', seatsLeft: 10 }),
];
const dropIn = makePublicSession({
  id: 'd1',
  group: { id: DROP_IN_ID, title: 'Inloopmoment', kind: 'drop_in', audience: 'all' },
  startsAt: '2026-12-01T08:00:00Z',
  endsAt: '2026-12-01T10:30:00Z',
  seatsLeft: null,
  registrationOpen: false,
  place: { id: 'c2a0b7d3-4e5f-4a61-9b72-8c9d0e1f2a01', name: 'Huis van het Kind Temse', city: 'Temse' },
});
const groups = {
  items: [
    makePublicGroup({ id: BABY_GROUP_ID }),
    makePublicGroup({
      id: DROP_IN_ID,
      title: 'Inloopmoment',
      kind: 'drop_in',
      audience: 'all',
      description: 'Kom binnen wanneer het past.',
    }),
  ],
};

describe(FinderPage.name, () => {
  let page: RenderedPage;

  // The sessions above are ahead of this clock, whatever day the tests run on.
  useClockAt('2026-11-28T10:00:00Z');

  async function open(url: string): Promise<void> {
    page = await renderPage(FinderPage, { path: 'groepen/lijst', url, providers: [provideParentIcons()] });
  }

  const cards = () =>
    [...page.element.querySelectorAll('kr-finder-card')].map((card) => ({
      title: card.querySelector('h2')?.textContent?.trim(),
      href: card.querySelector('a')?.getAttribute('href'),
      seats: card.querySelector('.seats')?.textContent?.trim(),
    }));

  afterEach(() => page.http.verify());

  it('should show the groups for a baby, the baby group first, with the next date, place and seats', async () => {
    await open('/groepen/lijst?voor=baby');
    page.http.expectOne('/api/v1/public/sessions?audience=0-1&locale=nl').flush([dropIn, ...babySessions]);
    page.http.expectOne('/api/v1/public/groups?locale=nl').flush(groups);
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Groepen voor ouders van een baby');
    expect(cards()).toEqual([
      { title: 'Babybabbels', href: `/groepen/${BABY_GROUP_ID}`, seats: 'Nog 3 plaatsen' },
      { title: 'Inloopmoment', href: `/groepen/${DROP_IN_ID}`, seats: 'Kom gewoon binnen, zonder inschrijven' },
    ]);
    expect(page.element.querySelector('kr-finder-card')?.textContent).toContain('donderdag 3 december, 9.30 tot 11 uur');
    expect(page.element.textContent).toContain('2 groepen gevonden');
  });

  it('should say on a card from when registering opens, or that it has closed', async () => {
    await open('/groepen/lijst?voor=baby');
    const notYet = { ...babySessions[0], registrationOpen: false, registrationOpensAt: '2026-12-01T08:30:00.000Z' };
    const tooLate = {
      ...dropIn,
      id: 'o1',
      group: { id: 'f6d7b1aa-0c1e-4f59-9d3a-2b4c6d8e0f12', title: 'Slaapklets', kind: 'one_off', audience: '0-1' },
      registrationClosed: true,
    };
    page.http.expectOne('/api/v1/public/sessions?audience=0-1&locale=nl').flush([notYet, tooLate]);
    page.http.expectOne('/api/v1/public/groups?locale=nl').flush(groups);
    await page.settle();

    expect(cards().map((c) => c.seats)).toEqual([
      'Inschrijven is gesloten — kom gerust langs of bel ons',
      'Inschrijven kan vanaf dinsdag 1 december',
    ]);
  });

  it('should ask both age bands for an older child', async () => {
    await open('/groepen/lijst?voor=older');
    page.http.expectOne('/api/v1/public/sessions?audience=6-12&locale=nl').flush([dropIn]);
    page.http.expectOne('/api/v1/public/sessions?audience=12-18&locale=nl').flush([dropIn]);
    page.http.expectOne('/api/v1/public/groups?locale=nl').flush(groups);
    await page.settle();

    expect(cards().map((c) => c.title)).toEqual(['Inloopmoment']);
  });

  it('should narrow the list by day and place from the address, and offer to show everything again', async () => {
    await open('/groepen/lijst?dag=2&plaats=Huis%20van%20het%20Kind%20Sint-Niklaas');
    page.http.expectOne('/api/v1/public/sessions?locale=nl').flush([dropIn, ...babySessions]);
    page.http.expectOne('/api/v1/public/groups?locale=nl').flush(groups);
    await page.settle();

    expect(cards()).toEqual([]);
    expect(page.element.textContent).toContain('We vinden nu geen groep die past');
    await page.press('Toon alle plaatsen en dagen');
    expect(page.router.url).toBe('/groepen/lijst');
  });

  it('should ask only about the day when every group meets in one place', async () => {
    await open('/groepen/lijst?voor=baby');
    const tuesday = makePublicSession({ id: 'b3', startsAt: '2026-12-08T08:30:00Z', endsAt: '2026-12-08T10:00:00Z', seatsLeft: 4 });
    page.http.expectOne('/api/v1/public/sessions?audience=0-1&locale=nl').flush([...babySessions, tuesday]);
    page.http.expectOne('/api/v1/public/groups?locale=nl').flush(groups);
    await page.settle();

    expect(page.element.querySelectorAll('form select')).toHaveLength(1);
    expect(page.element.querySelector('.filters__intro')?.textContent?.trim()).toBe('Wil je kiezen op welke dag? Dat hoeft niet.');
  });

  it('should let the parent choose a day, which goes into the address', async () => {
    await open('/groepen/lijst');
    page.http.expectOne('/api/v1/public/sessions?locale=nl').flush([dropIn, ...babySessions]);
    page.http.expectOne('/api/v1/public/groups?locale=nl').flush(groups);
    await page.settle();

    const [, day] = page.element.querySelectorAll<HTMLSelectElement>('form select');
    expect([...day.options].map((o) => o.textContent?.trim())).toEqual(['Elke dag', 'dinsdag', 'donderdag']);
    expect(page.element.querySelector('.filters__intro')?.textContent?.trim()).toBe('Wil je kiezen waar of wanneer? Dat hoeft niet.');
    day.value = '4';
    day.dispatchEvent(new Event('change'));
    await page.settle();

    expect(page.router.url).toBe('/groepen/lijst?dag=4');
    expect(cards().map((c) => c.title)).toEqual(['Babybabbels']);
  });

  it('should say kindly that the groups cannot be shown, and try again on request', async () => {
    await open('/groepen/lijst?voor=toddler');
    page.http.expectOne('/api/v1/public/sessions?audience=1-3&locale=nl').flush(...apiError(500, 'internal_error'));
    page.http.expectOne('/api/v1/public/groups?locale=nl');
    await page.settle();

    expect(page.element.querySelector('[role=alert]')?.textContent).toContain('Dat ligt niet aan jou.');
    await page.press('Probeer opnieuw');
    page.http.expectOne('/api/v1/public/sessions?audience=1-3&locale=nl').flush([]);
    page.http.expectOne('/api/v1/public/groups?locale=nl').flush({ items: [] });
    await page.settle();
    expect(page.element.textContent).toContain('We vinden nu geen groep die past');
  });
});
