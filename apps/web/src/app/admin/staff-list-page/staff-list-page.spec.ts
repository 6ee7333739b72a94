import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { Page, StaffUserSummary } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { provideScreen, renderPage } from '../../../testing/pages';
import { apiError, makeAdminSession, makeStaffUser } from '../../../testing/staff';
import { StaffListPage } from './staff-list-page';

const FIRST_PAGE = '/api/v1/admin/staff?page=1&pageSize=20';
const PEOPLE = [
  makeStaffUser({ id: 'a', displayName: 'Bram Beheer', email: 'bram@keerkring.be', roles: ['admin'], twoFactorEnrolled: true }),
  makeStaffUser({
    id: 'b',
    displayName: 'Nina Nieuw',
    email: 'nina@keerkring.be',
    roles: ['group_worker', 'coordinator'],
    passwordSet: false,
  }),
  makeStaffUser({ id: 'c', displayName: 'Oud Collega', email: 'oud@keerkring.be', active: false }),
];
const pageOf = (items: StaffUserSummary[], total = items.length): Page<StaffUserSummary> => ({ items, total, page: 1, pageSize: 20 });

describe(StaffListPage.name, () => {
  let page: RenderedPage;

  async function open(wide: boolean, answer: Page<StaffUserSummary> = pageOf(PEOPLE)): Promise<void> {
    page = await renderPage(StaffListPage, {
      path: 'beheer/medewerkers',
      url: '/beheer/medewerkers',
      session: makeAdminSession(),
      providers: [provideScreen(wide)],
    });
    page.http.expectOne(FIRST_PAGE).flush(answer);
    await page.settle();
  }

  afterEach(() => page.http.verify());

  it('should show the accounts in a table with translated roles, status and two-factor on a wide screen', async () => {
    await open(true);

    const table = await page.loader.getHarness(MatTableHarness);
    expect(await (await table.getHeaderRows())[0].getCellTextByIndex()).toEqual([
      'Naam',
      'E-mailadres',
      'Rollen',
      'Status',
      'Tweestapsverificatie',
      'Acties',
    ]);
    const rows = await Promise.all((await table.getRows()).map((row) => row.getCellTextByIndex()));
    expect(rows.map(([name, email, , status, twoFactor]) => [name, email, status, twoFactor])).toEqual([
      ['Bram Beheer', 'bram@keerkring.be', 'Actief', 'Ja'],
      ['Nina Nieuw', 'nina@keerkring.be', 'Wacht op wachtwoord', 'Nee'],
      ['Oud Collega', 'oud@keerkring.be', 'Gedeactiveerd', 'Nee'],
    ]);
    const roles = [...page.element.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('.chip')].slice(0, -1).map((chip) => chip.textContent?.trim()),
    );
    expect(roles).toEqual([['Beheerder'], ['Groepswerker', 'Coördinator'], ['Groepswerker']]);
    expect(page.element.textContent).toContain('3 medewerkers');
  });

  it('should show a list instead of a table on a phone', async () => {
    await open(false);

    expect(page.element.querySelector('table')).toBeNull();
    const names = [...page.element.querySelectorAll('kr-staff-cards h2')].map((h) => h.textContent?.trim());
    expect(names).toEqual(['Bram Beheer', 'Nina Nieuw', 'Oud Collega']);
    expect(page.element.querySelector('kr-staff-cards')?.textContent).toContain('Wacht op wachtwoord');
  });

  it('should search once typing pauses and say how many were found', async () => {
    await open(true);

    const search = page.element.querySelector<HTMLInputElement>('input[type=search]');
    if (!search) throw new Error('no search field');
    search.value = 'zzz';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await page.settle();
    page.http.expectOne('/api/v1/admin/staff?search=zzz&page=1&pageSize=20').flush(pageOf([]));
    await page.settle();

    expect(page.element.textContent).toContain('0 gevonden voor ‘zzz’');
    expect(page.element.textContent).toContain('Niemand gevonden');
  });

  it('should page through the accounts with translated paging', async () => {
    await open(true, pageOf(PEOPLE, 45));

    const paginator = await page.loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 20 van 45');
    page.element.querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await page.settle();

    page.http.expectOne('/api/v1/admin/staff?page=2&pageSize=20').flush({ ...pageOf(PEOPLE, 45), page: 2 });
  });

  it('should say kindly when the list cannot be shown', async () => {
    page = await renderPage(StaffListPage, {
      path: 'beheer/medewerkers',
      url: '/beheer/medewerkers',
      session: makeAdminSession(),
      providers: [provideScreen(true)],
    });
    page.http.expectOne(FIRST_PAGE).flush(...apiError(500, 'internal_error'));
    await page.settle();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('We kunnen de medewerkers nu niet tonen');
    await page.press('Probeer opnieuw');
    page.http.expectOne(FIRST_PAGE).flush(pageOf(PEOPLE));
  });

  it('should open the form for a new staff member', async () => {
    await open(true);

    await (await page.loader.getHarness(MatButtonHarness.with({ text: /Nieuwe medewerker/ }))).click();

    expect(await (await page.loader.getHarness(MatDialogHarness)).getTitleText()).toBe('Nieuwe medewerker');
  });
});
