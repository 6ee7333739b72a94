import type { Routes } from '@angular/router';
import { ParentPages } from './parent-pages/parent-pages';
import { provideParentIcons } from './shared/parent-icons';

/**
 * The public pages for parents, without an account: language, "Wat zoek je?", the list,
 * a group's page and registering. Route `title`s are translation keys.
 */
export const PARENT_ROUTES: Routes = [
  {
    path: '',
    component: ParentPages,
    providers: [provideParentIcons()],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'parents.titles.language',
        loadComponent: () => import('./language-choice-page/language-choice-page').then((m) => m.LanguageChoicePage),
      },
      {
        path: 'zoeken',
        title: 'parents.titles.ages',
        loadComponent: () => import('./age-choice-page/age-choice-page').then((m) => m.AgeChoicePage),
      },
      {
        path: 'lijst',
        title: 'parents.titles.finder',
        loadComponent: () => import('./finder-page/finder-page').then((m) => m.FinderPage),
      },
      {
        path: ':groupId',
        title: 'parents.titles.group',
        loadComponent: () => import('./group-page/group-page').then((m) => m.GroupPage),
      },
      {
        path: ':groupId/inschrijven',
        title: 'parents.titles.register',
        loadComponent: () => import('./register/register-page/register-page').then((m) => m.RegisterPage),
      },
    ],
  },
];

/** `/mijn-inschrijving#token=…` (older links `?token=…`): the link in the SMS or e-mail (keep this address exactly). */
export const MANAGE_ROUTES: Routes = [
  {
    path: '',
    component: ParentPages,
    providers: [provideParentIcons()],
    children: [
      {
        path: '',
        title: 'parents.titles.manage',
        loadComponent: () => import('./manage/manage-page/manage-page').then((m) => m.ManagePage),
      },
    ],
  },
];
