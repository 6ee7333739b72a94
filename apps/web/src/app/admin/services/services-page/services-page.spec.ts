import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import type { ReferralServiceView } from '@kring/domain';
import type { RenderedPage } from '../../../../testing/pages';
import { renderPage } from '../../../../testing/pages';
import { apiError, makeAdminSession } from '../../../../testing/staff';
import { ServicesPage } from './services-page';

const LIST = '/api/v1/admin/referral-services';

const makeService = (overrides: Partial<ReferralServiceView> = {}): ReferralServiceView => ({
  id: 's1',
  name: 'CAW Waasland',
  kind: 'caw',
  phone: '03 776 00 00',
  email: 'onthaal@caw.test',
  address: 'Kazernestraat 1, Sint-Niklaas',
  intakeNotes: 'Vraag naar het onthaal.',
  languages: ['nl', 'ar'],
  intakeChannels: ['secure_link', 'parent_goes'],
  active: true,
  createdAt: '2026-05-04T08:00:00.000Z',
  updatedAt: '2026-05-04T08:00:00.000Z',
  ...overrides,
});
const SERVICES = [
  makeService(),
  makeService({ id: 's2', name: 'Oud CGG', kind: 'cgg', phone: null, email: null, languages: [], active: false }),
];

describe(ServicesPage.name, () => {
  let page: RenderedPage;

  async function open(answer: ReferralServiceView[] = SERVICES): Promise<void> {
    page = await renderPage(ServicesPage, { path: 'beheer/diensten', url: '/beheer/diensten', session: makeAdminSession() });
    page.http.expectOne(LIST).flush(answer);
    await page.settle();
  }

  const cards = () => [...page.element.querySelectorAll('li.card')];
  const text = (el: Element | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  afterEach(() => page.http.verify());

  it('should show each service with its kind, contact, languages and how it takes a referral, in Dutch', async () => {
    await open();

    expect(cards().map((c) => c.querySelector('h2')?.textContent?.trim())).toEqual(['CAW Waasland', 'Oud CGG']);
    const first = text(cards()[0]);
    for (const words of [
      'Actief',
      'CAW',
      '03 776 00 00',
      'onthaal@caw.test',
      'Nederlands, Arabisch',
      'Via een beveiligde link',
      'De ouder gaat zelf',
    ]) {
      expect(first).toContain(words);
    }
    expect(cards()[0].querySelector('a[href="tel:03 776 00 00"]')).not.toBeNull();
    expect(text(cards()[1])).toContain('Gedeactiveerd');
    expect(text(cards()[1])).not.toContain('Telefoon');
    expect(page.element.textContent).toContain('1 actieve diensten');
  });

  it('should offer to deactivate an active service and to reactivate a deactivated one, naming it for screen readers', async () => {
    await open();

    expect(cards()[0].querySelector('button[aria-label="CAW Waasland deactiveren"]')).not.toBeNull();
    expect(cards()[1].querySelector('button[aria-label="Oud CGG weer activeren"]')).not.toBeNull();
  });

  it('should deactivate after asking, then say so and load the list again', async () => {
    await open();

    cards()[0].querySelector<HTMLButtonElement>('button[aria-label="CAW Waasland deactiveren"]')?.click();
    await page.settle();
    const dialog = await page.loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('CAW Waasland deactiveren?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Deactiveren' }))).click();

    const request = await vi.waitFor(() => page.http.expectOne({ method: 'PATCH', url: `${LIST}/s1` }));
    expect(request.request.body).toEqual({ active: false });
    request.flush(makeService({ active: false }));
    await page.settle();
    page.http.expectOne(LIST).flush([makeService({ active: false })]);
    await vi.waitFor(() =>
      expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('CAW Waasland is gedeactiveerd.'),
    );
  });

  it('should change nothing when the admin does not confirm', async () => {
    await open();

    cards()[0].querySelector<HTMLButtonElement>('button[aria-label="CAW Waasland deactiveren"]')?.click();
    await page.settle();
    await (await (await page.loader.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: 'Annuleren' }))).click();
    await vi.waitFor(() => expect(document.querySelector('mat-dialog-container')).toBeNull());
    page.http.expectNone(`${LIST}/s1`);
  });

  it('should help when there are no services yet', async () => {
    await open([]);

    expect(page.element.textContent).toContain('Nog geen diensten');
    await page.press(/Nieuwe dienst/);
    expect(await (await page.loader.getHarness(MatDialogHarness)).getTitleText()).toBe('Nieuwe dienst');
  });

  it('should say kindly when the list cannot be shown, and try again', async () => {
    page = await renderPage(ServicesPage, { path: 'beheer/diensten', url: '/beheer/diensten', session: makeAdminSession() });
    page.http.expectOne(LIST).flush(...apiError(500, 'internal_error'));
    await page.settle();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('We kunnen de diensten nu niet tonen');
    await page.press('Probeer opnieuw');
    page.http.expectOne(LIST).flush(SERVICES);
  });
});
