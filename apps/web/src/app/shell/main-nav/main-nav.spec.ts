import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { MainNav } from './main-nav';
import { provideKringIcons } from '../../core/icons/icons';
import type { SessionInfo } from '@kring/domain';
import { makeAdminSession, makeSession } from '../../../testing/staff';
import { SessionStore } from '../../core/auth/session.store';

@Component({ imports: [MainNav], template: '<kr-main-nav (navigated)="count = count + 1" />' })
class Host {
  count = 0;
}

describe(MainNav.name, () => {
  async function render(url: string, session: SessionInfo | null = null) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateTesting(),
        provideKringIcons(),
        provideRouter([{ path: '**', component: Host }]),
      ],
    });
    if (session) TestBed.inject(SessionStore).set(session);
    else TestBed.inject(SessionStore).clear();
    const harness = await RouterTestingHarness.create();
    const host = await harness.navigateByUrl(url, Host);
    harness.detectChanges();
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement as HTMLElement;
    return { harness, host, element, links: [...element.querySelectorAll('a')] };
  }

  afterEach(() => localStorage.clear());

  it('should offer "Start" and "Groepen vinden" in a labelled navigation when shown in Dutch', async () => {
    const { element, links } = await render('/');

    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
    expect(links.map((a) => a.textContent?.trim())).toEqual(['Start', 'Groepen vinden']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/', '/#groups']);
  });

  it('should mark only "Start" as the current page when the address is the home page', async () => {
    const { links } = await render('/');

    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual(['page', null]);
  });

  it('should mark only "Groepen vinden" as current when the address points at the groups', async () => {
    const { links } = await render('/#groups');

    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual([null, 'page']);
  });

  it('should tell its parent when a link is chosen', async () => {
    const { harness, host, links } = await render('/');

    links[1].click();
    await harness.fixture.whenStable();

    expect(host.count).toBe(1);
  });

  const titles = (links: HTMLAnchorElement[]) => links.map((a) => a.textContent?.trim());

  it('should add "Vandaag", "Mijn groepen" and "Mijn signalen" and nothing of the admin pages or the flag inbox when a group worker is signed in', async () => {
    const { links } = await render('/', makeSession());

    expect(titles(links)).toEqual([
      'Start',
      'Groepen vinden',
      'Vandaag',
      'Mijn groepen',
      'Mijn week',
      'Planning',
      'Code zoeken',
      'Mijn signalen',
    ]);
    expect(links[2].getAttribute('href')).toBe('/vandaag');
    expect(links[3].getAttribute('href')).toBe('/mijn-groepen');
    expect(links[6].getAttribute('href')).toBe('/inschrijvingen');
    expect(links[7].getAttribute('href')).toBe('/mijn-signalen');
  });

  it('should lead a coordinator to the planning: my week, the calendar and the places; to the flags; and to the report', async () => {
    const { links } = await render('/', makeSession({ user: { roles: ['coordinator'] } }));

    expect(titles(links).slice(4)).toEqual(['Mijn week', 'Planning', 'Code zoeken', 'Mijn signalen', 'Signalen', 'Plaatsen', 'Bereik']);
    expect(links.map((a) => a.getAttribute('href')).slice(4)).toEqual([
      '/mijn-week',
      '/planning',
      '/inschrijvingen',
      '/mijn-signalen',
      '/signalen',
      '/planning/plaatsen',
      '/bereik',
    ]);
  });

  it('should add "Medewerkers", "Audit", "Berichten" and "Diensten" and not "Mijn groepen" when an admin is signed in', async () => {
    const { links } = await render('/', makeAdminSession());

    expect(titles(links)).toEqual(['Start', 'Groepen vinden', 'Plaatsen', 'Medewerkers', 'Audit', 'Berichten', 'Diensten']);
    expect(links.map((a) => a.getAttribute('href')).slice(2)).toEqual([
      '/planning/plaatsen',
      '/beheer/medewerkers',
      '/beheer/audit',
      '/beheer/berichten',
      '/beheer/diensten',
    ]);
  });

  it('should show everything to someone who is both admin and coordinator', async () => {
    const { links } = await render('/', makeAdminSession({ user: { roles: ['admin', 'coordinator'] } }));

    expect(titles(links)).toEqual([
      'Start',
      'Groepen vinden',
      'Vandaag',
      'Mijn groepen',
      'Mijn week',
      'Planning',
      'Code zoeken',
      'Mijn signalen',
      'Signalen',
      'Plaatsen',
      'Bereik',
      'Medewerkers',
      'Audit',
      'Berichten',
      'Diensten',
    ]);
  });

  it('should not show staff links while the two-factor step is still open', async () => {
    const { links } = await render(
      '/',
      makeSession({ user: { roles: ['admin'] }, twoFactor: { state: 'enrolment_required', required: true } }),
    );

    expect(titles(links)).toEqual(['Start', 'Groepen vinden']);
  });

  it('should mark the staff page as current on its own pages', async () => {
    const { links } = await render('/beheer/audit', makeAdminSession());

    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual([null, null, null, null, 'page', null, null]);
  });
});
