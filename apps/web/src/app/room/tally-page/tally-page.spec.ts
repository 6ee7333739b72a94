import type { SyncOp } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { makeSession } from '../../../testing/staff';
import { ownerKey } from '../data/room-storage';
import { SESSION_ID, WORKER_ID, makeOp, makeRoster, makeSessionView, makeTally, provideRoomTesting } from '../room-testing';
import { TallyPage } from './tally-page';
import { offlineSwitch } from '../../../testing/connection';

const TALLY = `/api/v1/sessions/${SESSION_ID}/tally`;
const SESSION = `/api/v1/sessions/${SESSION_ID}?locale=nl`;
const SYNC = '/api/v1/attendance/sync';

describe(TallyPage.name, () => {
  let page: RenderedPage;

  async function open(answer = true, tally = makeTally(), roles: ('group_worker' | 'coordinator')[] = ['group_worker']): Promise<void> {
    page = await renderPage(TallyPage, {
      path: 'vandaag/:sessionId/telling',
      url: `/vandaag/${SESSION_ID}/telling`,
      session: makeSession({ user: { roles } }),
      providers: [provideRoomTesting()],
    });
    if (!answer) return;
    (await vi.waitFor(() => page.http.expectOne(TALLY))).flush(tally);
    (await vi.waitFor(() => page.http.expectOne(SESSION))).flush(
      makeSessionView({ group: { id: 'g', title: 'Inloop Sint-Niklaas', kind: 'drop_in' } }),
    );
    await page.settle();
  }

  const counter = (label: string) => page.element.querySelector(`kr-tally-counter [role="group"][aria-label="${label}"]`);
  const count = (label: string) => counter(label)?.querySelector('.counter__number')?.textContent?.trim();
  async function step(label: string, which: 'plus' | 'minus'): Promise<void> {
    const button = counter(label)?.querySelector<HTMLButtonElement>(`.step--${which}`);
    if (!button) throw new Error(`no ${which} for ${label}`);
    button.click();
    await page.settle();
  }
  /** Answers the sync requests (taps go in one or more batches) until `count` taps were sent. */
  async function sent(count = 1): Promise<SyncOp[]> {
    const all: SyncOp[] = [];
    while (all.length < count) {
      const request = await vi.waitFor(() => page.http.expectOne(SYNC));
      const ops = request.request.body.ops as SyncOp[];
      request.flush({ results: ops.map((op) => ({ id: op.id, ok: true })) });
      await page.settle();
      all.push(...ops);
    }
    return all;
  }
  const totals = () => [...page.element.querySelectorAll('.total')].map((t) => t.textContent?.replace(/\s+/g, ' ').trim());

  const connection = offlineSwitch(() => page.http.verify());

  it('should show every counter with the counts so far, and the totals', async () => {
    await open();

    expect(page.element.querySelector('h1')?.textContent).toBe('Inloop Sint-Niklaas');
    const labels = [...page.element.querySelectorAll('kr-tally-counter [role="group"]')].map((g) => g.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Volwassenen',
      'Zwanger',
      '0 tot 1 jaar',
      '1 tot 3 jaar',
      '3 tot 6 jaar',
      '6 jaar en ouder',
      'Eerste keer',
      'Komt terug',
    ]);
    expect(count('Volwassenen')).toBe('3');
    expect(count('0 tot 1 jaar')).toBe('2');
    expect(totals()).toEqual(['3 volwassenen', '2 kinderen']);
  });

  it('should offer, calmly, to check in known families by name on a page of its own', async () => {
    await open();

    const link = [...page.element.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.textContent?.includes('Namen afvinken'));
    expect(link?.getAttribute('href')).toBe(`/vandaag/${SESSION_ID}/namen`);
    expect(link?.classList).not.toContain('mat-mdc-unelevated-button');
    expect(page.element.textContent).toContain('Als je wil: vink gezinnen af die hier al eens waren.');
  });

  it('should count one more with each tap on +, and one less with −, sending every tap', async () => {
    await open();

    await step('Volwassenen', 'plus');
    await step('Volwassenen', 'plus');
    await step('1 tot 3 jaar', 'plus');
    expect(count('Volwassenen')).toBe('5');
    expect(totals()).toEqual(['5 volwassenen', '3 kinderen']);

    const ops = await sent(3);
    expect(ops.map((op) => op.kind === 'tally' && [op.category, op.delta])).toEqual([
      ['adults', 1],
      ['adults', 1],
      ['children_1_3', 1],
    ]);

    await step('Volwassenen', 'minus');
    expect(count('Volwassenen')).toBe('4');
    expect((await sent())[0]).toMatchObject({ kind: 'tally', category: 'adults', delta: -1 });
  });

  it('should not go below zero', async () => {
    await open();

    const minus = counter('Zwanger')?.querySelector<HTMLButtonElement>('.step--minus');
    expect(minus?.disabled).toBe(true);
    minus?.click();
    await page.settle();
    page.http.expectNone(SYNC);
  });

  it('should add a language counter when the worker picks a language, and count it', async () => {
    await open();

    expect(counter('Arabisch')).toBeNull();
    page.element.querySelector<HTMLElement>('mat-select')?.click();
    await page.settle();
    const arabic = [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) => o.textContent?.trim() === 'Arabisch');
    arabic?.click();
    await page.settle();

    expect(count('Arabisch')).toBe('0');
    await step('Arabisch', 'plus');
    expect((await sent())[0]).toMatchObject({ kind: 'tally', category: 'lang:ar', delta: 1 });
  });

  it('should keep counting without a connection, adding the waiting taps to the counts kept on the phone', async () => {
    localStorage.setItem(
      ownerKey(WORKER_ID, `tally.${SESSION_ID}`),
      JSON.stringify({ view: makeTally(), session: makeSessionView(), languages: [], savedAt: new Date().toISOString() }),
    );
    localStorage.setItem(ownerKey(WORKER_ID, 'queue'), JSON.stringify([{ op: makeOp('tally', { category: 'adults', delta: 1 }) }]));
    connection.online = false;

    await open(false);
    expect(count('Volwassenen')).toBe('4');
    await step('Volwassenen', 'plus');
    await step('Eerste keer', 'plus');

    expect(count('Volwassenen')).toBe('5');
    expect(count('Eerste keer')).toBe('1');
    expect(page.element.textContent).toContain('3 wijzigingen wachten op verbinding');
    page.http.expectNone(SYNC);
  });

  it('should switch the counters off when the drop-in is closed', async () => {
    await open(true, makeTally({ locked: true }));

    expect(page.element.textContent).toContain('Deze telling is afgesloten');
    expect(counter('Volwassenen')?.querySelector<HTMLButtonElement>('.step--plus')?.disabled).toBe(true);
    expect([...page.element.querySelectorAll('button')].some((b) => b.textContent?.includes('Heropenen'))).toBe(false);
    expect(page.element.textContent).not.toContain('Namen afvinken');
  });

  it('should let a coordinator reopen a closed drop-in, then count again', async () => {
    await open(true, makeTally({ locked: true }), ['coordinator']);

    await page.press(/Heropenen/);
    const reason = document.querySelector<HTMLTextAreaElement>('kr-unlock-dialog textarea');
    if (!reason) throw new Error('no reason field');
    reason.value = 'Vergeten te tellen';
    reason.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('kr-unlock-dialog button[type="submit"]')?.click();
    await page.settle();
    const unlock = page.http.expectOne(`/api/v1/sessions/${SESSION_ID}/attendance/unlock`);
    expect(unlock.request.body).toEqual({ reason: 'Vergeten te tellen' });
    unlock.flush(makeRoster({ locked: false }));
    (await vi.waitFor(() => page.http.expectOne(TALLY))).flush(makeTally({ locked: false }));
    await vi.waitFor(async () => {
      await page.settle();
      expect(page.element.textContent).not.toContain('Deze telling is afgesloten');
    });

    await step('Volwassenen', 'plus');
    expect((await sent())[0]).toMatchObject({ kind: 'tally', category: 'adults', delta: 1 });
  });
});
