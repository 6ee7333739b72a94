import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { FlagSummary } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { provideScreen, renderPage } from '../../../testing/pages';
import { makeSession } from '../../../testing/staff';
import { useClockAt } from '../../../testing/clock';
import { makeFlagSummary } from '../flags-testing';
import { InboxPage } from './inbox-page';

const FLAGS = [
  makeFlagSummary({
    id: 'f1',
    family: { id: 'a', displayName: 'Ana' },
    urgency: 'note',
    category: 'practical_needs',
    createdAt: '2026-11-20T09:00:00.000Z',
    reviewBy: '2026-12-30',
  }),
  makeFlagSummary({
    id: 'f2',
    family: { id: 'b', displayName: 'Bo' },
    urgency: 'urgent',
    category: 'safety',
    createdAt: '2026-11-27T09:00:00.000Z',
    reviewBy: '2026-11-29',
  }),
  makeFlagSummary({
    id: 'f3',
    family: { id: 'c', displayName: 'Chaima' },
    urgency: 'discuss',
    due: true,
    createdAt: '2026-11-01T09:00:00.000Z',
    reviewBy: '2026-11-15',
  }),
  makeFlagSummary({ id: 'f4', family: { id: 'd', displayName: 'Dirk' }, status: 'closed', closeReason: 'support_in_place' }),
];

describe(InboxPage.name, () => {
  let page: RenderedPage;
  useClockAt('2026-11-28T09:30:00.000Z');

  async function open(wide: boolean, answer: FlagSummary[] = FLAGS): Promise<void> {
    page = await renderPage(InboxPage, {
      path: 'signalen',
      url: '/signalen',
      session: makeSession({ user: { roles: ['coordinator'] }, twoFactor: { enrolled: true, required: true } }),
      providers: [provideScreen(wide)],
    });
    page.http.expectOne('/api/v1/locations').flush([{ id: 'loc1', name: 'Huis van het Kind Sint-Niklaas', rooms: [] }]);
    (await vi.waitFor(() => page.http.expectOne((r) => r.url === '/api/v1/flags'))).flush(answer);
    await page.settle();
  }

  afterEach(() => page.http.verify());
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  it('should show the running flags in a table, most urgent first, with the due one said in words, and never any text', async () => {
    await open(true);
    const table = await page.loader.getHarness(MatTableHarness);
    expect(await (await table.getHeaderRows())[0].getCellTextByIndex()).toEqual([
      'Hoe dringend',
      'Gezin',
      'Waarover',
      'Huis van het Kind',
      'Genoteerd door',
      'Genoteerd op',
      'Opnieuw bekijken tegen',
      'Stand van zaken',
    ]);
    const rows = await Promise.all((await table.getRows()).map((row) => row.getCellTextByIndex()));
    expect(rows.map((r) => r[1])).toEqual(['Bo', 'Chaima', 'Ana']); // closed Dirk is not "running"
    expect(rows[0][0]).toBe('Dringend');
    expect(rows[1][6]).toContain('Datum om te bekijken is voorbij');
    expect(text()).toContain('3 signalen.');
    expect(text()).toContain('Daarvan is er 1 over de datum om te bekijken.');
    expect(page.element.querySelector('a[href="/signalen/f2"]')?.textContent?.trim()).toBe('Bo');
  });

  it('should sort by a column header', async () => {
    await open(true);
    const sort = await page.loader.getHarness(MatSortHarness);
    const [created] = await sort.getSortHeaders({ label: 'Genoteerd op' });
    await created.click();
    const table = await page.loader.getHarness(MatTableHarness);
    const names = async () => (await Promise.all((await table.getRows()).map((row) => row.getCellTextByIndex()))).map((r) => r[1]);
    expect(await names()).toEqual(['Chaima', 'Ana', 'Bo']);
    await created.click();
    expect(await names()).toEqual(['Bo', 'Ana', 'Chaima']);
    // Only the sortable headers are buttons (author and status are not).
    expect((await sort.getSortHeaders()).length).toBe(6);
  });

  it('should ask the API for what the filters choose', async () => {
    await open(false);
    const status = page.element.querySelector<HTMLElement>('mat-select[formcontrolname="status"]');
    expect(status).not.toBeNull();
    page.element.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await page.settle();
    const request = await vi.waitFor(() => page.http.expectOne((r) => r.url === '/api/v1/flags'));
    expect(request.request.params.get('due')).toBe('true');
    request.flush([FLAGS[2]]);
    await page.settle();
    expect([...page.element.querySelectorAll('.card__title')].map((h) => h.textContent?.trim())).toEqual(['Chaima']);
  });

  it('should show cards on a phone, with a way to sort', async () => {
    await open(false);
    expect(page.element.querySelector('table')).toBeNull();
    expect([...page.element.querySelectorAll('.card__title')].map((h) => h.textContent?.trim())).toEqual(['Bo', 'Chaima', 'Ana']);
    expect(page.element.querySelector('a[aria-label="Signaal over Bo openen"]')?.getAttribute('href')).toBe('/signalen/f2');
    expect(text()).toContain('Sorteren op');
  });

  it('should say kindly that nothing waits', async () => {
    await open(true, []);
    expect(text()).toContain('Er wacht niets');
  });
});
