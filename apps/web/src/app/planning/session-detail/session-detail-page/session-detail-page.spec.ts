import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import type { SessionView } from '@kring/domain';
import type { RenderedPage } from '../../../../testing/pages';
import { apiError, makeSession as makeStaffSession } from '../../../../testing/staff';
import { GITA, OMAR, makePlace, makeSession } from '../../testing/planning-factories';
import { answerDialog, expectPath, renderPlanningPage, textOf } from '../../testing/planning-page';
import { SessionDetailPage } from './session-detail-page';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const SESSION = `/api/v1/sessions/${ID}`;

describe(SessionDetailPage.name, () => {
  let page: RenderedPage;

  async function open(session: SessionView = makeSession()): Promise<void> {
    page = await renderPlanningPage(SessionDetailPage, {
      path: 'planning/bijeenkomst/:id',
      url: `/planning/bijeenkomst/${ID}`,
      session: makeStaffSession(),
    });
    const request = expectPath(page, 'GET', SESSION);
    expect(request.request.params.get('locale')).toBe('nl');
    request.flush(session);
    await page.settle();
  }

  async function startEditing(): Promise<void> {
    await page.press('Aanpassen');
    expectPath(page, 'GET', '/api/v1/locations').flush([makePlace()]);
    expectPath(page, 'GET', '/api/v1/staff/facilitators').flush([GITA, OMAR]);
    await page.settle();
  }

  const input = (name: string) => page.loader.getHarness(MatInputHarness.with({ selector: `[formControlName=${name}]` }));
  const press = async (text: string) => (await page.loader.getHarness(MatButtonHarness.with({ text }))).click();

  afterEach(() => page.http.verify());

  it('should show every fact of the session, with what was changed by hand', async () => {
    await open(makeSession({ capacity: 12, editedFields: ['time', 'room'] }));

    expect(textOf(page.element.querySelector('h1'))).toBe('Inloopmoment');
    const facts = Object.fromEntries([...page.element.querySelectorAll('dt')].map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]));
    expect(facts).toEqual({
      Wanneer: 'dinsdag 8 december, 9.30 tot 11 uur',
      Groep: 'Inloopmoment Inloop',
      Waar: 'Huis van het Kind Sint-Niklaas · Grote zaal',
      Plaatsen: '12 gezinnen',
      Begeleiding: 'Gita Peeters',
      Status: 'Gepland',
      'Apart aangepast': expect.stringContaining('Verandert het ritme van de groep, dan blijft dit zoals het is.'),
    });
    expect([...page.element.querySelectorAll('dd li')].map((li) => textOf(li))).toEqual(['Tijd', 'Lokaal']);
    expect(page.element.querySelector('dl a')?.getAttribute('href')).toMatch(/^\/planning\/groepen\//);
  });

  it('should change this and the following sessions, sending only what changed', async () => {
    await open();
    await startEditing();
    await (await input('startTime')).setValue('10:00');
    await (await input('endTime')).setValue('11:30');
    await (await page.loader.getHarness(MatRadioButtonHarness.with({ label: /Deze en de volgende/ }))).check();

    await press('Wijzigingen bewaren');
    const request = expectPath(page, 'PATCH', SESSION);
    expect(request.request.body).toEqual({ scope: 'following', start: '2026-12-08T10:00' });
    request.flush(makeSession({ startsAt: '2026-12-08T09:00:00.000Z', endsAt: '2026-12-08T10:30:00.000Z' }));
    await page.settle();

    expect(textOf(page.element.querySelector('[role="status"]'))).toBe('De bijeenkomst is aangepast.');
    expect(textOf(page.element.querySelector('.page-lead'))).toBe('dinsdag 8 december, 10 tot 11.30 uur');
  });

  it('should not move this and the following sessions to another day here', async () => {
    await open();
    await startEditing();
    await (await input('date')).setValue('2026-12-09');
    await (await page.loader.getHarness(MatRadioButtonHarness.with({ label: /Deze en de volgende/ }))).check();

    await press('Wijzigingen bewaren');
    await page.settle();

    const date = await page.loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Datum' }));
    expect((await date.getTextErrors())[0]).toContain('Pas dan het ritme van de groep aan.');
    page.http.expectNone(SESSION);
  });

  it('should say at the date when the new start has already passed', async () => {
    await open();
    await startEditing();
    await (await input('date')).setValue('2026-12-01');

    await press('Wijzigingen bewaren');
    expectPath(page, 'PATCH', SESSION).flush(
      ...apiError(400, 'validation_failed', { fields: [{ field: 'start', code: 'invalid', message: 'x', reason: 'in_past' }] }),
    );
    await page.settle();

    const date = await page.loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Datum' }));
    expect(await date.getTextErrors()).toEqual(['Dit moment is al voorbij. Kies een dag en uur die nog moeten komen.']);
    expect(textOf(page.element.querySelector('kr-session-edit-form'))).toContain(
      'Gezinnen die ingeschreven zijn, krijgen een bericht als het uur of de plaats verandert',
    );
  });

  it('should move one session to another room after showing the double booking', async () => {
    await open();
    await startEditing();
    await (await input('capacity')).setValue('8');
    await press('Wijzigingen bewaren');
    expectPath(page, 'PATCH', SESSION).flush(
      {
        code: 'scheduling_conflict',
        message: 'x',
        conflicts: [
          {
            kind: 'room',
            at: '2026-12-08T08:30:00.000Z',
            clash: { sessionId: 's2', groupTitle: 'Babybabbels', startsAt: '2026-12-08T09:00:00.000Z', endsAt: '2026-12-08T10:30:00.000Z' },
            room: { id: 'r', name: 'Grote zaal' },
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await page.settle();
    expect(textOf(document.querySelector('mat-dialog-container'))).toContain('Lokaal Grote zaal is dan al in gebruik door Babybabbels');

    await answerDialog(page.loader, 'Terug en aanpassen');
    page.http.expectNone(SESSION);
    expect(page.element.querySelector('kr-session-edit-form')).not.toBeNull();
  });

  it('should cancel with a reason, after saying that families will be told', async () => {
    await open();
    await press('Bijeenkomst annuleren');
    await page.settle();
    expect(textOf(document.querySelector('mat-dialog-container'))).toContain('krijgen een bericht met deze reden');

    const dialogSave = await page.loader.getHarness(
      MatButtonHarness.with({ text: 'Bijeenkomst annuleren', ancestor: 'mat-dialog-container' }),
    );
    await dialogSave.click();
    const reason = await page.loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Waarom gaat de bijeenkomst niet door?' }));
    expect(await reason.getTextErrors()).toEqual(['Schrijf kort waarom de bijeenkomst niet doorgaat.']);

    await (
      await page.loader.getHarness(MatInputHarness.with({ selector: 'mat-dialog-container textarea' }))
    ).setValue('De begeleider is ziek.');
    await answerDialog(page.loader, 'Bijeenkomst annuleren');
    const request = expectPath(page, 'POST', `${SESSION}/cancel`);
    expect(request.request.body).toEqual({ reason: 'De begeleider is ziek.' });
    request.flush(makeSession({ status: 'cancelled', cancellationReason: 'De begeleider is ziek.', canEdit: false }));
    await page.settle();

    expect(textOf(page.element)).toContain('De bijeenkomst is geannuleerd. Ingeschreven gezinnen krijgen een bericht.');
    expect(textOf(page.element)).toContain('Reden: De begeleider is ziek.');
    expect(await page.loader.getAllHarnesses(MatButtonHarness.with({ text: 'Aanpassen' }))).toHaveLength(0);
  });

  it('should let others look at a session without changing it', async () => {
    await open(makeSession({ canEdit: false }));
    expect(textOf(page.element)).toContain('Je kan deze bijeenkomst bekijken.');
    expect(await page.loader.getAllHarnesses(MatButtonHarness.with({ text: 'Aanpassen' }))).toHaveLength(0);
  });

  it('should say kindly when the session cannot be found', async () => {
    page = await renderPlanningPage(SessionDetailPage, {
      path: 'planning/bijeenkomst/:id',
      url: `/planning/bijeenkomst/${ID}`,
      session: makeStaffSession(),
    });
    expectPath(page, 'GET', SESSION).flush(...apiError(404, 'not_found'));
    await page.settle();

    expect(textOf(page.element.querySelector('[role="alert"]'))).toContain('We vinden dit niet (meer).');
  });
});
