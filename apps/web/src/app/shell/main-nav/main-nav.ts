import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import type { IsActiveMatchOptions } from '@angular/router';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { GROUP_WORK_ROLES, StaffRole } from '@kring/domain';
import { SERVICE_DIRECTORY_PATH } from '../../admin/services/service-paths';
import { AUTH_PATHS } from '../../core/auth/auth-flow';
import { FLAG_INBOX_PATH, MY_FLAGS_PATH } from '../../flags/flag-nav-paths';
import { SessionStore } from '../../core/auth/session.store';
import { PLANNING_PATHS } from '../../planning/planning-paths';
import { REGISTRATION_PATHS } from '../../registrations/registration-paths';
import { REPORT_PATHS } from '../../reports/report-paths';
import { ROOM_PATHS } from '../../room/room-paths';

/**
 * The main navigation: only links that lead somewhere real, and only to what the signed-in
 * person may use (group work for coordinators and group workers, accounts and audit for admins).
 */
interface NavLink {
  path: string;
  fragment?: string;
  icon: string;
  labelKey: string;
  /** Current only on exactly this address (else also on the pages below it). */
  exact?: boolean;
}

@Component({
  selector: 'kr-main-nav',
  imports: [MatIcon, RouterLink, RouterLinkActive, TranslatePipe],
  templateUrl: './main-nav.html',
  styleUrl: './main-nav.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MainNav {
  private readonly store = inject(SessionStore);

  /** Emits when a link is chosen, so a drawer on a phone can close. */
  readonly navigated = output<void>();

  /**
   * The links, in order, each shown to whom may use it: everyone the public ones; coordinators and
   * group workers the group work; admins and coordinators the places; admins accounts, audit and
   * messages. Nothing but the public links before the two-factor step is done.
   */
  protected readonly links = computed<NavLink[]>(() => {
    const signedIn = this.store.hasAccess();
    const groupWork = signedIn && this.store.hasRole(...GROUP_WORK_ROLES);
    const places = signedIn && this.store.hasRole(StaffRole.Admin, StaffRole.Coordinator);
    const admin = signedIn && this.store.hasRole(StaffRole.Admin);
    const coordinator = signedIn && this.store.hasRole(StaffRole.Coordinator);
    return [
      { path: '/', icon: 'kr:home', labelKey: 'nav.home', exact: true, show: true },
      { path: '/', fragment: 'groups', icon: 'kr:groups', labelKey: 'nav.findGroups', exact: true, show: true },
      { path: ROOM_PATHS.today, icon: 'kr:today', labelKey: 'room.nav.today', show: groupWork },
      { path: AUTH_PATHS.myGroups, icon: 'kr:work', labelKey: 'nav.myGroups', show: groupWork },
      { path: PLANNING_PATHS.myWeek, icon: 'kr:event', labelKey: 'planning.nav.myWeek', show: groupWork },
      // Exact, so that the calendar is not also "current" on the places page below it.
      { path: PLANNING_PATHS.calendar, icon: 'kr:calendar', labelKey: 'planning.nav.calendar', exact: true, show: groupWork },
      { path: REGISTRATION_PATHS.find, icon: 'kr:search', labelKey: 'registrations.nav.find', exact: true, show: groupWork },
      { path: MY_FLAGS_PATH, icon: 'kr:edit', labelKey: 'nav.myFlags', show: groupWork },
      { path: FLAG_INBOX_PATH, icon: 'kr:checkList', labelKey: 'nav.flagInbox', show: coordinator },
      { path: PLANNING_PATHS.places, icon: 'kr:place', labelKey: 'planning.nav.places', show: places },
      { path: REPORT_PATHS.reach, icon: 'kr:tally', labelKey: 'nav.reach', show: coordinator },
      { path: AUTH_PATHS.staffAdmin, icon: 'kr:staff', labelKey: 'nav.staff', show: admin },
      { path: AUTH_PATHS.audit, icon: 'kr:history', labelKey: 'nav.audit', show: admin },
      { path: AUTH_PATHS.messages, icon: 'kr:info', labelKey: 'nav.messages', show: admin },
      { path: SERVICE_DIRECTORY_PATH, icon: 'kr:place', labelKey: 'nav.services', show: admin },
    ].filter((link) => link.show);
  });

  /** "Start" and "Groepen vinden" share a path; the fragment tells them apart. */
  protected readonly exact: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    fragment: 'exact',
    matrixParams: 'ignored',
  };
  /** A staff link is current on its own pages and anything below them. */
  protected readonly section: IsActiveMatchOptions = {
    paths: 'subset',
    queryParams: 'ignored',
    fragment: 'ignored',
    matrixParams: 'ignored',
  };
}
