import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import type { StaffUserSummary } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { provideScreen, renderPage } from '../../../testing/pages';
import { apiError, makeAdminSession, makeStaffUser } from '../../../testing/staff';
import { StaffListPage } from '../staff-list-page/staff-list-page';
import { StaffRowMenu } from './staff-row-menu';

const LIST = '/api/v1/admin/staff?page=1&pageSize=20';
const me = makeAdminSession();
const SELF = makeStaffUser({ id: me.user.id, displayName: 'Bram Beheer', roles: ['admin'], twoFactorEnrolled: true });
const NINA = makeStaffUser({ id: 'nina', displayName: 'Nina Peeters', twoFactorEnrolled: true });
const OLD = makeStaffUser({ id: 'old', displayName: 'Oud Collega', active: false });
const OTHER_ADMIN = makeStaffUser({ id: 'adm2', displayName: 'Ann Admin', roles: ['admin'] });
const list = (items: StaffUserSummary[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe(StaffRowMenu.name, () => {
  let page: RenderedPage;

  beforeEach(async () => {
    page = await renderPage(StaffListPage, {
      path: 'beheer/medewerkers',
      url: '/beheer/medewerkers',
      session: me,
      providers: [provideScreen(true)],
    });
    page.http.expectOne(LIST).flush(list([SELF, NINA, OLD, OTHER_ADMIN]));
    await page.settle();
  });

  afterEach(() => page.http.verify());

  const menuOf = (name: string) => page.loader.getHarness(MatMenuHarness.with({ selector: `[aria-label="Acties voor ${name}"]` }));
  async function itemsOf(name: string): Promise<string[]> {
    const menu = await menuOf(name);
    await menu.open();
    const texts = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    await menu.close();
    return texts;
  }
  async function choose(name: string, item: string): Promise<MatDialogHarness> {
    await (await menuOf(name)).clickItem({ text: item });
    return page.loader.getHarness(MatDialogHarness);
  }
  async function confirm(dialog: MatDialogHarness, text: string): Promise<void> {
    await (await dialog.getHarness(MatButtonHarness.with({ text }))).click();
    await vi.waitFor(() => expect(document.querySelector('mat-dialog-container')).toBeNull());
  }
  const snackText = () => document.querySelector('mat-snack-bar-container')?.textContent ?? '';

  it('should offer every action on a colleague’s account, named after the person', async () => {
    expect(await itemsOf('Nina Peeters')).toEqual([
      'Naam en rollen wijzigen',
      'Nieuwe link voor wachtwoord',
      'Tweestapsverificatie opnieuw instellen',
      'Overal afmelden',
      'Deactiveren',
    ]);
  });

  it('should only offer to change name and roles on one’s own account', async () => {
    expect(await itemsOf('Bram Beheer')).toEqual(['Naam en rollen wijzigen']);
  });

  it('should offer to reactivate a deactivated account', async () => {
    expect(await itemsOf('Oud Collega')).toEqual(['Naam en rollen wijzigen', 'Weer activeren']);
  });

  it('should ask first, then deactivate, say so and refresh the list', async () => {
    const dialog = await choose('Nina Peeters', 'Deactiveren');
    expect(await dialog.getTitleText()).toBe('Nina Peeters deactiveren?');

    await confirm(dialog, 'Deactiveren');
    const request = page.http.expectOne('/api/v1/admin/staff/nina');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ active: false });
    request.flush({ ...NINA, active: false });
    await page.settle();

    await vi.waitFor(() => expect(snackText()).toContain('Nina Peeters is gedeactiveerd.'));
    page.http.expectOne(LIST).flush(list([SELF, { ...NINA, active: false }, OLD, OTHER_ADMIN]));
  });

  it('should change nothing when the question is cancelled', async () => {
    const dialog = await choose('Nina Peeters', 'Overal afmelden');

    await confirm(dialog, 'Annuleren');

    page.http.expectNone('/api/v1/admin/staff/nina/revoke-sessions');
  });

  it('should say that Kring needs an admin when the last one would be deactivated', async () => {
    const dialog = await choose('Ann Admin', 'Deactiveren');
    await confirm(dialog, 'Deactiveren');
    page.http.expectOne('/api/v1/admin/staff/adm2').flush(...apiError(409, 'conflict'));
    await page.settle();

    await vi.waitFor(() => expect(snackText()).toContain('Kring heeft altijd minstens één actieve beheerder nodig.'));
    page.http.expectOne(LIST).flush(list([SELF, NINA, OLD, OTHER_ADMIN]));
  });

  it('should make a new set-password link and show it to pass on', async () => {
    const dialog = await choose('Nina Peeters', 'Nieuwe link voor wachtwoord');
    expect(await dialog.getText()).toContain('Een vorige link werkt dan niet meer.');

    await confirm(dialog, 'Nieuwe link maken');
    page.http
      .expectOne('/api/v1/admin/staff/nina/set-password-link')
      .flush({ url: 'https://kring.example/set-password?token=new', expiresAt: '2026-11-30T10:30:00.000Z' });
    await page.settle();
    page.http.expectOne(LIST).flush(list([SELF, NINA, OLD, OTHER_ADMIN]));
    await page.settle();

    await vi.waitFor(() => expect(document.querySelector('mat-dialog-container')).not.toBeNull());
    const shown = document.querySelector('mat-dialog-container');
    expect(shown?.textContent).toContain('Nieuwe link voor Nina Peeters');
    expect(shown?.querySelector<HTMLInputElement>('input[readonly]')?.value).toBe('https://kring.example/set-password?token=new');
  });

  it('should reset two-factor sign-in after asking, and say what happens next', async () => {
    const dialog = await choose('Nina Peeters', 'Tweestapsverificatie opnieuw instellen');
    await confirm(dialog, 'Opnieuw instellen');
    page.http.expectOne('/api/v1/admin/staff/nina/reset-two-factor').flush(null, { status: 204, statusText: 'No Content' });
    await page.settle();

    await vi.waitFor(() => expect(snackText()).toContain('Nina Peeters stelt de tweestapsverificatie opnieuw in'));
    page.http.expectOne(LIST).flush(list([SELF, { ...NINA, twoFactorEnrolled: false }, OLD, OTHER_ADMIN]));
  });
});
