import type { Routes } from '@angular/router';
import { GROUP_WORK_ROLES, StaffRole } from '@kring/domain';
import { roleGuard } from '../core/auth/auth.guards';

/**
 * `/mijn-week`: the sessions I lead (group workers and coordinators). Route `title`s are
 * translation keys. The app routes put `staffOnly(...)` in front of both.
 */
export const MY_WEEK_ROUTES: Routes = [
  {
    path: '',
    title: 'planning.myWeek.title',
    loadComponent: () => import('./my-week/my-week-page/my-week-page').then((m) => m.MyWeekPage),
  },
];

/**
 * `/planning/…`: the calendar and sessions (group workers read, coordinators plan), groups
 * (coordinators create; a group's facilitators may change it), places (admins and coordinators).
 */
export const PLANNING_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'planning.calendar.title',
    canMatch: [roleGuard(...GROUP_WORK_ROLES)],
    loadComponent: () => import('./calendar/planning-calendar-page/planning-calendar-page').then((m) => m.PlanningCalendarPage),
  },
  {
    path: 'groepen/nieuw',
    title: 'planning.group.newTitle',
    canMatch: [roleGuard(StaffRole.Coordinator)],
    loadComponent: () => import('./group-form/group-form-page/group-form-page').then((m) => m.GroupFormPage),
  },
  {
    path: 'groepen/:id',
    title: 'planning.group.title',
    canMatch: [roleGuard(...GROUP_WORK_ROLES)],
    loadComponent: () => import('./group-form/group-form-page/group-form-page').then((m) => m.GroupFormPage),
  },
  {
    path: 'bijeenkomst/:id',
    title: 'planning.session.title',
    canMatch: [roleGuard(...GROUP_WORK_ROLES)],
    loadComponent: () => import('./session-detail/session-detail-page/session-detail-page').then((m) => m.SessionDetailPage),
  },
  {
    path: 'plaatsen',
    title: 'planning.places.title',
    canMatch: [roleGuard(StaffRole.Admin, StaffRole.Coordinator)],
    loadComponent: () => import('./places/places-page/places-page').then((m) => m.PlacesPage),
  },
];
