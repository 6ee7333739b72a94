import type { Routes } from '@angular/router';
import { signInPageGuard, twoFactorCodePageGuard, twoFactorEnrolmentPageGuard } from '../core/auth/auth.guards';

/** `/aanmelden`: sign in, then the two-factor step. Route `title`s are translation keys. */
export const SIGN_IN_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'signIn.title',
    canActivate: [signInPageGuard],
    loadComponent: () => import('./sign-in-page/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'code',
    title: 'twoFactor.code.title',
    canActivate: [twoFactorCodePageGuard],
    loadComponent: () => import('./two-factor-code-page/two-factor-code-page').then((m) => m.TwoFactorCodePage),
  },
  {
    path: 'tweestapsverificatie',
    title: 'twoFactor.enrolment.title',
    canActivate: [twoFactorEnrolmentPageGuard],
    loadComponent: () => import('./two-factor-enrolment-page/two-factor-enrolment-page').then((m) => m.TwoFactorEnrolmentPage),
  },
];
