import type { Routes } from '@angular/router';

/** `/beheer/…`: accounts, the audit trail, the messages Kring sent and the service directory, for admins. Route `title`s are translation keys. */
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
  {
    path: 'diensten',
    title: 'serviceDirectory.title',
    loadComponent: () => import('./services/services-page/services-page').then((m) => m.ServicesPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'medewerkers' },
];
