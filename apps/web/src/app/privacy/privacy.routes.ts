import type { Routes } from '@angular/router';

/** `/inzage`: subject access for coordinators; `/inzage/gezin/:familyId` for one family (from its flag chronology). */
export const PRIVACY_ROUTES: Routes = [
  {
    path: '',
    title: 'privacy.subjectAccess.heading',
    loadComponent: () => import('./subject-access-page/subject-access-page').then((m) => m.SubjectAccessPage),
  },
  {
    path: 'gezin/:familyId',
    title: 'privacy.subjectAccess.heading',
    loadComponent: () => import('./subject-access-page/subject-access-page').then((m) => m.SubjectAccessPage),
  },
];
