import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AUTH_PATHS } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { AccountActions } from '../account-actions';

/**
 * The account part of the drawer on a phone (the toolbar has no room there): who is signed in
 * and their account actions, or "Aanmelden".
 */
@Component({
  selector: 'kr-account-nav',
  imports: [MatIcon, RouterLink, TranslatePipe],
  templateUrl: './account-nav.html',
  styleUrl: './account-nav.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountNav {
  private readonly store = inject(SessionStore);
  private readonly actions = inject(AccountActions);

  /** Emits when something is chosen, so the drawer can close. */
  readonly navigated = output<void>();

  protected readonly paths = AUTH_PATHS;
  protected readonly known = this.store.isKnown;
  protected readonly user = this.store.user;
  protected readonly hasAccess = this.store.hasAccess;
  protected readonly offerTwoFactor = computed(() => this.hasAccess() && this.store.twoFactor()?.enrolled === false);

  protected signOut(): void {
    this.navigated.emit();
    this.actions.signOut();
  }

  protected signOutEverywhere(): void {
    this.navigated.emit();
    void this.actions.signOutEverywhere();
  }
}
