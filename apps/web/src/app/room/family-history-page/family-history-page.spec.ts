import type { AttendanceHistoryEntry, FamilyAttendanceHistory } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError, makeSession } from '../../../testing/staff';
import { ownerKey } from '../data/room-storage';
import { ROOM_PATHS } from '../room-paths';
import { ANA, SESSION_ID, WORKER_ID, makeOp, provideRoomTesting } from '../room-testing';
import { familyHistoryLink } from './family-history-link';
import { FamilyHistoryPage } from './family-history-page';
import { offlineSwitch } from '../../../testing/connection';

const HISTORY = `/api/v1/families/${ANA}/attendance`;
const SYNC = '/api/v1/attendance/sync';

function makeEntry(overrides: Partial<AttendanceHistoryEntry> = {}): AttendanceHistoryEntry {
  return { sessionId: SESSION_ID, groupTitle: 'Babybabbels', startsAt: '2026-11-28T08:30:00.000Z', status: 'present', ...overrides };
}

function answer(sessions: AttendanceHistoryEntry[], displayName = 'Ana'): FamilyAttendanceHistory {
  return { family: { id: ANA, displayName }, sessions };
}

const ENTRIES: AttendanceHistoryEntry[] = [
  makeEntry(),
  makeEntry({ sessionId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a02', startsAt: '2026-11-21T08:30:00.000Z', status: 'excused' }),
  makeEntry({
    sessionId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a03',
    startsAt: '2026-11-14T08:30:00.000Z',
    status: 'absent',
    groupTitle: 'Peuterpraat',
  }),
  makeEntry({ sessionId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a04', startsAt: '2026-11-07T08:30:00.000Z' }),
];

describe(FamilyHistoryPage.name, () => {
  let page: RenderedPage;

  /** Opens the page as the roster's link does (with the name in the navigation state), or by its address. */
  async function open(options: { from?: 'roster' | 'address'; answer?: FamilyAttendanceHistory | null } = {}): Promise<void> {
    const link = familyHistoryLink(ANA, 'Ana', ROOM_PATHS.roster(SESSION_ID));
    page = await renderPage(FamilyHistoryPage, {
      path: 'vandaag/gezin/:familyId',
      url: options.from === 'address' ? link.path : '/vandaag',
      session: makeSession(),
      providers: [provideRoomTesting()],
    });
    if (options.from !== 'address') {
      await page.router.navigateByUrl(link.path, { state: link.state });
      await page.settle();
    }
    if (options.answer !== null) {
      (await vi.waitFor(() => page.http.expectOne(HISTORY))).flush(options.answer ?? answer(ENTRIES));
      await page.settle();
    }
  }

  const element = () => page.harness.routeNativeElement as HTMLElement;
  const text = () => element().textContent?.replace(/\s+/g, ' ') ?? '';
  /** Each card as its parts: when, group, status. */
  const cards = () =>
    [...element().querySelectorAll('.entries li')].map((li) =>
      [...li.querySelectorAll('p')].map((p) => p.textContent?.replace(/\s+/g, ' ').trim()).join(' | '),
    );

  const connection = offlineSwitch(() => page.http.verify());

  it('should show the family’s sessions, latest first, each with its group and a labelled status, and a friendly count', async () => {
    await open();

    expect(element().querySelector('h1')?.textContent?.trim()).toBe('Ana');
    expect(text()).toContain('2 van de 4 keer erbij');
    expect(element().querySelector('ul')?.getAttribute('aria-label')).toBe('Bijeenkomsten');
    const shown = cards();
    expect(shown).toHaveLength(4);
    expect(shown[0]).toMatch(/^zaterdag 28 november( 2026)? om 9\.30 uur \| Babybabbels \| Aanwezig$/);
    expect(shown[1]).toMatch(/^zaterdag 21 november.* \| Verwittigd$/);
    expect(shown[2]).toMatch(/ \| Peuterpraat \| Afwezig$/);
    expect(element().querySelectorAll('.entries mat-icon[aria-hidden="true"]')).toHaveLength(4);
  });

  it('should lead back to the roster it was opened from, and offer to blank the screen', async () => {
    await open();

    const back = element().querySelector<HTMLAnchorElement>('a.back');
    expect(back?.textContent?.trim()).toBe('Terug naar de lijst');
    expect(back?.getAttribute('href')).toBe(ROOM_PATHS.roster(SESSION_ID));
    expect(element().querySelector('kr-privacy-button')?.textContent?.trim()).toBe('Scherm verbergen');
  });

  it('should show the name the API gives when opened by its address (no name in the navigation state)', async () => {
    await open({ from: 'address', answer: null });
    const heading = () => element().querySelector('h1')?.textContent?.trim();
    expect(heading()).toBe('Eerdere bijeenkomsten van dit gezin');

    (await vi.waitFor(() => page.http.expectOne(HISTORY))).flush(answer(ENTRIES));
    await page.settle();
    expect(heading()).toBe('Ana');
    expect(element().querySelector('a.back')?.getAttribute('href')).toBe(ROOM_PATHS.today);
    expect(cards()).toHaveLength(4);
  });

  it('should show the name from the link at once, and the API’s once it answers', async () => {
    await open({ answer: null });
    const heading = () => element().querySelector('h1')?.textContent?.trim();
    expect(heading()).toBe('Ana');

    (await vi.waitFor(() => page.http.expectOne(HISTORY))).flush(answer(ENTRIES, 'Ana V.'));
    await page.settle();
    expect(heading()).toBe('Ana V.');
  });

  it('should say what to do when nothing was marked for the family yet', async () => {
    await open({ answer: answer([]) });

    expect(text()).toContain('Nog niets aangeduid');
    expect(text()).toContain('Zodra je op de lijst aanduidt wie er is');
    expect(text()).not.toContain('van de 0 keer');
  });

  it('should say kindly that the family is not in the worker’s groups', async () => {
    await open({ answer: null });
    (await vi.waitFor(() => page.http.expectOne(HISTORY))).flush(...apiError(404, 'not_found'));
    await page.settle();

    const alert = element().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('We vinden dit gezin niet');
    expect(alert?.textContent).toContain('Het gezin komt niet naar een groep die jij begeleidt.');
    expect(cards()).toEqual([]);
  });

  it('should say that it needs a connection, and try again on request', async () => {
    connection.online = false;
    await open({ answer: null });
    page.http.expectNone(HISTORY);

    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Eerdere bijeenkomsten zie je alleen met verbinding');

    connection.online = true;
    window.dispatchEvent(new Event('online'));
    await page.press('Probeer opnieuw');
    (await vi.waitFor(() => page.http.expectOne(HISTORY))).flush(answer(ENTRIES));
    await page.settle();
    expect(cards()).toHaveLength(4);
  });

  it('should send the taps still waiting on the phone first, so today’s marks are in the history', async () => {
    localStorage.setItem(
      ownerKey(WORKER_ID, 'queue'),
      JSON.stringify([{ op: makeOp('attendance', { familyId: ANA, status: 'present' }), label: 'Ana' }]),
    );

    await open({ answer: null });

    const sync = await vi.waitFor(() => page.http.expectOne(SYNC));
    page.http.expectNone(HISTORY);
    sync.flush({ results: sync.request.body.ops.map((op: { id: string }) => ({ id: op.id, ok: true })) });
    (await vi.waitFor(() => page.http.expectOne(HISTORY))).flush(answer(ENTRIES));
    await page.settle();
    expect(cards()).toHaveLength(4);
  });
});
