import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import type { RegisterResponse } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { apiError, makeSession as makeStaffSession } from '../../../testing/staff';
import { makeSession } from '../../planning/testing/planning-factories';
import { answerDialog, dialogsClosed, expectPath, renderPlanningPage, settleDialogs, textOf } from '../../planning/testing/planning-page';
import { makeRegistration } from '../testing/registration-factories';
import { SessionRegistrationsPage } from './session-registrations-page';
import { useClockAt } from '../../../testing/clock';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

describe(SessionRegistrationsPage.name, () => {
  // Its dates are this year's and ahead of this clock, whatever day the tests run on.
  useClockAt('2026-11-28T12:00:00Z');

  let page: RenderedPage;

  async function open(
    options: { session?: ReturnType<typeof makeSession>; list?: ReturnType<typeof makeRegistration>[] } = {},
  ): Promise<void> {
    page = await renderPlanningPage(SessionRegistrationsPage, {
      path: 'inschrijvingen/bijeenkomst/:id',
      url: `/inschrijvingen/bijeenkomst/${ID}`,
      session: makeStaffSession(),
      wide: false,
    });
    expectPath(page, 'GET', `/api/v1/sessions/${ID}`).flush(
      options.session ?? makeSession({ capacity: 2, group: { id: 'g1', title: 'Babybabbels', kind: 'series' } }),
    );
    expectPath(page, 'GET', `/api/v1/sessions/${ID}/registrations`).flush(
      options.list ?? [
        makeRegistration({ name: 'Sara', needs: ['childcare', 'interpreter'], series: true }),
        makeRegistration({ name: 'Bo', status: 'offered', offerExpiresAt: '2026-12-08T12:00:00.000Z', phone: null }),
        makeRegistration({ name: 'Cas', status: 'waitlisted', waitlistPosition: 1, childrenComing: 0 }),
        makeRegistration({ name: 'Dina', status: 'cancelled' }),
      ],
    );
    await page.settle();
  }

  const card = (name: string) =>
    [...page.element.querySelectorAll('kr-registration-card')].find((c) => c.querySelector('h3')?.textContent?.trim() === name);

  afterEach(() => page.http.verify());

  it('should list who comes and who waits in order, with ages, needs, the code and a number to tap', async () => {
    await open();

    expect(textOf(page.element.querySelector('h1'))).toBe('Inschrijvingen');
    expect(textOf(page.element.querySelector('.summary'))).toContain('1 ingeschreven · 2 op de wachtlijst');
    expect(textOf(page.element.querySelector('.summary'))).toContain('2 van 2 plaatsen bezet');
    const sections = [...page.element.querySelectorAll('section')];
    expect(sections.map((s) => textOf(s.querySelector('h2')))).toEqual([
      'Ingeschreven (1)',
      'Wachtlijst (2)',
      'Uitgeschreven of deze keer niet (1)',
    ]);
    expect([...sections[1].querySelectorAll('h3')].map((h) => textOf(h))).toEqual(['Bo', 'Cas']);

    const sara = card('Sara') as Element;
    expect(textOf(sara)).toContain('ACD 379');
    expect(textOf(sara)).toContain('7 maanden');
    expect(textOf(sara)).toContain('1 kind komt mee');
    expect([...sara.querySelectorAll('.chip')].map((c) => textOf(c))).toEqual(['Ingeschreven', 'Hele reeks', 'Opvang', 'Tolk']);
    expect(sara.querySelector('a[href^="tel:"]')?.getAttribute('href')).toBe('tel:+32470123456');
    expect(textOf(card('Bo'))).toContain('Plaats aangeboden tot dinsdag 8 december om 13 uur');
    expect(textOf(card('Bo'))).toContain('Geen gsm-nummer of e-mail');
    expect(textOf(card('Cas'))).toContain('Nummer 1 op de wachtlijst');
    expect(page.element.querySelector('a[href$="/aanwezigheidslijst"]')).not.toBeNull();
    expect(page.element.querySelector('a[href="/inschrijvingen/groep/g1"]')).not.toBeNull();
  });

  it('should cancel a registration after a kind question, and say so', async () => {
    await open();
    const sara = await page.loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Sara uitschrijven"]' }));
    await sara.click();
    await settleDialogs(page);
    const dialog = await page.loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Sara uitschrijven?');
    await answerDialog(page.loader, 'Ja, uitschrijven');

    const request = expectPath(
      page,
      'POST',
      `/api/v1/registrations/${card('Sara')?.querySelector('article')?.getAttribute('aria-labelledby')?.slice(7)}/cancel`,
    );
    request.flush(null);
    await page.settle();
    expectPath(page, 'GET', `/api/v1/sessions/${ID}/registrations`).flush([]);
    await page.settle();
    expect(textOf(page.element.querySelector('[role="status"]'))).toBe('Sara is uitgeschreven. Een vrije plaats gaat naar de wachtlijst.');
  });

  it('should register a family by phone, show the API’s field error at the field, then the code and the waitlist place', async () => {
    await open({ list: [] });
    await page.press('Gezin inschrijven');
    await settleDialogs(page);
    expectPath(page, 'GET', '/api/v1/public/privacy-notice').flush({
      version: 'v1',
      locale: 'nl',
      summary: 'We bewaren je naam en nummer tot een maand na de groep.',
      text: '…',
    });
    await settleDialogs(page);
    const dialog = await page.loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Gezin inschrijven');
    expect(textOf(document.querySelector('mat-dialog-container'))).toContain('We bewaren je naam en nummer tot een maand na de groep.');

    // Nothing filled in: the name and how consent was given are asked, nothing is sent.
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Inschrijven' }))).click();
    expect(textOf(document.querySelector('mat-dialog-container'))).toContain('Vul een voornaam of roepnaam in.');
    expect(textOf(document.querySelector('mat-dialog-container'))).toContain('Kies hoe het gezin toestemming gaf.');

    await (await dialog.getHarness(MatInputHarness.with({ selector: '[formControlName=displayName]' }))).setValue('Yusuf');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[formControlName=phone]' }))).setValue('0470 12 34 56');
    await (await dialog.getHarness(MatRadioButtonHarness.with({ label: 'Aan de telefoon gegeven' }))).check();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Inschrijven' }))).click();
    const first = expectPath(page, 'POST', '/api/v1/registrations');
    expect(first.request.body).toEqual({
      sessionId: ID,
      displayName: 'Yusuf',
      phone: '0470 12 34 56',
      children: [],
      childrenComing: 0,
      needs: [],
      locale: 'nl',
      consentMethod: 'phone',
    });
    first.flush(...apiError(400, 'validation_failed', { fields: [{ field: 'phone', code: 'invalid', message: 'x' }] }));
    await settleDialogs(page);
    expect(textOf(document.querySelector('mat-dialog-container'))).toContain('Dit is geen gsm-nummer. Bijvoorbeeld 0470 12 34 56.');
    // Until the number changes, the form does not send it again.
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Inschrijven' }))).click();
    page.http.expectNone((r) => r.method === 'POST');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[formControlName=phone]' }))).setValue('0470 12 34 57');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Inschrijven' }))).click();
    const answer: RegisterResponse = {
      code: 'ACD379',
      manageUrl: 'https://kring.test/mijn-inschrijving?token=x',
      repeat: false,
      registrations: [
        {
          id: 'r9',
          sessionId: ID,
          group: { id: 'g1', title: 'Babybabbels' },
          startsAt: '2026-12-08T08:30:00.000Z',
          endsAt: '2026-12-08T10:00:00.000Z',
          place: { name: 'Huis', street: 'Straat 1', city: 'Sint-Niklaas' },
          status: 'waitlisted',
          waitlistPosition: 2,
          offerExpiresAt: null,
          series: false,
          comeAfterAll: null,
        },
      ],
    };
    expectPath(page, 'POST', '/api/v1/registrations').flush(answer);
    await settleDialogs(page);
    const text = textOf(document.querySelector('mat-dialog-container'));
    expect(text).toContain('ACD 379');
    expect(text).toContain('De bijeenkomst is vol. Het gezin staat op de wachtlijst, als nummer 2.');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Klaar' }))).click();
    await dialogsClosed();
    await page.settle();
    expectPath(page, 'GET', `/api/v1/sessions/${ID}/registrations`).flush([
      makeRegistration({ name: 'Yusuf', status: 'waitlisted', waitlistPosition: 2 }),
    ]);
    await page.settle();
    expect(card('Yusuf')).toBeDefined();
  });

  it('should take back “not this week” and say plainly that the family is on the waitlist, as which number', async () => {
    const eva = makeRegistration({ name: 'Eva', status: 'skipped' });
    await open({ list: [makeRegistration({ name: 'Sara' }), eva] });
    const gone = page.element.querySelector('.gone') as Element;
    expect(textOf(gone)).toContain('Eva Deze keer niet');

    await (await page.loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Eva komt toch"]' }))).click();
    expectPath(page, 'POST', `/api/v1/registrations/${eva.id}/unskip`).flush([
      makeRegistration({ name: 'Sara' }),
      { ...eva, status: 'waitlisted', waitlistPosition: 3 },
    ]);
    await page.settle();

    expect(textOf(page.element.querySelector('[role="status"]'))).toBe(
      'Eva komt toch. De bijeenkomst is vol: het gezin staat op de wachtlijst, als nummer 3.',
    );
    expect(textOf(card('Eva'))).toContain('Nummer 3 op de wachtlijst');
    expect(page.element.querySelector('.gone')).toBeNull();
  });

  it('should say so when the family got its seat back', async () => {
    const eva = makeRegistration({ name: 'Eva', status: 'skipped' });
    await open({ list: [eva] });
    await (await page.loader.getHarness(MatButtonHarness.with({ text: 'Komt toch' }))).click();
    expectPath(page, 'POST', `/api/v1/registrations/${eva.id}/unskip`).flush([{ ...eva, status: 'confirmed' }]);
    await page.settle();
    expect(textOf(page.element.querySelector('[role="status"]'))).toBe('Eva komt toch. Er was nog plaats: het gezin is weer ingeschreven.');
  });

  it('should explain kindly when the date can no longer change or the registration is gone, and load the list again', async () => {
    const eva = makeRegistration({ name: 'Eva', status: 'skipped' });
    await open({ list: [eva] });
    await (await page.loader.getHarness(MatButtonHarness.with({ text: 'Komt toch' }))).click();
    expectPath(page, 'POST', `/api/v1/registrations/${eva.id}/unskip`).flush(...apiError(409, 'conflict'));
    await page.settle();
    expect(textOf(page.element.querySelector('[role="alert"]'))).toContain('Dit kan niet meer veranderen.');
    expectPath(page, 'GET', `/api/v1/sessions/${ID}/registrations`).flush([eva]);
    await page.settle();

    await (await page.loader.getHarness(MatButtonHarness.with({ text: 'Komt toch' }))).click();
    expectPath(page, 'POST', `/api/v1/registrations/${eva.id}/unskip`).flush(...apiError(404, 'not_found'));
    await page.settle();
    expect(textOf(page.element.querySelector('[role="alert"]'))).toBe(
      'We vinden deze inschrijving niet meer in jouw groepen. We laden de lijst opnieuw.',
    );
    expectPath(page, 'GET', `/api/v1/sessions/${ID}/registrations`).flush([]);
    await page.settle();
  });

  it('should only read the list of a session that has passed', async () => {
    await open({ session: makeSession({ startsAt: '2026-12-01T08:30:00.000Z', endsAt: '2026-12-01T10:00:00.000Z' }) });
    expect(page.element.textContent).not.toContain('Gezin inschrijven');
    expect(page.element.querySelector('[aria-label="Sara uitschrijven"]')).toBeNull();
    expect(page.element.textContent).not.toContain('Komt toch');
    expect(page.element.querySelector('a[href$="/aanwezigheidslijst"]')).not.toBeNull();
  });
});
