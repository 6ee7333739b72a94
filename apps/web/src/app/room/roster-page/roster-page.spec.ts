import type { RosterView, SyncOp } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { makeSession } from '../../../testing/staff';
import { ownerKey } from '../data/room-storage';
import { ROOM_PATHS } from '../room-paths';
import { ANA, BO, SESSION_ID, WORKER_ID, makeOp, makeRoster, provideRoomTesting } from '../room-testing';
import { RosterPage } from './roster-page';
import { offlineSwitch } from '../../../testing/connection';
import { useClockAt } from '../../../testing/clock';

const ROSTER = `/api/v1/sessions/${SESSION_ID}/roster`;
const SYNC = '/api/v1/attendance/sync';

describe(RosterPage.name, () => {
  let page: RenderedPage;
  // Saturday 28 November, 10.00 in Brussels: the roster's session (9.30 to 11) is under way.
  useClockAt('2026-11-28T09:00:00Z');

  async function open(options: { roles?: ('group_worker' | 'coordinator')[]; roster?: RosterView | null } = {}): Promise<void> {
    page = await renderPage(RosterPage, {
      path: 'vandaag/:sessionId/lijst',
      url: `/vandaag/${SESSION_ID}/lijst`,
      session: makeSession({ user: { roles: options.roles ?? ['group_worker'] } }),
      providers: [provideRoomTesting()],
    });
    if (options.roster !== null) {
      (await vi.waitFor(() => page.http.expectOne(ROSTER))).flush(options.roster ?? makeRoster());
      await page.settle();
    }
  }

  const toggles = (name: string) => page.element.querySelector(`[role="group"][aria-label="Aanwezigheid van ${name}"]`);
  const pressed = (name: string) =>
    [...(toggles(name)?.querySelectorAll('button[aria-pressed="true"]') ?? [])].map((b) => b.textContent?.trim());
  async function tap(name: string, status: string): Promise<void> {
    const button = [...(toggles(name)?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === status);
    if (!button) throw new Error(`no "${status}" for ${name}`);
    (button as HTMLButtonElement).click();
    await page.settle();
  }
  async function sent(): Promise<SyncOp[]> {
    const request = await vi.waitFor(() => page.http.expectOne(SYNC));
    const ops = request.request.body.ops as SyncOp[];
    request.flush({ results: ops.map((op) => ({ id: op.id, ok: true })) });
    await page.settle();
    return ops;
  }
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';
  /** Dialogs close after their exit animation: wait for what follows. */
  const eventually = (check: () => void) =>
    vi.waitFor(async () => {
      await page.settle();
      check();
    });

  const connection = offlineSwitch(() => page.http.verify());
  afterEach(() => {
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('should show the families with three toggles each, and mark one with a single tap', async () => {
    await open();

    expect(page.element.querySelector('h1')?.textContent).toBe('Babybabbels');
    expect(text()).toContain('zaterdag 28 november, 9.30 tot 11 uur');
    expect(text()).not.toContain('Aanduiden kan vanaf');
    expect(text()).toContain('0 aanwezig · 0 afwezig · 0 verwittigd · 2 nog niet aangeduid');
    expect(page.element.querySelector('a[aria-label="Bel Ana"]')?.getAttribute('href')).toBe('tel:+32470123456');
    expect(page.element.querySelector('a[aria-label="Bel Bo"]')).toBeNull();

    await tap('Ana', 'Aanwezig');

    expect(pressed('Ana')).toEqual(['Aanwezig']);
    expect(text()).toContain('1 aanwezig · 0 afwezig · 0 verwittigd · 1 nog niet aangeduid');
    const [op] = await sent();
    expect(op).toMatchObject({ kind: 'attendance', sessionId: SESSION_ID, familyId: ANA, status: 'present' });
    expect(text()).toContain('Alles is bewaard.');
  });

  it('should open a family’s earlier sessions from the roster, with the way back to this roster', async () => {
    await open();

    page.element.querySelector<HTMLAnchorElement>('a[aria-label="Eerdere bijeenkomsten van Bo"]')?.click();
    await page.settle();

    expect(page.router.url).toBe(ROOM_PATHS.familyHistory(BO));
    expect(page.router.lastSuccessfulNavigation()?.extras.state).toEqual({ familyName: 'Bo', back: ROOM_PATHS.roster(SESSION_ID) });
  });

  it('should offer to blank the screen', async () => {
    await open();

    await page.press('Scherm verbergen');
    expect(document.querySelector('kr-privacy-cover')?.textContent).not.toContain('Ana');
    document.querySelector<HTMLButtonElement>('kr-privacy-cover button')?.click();
    await page.settle();
    expect(document.querySelector('kr-privacy-cover')).toBeNull();
  });

  it('should change a mark with one tap on another toggle, and send nothing for the same toggle again', async () => {
    await open({ roster: makeRoster({ families: [makeRoster().families[0]] }) });

    await tap('Ana', 'Afwezig');
    await sent();
    await tap('Ana', 'Afwezig');
    page.http.expectNone(SYNC);
    await tap('Ana', 'Verwittigd');

    expect(pressed('Ana')).toEqual(['Verwittigd']);
    expect((await sent())[0]).toMatchObject({ familyId: ANA, status: 'excused' });
  });

  it('should keep working without a connection, from the list kept on the phone with the waiting taps on it', async () => {
    localStorage.setItem(
      ownerKey(WORKER_ID, `roster.${SESSION_ID}`),
      JSON.stringify({ view: makeRoster(), savedAt: new Date().toISOString() }),
    );
    localStorage.setItem(
      ownerKey(WORKER_ID, 'queue'),
      JSON.stringify([{ op: makeOp('attendance', { familyId: ANA, status: 'present' }), label: 'Ana' }]),
    );
    connection.online = false;

    await open({ roster: null });
    page.http.expectNone(ROSTER);

    expect(pressed('Ana')).toEqual(['Aanwezig']);
    expect(text()).toContain('1 wijziging wacht op verbinding');
    expect(text()).toContain('Geen verbinding: je ziet wat op dit toestel bewaard is');

    await tap('Bo', 'Verwittigd');
    expect(pressed('Bo')).toEqual(['Verwittigd']);
    expect(text()).toContain('2 wijzigingen wachten op verbinding');
    page.http.expectNone(SYNC);
  });

  it('should say kindly that the list is not on this phone yet when opened offline for the first time', async () => {
    connection.online = false;
    await open({ roster: null });

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('Open ze één keer met verbinding');
  });

  it('should add a family that walks in with at most three fields, as present', async () => {
    await open();

    await page.press('Nieuw gezin');
    const dialog = document.querySelector('kr-walk-in-dialog');
    const input = (label: string) =>
      [...(dialog?.querySelectorAll('mat-form-field') ?? [])].find((f) => f.textContent?.includes(label))?.querySelector('input');
    expect(dialog?.querySelectorAll('input')).toHaveLength(3);
    const name = input('Voornaam');
    const phone = input('Gsm-nummer');
    if (!name || !phone) throw new Error('fields missing');
    name.value = 'Chaima';
    name.dispatchEvent(new Event('input'));
    phone.value = '12';
    phone.dispatchEvent(new Event('input'));
    await page.press('Toevoegen');
    expect(dialog?.textContent).toContain('Dit nummer kunnen we niet bellen');

    phone.value = '0470 11 22 33';
    phone.dispatchEvent(new Event('input'));
    await page.press('Toevoegen');

    await eventually(() => expect(pressed('Chaima')).toEqual(['Aanwezig']));
    expect(text()).toContain('Nieuw vandaag');
    const [op] = await sent();
    expect(op).toMatchObject({ kind: 'walk_in', sessionId: SESSION_ID, displayName: 'Chaima', phone: '+32470112233' });
    expect(op).not.toHaveProperty('childMonth');
  });

  it('should show a closed list with its toggles off, and no way to reopen it for a group worker', async () => {
    await open({ roster: makeRoster({ locked: true, editableUntil: '2026-11-20T10:00:00.000Z' }) });

    expect(text()).toContain('Deze lijst is afgesloten');
    expect(text()).toContain('Vraag het aan een coördinator');
    expect(toggles('Ana')?.querySelector('button')?.disabled).toBe(true);
    expect(text()).not.toContain('Nieuw gezin');
    expect([...page.element.querySelectorAll('button')].some((b) => b.textContent?.includes('Heropenen'))).toBe(false);
  });

  it('should let a coordinator reopen a closed list, with a reason', async () => {
    await open({ roles: ['coordinator'], roster: makeRoster({ locked: true, editableUntil: '2026-11-20T10:00:00.000Z' }) });

    await page.press(/Heropenen/);
    const reason = document.querySelector<HTMLTextAreaElement>('kr-unlock-dialog textarea');
    if (!reason) throw new Error('no reason field');
    reason.value = 'Bo was er toch';
    reason.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('kr-unlock-dialog button[type="submit"]')?.click();
    await page.settle();

    const unlock = page.http.expectOne(`/api/v1/sessions/${SESSION_ID}/attendance/unlock`);
    expect(unlock.request.body).toEqual({ reason: 'Bo was er toch' });
    unlock.flush(makeRoster({ locked: false, editableUntil: '2099-01-01T00:00:00.000Z' }));

    await eventually(() => expect(text()).not.toContain('Deze lijst is afgesloten'));
    await tap('Bo', 'Aanwezig');
    expect((await sent())[0]).toMatchObject({ familyId: BO, status: 'present' });
  });

  it('should say so when the session is not one of the worker’s groups', async () => {
    await open({ roster: null });
    (await vi.waitFor(() => page.http.expectOne(ROSTER))).flush(
      { code: 'not_found', message: 'x' },
      { status: 404, statusText: 'Not Found' },
    );
    await page.settle();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('hoort niet bij jouw groepen');
  });

  describe('before the session’s day', () => {
    // Wednesday 25 November, 11.00 in Brussels: the session is on Saturday.
    useClockAt('2026-11-25T10:00:00Z');

    it('should show the day and say when marking opens, and take only "verwittigd" ahead', async () => {
      await open();

      expect(text()).toContain('zaterdag 28 november, 9.30 tot 11 uur');
      const notice = page.element.querySelector('.ahead[role="status"]');
      expect(notice?.textContent).toContain('Deze bijeenkomst is op zaterdag 28 november');
      expect(notice?.textContent).toContain('Aanwezig en afwezig aanduiden kan vanaf zaterdag 28 november.');
      const button = (status: string) =>
        [...(toggles('Ana')?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === status) as HTMLButtonElement;
      expect(button('Aanwezig').disabled).toBe(true);
      expect(button('Afwezig').disabled).toBe(true);
      expect(button('Verwittigd').disabled).toBe(false);
      expect(text()).not.toContain('Nieuw gezin');

      button('Aanwezig').click();
      await page.settle();
      page.http.expectNone(SYNC);
      await tap('Ana', 'Verwittigd');
      expect(pressed('Ana')).toEqual(['Verwittigd']);
      expect((await sent())[0]).toMatchObject({ kind: 'attendance', familyId: ANA, status: 'excused' });
    });

    it('should say why a present mark kept on the phone was refused ahead', async () => {
      localStorage.setItem(
        ownerKey(WORKER_ID, 'queue'),
        JSON.stringify([{ op: makeOp('attendance', { familyId: ANA, status: 'present' }), label: 'Ana' }]),
      );
      await open({ roster: null });
      const request = await vi.waitFor(() => page.http.expectOne(SYNC));
      const [op] = request.request.body.ops as SyncOp[];
      request.flush({
        results: [{ id: op.id, ok: false, code: 'attendance_not_yet_open', message: 'Present and absent can be marked from the day on.' }],
      });
      (await vi.waitFor(() => page.http.expectOne(ROSTER))).flush(makeRoster());
      await page.settle();

      expect(text()).toContain('Dit kon niet bewaard worden');
      expect(text()).toContain('Aanwezig of afwezig aanduiden kan pas op de dag van de bijeenkomst.');
      expect(pressed('Ana')).toEqual([]);
    });
  });
});
