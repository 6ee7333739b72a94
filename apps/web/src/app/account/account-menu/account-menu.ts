import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AUTH_PATHS } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { AccountActions } from '../account-actions';

/** The toolbar's account menu on a wide screen: "Aanmelden" when signed out, else the person's menu. */
@Component({
  selector: 'kr-account-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, RouterLink, TranslatePipe],
  templateUrl: './account-menu.html',
  styleUrl: './account-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountMenu {
  private readonly store = inject(SessionStore);
  private readonly actions = inject(AccountActions);

  protected readonly paths = AUTH_PATHS;
  protected readonly known = this.store.isKnown;
  protected readonly user = this.store.user;
  protected readonly hasAccess = this.store.hasAccess;
  /** Offered to those who may choose it (group workers) and have not set it up. */
  protected readonly offerTwoFactor = computed(() => this.hasAccess() && this.store.twoFactor()?.enrolled === false);

  protected signOut(): void {
    this.actions.signOut();
  }

  protected signOutEverywhere(): void {
    void this.actions.signOutEverywhere();
  }
}
