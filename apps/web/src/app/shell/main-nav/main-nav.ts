import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import type { IsActiveMatchOptions } from '@angular/router';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { GROUP_WORK_ROLES, StaffRole } from '@kring/domain';
import { AUTH_PATHS } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { PLANNING_PATHS } from '../../planning/planning-paths';

/**
 * The main navigation: only links that lead somewhere real, and only to what the signed-in
 * person may use (group work for coordinators and group workers, accounts and audit for admins).
 */
@Component({
  selector: 'kr-main-nav',
  imports: [MatIconModule, MatListModule, RouterLink, RouterLinkActive, TranslatePipe],
  templateUrl: './main-nav.html',
  styleUrl: './main-nav.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MainNav {
  private readonly store = inject(SessionStore);

  /** Emits when a link is chosen, so a drawer on a phone can close. */
  readonly navigated = output<void>();

  protected readonly paths = AUTH_PATHS;
  /** The room ("Vandaag"): today's sessions, rosters and tallies. */
  protected readonly todayPath = '/vandaag';
  protected readonly showGroupWork = computed(() => this.store.hasAccess() && this.store.hasRole(...GROUP_WORK_ROLES));
  protected readonly showAdmin = computed(() => this.store.hasAccess() && this.store.hasRole(StaffRole.Admin));
  /** Planning: my week and the calendar (group work); places (also admins). */
  protected readonly planningPaths = PLANNING_PATHS;
  protected readonly showPlaces = computed(
    () => this.store.hasAccess() && this.store.hasRole(StaffRole.Admin, StaffRole.Coordinator),
  );

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
