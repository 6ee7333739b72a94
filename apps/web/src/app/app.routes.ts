import type { Route } from '@angular/router';
import { GROUP_WORK_ROLES, StaffRole } from '@kring/domain';
import { signedInGuard, staffOnly, twoFactorGuard } from './core/auth/auth.guards';
import { roomAccessGuard } from './room/room-access.guard';

/**
 * Route `title`s are translation keys (see TranslatedTitleStrategy). Public pages are open to
 * anyone; staff pages ask, in order: signed in, past the two-factor step, the right role.
 */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadChildren: () => import('./home/home.routes').then((m) => m.HOME_ROUTES),
  },
  {
    path: 'aanmelden',
    loadChildren: () => import('./sign-in/sign-in.routes').then((m) => m.SIGN_IN_ROUTES),
  },
  {
    // The address in the links admins hand out: keep it exactly.
    path: 'set-password',
    title: 'setPassword.title',
    loadComponent: () => import('./sign-in/set-password-page/set-password-page').then((m) => m.SetPasswordPage),
  },
  {
    path: 'geen-toegang',
    title: 'noAccess.title',
    loadComponent: () => import('./no-access/no-access-page/no-access-page').then((m) => m.NoAccessPage),
  },
  {
    path: 'account',
    canMatch: [signedInGuard, twoFactorGuard],
    loadChildren: () => import('./account/account.routes').then((m) => m.ACCOUNT_ROUTES),
  },
  {
    path: 'mijn-groepen',
    canMatch: staffOnly(...GROUP_WORK_ROLES),
    loadChildren: () => import('./my-groups/my-groups.routes').then((m) => m.MY_GROUPS_ROUTES),
  },
  {
    path: 'beheer',
    canMatch: staffOnly(StaffRole.Admin),
    loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
  },
  {
    // The room (attendance and drop-in tallies): also opens without a connection, see roomAccessGuard.
    path: 'vandaag',
    canMatch: [roomAccessGuard],
    loadChildren: () => import('./room/room.routes').then((m) => m.ROOM_ROUTES),
  },
  {
    // Parents, without an account: language, "Wat zoek je?", group pages, registering.
    path: 'groepen',
    loadChildren: () => import('./parents/parents.routes').then((m) => m.PARENT_ROUTES),
  },
  {
    // The link in the parents' SMS and e-mail: keep this address exactly.
    path: 'mijn-inschrijving',
    loadChildren: () => import('./parents/parents.routes').then((m) => m.MANAGE_ROUTES),
  },
  {
    // The parent's referral link (what is shared, approve, withdraw, contact): the address the API sends.
    path: 'doorverwijzing',
    loadChildren: () => import('./referrals/referrals.routes').then((m) => m.PARENT_REFERRAL_ROUTES),
  },
  {
    // The receiving service's link to the sent packet: the address the API sends.
    path: 'doorverwijzing-dienst',
    loadChildren: () => import('./referrals/referrals.routes').then((m) => m.SERVICE_REFERRAL_ROUTES),
  },
  {
    // The sessions I lead, this week and next (see planning.routes.ts).
    path: 'mijn-week',
    canMatch: staffOnly(...GROUP_WORK_ROLES),
    loadChildren: () => import('./planning/planning.routes').then((m) => m.MY_WEEK_ROUTES),
  },
  {
    // Registrations per session and per series, on a family's behalf, by code (see registrations.routes.ts).
    path: 'inschrijvingen',
    canMatch: staffOnly(StaffRole.Coordinator, StaffRole.GroupWorker),
    loadChildren: () => import('./registrations/registrations.routes').then((m) => m.REGISTRATION_ROUTES),
  },
  {
    // Calendar, groups and sessions (group work); places (also admins). Each page checks its roles.
    path: 'planning',
    canMatch: staffOnly(StaffRole.Admin, ...GROUP_WORK_ROLES),
    loadChildren: () => import('./planning/planning.routes').then((m) => m.PLANNING_ROUTES),
  },
  {
    // Discreet follow-up flags: the ones I noted (see flags/flags.routes.ts; noting one is a room page).
    path: 'mijn-signalen',
    canMatch: staffOnly(...GROUP_WORK_ROLES),
    loadChildren: () => import('./flags/flags.routes').then((m) => m.MY_FLAGS_ROUTES),
  },
  {
    // The coordinators' desk for flags: the inbox, one flag, a family's chronology.
    path: 'signalen',
    canMatch: staffOnly(StaffRole.Coordinator),
    loadChildren: () => import('./flags/flags.routes').then((m) => m.FLAG_DESK_ROUTES),
  },
  {
    // The funder report for coordinators: counts only, small ones suppressed (see reports/).
    path: 'bereik',
    canMatch: staffOnly(StaffRole.Coordinator),
    loadChildren: () => import('./reports/reports.routes').then((m) => m.REPORT_ROUTES),
  },
  {
    // Subject access for coordinators: a family's requests and everything Kring holds about them (see privacy/).
    path: 'inzage',
    canMatch: staffOnly(StaffRole.Coordinator),
    loadChildren: () => import('./privacy/privacy.routes').then((m) => m.PRIVACY_ROUTES),
  },
  {
    path: '**',
    title: 'notFound.title',
    loadComponent: () => import('./not-found/not-found-page/not-found-page').then((m) => m.NotFoundPage),
  },
];
