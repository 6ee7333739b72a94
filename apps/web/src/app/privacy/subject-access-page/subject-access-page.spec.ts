import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { SubjectAccessRequestView } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { makeSession } from '../../../testing/staff';
import { useClockAt } from '../../../testing/clock';
import { SubjectAccessPage } from './subject-access-page';

const FAMILY_ID = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const REQUESTS = '/api/v1/subject-access-requests';

const request = (overrides: Partial<SubjectAccessRequestView> = {}): SubjectAccessRequestView => ({
  id: 'r1',
  family: { id: FAMILY_ID, displayName: 'Gezin Amal' },
  requestedAt: '2026-11-28T09:30:00.000Z',
  dueAt: '2026-12-28T09:30:00.000Z',
  doneAt: null,
  overdue: false,
  ...overrides,
});

describe(SubjectAccessPage.name, () => {
  let page: RenderedPage;
  useClockAt('2026-11-28T09:30:00.000Z');
  afterEach(() => page.http.verify());
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  async function open(url: string): Promise<void> {
    page = await renderPage(SubjectAccessPage, {
      path: url.startsWith('/inzage/gezin') ? 'inzage/gezin/:familyId' : 'inzage',
      url,
      session: makeSession({ user: { roles: ['coordinator'] }, twoFactor: { enrolled: true, required: true } }),
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  }

  it('should list the open requests with their due dates, the late ones marked', async () => {
    await open('/inzage');
    page.http.expectOne(REQUESTS).flush([request(), request({ id: 'r2', family: { id: 'x', displayName: 'Gezin Bert' }, overdue: true })]);
    await page.settle();
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Inzage voor het gezin');
    const items = [...page.element.querySelectorAll('ul.requests li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items[0]).toContain('Gezin Amal');
    expect(items[0]).toContain('te beantwoorden tegen 28 december 2026');
    expect(items[1]).toContain('De maand is voorbij');
  });

  it('should note a family’s request and show when it is due', async () => {
    await open(`/inzage/gezin/${FAMILY_ID}`);
    page.http.expectOne(REQUESTS).flush([]);
    await page.settle();
    expect(text()).toContain('Er staat nog geen vraag om inzage open');
    await page.press('Vraag om inzage noteren');
    const post = page.http.expectOne(`/api/v1/families/${FAMILY_ID}/subject-access-requests`);
    expect(post.request.method).toBe('POST');
    post.flush(request());
    await page.settle();
    page.http.expectOne(REQUESTS).flush([request()]);
    await page.settle();
    expect(page.element.querySelector('h2')?.textContent).toContain('Gezin: Gezin Amal');
    expect(page.element.querySelector('[data-testid="sa-due"]')?.textContent).toContain('te beantwoorden tegen 28 december 2026');
    expect(text()).toContain('De vraag is genoteerd.');
  });

  it('should download the PDF in the chosen language and keep nothing of it in the page', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:x';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await open(`/inzage/gezin/${FAMILY_ID}`);
    page.http.expectOne(REQUESTS).flush([request()]);
    await page.settle();
    await page.press('Overzicht downloaden (PDF)');
    const pdf = page.http.expectOne((r) => r.url === `/api/v1/families/${FAMILY_ID}/subject-access.pdf`);
    expect(pdf.request.method).toBe('POST');
    expect(pdf.request.responseType).toBe('blob');
    pdf.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    await page.settle();
    page.http.expectOne(REQUESTS).flush([]);
    await page.settle();
    expect(created).toHaveLength(1);
    expect(click).toHaveBeenCalled();
    expect(text()).toContain('Het overzicht is gedownload.');
    createObjectURL.mockRestore();
    click.mockRestore();
  });
});
