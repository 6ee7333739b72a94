import type { RenderedPage } from '../../../../testing/pages';
import { apiError, makeSession as makeStaffSession } from '../../../../testing/staff';
import { makeSession } from '../../testing/planning-factories';
import { expectPath, renderPlanningPage, textOf } from '../../testing/planning-page';
import { MyWeekPage } from './my-week-page';

const MINE = '/api/v1/sessions/mine';

describe(MyWeekPage.name, () => {
  let page: RenderedPage;

  async function open(roles: ('coordinator' | 'group_worker')[] = ['group_worker'], wide = false): Promise<void> {
    page = await renderPlanningPage(MyWeekPage, {
      path: 'mijn-week',
      url: '/mijn-week',
      session: makeStaffSession({ user: { roles } }),
      wide,
    });
  }

  async function answer(body: Parameters<ReturnType<typeof expectPath>['flush']>[0]): Promise<void> {
    expectPath(page, 'GET', MINE).flush(body);
    await page.settle();
  }

  const headings = () => [...page.element.querySelectorAll('h2')].map((h) => textOf(h));
  const cardLinks = () => [...page.element.querySelectorAll<HTMLAnchorElement>('kr-session-card a')];

  afterEach(() => page.http.verify());

  it('should ask for this week and next week in Brussels time, in the page language', async () => {
    await open();
    const request = expectPath(page, 'GET', MINE);

    expect(request.request.params.get('from')).toBe('2026-12-06T23:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2026-12-20T23:00:00.000Z');
    expect(request.request.params.get('locale')).toBe('nl');
    expect(textOf(page.element)).toContain('We halen je bijeenkomsten op');
    request.flush([]);
  });

  it('should show today first, each session as a card that opens it, with the time as people say it', async () => {
    await open();
    await answer([
      makeSession({
        id: 'thu',
        startsAt: '2026-12-10T08:30:00.000Z',
        endsAt: '2026-12-10T10:00:00.000Z',
        group: { id: 'g', title: 'Babybabbels', kind: 'series' },
      }),
      makeSession({ id: 'today' }),
      makeSession({ id: 'mon', startsAt: '2026-12-07T13:00:00.000Z', endsAt: '2026-12-07T14:00:00.000Z' }),
    ]);

    expect(headings().slice(0, 3)).toEqual(['Vandaag dinsdag 8 december', 'donderdag 10 december', 'Eerder deze week']);
    const [today, thursday, monday] = cardLinks();
    expect(textOf(today)).toContain('9.30 tot 11 uur');
    expect(textOf(today)).toContain('Inloopmoment');
    expect(textOf(today)).toContain('Huis van het Kind Sint-Niklaas · Grote zaal');
    expect(today.getAttribute('href')).toBe('/planning/bijeenkomst/today');
    expect(textOf(thursday)).toContain('Babybabbels');
    expect(textOf(monday)).toContain('ma 7 dec, 14 tot 15 uur');
  });

  it('should say so when there is nothing today, and mark a cancelled session with its reason', async () => {
    await open();
    await answer([
      makeSession({
        startsAt: '2026-12-09T08:30:00.000Z',
        endsAt: '2026-12-09T10:00:00.000Z',
        status: 'cancelled',
        cancellationReason: 'Begeleider ziek',
        canEdit: false,
      }),
    ]);

    expect(textOf(page.element)).toContain('Vandaag heb je geen bijeenkomsten.');
    expect(headings()[1]).toBe('Morgen woensdag 9 december');
    expect(textOf(cardLinks()[0])).toContain('Geannuleerd');
    expect(textOf(cardLinks()[0])).toContain('Reden: Begeleider ziek');
    expect(cardLinks()[0].querySelector('s')).not.toBeNull();
  });

  it('should help a group worker without sessions with what happens next', async () => {
    await open();
    await answer([]);

    expect(textOf(page.element)).toContain('Zodra een coördinator je bij een groep zet');
    expect(page.element.querySelector('a[href="/planning/groepen/nieuw"]')).toBeNull();
  });

  it('should offer a coordinator without sessions to plan one', async () => {
    await open(['coordinator']);
    await answer([]);
    expect(textOf(page.element)).toContain('Geen bijeenkomsten deze week en volgende week');
    expect(textOf(page.element.querySelector('a[href="/planning/groepen/nieuw"]'))).toBe('Plan er een');
  });

  it('should say kindly when the week cannot be shown, and try again', async () => {
    await open();
    expectPath(page, 'GET', MINE).flush(...apiError(500, 'internal_error'));
    await page.settle();

    expect(textOf(page.element.querySelector('[role="alert"]'))).toContain('We kunnen je week nu niet tonen');
    await page.press(/Probeer opnieuw/);
    await answer([makeSession()]);
    expect(cardLinks()).toHaveLength(1);
  });
});
