import type { CarePrompt, SessionView } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { makeSession } from '../../../testing/staff';
import { ownerKey } from '../data/room-storage';
import { brusselsToday, dayRange, upcomingRange } from '../data/today';
import { ROOM_PATHS } from '../room-paths';
import { BO, WORKER_ID, makeCarePrompt, makeKnown, makeRoster, makeSessionView, makeTally, provideRoomTesting } from '../room-testing';
import { TodayPage } from './today-page';
import { offlineSwitch } from '../../../testing/connection';

const HOUR = 3_600_000;
const today = brusselsToday();
const { from, to } = dayRange(today);
const MINE = `/api/v1/sessions/mine?from=${from}&to=${to}&locale=nl`;
const PROMPTS = '/api/v1/care-prompts';
/** A session today at this Brussels hour (a day starts at midnight Brussels). */
const at = (hours: number) => new Date(Date.parse(from) + hours * HOUR).toISOString();

const BABY = makeSessionView({ id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01', startsAt: at(9.5), endsAt: at(11) });
const DROP_IN = makeSessionView({
  id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a02',
  group: { id: 'g2', title: 'Inloop', kind: 'drop_in' },
  startsAt: at(13),
  endsAt: at(15.25),
  room: { id: 'r', name: 'Speelzaal' },
});

describe(TodayPage.name, () => {
  let page: RenderedPage;

  async function open(sessions: SessionView[] | null = [DROP_IN, BABY], prompts: CarePrompt[] = []): Promise<void> {
    page = await renderPage(TodayPage, { path: 'vandaag', url: '/vandaag', session: makeSession(), providers: [provideRoomTesting()] });
    if (sessions === null) return;
    (await vi.waitFor(() => page.http.expectOne(MINE))).flush(sessions);
    (await vi.waitFor(() => page.http.expectOne(PROMPTS))).flush(prompts);
    await vi.waitFor(async () => {
      await page.settle();
      expect(page.element.querySelector('.loading')).toBeNull();
    });
    // Then every list of today is fetched ahead, one after the other.
    for (const session of sessions.filter((s) => s.status !== 'cancelled')) {
      const dropIn = session.group.kind === 'drop_in';
      const url = `/api/v1/sessions/${session.id}/${dropIn ? 'tally' : 'roster'}`;
      (await vi.waitFor(() => page.http.expectOne(url))).flush(
        dropIn ? makeTally({ sessionId: session.id }) : makeRoster({ sessionId: session.id }),
      );
      // A drop-in's names too, for checking in by name offline.
      if (dropIn)
        (await vi.waitFor(() => page.http.expectOne(`/api/v1/sessions/${session.id}/known-families`))).flush(
          makeKnown({ sessionId: session.id }),
        );
    }
    await page.settle();
  }

  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  const connection = offlineSwitch(() => page.http.verify());

  it('should list today’s sessions in time order, each opening its roster or, for a drop-in, its tally', async () => {
    await open();

    expect(text()).toContain('Dag Gita, dit zijn je bijeenkomsten van vandaag.');
    const links = [...page.element.querySelectorAll<HTMLAnchorElement>('a.session')];
    expect(links.map((a) => a.querySelector('.session__title')?.textContent)).toEqual(['Babybabbels', 'Inloop']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([`/vandaag/${BABY.id}/lijst`, `/vandaag/${DROP_IN.id}/telling`]);
    expect(links[0].textContent).toContain('9.30 tot 11 uur');
    expect(links[0].textContent).toContain('Aanwezigheden');
    expect(links[1].textContent).toContain('13 tot 15.15 uur');
    expect(links[1].textContent).toContain('Huis van het Kind Sint-Niklaas, Speelzaal');
    expect(links[1].textContent).toContain('Telling');
  });

  it('should keep every list of today on the phone, so each opens later without a connection', async () => {
    await open();

    const kept = (name: string) => JSON.parse(localStorage.getItem(ownerKey(WORKER_ID, name)) ?? 'null');
    expect(kept(`roster.${BABY.id}`)?.view.groupTitle).toBe('Babybabbels');
    expect(kept(`tally.${DROP_IN.id}`)?.view.counts).toEqual({ adults: 3, children_0_1: 2 });
    expect(kept(`tally.${DROP_IN.id}`)?.session.group.title).toBe('Inloop');
    expect(kept(`known.${DROP_IN.id}`)?.view.families.map((f: { displayName: string }) => f.displayName)).toEqual(['Ana', 'Bo']);
    expect(kept(`known.${BABY.id}`)).toBeNull();
  });

  it('should show a cancelled session without a way in', async () => {
    await open([makeSessionView({ startsAt: at(9), endsAt: at(10), status: 'cancelled' })]);

    expect(page.element.querySelector('a.session')).toBeNull();
    expect(text()).toContain('Afgelast');
  });

  it('should keep the gentle prompts closed until the worker opens them, then offer a call', async () => {
    await open([BABY], [makeCarePrompt()]);

    expect(text()).toContain('Misschien eens bellen?');
    expect(text()).not.toContain('Bo');
    await page.press(/Toon wie \(1\)/);

    expect(text()).toContain('Misschien eens bellen met Bo?');
    expect(page.element.querySelector('a[href="tel:+32470999888"]')?.textContent).toContain('Bel Bo');
    expect(text()).not.toMatch(/afwezig|no-show/i);
  });

  it('should lead from a prompt to the family’s earlier sessions, with the name along but not in the address', async () => {
    await open([BABY], [makeCarePrompt()]);
    await page.press(/Toon wie \(1\)/);

    page.element.querySelector<HTMLAnchorElement>('a[aria-label="Eerdere bijeenkomsten van Bo"]')?.click();
    await page.settle();

    expect(page.router.url).toBe(ROOM_PATHS.familyHistory(BO));
    expect(page.router.lastSuccessfulNavigation()?.extras.state).toEqual({ familyName: 'Bo', back: ROOM_PATHS.today });
  });

  it('should say in one sentence that there is nothing today, and point to the next session', async () => {
    await open([]);
    const coming = upcomingRange(today);
    const nextOne = makeSessionView({ id: 'next', startsAt: at(2 * 24 + 9.5), endsAt: at(2 * 24 + 11) });
    const cancelled = makeSessionView({ id: 'off', status: 'cancelled', startsAt: at(24 + 9.5), endsAt: at(24 + 11) });
    const day = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Brussels' });
    (await vi.waitFor(() => page.http.expectOne(`/api/v1/sessions/mine?from=${coming.from}&to=${coming.to}&locale=nl`))).flush([
      nextOne,
      cancelled,
    ]);
    await page.settle();

    expect(text()).toContain('Dag Gita, vandaag begeleid je geen bijeenkomsten.');
    expect(text()).not.toContain('dit zijn je bijeenkomsten van vandaag');
    expect(text()).toContain(`Je volgende bijeenkomst: Babybabbels, ${day.format(new Date(nextOne.startsAt))}`);
    expect(text()).toContain('in Huis van het Kind Sint-Niklaas.');
    expect(page.element.querySelector('a[href="/mijn-week"]')?.textContent).toContain('Bekijk mijn week');
  });

  it('should still help when there is nothing in the coming weeks either', async () => {
    await open([]);
    const coming = upcomingRange(today);
    (await vi.waitFor(() => page.http.expectOne(`/api/v1/sessions/mine?from=${coming.from}&to=${coming.to}&locale=nl`))).flush([]);
    await page.settle();

    expect(text()).toContain('Dag Gita, vandaag begeleid je geen bijeenkomsten.');
    expect(text()).toContain('In je week zie je wanneer je volgende bijeenkomst is.');
  });

  it('should show the day kept on the phone when there is no connection', async () => {
    localStorage.setItem(
      ownerKey(WORKER_ID, 'today'),
      JSON.stringify({ day: today, sessions: [BABY], prompts: [], savedAt: new Date().toISOString() }),
    );
    connection.online = false;

    await open(null);
    await page.settle();

    expect(page.element.querySelector('a.session')?.getAttribute('href')).toBe(`/vandaag/${BABY.id}/lijst`);
    expect(text()).toContain('Geen verbinding: je ziet wat op dit toestel bewaard is');
  });

  it('should not show another day’s sessions kept on the phone', async () => {
    localStorage.setItem(
      ownerKey(WORKER_ID, 'today'),
      JSON.stringify({ day: '2000-01-01', sessions: [BABY], prompts: [], savedAt: new Date().toISOString() }),
    );
    connection.online = false;

    await open(null);
    await page.settle();

    expect(page.element.querySelector('a.session')).toBeNull();
    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('er staat nog niets op dit toestel');
  });
});
