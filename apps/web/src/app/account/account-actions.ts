import { Injectable, Injector, inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../core/auth/auth.api';
import { SessionStore } from '../core/auth/session.store';
import { apiErrorMessageKey } from '../core/http/api-error';

/** How long a short confirmation ("Je bent afgemeld.") stays on screen. */
export const SNACK_MS = 5000;

/**
 * Signing out, here or everywhere: the same from the toolbar menu, the drawer and the code page.
 * The dialog and the snack bar load when first needed, so the public pages stay light.
 */
@Injectable({ providedIn: 'root' })
export class AccountActions {
  private readonly api = inject(AuthApi);
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly translate = inject(TranslateService);

  signOut(): void {
    this.api.signOut().subscribe({
      next: () => this.signedOut('account.signedOut'),
      // The session may already have ended; either way this browser is signed out now.
      error: () => this.signedOut('account.signedOut'),
    });
  }

  /** Asks first: this also ends the session on this device. */
  async signOutEverywhere(): Promise<void> {
    const [{ MatDialog }, { confirmAction }] = await Promise.all([
      import('@angular/material/dialog'),
      import('../shared/confirm-dialog/confirm-dialog'),
    ]);
    const confirmed = await firstValueFrom(
      confirmAction(this.injector.get(MatDialog), {
        titleKey: 'account.everywhere.title',
        textKey: 'account.everywhere.text',
        confirmKey: 'account.everywhere.confirm',
        tone: 'danger',
      }),
    );
    if (!confirmed) return;
    this.api.signOutEverywhere().subscribe({
      next: () => this.signedOut('account.everywhere.done'),
      error: (error: unknown) => void this.say(apiErrorMessageKey(error)),
    });
  }

  private signedOut(messageKey: string): void {
    this.store.clear();
    void this.router.navigateByUrl('/').then(() => this.say(messageKey));
  }

  private async say(key: string): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.injector.get(MatSnackBar).open(String(this.translate.instant(key)), String(this.translate.instant('common.close')), {
      duration: SNACK_MS,
    });
  }
}
