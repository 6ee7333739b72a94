import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { apiError, makeStaffUser } from '../../../testing/staff';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { provideKringIcons } from '../../core/icons/icons';
import type { StaffFormDialogData } from './staff-form-dialog';
import { StaffFormDialog } from './staff-form-dialog';
import { useClockAt } from '../../../testing/clock';

@Component({ template: '' })
class Host {}

describe(StaffFormDialog.name, () => {
  // Its dates are this year's and ahead of this clock, whatever day the tests run on.
  useClockAt('2026-11-28T12:00:00Z');

  let http: HttpTestingController;
  let loader: HarnessLoader;
  let closedWith: boolean | undefined | 'open';

  async function open(data: StaffFormDialogData): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateTesting(), provideKringIcons()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Host);
    closedWith = 'open';
    TestBed.inject(MatDialog)
      .open<StaffFormDialog, StaffFormDialogData, boolean>(StaffFormDialog, { data })
      .afterClosed()
      .subscribe((value) => (closedWith = value));
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  }

  const input = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName=${name}]` }));
  const role = (label: RegExp) => loader.getHarness(MatCheckboxHarness.with({ label }));
  const click = async (text: string | RegExp) => (await loader.getHarness(MatButtonHarness.with({ text }))).click();
  const settle = () => new Promise((resolve) => setTimeout(resolve));
  const dialogText = () => document.querySelector('mat-dialog-container')?.textContent?.replace(/\s+/g, ' ') ?? '';

  afterEach(() => http.verify());

  it('should create the account and then show the one-time link with until when it works', async () => {
    await open({ mode: 'create' });
    await (await input('email')).setValue(' nina@keerkring.be ');
    await (await input('displayName')).setValue('Nina Peeters');
    await (await role(/Groepswerker/)).check();

    await click('Account maken');
    const request = http.expectOne('/api/v1/admin/staff');
    expect(request.request.body).toEqual({ email: 'nina@keerkring.be', displayName: 'Nina Peeters', roles: ['group_worker'] });
    request.flush({
      user: makeStaffUser({ displayName: 'Nina Peeters', passwordSet: false }),
      setPasswordLink: { url: 'https://kring.example/set-password?token=abc', expiresAt: '2026-11-30T10:30:00.000Z' },
    });
    await settle();

    expect(dialogText()).toContain('Het account van Nina Peeters is klaar');
    expect(await (await loader.getHarness(MatInputHarness.with({ selector: '[readonly]' }))).getValue()).toBe(
      'https://kring.example/set-password?token=abc',
    );
    expect(dialogText()).toContain('Geldig tot maandag 30 november om 11.30 uur.');
    await click('Klaar');
    await vi.waitFor(() => expect(closedWith).toBe(true));
  });

  it('should say what is missing, including a role, without asking the API', async () => {
    await open({ mode: 'create' });

    await click('Account maken');

    const errors = await Promise.all((await loader.getAllHarnesses(MatFormFieldHarness)).map((field) => field.getTextErrors()));
    expect(errors).toEqual([['Vul het e-mailadres in.'], ['Vul de naam in.']]);
    expect(dialogText()).toContain('Kies minstens één rol.');
    http.expectNone('/api/v1/admin/staff');
  });

  it('should say next to the e-mail field that the address is already in use', async () => {
    await open({ mode: 'create' });
    await (await input('email')).setValue('gita@keerkring.be');
    await (await input('displayName')).setValue('Gita');
    await (await role(/Coördinator/)).check();

    await click('Account maken');
    http
      .expectOne('/api/v1/admin/staff')
      .flush(...apiError(409, 'conflict', { fields: [{ field: 'email', code: 'taken', message: 'x' }] }));
    await settle();

    const [email] = await loader.getAllHarnesses(MatFormFieldHarness);
    expect(await email.getTextErrors()).toEqual(['Er is al een account met dit e-mailadres. Zoek de persoon in de lijst.']);
    expect(closedWith).toBe('open');
  });

  it('should change name and roles, keeping the e-mail address fixed', async () => {
    await open({ mode: 'edit', user: makeStaffUser({ id: 'u1' }), isSelf: false });

    expect(await (await input('email')).isDisabled()).toBe(true);
    await (await input('displayName')).setValue('Gita De Smet');
    await (await role(/Coördinator/)).check();
    await click('Opslaan');

    const request = http.expectOne('/api/v1/admin/staff/u1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ displayName: 'Gita De Smet', roles: ['coordinator', 'group_worker'] });
    request.flush(makeStaffUser());
    await vi.waitFor(() => expect(closedWith).toBe(true));
  });

  it('should not let an admin take away their own admin role', async () => {
    await open({ mode: 'edit', user: makeStaffUser({ roles: ['admin'] }), isSelf: true });

    expect(await (await role(/Beheerder/)).isDisabled()).toBe(true);
    expect(await (await role(/Beheerder/)).isChecked()).toBe(true);
    expect(dialogText()).toContain('Je eigen rol als beheerder kan je niet afnemen.');
  });

  it('should explain when Kring would be left without an admin', async () => {
    await open({ mode: 'edit', user: makeStaffUser({ id: 'u2', roles: ['admin'] }), isSelf: false });
    await (await role(/Beheerder/)).uncheck();
    await (await role(/Coördinator/)).check();

    await click('Opslaan');
    http.expectOne('/api/v1/admin/staff/u2').flush(...apiError(409, 'conflict'));
    await settle();

    expect(document.querySelector('mat-dialog-container [role="alert"]')?.textContent).toContain(
      'Kring heeft altijd minstens één actieve beheerder nodig.',
    );
  });
});
