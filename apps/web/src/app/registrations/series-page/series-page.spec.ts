import { MatButtonHarness } from '@angular/material/button/testing';
import type { RenderedPage } from '../../../testing/pages';
import { apiError, makeSession as makeStaffSession } from '../../../testing/staff';
import { answerDialog, expectPath, renderPlanningPage, settleDialogs, textOf } from '../../planning/testing/planning-page';
import { makeEnrolment, makeEnrolments, makeRegistration } from '../testing/registration-factories';
import { SeriesPage } from './series-page';

const GROUP = 'c1c1c1c1-0000-4000-8000-000000000001';

describe(SeriesPage.name, () => {
  let page: RenderedPage;

  async function open(view = makeEnrolments()): Promise<void> {
    page = await renderPlanningPage(SeriesPage, {
      path: 'inschrijvingen/groep/:id',
      url: `/inschrijvingen/groep/${GROUP}`,
      session: makeStaffSession(),
      wide: false,
    });
    const request = expectPath(page, 'GET', `/api/v1/groups/${GROUP}/enrolments`);
    expect(request.request.params.get('locale')).toBe('nl');
    request.flush(view);
    await page.settle();
  }

  afterEach(() => page.http.verify());

  it('should list each series family with its code, needs and coming dates', async () => {
    await open();
    expect(textOf(page.element.querySelector('.page-lead'))).toBe(
      'Wie voor de hele reeks van Babybabbels ingeschreven is, met de volgende data.',
    );
    expect(textOf(page.element.querySelector('.summary'))).toBe('1 gezin');
    const card = page.element.querySelector('article') as Element;
    expect(textOf(card.querySelector('h2'))).toBe('Eli');
    expect(textOf(card)).toContain('HJK 467');
    expect(textOf(card)).toContain('Opvang');
    expect(textOf(card)).toContain('Ingeschreven op maandag 2 november');
    expect([...card.querySelectorAll('.date')].map((d) => textOf(d))).toEqual([
      'dinsdag 15 december, 9.30 tot 11 uur Ingeschreven',
      'dinsdag 22 december, 9.30 tot 11 uur Deze keer niet Komt toch',
    ]);
    expect(card.querySelector('.date a')?.getAttribute('href')).toBe('/inschrijvingen/bijeenkomst/s1');
    expect(card.querySelector('a[href^="tel:"]')?.getAttribute('href')).toBe('tel:+32470556677');
  });

  it('should stop a family’s series after a kind question', async () => {
    await open();
    await (await page.loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="De reeks stoppen voor Eli"]' }))).click();
    await settleDialogs(page);
    await answerDialog(page.loader, 'Ja, reeks stoppen');
    expectPath(page, 'POST', `/api/v1/enrolments/${makeEnrolment().id}/stop`).flush(null);
    await page.settle();
    expectPath(page, 'GET', `/api/v1/groups/${GROUP}/enrolments`).flush(makeEnrolments({ enrolments: [] }));
    await page.settle();
    expect(textOf(page.element.querySelector('[role="status"]'))).toBe('De reeks is gestopt voor Eli. We sturen het gezin een bericht.');
    expect(textOf(page.element)).toContain('Nog geen gezinnen voor de hele reeks ingeschreven.');
  });

  it('should take back a skipped date and say whether the family got its seat back', async () => {
    await open();
    await (
      await page.loader.getHarness(
        MatButtonHarness.with({ selector: '[aria-label="Eli komt toch op dinsdag 22 december, 9.30 tot 11 uur"]' }),
      )
    ).click();
    expectPath(page, 'POST', '/api/v1/registrations/r2/unskip').flush([makeRegistration({ id: 'r2', name: 'Eli', status: 'confirmed' })]);
    await page.settle();
    expectPath(page, 'GET', `/api/v1/groups/${GROUP}/enrolments`).flush(makeEnrolments());
    await page.settle();
    expect(textOf(page.element.querySelector('[role="status"]'))).toBe('Eli komt toch. Er was nog plaats: het gezin is weer ingeschreven.');
  });

  it('should explain kindly when a skipped date can no longer change', async () => {
    await open();
    await (await page.loader.getHarness(MatButtonHarness.with({ text: 'Komt toch' }))).click();
    expectPath(page, 'POST', '/api/v1/registrations/r2/unskip').flush(...apiError(409, 'conflict'));
    await page.settle();
    expectPath(page, 'GET', `/api/v1/groups/${GROUP}/enrolments`).flush(makeEnrolments());
    await page.settle();
    expect(textOf(page.element.querySelector('[role="alert"]'))).toContain('Dit kan niet meer veranderen.');
  });
});
