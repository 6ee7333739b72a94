import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AUTH_PATHS } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { lazyComponent } from '../../shared/deferred-menu';

/**
 * The toolbar's account menu on a wide screen: "Aanmelden" when signed out, else the person's menu
 * (AccountUserMenu, which comes just after the page shows: see lazyComponent).
 */
@Component({
  selector: 'kr-account-menu',
  imports: [MatButtonModule, MatIcon, NgComponentOutlet, RouterLink, TranslatePipe],
  templateUrl: './account-menu.html',
  styleUrl: './account-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountMenu {
  private readonly store = inject(SessionStore);

  protected readonly paths = AUTH_PATHS;
  protected readonly known = this.store.isKnown;
  protected readonly user = this.store.user;
  protected readonly menu = lazyComponent(() => import('./account-user-menu').then((m) => m.AccountUserMenu), { whenIdle: false });
  protected readonly pressed = signal(false);
  protected readonly focused = signal(false);

  constructor() {
    // Only someone signed in has this menu: visitors never load it.
    effect(() => {
      if (this.user()) this.menu.load();
    });
  }
}
