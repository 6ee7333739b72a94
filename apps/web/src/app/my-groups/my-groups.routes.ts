import type { Routes } from '@angular/router';
import { MyGroupsPage } from './my-groups-page/my-groups-page';

export const MY_GROUPS_ROUTES: Routes = [{ path: '', title: 'myGroups.title', component: MyGroupsPage }];
