import type { RenderedPage } from '../../../testing/pages';
import { makeSession as makeStaffSession } from '../../../testing/staff';
import { makeSession } from '../../planning/testing/planning-factories';
import { expectPath, renderPlanningPage, textOf } from '../../planning/testing/planning-page';
import { makeRegistration } from '../testing/registration-factories';
import { SignInSheetPage, WALK_IN_ROWS } from './sign-in-sheet-page';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

describe(SignInSheetPage.name, () => {
  let page: RenderedPage;

  beforeEach(async () => {
    page = await renderPlanningPage(SignInSheetPage, {
      path: 'inschrijvingen/bijeenkomst/:id/aanwezigheidslijst',
      url: `/inschrijvingen/bijeenkomst/${ID}/aanwezigheidslijst`,
      session: makeStaffSession(),
    });
    expectPath(page, 'GET', `/api/v1/sessions/${ID}`).flush(makeSession({ group: { id: 'g1', title: 'Babybabbels', kind: 'series' } }));
    expectPath(page, 'GET', `/api/v1/sessions/${ID}/registrations`).flush([
      makeRegistration({ name: 'Zoë', childrenComing: 2, needs: ['childcare', 'interpreter'] }),
      makeRegistration({ name: 'Amal', childrenComing: 0, phone: '+32470999999' }),
      makeRegistration({ name: 'Wachtend', status: 'waitlisted', waitlistPosition: 1 }),
    ]);
    await page.settle();
  });
  afterEach(() => {
    page.http.verify();
  });

  it('should print the session, the families with a seat by name, the children, childcare and empty lines, and nothing more', () => {
    const sheet = page.element.querySelector('.print-area') as Element;
    expect(textOf(sheet.querySelector('h1'))).toBe('Aanwezigheidslijst: Babybabbels');
    expect(textOf(sheet)).toContain('dinsdag 8 december, 9.30 tot 11 uur');
    expect(textOf(sheet)).toContain('Huis van het Kind Sint-Niklaas · Grote zaal');
    const rows = [...sheet.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => textOf(td)));
    expect(rows.slice(0, 2)).toEqual([
      ['Amal', '0', '', ''],
      ['Zoë', '2', 'ja', ''],
    ]);
    expect(rows.slice(2)).toEqual(Array.from({ length: WALK_IN_ROWS }, () => ['', '', '', '']));
    expect(textOf(sheet)).not.toContain('+32');
    expect(textOf(sheet)).not.toContain('Tolk');
    expect(textOf(sheet)).not.toContain('Wachtend');
  });

  it('should print only the sheet, with the browser’s print command too', async () => {
    expect(document.body.classList.contains('printing-part')).toBe(true);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await page.press('Afdrukken');
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});
