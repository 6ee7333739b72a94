import { MatInputHarness } from '@angular/material/input/testing';
import type { RenderedPage } from '../../../testing/pages';
import { apiError, makeSession as makeStaffSession } from '../../../testing/staff';
import { expectPath, renderPlanningPage, textOf } from '../../planning/testing/planning-page';
import { FindByCodePage } from './find-by-code-page';

describe(FindByCodePage.name, () => {
  let page: RenderedPage;

  beforeEach(async () => {
    page = await renderPlanningPage(FindByCodePage, {
      path: 'inschrijvingen',
      url: '/inschrijvingen',
      session: makeStaffSession(),
      wide: false,
    });
  });
  afterEach(() => page.http.verify());

  const type = async (text: string) => (await page.loader.getHarness(MatInputHarness)).setValue(text);

  it('should find a family by its code typed in small letters with a space, and lead to its sessions', async () => {
    await type('acd 379');
    await page.press('Zoeken');
    const request = expectPath(page, 'GET', '/api/v1/registrations/by-code/ACD379');
    request.flush({
      familyId: 'f1',
      displayName: 'Sara',
      registrations: [
        {
          id: 'r1',
          sessionId: 's1',
          status: 'confirmed',
          startsAt: '2026-12-15T08:30:00.000Z',
          endsAt: '2026-12-15T10:00:00.000Z',
          group: { id: 'g1', title: 'Babybabbels' },
        },
      ],
    });
    await page.settle();
    expect(textOf(page.element.querySelector('h2'))).toBe('Gevonden: Sara');
    const link = page.element.querySelector('.item') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/inschrijvingen/bijeenkomst/s1');
    expect(textOf(link)).toBe('Babybabbels dinsdag 15 december, 9.30 tot 11 uur Ingeschreven');
  });

  it('should not ask the server for a code with look-alike characters, and say what a code looks like', async () => {
    await type('ACD 370');
    await page.press('Zoeken');
    page.http.expectNone(() => true);
    expect(textOf(page.element)).toContain('Een code heeft zes tekens');
  });

  it('should say kindly when no family in my groups has the code', async () => {
    await type('ACD379');
    await page.press('Zoeken');
    expectPath(page, 'GET', '/api/v1/registrations/by-code/ACD379').flush(...apiError(404, 'not_found'));
    await page.settle();
    expect(textOf(page.element.querySelector('[role="alert"]'))).toBe('Geen gezin met deze code in jouw groepen. Kijk de code even na.');
  });
});
