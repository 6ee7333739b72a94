import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { RenderedPage } from '../../../../testing/pages';
import { renderPage } from '../../../../testing/pages';
import { apiError } from '../../../../testing/staff';
import { LOCALE_CHOSEN_STORAGE_KEY, LanguageService } from '../../../core/i18n/language.service';
import { provideParentIcons } from '../../shared/parent-icons';
import { CENTRE_URL, TOKEN, makeCentreContact, makeManageView, makeRegistrationView, makeSeriesRegistrations } from '../../testing/parents';
import { ManagePage } from './manage-page';

/** The token travels in the X-Link-Token header, never in the address. */
const VIEW = '/api/v1/public/manage';

describe(ManagePage.name, () => {
  let page: RenderedPage;

  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-28T10:00:00Z'), toFake: ['Date'] }));

  afterEach(() => {
    vi.useRealTimers();
    page.http.match(CENTRE_URL); // the page asks how to reach the centre
    page.http.verify();
    localStorage.clear();
  });

  async function open(url = `/mijn-inschrijving#token=${TOKEN}`): Promise<void> {
    page = await renderPage(ManagePage, {
      path: 'mijn-inschrijving',
      url,
      providers: [provideParentIcons(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  }

  async function openWith(view = makeManageView()): Promise<void> {
    await open();
    page.http.expectOne(VIEW).flush(view);
    await page.settle();
  }

  /** Clicks the confirm button in the dialog (it lives outside the page). */
  async function confirm(label: string): Promise<void> {
    const button = [...document.querySelectorAll<HTMLButtonElement>('kr-change-dialog button')].find(
      (b) => b.textContent?.trim() === label,
    );
    if (!button) throw new Error(`no "${label}" in the dialog`);
    button.click();
    await page.settle();
    await page.settle();
  }

  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';
  const contactLinks = () =>
    [...page.element.querySelectorAll('kr-centre-contact-links a')].map((a) => [
      a.textContent?.replace(/\s+/g, ' ').trim(),
      a.getAttribute('href'),
    ]);

  it('should send the link’s token in a header, and move an older link’s ?token= to the fragment', async () => {
    await open(`/mijn-inschrijving?token=${TOKEN}`);
    await page.settle();

    const request = page.http.expectOne(VIEW);
    expect(request.request.headers.get('X-Link-Token')).toBe(TOKEN);
    request.flush(makeManageView());
    await page.settle();
    expect(page.router.url).toBe(`/mijn-inschrijving#token=${TOKEN}`);
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Dag Sara');
  });

  it('should greet the parent and show the coming dates with how they stand', async () => {
    await openWith();

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Dag Sara');
    expect(text()).toContain('A7F QWK');
    const dates = [...page.element.querySelectorAll('kr-manage-registration')];
    expect(dates.map((d) => d.querySelector('.date__when')?.textContent?.trim())).toEqual([
      'Volgende donderdag 3 december, 9.30 tot 11 uur',
      'Donderdag 10 december, 9.30 tot 11 uur',
      'Donderdag 17 december, 9.30 tot 11 uur',
    ]);
    expect(dates.map((d) => d.querySelector('.status')?.textContent?.trim())).toEqual(['Ingeschreven', 'Ingeschreven', 'Ingeschreven']);
  });

  it('should skip one week of the series after a kind "are you sure?"', async () => {
    await openWith();
    const [first] = makeSeriesRegistrations();

    await page.press('Ik kan deze keer niet');
    expect(document.querySelector('kr-change-dialog h2')?.textContent?.trim()).toBe('Deze keer niet?');
    await confirm('Ja, ik kan deze keer niet');

    const skip = page.http.expectOne(`${VIEW}/registrations/${first.id}/skip`);
    expect(skip.request.method).toBe('POST');
    skip.flush(makeManageView({ registrations: makeSeriesRegistrations().map((r, i) => (i === 0 ? { ...r, status: 'skipped' } : r)) }));
    await page.settle();

    expect(page.element.querySelector('[role=status]')?.textContent).toContain('Oké, deze keer niet: volgende donderdag 3 december');
    expect(page.element.querySelector('kr-manage-registration .status')?.textContent?.trim()).toBe('Deze keer niet');
  });

  it('should take back "not this week" with one tap, and say so plainly when the date filled up meanwhile', async () => {
    const [first, second, third] = makeSeriesRegistrations();
    await openWith(makeManageView({ registrations: [{ ...first, status: 'skipped' }, second, third] }));
    const buttons = () =>
      [...page.element.querySelectorAll('kr-manage-registration')].map((d) =>
        [...d.querySelectorAll('button')].map((b) => b.textContent?.trim()),
      );
    expect(buttons()).toEqual([['Ik kan toch komen'], ['Ik kan deze keer niet'], ['Ik kan deze keer niet']]);

    await page.press('Ik kan toch komen');
    const unskip = page.http.expectOne(`${VIEW}/registrations/${first.id}/unskip`);
    expect(unskip.request.method).toBe('POST');
    expect(document.querySelector('kr-change-dialog')).toBeNull(); // nothing to be sure about
    unskip.flush(makeManageView({ registrations: [{ ...first, status: 'waitlisted', waitlistPosition: 2 }, second, third] }));
    await page.settle();

    expect(page.element.querySelector('[role=status]')?.textContent?.trim()).toBe(
      'Deze keer is nu volzet. Je staat op de wachtlijst, als nummer 2: volgende donderdag 3 december, 9.30 tot 11 uur. Komt er een plaats vrij, dan sturen we je een bericht.',
    );
    expect(page.element.querySelector('kr-manage-registration .status')?.textContent?.trim()).toBe('Op de wachtlijst');
  });

  it('should ask for a call instead of offering "Ik kan toch komen" once the group has closed online changes', async () => {
    const [first, second] = makeSeriesRegistrations();
    await openWith(makeManageView({ registrations: [{ ...first, status: 'skipped', comeAfterAll: 'call' }, second] }));
    const date = page.element.querySelector('kr-manage-registration') as HTMLElement;
    expect(date.querySelectorAll('button')).toHaveLength(0);
    expect(date.textContent).toContain('Kan je toch komen? Bel ons even');
  });

  it('should say "back in" when a seat was free', async () => {
    const [first, second] = makeSeriesRegistrations();
    await openWith(makeManageView({ registrations: [{ ...first, status: 'skipped' }, second] }));

    await page.press('Ik kan toch komen');
    page.http.expectOne(`${VIEW}/registrations/${first.id}/unskip`).flush(makeManageView({ registrations: [first, second] }));
    await page.settle();

    expect(page.element.querySelector('[role=status]')?.textContent).toContain('Fijn, je bent er weer bij: volgende donderdag 3 december');
    expect(page.element.querySelector('kr-manage-registration .status')?.textContent?.trim()).toBe('Ingeschreven');
  });

  it('should change nothing when the parent says "Nee, ik kom wel"', async () => {
    await openWith();

    await page.press('Ik kan deze keer niet');
    await confirm('Nee, ik kom wel');

    page.http.expectNone((request) => request.url !== CENTRE_URL);
  });

  it('should stop the whole series in one request (one message to the family, not one per date)', async () => {
    const [first, second, third] = makeSeriesRegistrations();
    await openWith(makeManageView({ registrations: [{ ...first, status: 'skipped' }, second, third] }));

    await page.press('Stoppen met deze reeks');
    await confirm('Ja, ik stop');

    const stop = page.http.expectOne(`${VIEW}/groups/${second.group.id}/stop`);
    expect(stop.request.method).toBe('POST');
    stop.flush(
      makeManageView({
        registrations: [
          { ...first, status: 'skipped' },
          { ...second, status: 'cancelled' },
          { ...third, status: 'cancelled' },
        ],
      }),
    );
    await page.settle();
    page.http.expectNone((request) => request.url !== CENTRE_URL);

    expect(text()).toContain('Je bent uitgeschreven voor Babybabbels.');
    expect(page.element.querySelector('.stop')).toBeNull();
  });

  it('should say "Ja, ik kom" to an offered seat before its deadline, without asking twice', async () => {
    const offered = makeRegistrationView({ series: false, status: 'offered', offerExpiresAt: '2026-11-29T11:00:00Z' });
    await openWith(makeManageView({ registrations: [offered] }));

    expect(text()).toContain('Zeg ja voor morgen, 12 uur.');
    await page.press('Ja, ik kom');

    page.http
      .expectOne(`${VIEW}/registrations/${offered.id}/accept`)
      .flush(makeManageView({ registrations: [{ ...offered, status: 'confirmed' }] }));
    await page.settle();
    expect(text()).toContain('Fijn! Deze plaats is voor jou');
  });

  it('should offer to leave the waitlist for a single date, with the place in line', async () => {
    await openWith(makeManageView({ registrations: [makeRegistrationView({ series: false, status: 'waitlisted', waitlistPosition: 3 })] }));

    expect(text()).toContain('Je bent nummer 3 op de wachtlijst.');
    expect([...page.element.querySelectorAll('kr-manage-registration button')].map((b) => b.textContent?.trim())).toEqual([
      'Van de wachtlijst gaan',
    ]);
  });

  it('should show what is true now when it is too late to change', async () => {
    await openWith();

    await page.press('Ik kan deze keer niet');
    await confirm('Ja, ik kan deze keer niet');
    page.http.expectOne(`${VIEW}/registrations/${makeSeriesRegistrations()[0].id}/skip`).flush(...apiError(409, 'conflict'));
    await page.settle();
    page.http.expectOne(VIEW).flush(makeManageView());
    await page.settle();

    expect(page.element.querySelector('[role=alert]')?.textContent).toContain('Dit kan niet meer online veranderen');
  });

  it('should show a kind page that changes nothing when the link no longer works', async () => {
    await open();
    page.http.expectOne(VIEW).flush(...apiError(410, 'link_expired'));
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Deze link werkt niet meer');
    expect(text()).toContain('Bel De Keerkring.');
    expect(text()).toContain('Huis van het Kind');
    expect(page.element.querySelectorAll('kr-manage-registration')).toHaveLength(0);

    page.http.expectOne(CENTRE_URL).flush(makeCentreContact({ phone: '03 777 12 34', phoneHref: 'tel:+3237771234' }));
    await page.settle();
    expect(contactLinks()).toEqual([
      ['Bel De Keerkring 03 777 12 34', 'tel:+3237771234'],
      ['Mail ons info@keerkring.be', 'mailto:info@keerkring.be'],
    ]);
  });

  it('should offer to call or mail the centre under the dates, and say nothing more when that cannot be asked', async () => {
    await openWith();
    page.http.expectOne(CENTRE_URL).flush(makeCentreContact());
    await page.settle();
    expect(text()).toContain('Vragen? Bel De Keerkring');
    expect(contactLinks().map(([, href]) => href)).toEqual(['tel:+3231234567', 'mailto:info@keerkring.be']);
  });

  it('should keep the centre’s number in reading order on an Arabic page', async () => {
    await openWith(makeManageView({ locale: 'ar' }));
    page.http.expectOne(CENTRE_URL).flush(makeCentreContact());
    await page.settle();
    const number = page.element.querySelector('kr-centre-contact-links a[href^="tel:"] bdi');
    expect(number?.getAttribute('dir')).toBe('ltr');
    expect(number?.textContent).toBe('03 123 45 67');
  });

  it('should not even ask the API when the link has no token', async () => {
    await open('/mijn-inschrijving');

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Deze link werkt niet meer');
  });

  it('should stay in the language the parent chose on this phone, whatever the language of the messages', async () => {
    // Chosen on this phone earlier (the header's language menu), while the messages come in French.
    localStorage.setItem(LOCALE_CHOSEN_STORAGE_KEY, '1');
    await openWith(makeManageView({ locale: 'fr' }));

    expect(TestBed.inject(LanguageService).locale()).toBe('nl');
    expect(text()).toContain('Hier zie je je datums.');
  });

  it('should open in the language of the family’s messages, and change it on request', async () => {
    await openWith(makeManageView({ locale: 'fr' }));
    expect(TestBed.inject(LanguageService).locale()).toBe('fr');

    await page.press('English');
    const patch = page.http.expectOne(VIEW);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ locale: 'en' });
    patch.flush(makeManageView({ locale: 'en' }));
    await page.settle();

    expect(TestBed.inject(LanguageService).locale()).toBe('en');
    expect(text()).toContain('From now on your messages come in this language: English.');
  });
});
