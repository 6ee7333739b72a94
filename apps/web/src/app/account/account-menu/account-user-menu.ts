import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, input, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AUTH_PATHS } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { takeOverFromStandIn } from '../../shared/deferred-menu';
import { AccountActions } from '../account-actions';

/**
 * The signed-in person's menu in the toolbar, with Material's menu: loaded by AccountMenu just after the
 * page shows, so that it is not part of every page's first load.
 */
@Component({
  selector: 'kr-account-user-menu',
  imports: [MatButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink, TranslatePipe],
  templateUrl: './account-user-menu.html',
  styleUrl: './account-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountUserMenu {
  private readonly store = inject(SessionStore);
  private readonly actions = inject(AccountActions);
  private readonly trigger = viewChild(MatMenuTrigger);

  /** The stand-in button was pressed before this menu was there: open at once. */
  readonly openAtOnce = input(false);
  /** The stand-in button had the focus: this button takes it over. */
  readonly focusAtOnce = input(false);

  protected readonly paths = AUTH_PATHS;
  protected readonly user = this.store.user;
  protected readonly hasAccess = this.store.hasAccess;
  /** Offered to those who may choose it (group workers) and have not set it up. */
  protected readonly offerTwoFactor = computed(() => this.hasAccess() && this.store.twoFactor()?.enrolled === false);

  constructor() {
    afterNextRender(() => {
      const trigger = this.trigger();
      if (trigger) takeOverFromStandIn(trigger, this.openAtOnce(), this.focusAtOnce());
    });
  }

  protected signOut(): void {
    this.actions.signOut();
  }

  protected signOutEverywhere(): void {
    void this.actions.signOutEverywhere();
  }
}
