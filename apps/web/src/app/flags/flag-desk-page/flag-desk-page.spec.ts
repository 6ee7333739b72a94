import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError, makeSession } from '../../../testing/staff';
import { useClockAt } from '../../../testing/clock';
import { CANARY, FLAG_ID, browserStorageText, makeFlagDetail, makeFlagSummary } from '../flags-testing';
import { FlagDeskPage } from './flag-desk-page';

const OPEN = `/api/v1/flags/${FLAG_ID}/open`;

describe(FlagDeskPage.name, () => {
  let page: RenderedPage;
  useClockAt('2026-11-28T09:30:00.000Z');

  async function open(): Promise<void> {
    page = await renderPage(FlagDeskPage, {
      path: 'signalen/:flagId',
      url: `/signalen/${FLAG_ID}`,
      session: makeSession({ user: { roles: ['coordinator'] }, twoFactor: { enrolled: true, required: true } }),
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    (await vi.waitFor(() => page.http.expectOne((r) => r.url === '/api/v1/flags'))).flush([makeFlagSummary()]);
    await page.settle();
  }

  afterEach(() => page.http.verify());
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';
  async function choosePurpose(label: string): Promise<void> {
    const radio = [...page.element.querySelectorAll<HTMLElement>('mat-radio-button')].find((r) => r.textContent?.includes(label));
    radio?.querySelector('input')?.click();
    await page.settle();
  }
  function type(selector: string, value: string, root: ParentNode = document): void {
    const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) throw new Error(`no ${selector}`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  it('should show what the flag is about without its text, and open the text only with a purpose', async () => {
    await open();
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Ana');
    expect(text()).toContain('Hechting en contact · Graag bespreken · Nieuw');
    expect(text()).toContain('Gita Peeters');
    expect(text()).toContain('Waarom open je de tekst?');

    await page.press('Tekst openen');
    expect(text()).toContain('Kies waarom je de tekst opent.');
    page.http.expectNone(OPEN);

    await choosePurpose('Een andere reden');
    await page.press('Tekst openen');
    expect(text()).toContain('Schrijf kort welke reden.');
    type('input[formcontrolname="purposeNote"]', 'Overleg met de CLB');
    await choosePurpose('Om te bekijken wat er nodig is');
    await page.press('Tekst openen');
    const request = page.http.expectOne(OPEN);
    expect(request.request.body).toEqual({ purpose: 'triage' });
    request.flush(makeFlagDetail({ fact: `Wat ik zag ${CANARY}`, interpretation: `Wat ik denk ${CANARY}` }));
    await page.settle();

    const fact = page.element.querySelector('.part--fact');
    const interpretation = page.element.querySelector('.part--interpretation');
    expect(fact?.textContent).toContain('Wat je zag of hoorde');
    expect(fact?.textContent).toContain(`Wat ik zag ${CANARY}`);
    expect(fact?.textContent).not.toContain('Wat ik denk');
    expect(interpretation?.textContent).toContain('Een gedachte van wie het noteerde, geen feit.');
    expect(text()).toContain('Ze komt elke week, ook bij regen.');
    expect(text()).toContain('Ik wil dat hij beter slaapt.');
    expect(await browserStorageText()).not.toContain(CANARY);

    await page.press('Tekst verbergen');
    expect(text()).not.toContain(CANARY);
  });

  it('should ask for a fresh code when the API wants one, then open with the same purpose', async () => {
    await open();
    await choosePurpose('Om op te volgen');
    await page.press('Tekst openen');
    page.http.expectOne(OPEN).flush(...apiError(403, 'step_up_required'));
    await page.settle();

    const dialog = await page.loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Bevestig met een code');
    type('input[formcontrolname="code"]', '123456');
    await page.press('Bevestigen');
    const stepUp = page.http.expectOne('/api/v1/auth/step-up');
    expect(stepUp.request.body).toEqual({ code: '123456' });
    stepUp.flush({ validUntil: '2026-11-28T09:45:00.000Z' });
    await page.settle();

    const again = await vi.waitFor(() => page.http.expectOne(OPEN));
    expect(again.request.body).toEqual({ purpose: 'follow_up' });
    again.flush(makeFlagDetail());
    await page.settle();
    expect(text()).toContain('Mama hield de baby');
  });

  it('should say a wrong code next to the field, and open nothing when the dialog is closed', async () => {
    await open();
    await choosePurpose('Om op te volgen');
    await page.press('Tekst openen');
    page.http.expectOne(OPEN).flush(...apiError(403, 'step_up_required'));
    await page.settle();
    type('input[formcontrolname="code"]', '000000');
    await page.press('Bevestigen');
    page.http.expectOne('/api/v1/auth/step-up').flush(...apiError(401, 'invalid_two_factor_code'));
    await page.settle();
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain('Die code klopt niet');
    await page.press('Annuleren');
    page.http.expectNone(OPEN);
    expect(text()).not.toContain('Mama hield de baby');
  });

  it('should close a flag with a reason from the list and a short rationale', async () => {
    await open();
    await page.press('Status wijzigen');
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(dialog.textContent).toContain('Wat is de nieuwe stand van zaken?');
    await page.press('Bewaren');
    expect(dialog.textContent).toContain('Kies de nieuwe stand van zaken.');

    const radio = (label: string) =>
      [...dialog.querySelectorAll<HTMLElement>('mat-radio-button')].find((r) => r.textContent?.trim() === label)?.querySelector('input');
    radio('Afsluiten')?.click();
    await page.settle();
    await page.press('Bewaren');
    expect(dialog.textContent).toContain('Schrijf een korte uitleg.');
    type('textarea[formcontrolname="rationale"]', 'Gesprek gehad, mama gaat naar de babyconsult.', dialog);
    await page.press('Bewaren');
    expect(dialog.textContent).toContain('Kies waarom je afsluit.');
    radio('Er is steun voor het gezin')?.click();
    await page.settle();
    await page.press('Bewaren');

    const request = page.http.expectOne(`/api/v1/flags/${FLAG_ID}/transitions`);
    expect(request.request.body).toEqual({
      to: 'closed',
      rationale: 'Gesprek gehad, mama gaat naar de babyconsult.',
      reviewBy: undefined,
      closeReason: 'support_in_place',
    });
    request.flush({});
    await page.settle();
    (await vi.waitFor(() => page.http.expectOne((r) => r.url === '/api/v1/flags'))).flush([
      makeFlagSummary({ status: 'closed', closeReason: 'support_in_place' }),
    ]);
    await page.settle();
    expect(text()).toContain('Afgesloten');
    expect(text()).toContain('Er is steun voor het gezin');
  });

  it('should ask a review date when the flag is followed up', async () => {
    await open();
    await page.press('Status wijzigen');
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    [...dialog.querySelectorAll<HTMLElement>('mat-radio-button')]
      .find((r) => r.textContent?.includes('Opvolgen'))
      ?.querySelector('input')
      ?.click();
    await page.settle();
    const date = dialog.querySelector<HTMLInputElement>('input[type="date"]');
    expect(date?.value).toBe('2026-12-12');
    type('input[type="date"]', '2026-12-20', dialog);
    type('textarea[formcontrolname="rationale"]', 'We kijken na de kerstvakantie opnieuw.', dialog);
    await page.press('Bewaren');
    const request = page.http.expectOne(`/api/v1/flags/${FLAG_ID}/transitions`);
    expect(request.request.body).toMatchObject({ to: 'watchful_waiting', reviewBy: '2026-12-20' });
    request.flush({});
    await page.settle();
    (await vi.waitFor(() => page.http.expectOne((r) => r.url === '/api/v1/flags'))).flush([
      makeFlagSummary({ status: 'watchful_waiting' }),
    ]);
    await page.settle();
  });

  it('should confirm that the concern still holds, with a reason, so the twelve months start again', async () => {
    await open();
    await page.press('Nog steeds nodig');
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(dialog.textContent).toContain('sluit vanzelf en de tekst wordt gewist');
    await page.press('Bevestigen');
    expect(dialog.textContent).toContain('Schrijf kort waarom.');
    page.http.expectNone(`/api/v1/flags/${FLAG_ID}/reconfirm`);
    type('textarea[formcontrolname="reason"]', 'Mama vroeg zelf om verder te kijken.', dialog);
    await page.press('Bevestigen');
    const request = page.http.expectOne(`/api/v1/flags/${FLAG_ID}/reconfirm`);
    expect(request.request.body).toEqual({ reason: 'Mama vroeg zelf om verder te kijken.', reviewBy: undefined });
    request.flush({});
    await page.settle();
    (await vi.waitFor(() => page.http.expectOne((r) => r.url === '/api/v1/flags'))).flush([makeFlagSummary()]);
    await page.settle();
    expect(document.querySelector('mat-dialog-container')).toBeNull();
  });
});
