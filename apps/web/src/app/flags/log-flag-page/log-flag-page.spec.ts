import type { FlagDraft } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { offlineSwitch } from '../../../testing/connection';
import { useClockAt } from '../../../testing/clock';
import { apiError, makeSession } from '../../../testing/staff';
import { ROOM_PATHS } from '../../room/room-paths';
import { SESSION_ID, provideRoomTesting } from '../../room/room-testing';
import { CANARY, FAMILY_ID, FLAG_ID, browserStorageText } from '../flags-testing';
import { logFlagLink } from './log-flag-link';
import { LogFlagPage } from './log-flag-page';

const CREATE = '/api/v1/flags';

describe(LogFlagPage.name, () => {
  let page: RenderedPage;
  // 28 November 2026, 10.30 in Brussels.
  useClockAt('2026-11-28T09:30:00.000Z');

  async function open(): Promise<void> {
    const link = logFlagLink(FAMILY_ID, { familyName: 'Ana', back: ROOM_PATHS.roster(SESSION_ID), sessionId: SESSION_ID });
    page = await renderPage(LogFlagPage, {
      path: 'vandaag/gezin/:familyId/signaal',
      url: '/vandaag',
      session: makeSession(),
      providers: [provideRoomTesting()],
    });
    await page.router.navigateByUrl(link.path, { state: link.state });
    await page.settle();
  }

  const element = () => page.harness.routeNativeElement as HTMLElement;
  const text = () => element().textContent?.replace(/\s+/g, ' ') ?? '';
  const question = () => element().querySelector('h2.step__question')?.textContent?.trim();
  const connection = offlineSwitch(() => page.http.verify());

  async function type(value: string): Promise<void> {
    const field = element().querySelector<HTMLTextAreaElement>('textarea');
    if (!field) throw new Error(`no text field on "${question()}"`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await page.settle();
  }
  async function choose(label: string): Promise<void> {
    const radio = [...element().querySelectorAll<HTMLElement>('mat-radio-button')].find((r) => r.textContent?.includes(label));
    if (!radio) throw new Error(`no choice "${label}" on "${question()}"`);
    radio.querySelector<HTMLInputElement>('input')?.click();
    await page.settle();
  }

  /** Goes through every step with the canary in each text. */
  async function fillIn(options: { urgency?: string } = {}): Promise<void> {
    await choose('Hechting en contact');
    await page.press('Volgende');
    await type(`Mama keek weg als de baby huilde. ${CANARY}`);
    await page.press('Volgende');
    await type(`Misschien is ze moe. ${CANARY}`);
    await page.press('Volgende');
    await type(`Ze komt elke week. ${CANARY}`);
    await page.press('Volgende');
    await type(`Ik wil dat hij beter slaapt. ${CANARY}`);
    await page.press('Volgende');
    await choose('Nog niet');
    await page.press('Volgende');
    await choose(options.urgency ?? 'Graag bespreken');
    await page.press('Volgende');
  }

  it('should ask one thing per screen, fact apart from interpretation, and send the flag once, online', async () => {
    await open();
    expect(element().querySelector('h1')?.textContent?.trim()).toBe('Signaal noteren');
    expect(text()).toContain('Over Ana');
    expect(text()).toContain('Stap 1 van 8');
    expect(question()).toBe('Waarover gaat het?');

    // Nothing chosen: said next to the question, no step further.
    await page.press('Volgende');
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Kies waarover het gaat.');
    expect(question()).toBe('Waarover gaat het?');

    await fillIn();
    expect(question()).toBe('Klopt alles?');
    expect(text()).toContain('Stap 8 van 8');
    // The review date follows the urgency: two weeks for "Graag bespreken".
    expect(text()).toContain('opnieuw bekijken tegen zaterdag 12 december');
    page.http.expectNone(CREATE);

    await page.press('Signaal bewaren');
    const request = page.http.expectOne(CREATE);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      familyId: FAMILY_ID,
      sessionId: SESSION_ID,
      category: 'bonding',
      urgency: 'discuss',
      fact: `Mama keek weg als de baby huilde. ${CANARY}`,
      interpretation: `Misschien is ze moe. ${CANARY}`,
      strengths: `Ze komt elke week. ${CANARY}`,
      parentWords: `Ik wil dat hij beter slaapt. ${CANARY}`,
      discussedWithParent: 'not_yet',
      notDiscussedReason: undefined,
      reviewBy: '2026-12-12',
    } satisfies FlagDraft);
    request.flush({ id: FLAG_ID, status: 'open', reviewBy: '2026-12-12' });
    await page.settle();

    expect(element().querySelector('[role="status"]')?.textContent).toContain('Je signaal is bewaard');
    expect(text()).toContain('tegen zaterdag 12 december');
    expect(text()).not.toContain(CANARY);
    expect(element().querySelector('a[href="/mijn-signalen"]')).not.toBeNull();
    expect(await browserStorageText()).not.toContain(CANARY);
  });

  it('should give a calm hint for labelling words, and save all the same', async () => {
    await open();
    await choose('Veiligheid');
    await page.press('Volgende');
    await type('Dit is een risicogezin.');

    const hint = element().querySelector('.writing-hint');
    expect(hint?.textContent).toContain('Een tip bij het schrijven');
    expect(hint?.textContent).toContain('‘risicogezin’');
    expect(hint?.textContent).toContain('Beschrijf liever wat je zag of hoorde, zonder label');

    await type('Het kind had een blauwe plek op de arm; mama zei dat hij gevallen was.');
    expect(element().querySelector('.writing-hint')).toBeNull();

    await type('Dit is een risicogezin.');
    await page.press('Volgende');
    expect(question()).toBe('Wat denk je dat het kan betekenen?');
  });

  it('should ask why when it was not discussed with the parent, and propose two days when it is urgent', async () => {
    await open();
    await choose('Veiligheid');
    await page.press('Volgende');
    await type('Papa riep hard naar de peuter.');
    for (let i = 0; i < 4; i++) await page.press('Volgende');
    await choose('Nee');
    await page.press('Volgende');
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Schrijf kort waarom het niet besproken is.');
    await type('Papa was al weg.');
    await page.press('Volgende');

    await choose('Dringend');
    expect(element().querySelector<HTMLInputElement>('input[type="date"]')?.value).toBe('2026-11-30');
    await page.press('Volgende');
    expect(text()).toContain('krijgen de coördinatoren meteen een bericht');
    await page.press('Signaal bewaren');
    const request = page.http.expectOne(CREATE);
    expect(request.request.body).toMatchObject({
      discussedWithParent: 'no',
      notDiscussedReason: 'Papa was al weg.',
      urgency: 'urgent',
      reviewBy: '2026-11-30',
    });
    expect(request.request.body.interpretation).toBeUndefined();
    request.flush({ id: FLAG_ID, status: 'open', reviewBy: '2026-11-30' });
    await page.settle();
  });

  it('should say plainly without a connection that nothing is kept, send nothing, and send once asked again online', async () => {
    connection.online = false;
    await open();
    expect(text()).toContain('Je hebt nu geen verbinding');
    expect(text()).toContain('Niets hiervan blijft op dit toestel');

    await fillIn();
    await page.press('Signaal bewaren');
    page.http.expectNone(CREATE);
    expect(text()).toContain('Het signaal is nog niet bewaard: er is geen verbinding.');
    expect(await browserStorageText()).not.toContain(CANARY);

    connection.online = true;
    window.dispatchEvent(new Event('online'));
    await page.settle();
    await page.press('Probeer opnieuw');
    page.http.expectOne(CREATE).flush({ id: FLAG_ID, status: 'open', reviewBy: '2026-12-12' });
    await page.settle();
    expect(text()).toContain('Je signaal is bewaard');
  });

  it('should keep the text on screen when the connection drops while sending, and nowhere else', async () => {
    await open();
    await fillIn();
    await page.press('Signaal bewaren');
    page.http.expectOne(CREATE).error(new ProgressEvent('error'), { status: 0 });
    await page.settle();

    expect(text()).toContain('Het signaal is nog niet bewaard');
    expect(text()).toContain(CANARY); // still on the check screen, in memory
    expect(await browserStorageText()).not.toContain(CANARY);
  });

  it('should say kindly that the family is not in the worker’s groups', async () => {
    await open();
    await fillIn();
    await page.press('Signaal bewaren');
    page.http.expectOne(CREATE).flush(...apiError(404, 'not_found'));
    await page.settle();
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('We vinden dit gezin niet');
    expect(text()).not.toContain(CANARY);
  });

  it('should go back to the step of a field the API refused, without repeating what was written', async () => {
    await open();
    await fillIn();
    await page.press('Signaal bewaren');
    page.http
      .expectOne(CREATE)
      .flush(...apiError(422, 'validation_failed', { fields: [{ field: 'reviewBy', code: 'invalid', message: 'reviewBy' }] }));
    await page.settle();
    expect(question()).toBe('Hoe dringend is het?');
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Kijk dit nog eens na.');
  });

  it('should ask before leaving with text not yet saved, and not after saving', async () => {
    await open();
    const component = page.harness.routeDebugElement?.componentInstance as LogFlagPage;
    expect(component.canLeave()).toBe(true); // nothing written yet

    await choose('Hechting en contact');
    await page.press('Volgende');
    await type('Mama keek weg als de baby huilde.');
    const answer = component.canLeave();
    if (typeof answer === 'boolean') throw new Error('expected a question');
    let left: boolean | undefined;
    answer.subscribe((value) => (left = value));
    await page.settle();
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain('We houden het nergens bij');
    await page.press('Annuleren');
    await vi.waitFor(() => expect(left).toBe(false));
  });
});
