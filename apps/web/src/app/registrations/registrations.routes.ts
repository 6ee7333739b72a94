import type { Routes } from '@angular/router';

/**
 * `/inschrijvingen/…`: registrations as a group's facilitators and coordinators handle them (the
 * app routes put `staffOnly(Coordinator, GroupWorker)` in front). Route `title`s are translation keys.
 */
export const REGISTRATION_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'registrations.find.title',
    loadComponent: () => import('./find-by-code-page/find-by-code-page').then((m) => m.FindByCodePage),
  },
  {
    path: 'bijeenkomst/:id',
    title: 'registrations.session.title',
    loadComponent: () => import('./session-registrations-page/session-registrations-page').then((m) => m.SessionRegistrationsPage),
  },
  {
    path: 'bijeenkomst/:id/aanwezigheidslijst',
    title: 'registrations.sheet.title',
    loadComponent: () => import('./sign-in-sheet-page/sign-in-sheet-page').then((m) => m.SignInSheetPage),
  },
  {
    path: 'groep/:id',
    title: 'registrations.series.title',
    loadComponent: () => import('./series-page/series-page').then((m) => m.SeriesPage),
  },
];
