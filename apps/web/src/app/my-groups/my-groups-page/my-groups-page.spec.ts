import { firstValueFrom } from 'rxjs';
import { TestBed } from '@angular/core/testing';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError, makeSession, makeStaffGroup } from '../../../testing/staff';
import { LanguageService } from '../../core/i18n/language.service';
import { MyGroupsPage } from './my-groups-page';

const GROUPS = '/api/v1/staff/groups?locale=nl';

describe(MyGroupsPage.name, () => {
  let page: RenderedPage;

  async function open(roles: ('coordinator' | 'group_worker')[] = ['group_worker']): Promise<void> {
    page = await renderPage(MyGroupsPage, {
      path: 'mijn-groepen',
      url: '/mijn-groepen',
      session: makeSession({ user: { roles } }),
    });
  }

  async function answer(respond: () => void): Promise<void> {
    respond();
    await page.settle();
  }

  const titles = () => [...page.element.querySelectorAll('kr-staff-group-card h2')].map((h) => h.textContent?.trim());

  afterEach(() => page.http.verify());

  it('should greet the group worker and list the groups they lead', async () => {
    await open();
    expect(page.element.textContent).toContain('We halen je groepen op');

    await answer(() =>
      page.http
        .expectOne(GROUPS)
        .flush([makeStaffGroup(), makeStaffGroup({ id: 'b', title: 'Inloopmoment', kind: 'drop_in', capacity: null })]),
    );

    expect(page.element.querySelector('h1')?.textContent).toBe('Mijn groepen');
    expect(page.element.textContent).toContain('Dag Gita, dit zijn de groepen die jij begeleidt.');
    expect(titles()).toEqual(['Babybabbels', 'Inloopmoment']);
  });

  it('should help a group worker without groups with what happens next', async () => {
    await open();
    await answer(() => page.http.expectOne(GROUPS).flush([]));

    expect(page.element.textContent).toContain('Je begeleidt nog geen groepen');
    expect(page.element.textContent).toContain('Zodra een coördinator je aan een groep koppelt, zie je die hier.');

    await page.press(/Opnieuw kijken/);
    await answer(() => page.http.expectOne(GROUPS).flush([makeStaffGroup()]));
    expect(titles()).toEqual(['Babybabbels']);
  });

  it('should tell a coordinator that they see every group', async () => {
    await open(['coordinator']);
    await answer(() => page.http.expectOne(GROUPS).flush([makeStaffGroup()]));

    expect(page.element.textContent).toContain('als coördinator zie je alle groepen');
  });

  it('should say kindly when the groups cannot be shown, and try again', async () => {
    await open();
    await answer(() => page.http.expectOne(GROUPS).flush(...apiError(500, 'internal_error')));

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('We kunnen je groepen nu niet tonen');
    await page.press(/Probeer opnieuw/);
    await answer(() => page.http.expectOne(GROUPS).flush([makeStaffGroup()]));
    expect(titles()).toEqual(['Babybabbels']);
  });

  it('should fetch the titles again in the new language when the language changes', async () => {
    await open();
    await answer(() => page.http.expectOne(GROUPS).flush([makeStaffGroup()]));

    await firstValueFrom(TestBed.inject(LanguageService).use('fr'));
    await page.settle();
    await answer(() => page.http.expectOne('/api/v1/staff/groups?locale=fr').flush([makeStaffGroup({ title: 'Papotes bébé' })]));

    expect(titles()).toEqual(['Papotes bébé']);
    expect(page.element.querySelector('h1')?.textContent).toBe('Mes groupes');
  });
});
