import { MatSelectHarness } from '@angular/material/select/testing';
import type { SessionView } from '@kring/domain';
import type { RenderedPage } from '../../../../testing/pages';
import { makeSession as makeStaffSession } from '../../../../testing/staff';
import { GITA, OMAR, PLACE_ID, makeGroupPlan, makePlace, makeSession } from '../../testing/planning-factories';
import { expectPath, renderPlanningPage, textOf } from '../../testing/planning-page';
import { PlanningCalendarPage } from './planning-calendar-page';

const SESSIONS = '/api/v1/sessions';

describe(PlanningCalendarPage.name, () => {
  let page: RenderedPage;

  async function open(url = '/planning', options: { wide?: boolean; roles?: ('coordinator' | 'group_worker')[] } = {}) {
    page = await renderPlanningPage(PlanningCalendarPage, {
      path: 'planning',
      url,
      wide: options.wide ?? true,
      session: makeStaffSession({ user: { roles: options.roles ?? ['coordinator'] } }),
    });
    expectPath(page, 'GET', '/api/v1/locations').flush([makePlace()]);
    expectPath(page, 'GET', '/api/v1/groups').flush([makeGroupPlan()]);
    expectPath(page, 'GET', '/api/v1/staff/facilitators').flush([GITA, OMAR]);
  }

  /** Answers the period's sessions; an empty period then looks ahead for the next one, answered with `ahead` (its request is returned too). */
  async function answer(sessions: SessionView[], ahead: SessionView[] = []) {
    const request = expectPath(page, 'GET', SESSIONS);
    request.flush(sessions);
    await page.settle();
    if (sessions.length > 0) return Object.assign(request.request, { ahead: null });
    const next = expectPath(page, 'GET', SESSIONS);
    next.flush(ahead);
    await page.settle();
    return Object.assign(request.request, { ahead: next.request });
  }

  afterEach(() => page.http.verify());

  const thursday = makeSession({
    id: 'thu',
    group: { id: 'g2', title: 'Babybabbels', kind: 'series' },
    startsAt: '2026-12-10T08:30:00.000Z',
    endsAt: '2026-12-10T10:00:00.000Z',
    room: { id: 'baby', name: 'Babyhoek' },
    facilitators: [OMAR],
  });

  it('should show this month as a table of whole weeks on a wide screen, marking cancelled and changed sessions', async () => {
    await open();
    const request = await answer([
      makeSession(),
      makeSession({ id: 'cancelled', startsAt: '2026-12-15T08:30:00.000Z', endsAt: '2026-12-15T10:00:00.000Z', status: 'cancelled' }),
      { ...thursday, editedFields: ['time'] },
    ]);

    expect(request.params.get('from')).toBe('2026-11-29T23:00:00.000Z');
    expect(request.params.get('to')).toBe('2027-01-03T23:00:00.000Z');
    expect(request.params.has('locationId')).toBe(false);
    expect(textOf(page.element.querySelector('.period__title'))).toBe('december 2026');
    const cells = [...page.element.querySelectorAll('td')];
    expect(cells).toHaveLength(35);
    const tuesday8 = cells.find((td) => textOf(td).includes('dinsdag 8 december'));
    expect(textOf(tuesday8?.querySelector('a'))).toBe('9.30 Inloopmoment');
    expect(tuesday8?.querySelector('a')?.getAttribute('href')).toBe('/planning/bijeenkomst/a1b2c3d4-0000-4000-8000-000000000001');
    expect(textOf(page.element.querySelector('a.entry--cancelled'))).toBe('9.30 Inloopmoment Geannuleerd');
    expect(textOf(page.element.querySelector(`a[href="/planning/bijeenkomst/thu"]`))).toBe('9.30 Babybabbels Apart aangepast');
  });

  it('should highlight sessions that share a room or a person at the same time', async () => {
    await open('/planning?view=week&date=2026-12-10');
    await answer([
      thursday,
      makeSession({
        id: 'clash',
        startsAt: '2026-12-10T09:00:00.000Z',
        endsAt: '2026-12-10T11:00:00.000Z',
        room: { id: 'baby', name: 'Babyhoek' },
      }),
    ]);

    expect(textOf(page.element.querySelector('.clashes'))).toContain('Op dit scherm zijn 2 bijeenkomsten dubbel geboekt');
    const card = page.element.querySelector('a[href="/planning/bijeenkomst/clash"]');
    expect(textOf(card)).toContain('Dubbel geboekt');
    expect(textOf(card)).toContain('Lokaal Babyhoek is dan ook gereserveerd voor Babybabbels.');
  });

  it('should list the week day by day, with the days without sessions too', async () => {
    await open('/planning?view=week&date=2026-12-10');
    const request = await answer([thursday]);

    expect(request.params.get('from')).toBe('2026-12-06T23:00:00.000Z');
    expect(request.params.get('to')).toBe('2026-12-13T23:00:00.000Z');
    expect(textOf(page.element.querySelector('.period__title'))).toBe('Week van 7 december tot 13 december');
    const days = [...page.element.querySelectorAll('kr-agenda-list .day')].map((d) => textOf(d.querySelector('h2')));
    expect(days).toEqual([
      'maandag 7 december',
      'dinsdag 8 december Vandaag',
      'woensdag 9 december',
      'donderdag 10 december',
      'vrijdag 11 december',
      'zaterdag 12 december',
      'zondag 13 december',
    ]);
    expect(textOf(page.element.querySelectorAll('kr-agenda-list .day')[3])).toContain('9.30 tot 11 uur');
  });

  it('should say once that an empty week has nothing planned, and offer the way to the next session', async () => {
    await open('/planning?view=week&date=2026-12-21');
    const later = { ...thursday, id: 'jan', startsAt: '2027-01-07T08:30:00.000Z', endsAt: '2027-01-07T10:00:00.000Z' };
    const cancelled = { ...thursday, id: 'off', status: 'cancelled' as const, startsAt: '2027-01-05T08:30:00.000Z' };
    const { ahead } = await answer([], [later, cancelled]);

    expect(ahead?.params.get('from')).toBe('2026-12-27T23:00:00.000Z');
    expect(page.element.querySelectorAll('kr-agenda-list .day')).toHaveLength(0);
    const notice = textOf(page.element.querySelector('.empty-period'));
    expect(notice).toContain('Deze week staat er niets gepland.');
    expect(notice).toContain('De volgende bijeenkomst: Babybabbels, donderdag 7 januari');
    await page.press('Naar die week');
    expect(page.router.url).toContain('date=2027-01-07');
    await answer([later]);
    expect(page.element.querySelector('.empty-period')).toBeNull();
  });

  it('should say so when nothing is planned in the coming months either', async () => {
    await open('/planning?view=week&date=2026-12-21');
    await answer([]);

    expect(textOf(page.element.querySelector('.empty-period'))).toContain('Ook het komende halfjaar staat er niets gepland.');
  });

  it('should show the month as a list of days with sessions on a phone', async () => {
    await open('/planning?view=month', { wide: false });
    await answer([thursday]);

    expect(page.element.querySelector('table')).toBeNull();
    expect([...page.element.querySelectorAll('kr-agenda-list h2')].map((h) => textOf(h))).toEqual(['donderdag 10 december']);
  });

  it('should keep the view, the day and the filters in the address', async () => {
    await open('/planning?view=week&date=2026-12-10');
    await answer([]);

    await page.press(/^Vandaag$/);
    expect(page.router.url).toBe('/planning?view=week&date=2026-12-08');
    await answer([]);

    (page.element.querySelector('mat-button-toggle[value="month"] button') as HTMLButtonElement).click();
    await page.settle();
    expect(page.router.url).toBe('/planning?view=month&date=2026-12-08');
    await answer([]);

    const [place] = await page.loader.getAllHarnesses(MatSelectHarness);
    await place.open();
    // Not the harness's click: it waits for the page to be still, and choosing starts a request.
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) => textOf(o) === 'Huis van het Kind Sint-Niklaas')?.click();
    await page.settle();
    expect(page.router.url).toBe(`/planning?view=month&date=2026-12-08&place=${PLACE_ID}`);
    expect((await answer([])).params.get('locationId')).toBe(PLACE_ID);
  });

  it('should step to the next month and offer planning only to coordinators', async () => {
    await open('/planning?date=2026-12-10', { roles: ['group_worker'] });
    await answer([]);
    expect(page.element.querySelector('a[href="/planning/groepen/nieuw"]')).toBeNull();

    await (page.element.querySelector<HTMLButtonElement>('button[aria-label="Volgende maand"]') as HTMLButtonElement).click();
    await page.settle();
    expect(page.router.url).toBe('/planning?view=month&date=2027-01-01');
    await answer([]);
    expect(textOf(page.element.querySelector('.period__title'))).toBe('januari 2027');
  });
});
