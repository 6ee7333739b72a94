import type { Routes } from '@angular/router';

/** `/mijn-signalen`: the flags I noted (group workers and coordinators). Route `title`s are translation keys. */
export const MY_FLAGS_ROUTES: Routes = [
  { path: '', title: 'flags.mine.title', loadComponent: () => import('./my-flags-page/my-flags-page').then((m) => m.MyFlagsPage) },
  { path: ':flagId', title: 'flags.mine.flagTitle', loadComponent: () => import('./my-flag-page/my-flag-page').then((m) => m.MyFlagPage) },
];

/** `/signalen`: the coordinators' desk (the inbox, one flag, a family's chronology). */
export const FLAG_DESK_ROUTES: Routes = [
  { path: '', title: 'flags.inbox.title', loadComponent: () => import('./inbox-page/inbox-page').then((m) => m.InboxPage) },
  {
    path: 'gezin/:familyId',
    title: 'flags.chronology.title',
    loadComponent: () => import('./family-chronology-page/family-chronology-page').then((m) => m.FamilyChronologyPage),
  },
  {
    path: ':flagId',
    title: 'flags.desk.title',
    loadComponent: () => import('./flag-desk-page/flag-desk-page').then((m) => m.FlagDeskPage),
  },
];
