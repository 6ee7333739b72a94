import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { RenderedPage } from '../../../../testing/pages';
import { apiError, makeAdminSession } from '../../../../testing/staff';
import { PLACE_ID, makePlace, makeRoom } from '../../testing/planning-factories';
import { expectPath, renderPlanningPage, textOf } from '../../testing/planning-page';
import { PlacesPage } from './places-page';

const LOCATIONS = '/api/v1/locations';

describe(PlacesPage.name, () => {
  let page: RenderedPage;

  beforeEach(async () => {
    page = await renderPlanningPage(PlacesPage, { path: 'planning/plaatsen', url: '/planning/plaatsen', session: makeAdminSession() });
    expectPath(page, 'GET', LOCATIONS).flush([
      makePlace({ id: 'old', name: 'Oude school', active: false, rooms: [] }),
      makePlace({ rooms: [makeRoom(), makeRoom({ id: 'r2', name: 'Keuken', capacity: null, active: false })] }),
    ]);
    await page.settle();
  });

  afterEach(() => page.http.verify());

  const dialog = () => textOf(document.querySelector('mat-dialog-container'));
  const dialogInput = (name: string) =>
    page.loader.getHarness(MatInputHarness.with({ ancestor: 'mat-dialog-container', selector: `[formControlName=${name}]` }));
  const pressInDialog = async (text: string) => {
    [...document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')].find((b) => textOf(b) === text)?.click();
    await page.settle();
  };

  it('should list the places in use first, each with its address, notes and rooms', async () => {
    const places = [...page.element.querySelectorAll('.place')];

    expect(places.map((p) => textOf(p.querySelector('h2')))).toEqual(['Huis van het Kind Sint-Niklaas', 'Oude school']);
    expect(textOf(places[0])).toContain('Kalkstraat 1, 9100 Sint-Niklaas');
    expect(textOf(places[0])).toContain('Ingang zonder trappen aan de zijkant.');
    expect([...places[0].querySelectorAll('.room__text')].map((r) => textOf(r))).toEqual([
      'Grote zaal Voor 20 personen',
      'Keuken Geen maximum · Niet in gebruik',
    ]);
    expect(textOf(places[1])).toContain('Niet in gebruik');
    expect(textOf(places[1])).toContain('Nog geen lokalen.');
  });

  it('should add a place and show it in the list', async () => {
    await page.press('Nieuwe plaats');
    expect(dialog()).toContain('Nieuwe plaats');
    await pressInDialog('Opslaan');
    const errors = (
      await Promise.all(
        (await page.loader.getAllHarnesses(MatFormFieldHarness.with({ ancestor: 'mat-dialog-container' }))).map((f) => f.getTextErrors()),
      )
    ).flat();
    expect(errors).toEqual([
      'Geef de plaats een naam.',
      'Vul de straat en het huisnummer in.',
      'Vul de postcode in.',
      'Vul de gemeente in.',
    ]);

    await (await dialogInput('name')).setValue('Huis van het Kind Temse');
    await (await dialogInput('street')).setValue('Markt 3');
    await (await dialogInput('postalCode')).setValue('9140');
    await (await dialogInput('city')).setValue('Temse');
    await pressInDialog('Opslaan');
    const request = expectPath(page, 'POST', LOCATIONS);
    expect(request.request.body).toEqual({
      name: 'Huis van het Kind Temse',
      street: 'Markt 3',
      postalCode: '9140',
      city: 'Temse',
      accessibilityNotes: '',
      active: true,
    });
    request.flush(makePlace({ id: 'temse', name: 'Huis van het Kind Temse', rooms: [] }));
    await vi.waitFor(() => expect(document.querySelector('mat-dialog-container')).toBeNull());
    await page.settle();

    expect(textOf(page.element.querySelector('[role="status"]'))).toBe('De plaats is toegevoegd.');
    expect([...page.element.querySelectorAll('.place h2')].map((h) => textOf(h))).toContain('Huis van het Kind Temse');
  });

  it('should say at the name when the place already has a room with that name', async () => {
    (page.element.querySelector('button[aria-label="Lokaal toevoegen aan Huis van het Kind Sint-Niklaas"]') as HTMLButtonElement).click();
    await page.settle();
    expect(dialog()).toContain('Nieuw lokaal in Huis van het Kind Sint-Niklaas');
    await (await dialogInput('name')).setValue('Grote zaal');
    await (await dialogInput('capacity')).setValue('12');

    await pressInDialog('Opslaan');
    const request = expectPath(page, 'POST', `${LOCATIONS}/${PLACE_ID}/rooms`);
    expect(request.request.body).toEqual({ name: 'Grote zaal', capacity: 12, accessibilityNotes: '', active: true });
    request.flush(...apiError(409, 'conflict', { fields: [{ field: 'name', code: 'taken', message: 'x' }] }));
    await page.settle();

    const [name] = await page.loader.getAllHarnesses(MatFormFieldHarness.with({ ancestor: 'mat-dialog-container' }));
    expect(await name.getTextErrors()).toEqual(['Deze plaats heeft al een lokaal met deze naam. Kies een andere naam.']);
    await pressInDialog('Annuleren');
  });

  it('should change a room and keep the list up to date', async () => {
    (page.element.querySelector('button[aria-label="Lokaal Grote zaal aanpassen"]') as HTMLButtonElement).click();
    await page.settle();
    expect(await (await dialogInput('name')).getValue()).toBe('Grote zaal');
    await (await dialogInput('capacity')).setValue('25');

    await pressInDialog('Opslaan');
    const request = expectPath(page, 'PATCH', `${LOCATIONS}/${PLACE_ID}/rooms/${makeRoom().id}`);
    expect(request.request.body.capacity).toBe(25);
    request.flush(makePlace({ rooms: [makeRoom({ capacity: 25 })] }));
    await vi.waitFor(() => expect(document.querySelector('mat-dialog-container')).toBeNull());
    await page.settle();

    expect(textOf(page.element.querySelector('.room__text'))).toBe('Grote zaal Voor 25 personen');
  });
});
