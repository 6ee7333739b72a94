import { MatSelectHarness } from '@angular/material/select/testing';
import type { AuditEventView, Page } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { provideScreen, renderPage } from '../../../testing/pages';
import { apiError, makeAdminSession, makeAuditEvent, makeStaffUser } from '../../../testing/staff';
import { AuditPage } from './audit-page';
import { useClockAt } from '../../../testing/clock';

const STAFF = '/api/v1/admin/staff?page=1&pageSize=100';
const events = (items: AuditEventView[], total = items.length): Page<AuditEventView> => ({ items, total, page: 1, pageSize: 50 });
const auditUrl = (query: string) => `/api/v1/admin/audit?${query}`;

describe(AuditPage.name, () => {
  // Its dates are this year's and ahead of this clock, whatever day the tests run on.
  useClockAt('2026-11-28T12:00:00Z');

  let page: RenderedPage;

  async function open(wide: boolean, answer: Page<AuditEventView>): Promise<void> {
    page = await renderPage(AuditPage, {
      path: 'beheer/audit',
      url: '/beheer/audit',
      session: makeAdminSession(),
      providers: [provideScreen(wide)],
    });
    page.http.expectOne(STAFF).flush({ items: [makeStaffUser({ displayName: 'Gita Peeters' })], total: 1, page: 1, pageSize: 100 });
    page.http.expectOne(auditUrl('page=1&pageSize=50')).flush(answer);
    await page.settle();
  }

  afterEach(() => page.http.verify());

  const SAMPLE = [
    makeAuditEvent(),
    makeAuditEvent({
      id: '40',
      action: 'auth.sign_in.failed',
      actor: null,
      entity: null,
      entityId: null,
      details: { reason: 'unknown_account' },
    }),
  ];

  it('should show time, who, what, which record and details in plain words, newest first', async () => {
    await open(true, events(SAMPLE));

    const rows = [...page.element.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].slice(0, 4).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['za 28 nov, 10.30 uur', 'Bram Beheer', 'Account gemaakt', 'Account: Gita Peeters'],
      ['za 28 nov, 10.30 uur', 'Niet aangemeld', 'Aanmelden mislukt', ''],
    ]);
    const details = [...page.element.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('kr-audit-details .line')].map((line) =>
        [line.querySelector('dt')?.textContent, line.querySelector('dd')?.textContent].join(': '),
      ),
    );
    expect(details).toEqual([
      ['Rollen: Groepswerker', 'IP-adres: 127.0.0.1'],
      ['Reden: onbekend e-mailadres', 'IP-adres: 127.0.0.1'],
    ]);
    expect(page.element.textContent).toContain('2 gebeurtenissen');
  });

  it('should show a list instead of a table on a phone', async () => {
    await open(false, events(SAMPLE));

    expect(page.element.querySelector('table')).toBeNull();
    expect([...page.element.querySelectorAll('kr-audit-cards h2')].map((h) => h.textContent?.trim())).toEqual([
      'Account gemaakt',
      'Aanmelden mislukt',
    ]);
  });

  it('should filter on a kind of action', async () => {
    await open(true, events(SAMPLE));

    const select = await page.loader.getHarness(MatSelectHarness);
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((option) => option.getText()))).toEqual([
      'Alles',
      'Aanmelden',
      'Tweestapsverificatie',
      'Accounts',
      'Gegevens bekeken',
    ]);
    // A plain click: the harness would wait for the list, which is loading again.
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) => o.textContent?.trim() === 'Tweestapsverificatie')?.click();
    await page.settle();

    page.http.expectOne(auditUrl('action=auth.two_factor.&page=1&pageSize=50')).flush(events([]));
    await page.settle();
    expect(page.element.textContent).toContain('Niets gevonden');
  });

  it('should filter on days in Brussels time, the last day included', async () => {
    await open(true, events(SAMPLE));
    const [from, to] = [...page.element.querySelectorAll<HTMLInputElement>('input[type=date]')];

    from.value = '2026-11-01';
    from.dispatchEvent(new Event('input'));
    await page.settle();
    page.http.expectOne(auditUrl('from=2026-10-31T23:00:00.000Z&page=1&pageSize=50')).flush(events(SAMPLE));
    to.value = '2026-11-28';
    to.dispatchEvent(new Event('input'));
    await page.settle();

    page.http.expectOne(auditUrl('from=2026-10-31T23:00:00.000Z&to=2026-11-28T23:00:00.000Z&page=1&pageSize=50')).flush(events(SAMPLE));
  });

  it('should say so, and not ask, when the last day lies before the first', async () => {
    await open(true, events(SAMPLE));
    const [from, to] = [...page.element.querySelectorAll<HTMLInputElement>('input[type=date]')];

    to.value = '2026-11-01';
    to.dispatchEvent(new Event('input'));
    await page.settle();
    page.http.expectOne(auditUrl('to=2026-11-01T23:00:00.000Z&page=1&pageSize=50')).flush(events(SAMPLE));
    from.value = '2026-11-20';
    from.dispatchEvent(new Event('input'));
    await page.settle();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('ligt voor de datum');
    page.http.expectNone((request) => request.url.includes('/admin/audit'));
  });

  it('should say kindly when the audit cannot be shown', async () => {
    page = await renderPage(AuditPage, {
      path: 'beheer/audit',
      url: '/beheer/audit',
      session: makeAdminSession(),
      providers: [provideScreen(true)],
    });
    page.http.expectOne(STAFF).flush(...apiError(500, 'internal_error'));
    page.http.expectOne(auditUrl('page=1&pageSize=50')).flush(...apiError(500, 'internal_error'));
    await page.settle();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('We kunnen de audit nu niet tonen');
  });
});
