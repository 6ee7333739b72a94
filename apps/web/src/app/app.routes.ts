import type { Route } from '@angular/router';

/** Route `title`s are translation keys (see TranslatedTitleStrategy). */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadChildren: () => import('./home/home.routes').then((m) => m.HOME_ROUTES),
  },
  {
    path: '**',
    title: 'notFound.title',
    loadComponent: () =>
      import('./not-found/not-found-page/not-found-page').then((m) => m.NotFoundPage),
  },
];
