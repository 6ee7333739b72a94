import { TestBed } from '@angular/core/testing';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError } from '../../../testing/staff';
import { LanguageService } from '../../core/i18n/language.service';
import { provideParentIcons } from '../shared/parent-icons';
import { BABY_GROUP_ID, SESSION_IDS, makeGroupPage, makeSeriesSessions } from '../testing/parents';
import { GroupPage } from './group-page';
import { groupAction, mapUrl } from './group-actions';

const GROUP = `/api/v1/public/groups/${BABY_GROUP_ID}?locale=nl`;

describe(GroupPage.name, () => {
  let page: RenderedPage;

  async function open(answer: Parameters<typeof makeGroupPage>[0] = {}): Promise<void> {
    page = await renderPage(GroupPage, { path: 'groepen/:groupId', url: `/groepen/${BABY_GROUP_ID}`, providers: [provideParentIcons()] });
    page.http.expectOne(GROUP).flush(makeGroupPage(answer));
    await page.settle();
  }

  const links = () =>
    [...page.element.querySelectorAll('a')].map((a) => [a.textContent?.replace(/\s+/g, ' ').trim(), a.getAttribute('href')]);
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  afterEach(() => {
    page.http.verify();
    localStorage.clear();
  });

  it('should say what happens, who leads it, where and when, in plain words', async () => {
    await open({ facilitators: ['An', 'Gita'] });

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Babybabbels');
    expect(text()).toContain('Elke week praten ouders met een baby samen');
    expect(text()).toContain('An en Gita van De Keerkring.');
    expect(text()).toContain('Kazernestraat 10');
    expect(text()).toContain('Gelijkvloers, ingang zonder drempel.');
    expect(text()).toContain('Nog 10 plaatsen');
    expect([...page.element.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Wat gebeurt er?',
      'Wanneer?',
      'Waar?',
      'Wie begeleidt de groep?',
    ]);
  });

  it('should offer the whole series, one date, the calendar and the map', async () => {
    await open();

    expect(links()).toEqual(
      expect.arrayContaining([
        ['Inschrijven voor de hele reeks', `/groepen/${BABY_GROUP_ID}/inschrijven`],
        ['Alleen deze keer', `/groepen/${BABY_GROUP_ID}/inschrijven?sessie=${SESSION_IDS[1]}`],
        ['Zet in je agenda', `/api/v1/public/groups/${BABY_GROUP_ID}/calendar.ics?locale=nl`],
        [
          'Bekijk op de kaart (opent in een nieuw venster)',
          'https://www.openstreetmap.org/search?query=Kazernestraat%2010%2C%209100%20Sint-Niklaas',
        ],
      ]),
    );
  });

  it('should offer the waitlist when every date is full', async () => {
    await open({ sessions: makeSeriesSessions({ seatsLeft: 0 }) });

    expect(links()).toContainEqual(['Zet me op de wachtlijst', `/groepen/${BABY_GROUP_ID}/inschrijven`]);
    expect(text()).toContain('Volzet — je kan op de wachtlijst');
  });

  it('should say "just walk in" and offer no registration for a drop-in', async () => {
    await open({ kind: 'drop_in', registrationMode: 'none', sessions: makeSeriesSessions({ registrationOpen: false, seatsLeft: null }) });

    expect(text()).toContain('Je hoeft je niet in te schrijven.');
    expect(links().some(([, href]) => href?.includes('inschrijven'))).toBe(false);
  });

  it('should say from when registering opens instead of a register button, per date too', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-28T10:00:00Z'), toFake: ['Date'] });
    try {
      const [first, second, third] = makeSeriesSessions();
      await open({
        sessions: [
          { ...first, registrationOpen: false, registrationOpensAt: '2026-12-01T08:30:00.000Z' },
          { ...second, registrationOpen: false, registrationOpensAt: '2026-12-08T08:30:00.000Z' },
          { ...third, registrationOpen: false, registrationOpensAt: '2026-12-15T08:30:00.000Z' },
        ],
      });

      expect(page.element.querySelector('.action')?.textContent?.trim()).toBe('Inschrijven kan vanaf dinsdag 1 december');
      expect([...page.element.querySelectorAll('.date__seats')].map((d) => d.textContent?.trim())).toEqual([
        'Inschrijven kan vanaf dinsdag 1 december',
        'Inschrijven kan vanaf dinsdag 8 december',
        'Inschrijven kan vanaf dinsdag 15 december',
      ]);
      expect(links().some(([, href]) => href?.includes('inschrijven'))).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('should say kindly that registering has closed for a date, and still offer the dates that are open', async () => {
    const [first, second] = makeSeriesSessions();
    await open({ kind: 'one_off', sessions: [{ ...first, registrationOpen: false, registrationClosed: true }, second] });

    expect(page.element.querySelector('.date__seats')?.textContent?.trim()).toBe('Inschrijven is gesloten — kom gerust langs of bel ons');
    expect(links()).toContainEqual(['Inschrijven', `/groepen/${BABY_GROUP_ID}/inschrijven?sessie=${SESSION_IDS[1]}`]);
  });

  it('should say that registering has closed instead of the button when no date is open any more', async () => {
    await open({ sessions: [{ ...makeSeriesSessions()[0], registrationOpen: false, registrationClosed: true }] });

    expect(page.element.querySelector('.action')?.textContent?.trim()).toBe('Inschrijven is gesloten — kom gerust langs of bel ons');
    expect(links().some(([, href]) => href?.includes('inschrijven'))).toBe(false);
  });

  it('should ask again in the new language, and mark a Dutch fallback as Dutch, when the language changes', async () => {
    await open();
    expect(page.element.querySelector('h1')?.getAttribute('lang')).toBeNull();

    TestBed.inject(LanguageService).use('en').subscribe();
    await page.settle();
    page.http.expectOne(`/api/v1/public/groups/${BABY_GROUP_ID}?locale=en`).flush(makeGroupPage({ locale: 'nl' }));
    await page.settle();

    expect(page.element.querySelector('h1')?.getAttribute('lang')).toBe('nl');
    expect(text()).toContain('This text is in Dutch.');
    expect(text()).toContain('Sign up for the whole series');
  });

  it('should say kindly that the group cannot be found, with a way on', async () => {
    page = await renderPage(GroupPage, { path: 'groepen/:groupId', url: `/groepen/${BABY_GROUP_ID}`, providers: [provideParentIcons()] });
    page.http.expectOne(GROUP).flush(...apiError(404, 'not_found'));
    await page.settle();

    expect(page.element.querySelector('[role=alert]')?.textContent).toContain('We vinden dit niet (meer).');
    expect(links()).toContainEqual(['Andere groepen', '/groepen/zoeken']);
  });
});

describe(groupAction.name, () => {
  it('should register a one-off group for its first open date', () => {
    const group = makeGroupPage({ kind: 'one_off', sessions: makeSeriesSessions() });
    expect(groupAction(group)).toEqual({ kind: 'register', series: false, sessionId: SESSION_IDS[0], waitlist: false });
  });

  it('should say invitation only, or closed, when parents cannot register online', () => {
    expect(groupAction(makeGroupPage({ registrationMode: 'invite' })).kind).toBe('invite');
    expect(groupAction(makeGroupPage({ sessions: makeSeriesSessions({ registrationOpen: false }) })).kind).toBe('closed');
    expect(groupAction(makeGroupPage({ sessions: makeSeriesSessions({ registrationOpen: false, registrationClosed: true }) })).kind).toBe(
      'ended',
    );
    const opening = makeSeriesSessions({ registrationOpen: false, registrationOpensAt: '2026-12-01T08:30:00.000Z' });
    expect(groupAction(makeGroupPage({ sessions: opening }))).toEqual({ kind: 'opens', session: opening[0] });
  });

  it('should search the address on OpenStreetMap', () => {
    expect(mapUrl({ street: 'Kazernestraat 10', postalCode: '9100', city: 'Sint-Niklaas' })).toBe(
      'https://www.openstreetmap.org/search?query=Kazernestraat%2010%2C%209100%20Sint-Niklaas',
    );
  });
});
