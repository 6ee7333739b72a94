import type { Routes } from '@angular/router';
import { HomePage } from './home-page/home-page';

export const HOME_ROUTES: Routes = [{ path: '', title: 'home.title', component: HomePage }];
