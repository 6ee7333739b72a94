import type { Routes } from '@angular/router';

/** `/account/…`: the signed-in person's own account. Route `title`s are translation keys. */
export const ACCOUNT_ROUTES: Routes = [
  {
    path: 'wachtwoord',
    title: 'account.password.title',
    loadComponent: () => import('./change-password-page/change-password-page').then((m) => m.ChangePasswordPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'wachtwoord' },
];
