import { renderPage } from '../../../testing/pages';
import { makeAdminSession, makeSession } from '../../../testing/staff';
import { NoAccessPage } from './no-access-page';

describe(NoAccessPage.name, () => {
  it('should say kindly that the page is for another role and lead to the person’s own start page', async () => {
    const page = await renderPage(NoAccessPage, { path: 'geen-toegang', url: '/geen-toegang', session: makeSession() });

    expect(page.element.querySelector('h1')?.textContent).toBe('Deze pagina is niet voor jou');
    expect(page.element.textContent).toContain('Er is niets misgegaan.');
    expect(page.element.querySelector('a')?.getAttribute('href')).toBe('/mijn-groepen');
  });

  it('should lead an admin back to account management', async () => {
    const page = await renderPage(NoAccessPage, { path: 'geen-toegang', url: '/geen-toegang', session: makeAdminSession() });

    expect(page.element.querySelector('a')?.getAttribute('href')).toBe('/beheer/medewerkers');
  });
});
