import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError } from '../../../testing/staff';
import { provideParentIcons } from '../../parents/shared/parent-icons';
import { TOKEN } from '../../parents/testing/parents';
import { makePacket } from '../testing';
import { ReferralServicePage } from './referral-service-page';

const OPEN = '/api/v1/public/referral-packet/open';

describe(ReferralServicePage.name, () => {
  let page: RenderedPage;

  afterEach(() => page.http.verify());

  async function open(url = `/doorverwijzing-dienst#token=${TOKEN}`): Promise<void> {
    page = await renderPage(ReferralServicePage, { path: 'doorverwijzing-dienst', url, providers: [provideParentIcons()] });
  }

  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  it('should open the packet with the token in a header (the open is recorded) and show it for printing', async () => {
    await open();
    const request = page.http.expectOne(OPEN);
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('X-Link-Token')).toBe(TOKEN);
    request.flush({ packet: makePacket(), hash: 'a'.repeat(64), openedAt: '2026-12-08T09:00:00Z' });
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Doorverwijzing naar CAW Antwerpen');
    expect(text()).toContain('Van De Keerkring, contactpersoon Lotte.');
    expect(text()).toContain('tot 8 juni 2027');
    expect(text()).toContain('Vragen over huur en papieren.');
    expect(text()).toContain('geopend op 8 december 2026');
    const print = vi.spyOn(globalThis, 'print').mockImplementation(() => undefined);
    await page.press('Afdrukken');
    expect(print).toHaveBeenCalled();
  });

  it('should say the legal basis of an exception', async () => {
    await open();
    page.http.expectOne(OPEN).flush({
      packet: makePacket({ basis: { kind: 'exception', legalBasis: 'court_order' } }),
      hash: 'a'.repeat(64),
      openedAt: '2026-12-08T09:00:00Z',
    });
    await page.settle();
    expect(text()).toContain('Gedeeld zonder toestemming, op deze rechtsgrond: beslissing van een rechter.');
  });

  it('should say plainly that an expired link no longer works', async () => {
    await open();
    page.http.expectOne(OPEN).flush(...apiError(410, 'link_expired'));
    await page.settle();
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Deze link werkt niet meer');
    expect(text()).not.toContain('huur');
  });

  it('should not ask the API without a token', async () => {
    await open('/doorverwijzing-dienst');
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Deze link werkt niet meer');
  });
});
