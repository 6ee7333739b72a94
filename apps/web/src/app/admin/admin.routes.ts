import type { Routes } from '@angular/router';

/** `/beheer/…`: accounts, the audit trail and the messages Kring sent, for admins. Route `title`s are translation keys. */
export const ADMIN_ROUTES: Routes = [
  {
    path: 'medewerkers',
    title: 'staffAdmin.title',
    loadComponent: () => import('./staff-list-page/staff-list-page').then((m) => m.StaffListPage),
  },
  {
    path: 'audit',
    title: 'audit.title',
    loadComponent: () => import('./audit-page/audit-page').then((m) => m.AuditPage),
  },
  {
    path: 'berichten',
    title: 'messages.title',
    loadComponent: () => import('./messages-page/messages-page').then((m) => m.MessagesPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'medewerkers' },
];
