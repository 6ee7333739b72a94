import { TestBed } from '@angular/core/testing';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError } from '../../../testing/staff';
import { LanguageService } from '../../core/i18n/language.service';
import { provideParentIcons } from '../../parents/shared/parent-icons';
import { CENTRE_URL, TOKEN } from '../../parents/testing/parents';
import { makePacket, makeParentReferralView } from '../testing';
import { ReferralParentPage } from './referral-parent-page';

const VIEW = '/api/v1/public/referral-link';

describe(ReferralParentPage.name, () => {
  let page: RenderedPage;

  afterEach(() => {
    page.http.match(CENTRE_URL);
    page.http.verify();
    localStorage.clear();
  });

  async function open(url = `/doorverwijzing#token=${TOKEN}`): Promise<void> {
    page = await renderPage(ReferralParentPage, { path: 'doorverwijzing', url, providers: [provideParentIcons()] });
  }

  async function openWith(view = makeParentReferralView()): Promise<void> {
    await open();
    page.http.expectOne(VIEW).flush(view);
    await page.settle();
  }

  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';
  const labels = () => [...page.element.querySelectorAll('kr-packet-view dt')].map((dt) => dt.textContent?.trim());

  it('should send the token in a header and move an older link’s ?token= to the fragment', async () => {
    await open(`/doorverwijzing?token=${TOKEN}`);
    await page.settle();
    const request = page.http.expectOne(VIEW);
    expect(request.request.headers.get('X-Link-Token')).toBe(TOKEN);
    request.flush(makeParentReferralView());
    await page.settle();
    expect(page.router.url).toBe(`/doorverwijzing#token=${TOKEN}`);
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Hulp bij CAW Antwerpen');
  });

  it('should say who it is for and show exactly what will be shared, field by field', async () => {
    await openWith();
    expect(text()).toContain('Het CAW helpt bij vragen over geld, wonen, relaties of werk.');
    expect(labels()).toEqual([
      'Naam',
      'Taal',
      'Telefoon en e-mail',
      'Waarom we doorverwijzen',
      'Wat goed gaat',
      'Wat jij hoopt',
      'Kinderen',
      'Wat we zagen',
    ]);
    expect(text()).toContain('Vragen over huur en papieren.');
    expect(text()).toContain('geboren in maart 2024');
    expect(text()).toContain('Praktische zaken · 19 november 2026');
  });

  it('should show only the shared fields', async () => {
    const packet = makePacket({ fields: ['reason'], reason: 'Alleen dit.' });
    delete packet.strengths;
    await openWith(makeParentReferralView({ preview: { packet, hash: 'b'.repeat(64), approved: false } }));
    expect(labels()).toEqual(['Naam', 'Taal', 'Waarom we doorverwijzen']);
    expect(text()).not.toContain('0470 12 34 56');
  });

  it('should approve exactly the preview that was shown', async () => {
    await openWith();
    await page.press('Ja, dit mag gedeeld worden');
    const request = page.http.expectOne(`${VIEW}/approval`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ hash: 'a'.repeat(64) });
    expect(request.request.headers.get('X-Link-Token')).toBe(TOKEN);
    request.flush(makeParentReferralView({ preview: { packet: makePacket(), hash: 'a'.repeat(64), approved: true } }));
    await page.settle();
    expect(page.element.querySelector('[role=status]')?.textContent).toContain('We geven precies dit door.');
    expect(text()).not.toContain('Ik wil iets veranderen');
  });

  it('should say nothing is shared and how to reach us when the parent wants a change', async () => {
    await openWith();
    await page.press('Ik wil iets veranderen');
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Dat is goed');
    expect(text()).toContain('Er wordt niets gedeeld zolang jij geen ja zegt.');
    expect(page.element.querySelector('kr-centre-contact-links')).not.toBeNull();
    await page.press('Terug');
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Hulp bij CAW Antwerpen');
  });

  it('should withdraw consent only after the parent confirms', async () => {
    await openWith();
    await page.press('Mijn toestemming terugnemen');
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Je toestemming terugnemen?');
    page.http.expectNone(`${VIEW}/withdrawal`);
    await page.press('Nee, laat het zo');
    await page.press('Mijn toestemming terugnemen');
    await page.press('Ja, neem mijn toestemming terug');
    page.http.expectOne(`${VIEW}/withdrawal`).flush(makeParentReferralView({ status: 'withdrawn', canWithdraw: false, preview: null }));
    await page.settle();
    expect(text()).toContain('Je nam je toestemming terug.');
    expect(text()).not.toContain('Mijn toestemming terugnemen');
  });

  it('should save how the parent wants to be contacted', async () => {
    await openWith();
    await page.press('Hoe wil je dat we je contacteren?');
    await page.settle();
    const choose = (label: string) =>
      [...page.element.querySelectorAll<HTMLLabelElement>('label.choice')]
        .find((l) => l.textContent?.trim() === label)
        ?.querySelector('input')
        ?.click();
    choose('Bel me op');
    choose('العربية');
    const avoid = page.element.querySelector<HTMLInputElement>('input[name=avoid]') ?? document.createElement('input');
    avoid.value = 'Niet via de telefoon van mijn partner';
    avoid.dispatchEvent(new Event('input'));
    await page.settle();
    await page.press('Bewaren');
    const request = page.http.expectOne(`${VIEW}/contact-profile`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ channel: 'phone_call', language: 'ar', avoid: 'Niet via de telefoon van mijn partner' });
    request.flush(makeParentReferralView({ contactProfile: request.request.body }));
    await page.settle();
    expect(page.element.querySelector('[role=status]')?.textContent).toContain('Bewaard.');
  });

  it('should say kindly that a link no longer works, with the centre to call', async () => {
    await open();
    page.http.expectOne(VIEW).flush(...apiError(410, 'link_expired'));
    await page.settle();
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Deze link werkt niet meer');
    expect(text()).toContain('Bel De Keerkring.');
    expect(page.element.querySelector('kr-centre-contact-links')).not.toBeNull();
  });

  it('should not ask the API without a token', async () => {
    await open('/doorverwijzing');
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Deze link werkt niet meer');
  });

  it('should open in the family’s language, right to left for Arabic', async () => {
    await openWith(
      makeParentReferralView({
        preview: { packet: makePacket({ family: { displayName: 'Sara', language: 'ar' } }), hash: 'c'.repeat(64), approved: false },
      }),
    );
    await page.settle();
    expect(TestBed.inject(LanguageService).locale()).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    // (The Arabic words themselves are checked in the browser: tests load nl, en and fr.)
  });

  it('should keep nothing of the link in browser storage', async () => {
    await openWith();
    const stored = JSON.stringify({ ...localStorage, ...sessionStorage });
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain('huur');
  });
});
