import type { Routes } from '@angular/router';
import { ParentPages } from '../parents/parent-pages/parent-pages';
import { provideParentIcons } from '../parents/shared/parent-icons';

/** `/doorverwijzing#token=…`: the parent's link (the address the API sends; keep it exactly), in the parents' frame with Arabic. */
export const PARENT_REFERRAL_ROUTES: Routes = [
  {
    path: '',
    component: ParentPages,
    providers: [provideParentIcons()],
    children: [
      {
        path: '',
        title: 'parents.titles.referral',
        loadComponent: () => import('./parent-page/referral-parent-page').then((m) => m.ReferralParentPage),
      },
    ],
  },
];

/** `/doorverwijzing-dienst#token=…`: the receiving service's link to the sent packet. */
export const SERVICE_REFERRAL_ROUTES: Routes = [
  {
    path: '',
    providers: [provideParentIcons()],
    title: 'parents.titles.referralService',
    loadComponent: () => import('./service-page/referral-service-page').then((m) => m.ReferralServicePage),
  },
];
