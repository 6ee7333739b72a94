import type { KnownFamiliesView, SyncOp } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { makeSession } from '../../../testing/staff';
import { ownerKey } from '../data/room-storage';
import { ROOM_PATHS } from '../room-paths';
import { ANA, BO, SESSION_ID, WORKER_ID, makeKnown, makeOp, makeSessionView, makeTally, provideRoomTesting } from '../room-testing';
import { CheckInPage, MAX_MATCHES, findFamilies, searchable } from './check-in-page';
import { offlineSwitch } from '../../../testing/connection';

const KNOWN = `/api/v1/sessions/${SESSION_ID}/known-families`;
const SYNC = '/api/v1/attendance/sync';
const ELISE = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c03';

describe(CheckInPage.name, () => {
  let page: RenderedPage;

  async function open(known: KnownFamiliesView | null = makeKnown()): Promise<void> {
    page = await renderPage(CheckInPage, {
      path: 'vandaag/:sessionId/namen',
      url: `/vandaag/${SESSION_ID}/namen`,
      session: makeSession(),
      providers: [provideRoomTesting()],
    });
    if (known !== null) {
      (await vi.waitFor(() => page.http.expectOne(KNOWN))).flush(known);
      await page.settle();
    }
  }

  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';
  const names = () => [...page.element.querySelectorAll('.family__name')].map((n) => n.textContent?.trim());
  async function type(value: string): Promise<void> {
    const input = page.element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await page.settle();
  }
  async function sent(): Promise<SyncOp[]> {
    const request = await vi.waitFor(() => page.http.expectOne(SYNC));
    const ops = request.request.body.ops as SyncOp[];
    request.flush({ results: ops.map((op) => ({ id: op.id, ok: true })) });
    await page.settle();
    return ops;
  }

  const connection = offlineSwitch(() => page.http.verify());

  it('should show no names until a few letters are typed, then the families that match', async () => {
    await open();

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Namen afvinken');
    expect(text()).toContain('Nog niemand afgevinkt.');
    expect(text()).not.toContain('Ana');
    expect(text()).not.toContain('Bo');

    await type('a');
    expect(names()).toEqual([]);
    await type('an');
    expect(names()).toEqual(['Ana']);
    await type('xy');
    expect(text()).toContain('We vinden niemand met die naam');
  });

  it('should check a family in with one tap, through the queue, and take it back with "Toch niet"', async () => {
    await open();
    await type('Ana');

    await page.press('Ana Afvinken');
    expect(text()).toContain('1 gezin afgevinkt.');
    expect(page.element.querySelector('.family--in .family__name')?.textContent?.trim()).toBe('Ana');
    const [op] = await sent();
    expect(op).toMatchObject({ kind: 'attendance', sessionId: SESSION_ID, familyId: ANA, status: 'present' });
    expect(text()).toContain('Alles is bewaard.');

    page.element.querySelector<HTMLButtonElement>('button[aria-label="Toch niet aanwezig: Ana"]')?.click();
    await page.settle();
    expect(text()).toContain('Nog niemand afgevinkt.');
    expect((await sent())[0]).toMatchObject({ familyId: ANA, status: 'absent' });
  });

  it('should work without a connection from the names kept on the phone, with the waiting taps on them', async () => {
    localStorage.setItem(
      ownerKey(WORKER_ID, `known.${SESSION_ID}`),
      JSON.stringify({ view: makeKnown(), savedAt: new Date().toISOString() }),
    );
    localStorage.setItem(
      ownerKey(WORKER_ID, 'queue'),
      JSON.stringify([{ op: makeOp('attendance', { familyId: BO, status: 'present' }), label: 'Bo' }]),
    );
    connection.online = false;

    await open(null);
    page.http.expectNone(KNOWN);
    expect(text()).toContain('Geen verbinding: je ziet wat op dit toestel bewaard is');
    expect(text()).toContain('1 gezin afgevinkt.');

    await type('an');
    await page.press('Ana Afvinken');
    expect(text()).toContain('2 gezinnen afgevinkt.');
    expect(text()).toContain('2 wijzigingen wachten op verbinding');
    page.http.expectNone(SYNC);
  });

  it('should say kindly that the names need a connection once when they were never loaded', async () => {
    connection.online = false;
    await open(null);

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('Open deze pagina één keer met verbinding');
    expect(page.element.querySelector('input')).toBeNull();
  });

  it('should show the drop-in’s title, lead back to the tally, and offer to blank the screen', async () => {
    localStorage.setItem(
      ownerKey(WORKER_ID, `tally.${SESSION_ID}`),
      JSON.stringify({
        view: makeTally(),
        session: makeSessionView({ group: { id: 'g', title: 'Inloop', kind: 'drop_in' } }),
        languages: [],
        savedAt: new Date().toISOString(),
      }),
    );
    await open();

    expect(text()).toContain('Inloop · 9.30 tot 11 uur');
    expect(page.element.querySelector('a.back')?.getAttribute('href')).toBe(ROOM_PATHS.tally(SESSION_ID));
    await type('an');
    await page.press('Scherm verbergen');
    expect(document.querySelector('kr-privacy-cover')?.textContent).not.toContain('Ana');
    document.querySelector<HTMLButtonElement>('kr-privacy-cover button')?.click();
    await page.settle();
  });

  it('should switch the names off when the drop-in is closed', async () => {
    localStorage.setItem(
      ownerKey(WORKER_ID, `tally.${SESSION_ID}`),
      JSON.stringify({ view: makeTally({ locked: true }), session: null, languages: [], savedAt: new Date().toISOString() }),
    );
    await open();
    await type('an');

    expect(text()).toContain('Deze inloop is afgesloten');
    expect(page.element.querySelector<HTMLButtonElement>('button.family--tap')?.disabled).toBe(true);
  });

  it('should show a limited number of names at once: more letters narrow it down', async () => {
    const many = Array.from({ length: MAX_MATCHES + 3 }, (_, i) => ({
      familyId: `f${i}`,
      displayName: `Sara ${String(i).padStart(2, '0')}`,
      status: null,
    }));
    await open(makeKnown({ families: many }));
    await type('sa');

    expect(names()).toHaveLength(MAX_MATCHES);
    expect(text()).toContain('Er zijn nog 3 namen. Typ meer letters.');
    await type('sara 14');
    expect(names()).toEqual(['Sara 14']);
  });

  it('should say when this group knows no families yet', async () => {
    await open(makeKnown({ families: [] }));
    expect(text()).toContain('Deze groep kent nog geen gezinnen');
    expect(page.element.querySelector('input')).toBeNull();
  });

  it('should say so when the session is not one of the worker’s groups', async () => {
    await open(null);
    (await vi.waitFor(() => page.http.expectOne(KNOWN))).flush(
      { code: 'not_found', message: 'x' },
      { status: 404, statusText: 'Not Found' },
    );
    await page.settle();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('hoort niet bij jouw groepen');
  });
});

describe('findFamilies', () => {
  const families = [
    { familyId: ANA, displayName: 'Ana', status: null },
    { familyId: BO, displayName: 'Johanna Bo', status: null },
    { familyId: ELISE, displayName: 'Élise', status: 'present' as const },
  ];

  it('should find names without minding accents or capitals, names starting with the letters first', () => {
    expect(searchable('  Élise  Ü ')).toBe('elise u');
    expect(findFamilies(families, 'eli').map((f) => f.displayName)).toEqual(['Élise']);
    expect(findFamilies(families, 'AN').map((f) => f.displayName)).toEqual(['Ana', 'Johanna Bo']);
    expect(findFamilies(families, 'bo').map((f) => f.displayName)).toEqual(['Johanna Bo']);
    expect(findFamilies(families, 'b')).toEqual([]);
  });
});
