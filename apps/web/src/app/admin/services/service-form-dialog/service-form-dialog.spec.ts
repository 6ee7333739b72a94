import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { ReferralServiceView } from '@kring/domain';
import { apiError } from '../../../../testing/staff';
import { provideTranslateTesting } from '../../../../testing/translate-testing';
import { provideKringIcons } from '../../../core/icons/icons';
import type { ServiceFormDialogData } from './service-form-dialog';
import { ServiceFormDialog, parseLanguages } from './service-form-dialog';

@Component({ template: '' })
class Host {}

const URL = '/api/v1/admin/referral-services';
const SAVED: ReferralServiceView = {
  id: 's1',
  name: 'CAW Waasland',
  kind: 'caw',
  phone: null,
  email: null,
  address: null,
  intakeNotes: '',
  languages: ['nl'],
  intakeChannels: ['printed_handover'],
  active: true,
  createdAt: '2026-05-04T08:00:00.000Z',
  updatedAt: '2026-05-04T08:00:00.000Z',
};

describe(ServiceFormDialog.name, () => {
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let closedWith: ReferralServiceView | undefined | 'open';

  async function open(data: ServiceFormDialogData): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateTesting(), provideKringIcons()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Host);
    closedWith = 'open';
    TestBed.inject(MatDialog)
      .open<ServiceFormDialog, ServiceFormDialogData, ReferralServiceView>(ServiceFormDialog, { data })
      .afterClosed()
      .subscribe((value) => (closedWith = value));
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  }

  const input = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName=${name}]` }));
  const channel = (label: RegExp) => loader.getHarness(MatCheckboxHarness.with({ label }));
  const click = async (text: string | RegExp) => (await loader.getHarness(MatButtonHarness.with({ text }))).click();
  const settle = () => new Promise((resolve) => setTimeout(resolve));
  const dialogText = () => document.querySelector('mat-dialog-container')?.textContent?.replace(/\s+/g, ' ') ?? '';

  afterEach(() => http.verify());

  it('should add a service with what was filled in, empty contact fields as none', async () => {
    await open({ mode: 'create' });
    await (await input('name')).setValue('  CAW Waasland ');
    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: 'CAW' });
    await (await input('languages')).setValue('nl, FR ar');
    await (await channel(/blad dat de ouder meeneemt/)).check();

    await click('Dienst toevoegen');
    const request = http.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({
      name: 'CAW Waasland',
      kind: 'caw',
      phone: null,
      email: null,
      address: null,
      intakeNotes: '',
      languages: ['nl', 'fr', 'ar'],
      intakeChannels: ['printed_handover'],
    });
    request.flush(SAVED);
    await vi.waitFor(() => expect(closedWith).toEqual(SAVED));
    // Opening the select through its harness takes a few seconds when the machine is busy.
  }, 15_000);

  it('should say next to each field what to fix, and send nothing', async () => {
    await open({ mode: 'create' });
    await (await input('phone')).setValue('bel me');
    await (await input('email')).setValue('geen-adres');
    await (await input('languages')).setValue('Nederlands');

    await click('Dienst toevoegen');
    await settle();
    for (const words of [
      'Vul de naam in.',
      'Kies de soort dienst.',
      'Dit lijkt geen telefoonnummer.',
      'Dit lijkt geen e-mailadres.',
      'Gebruik taalcodes van 2 of 3 kleine letters',
      'Kies minstens één manier.',
    ]) {
      expect(dialogText()).toContain(words);
    }
    http.expectNone(URL);
    expect(closedWith).toBe('open');
  });

  it('should change a service and show the name the API says is taken next to the name', async () => {
    await open({ mode: 'edit', service: SAVED });
    expect(await (await input('name')).getValue()).toBe('CAW Waasland');
    expect(await (await channel(/blad dat de ouder meeneemt/)).isChecked()).toBe(true);
    await (await input('name')).setValue('CGG Waas');

    await click('Opslaan');
    const request = http.expectOne({ method: 'PATCH', url: `${URL}/s1` });
    expect(request.request.body).toMatchObject({ name: 'CGG Waas', kind: 'caw', intakeChannels: ['printed_handover'] });
    request.flush(...apiError(409, 'conflict', { fields: [{ field: 'name', code: 'taken', message: 'taken' }] }));
    await settle();

    expect(dialogText()).toContain('Er is al een dienst met deze naam');
    expect(closedWith).toBe('open');
  });

  it('should close with nothing when cancelled', async () => {
    await open({ mode: 'edit', service: SAVED });
    await click('Annuleren');
    await vi.waitFor(() => expect(closedWith).toBeUndefined());
  });
});

describe('parseLanguages', () => {
  it.each([
    ['nl, fr, ar', ['nl', 'fr', 'ar']],
    [' NL;fr  fr ', ['nl', 'fr']],
    ['', []],
  ])('should read %j as %j', (text, codes) => {
    expect(parseLanguages(text)).toEqual(codes);
  });
});
