import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';
import type { InterpolationParameters } from '@ngx-translate/core';
import type { StaffUserSummary, UpdateStaffUserRequest } from '@kring/domain';
import { SNACK_MS } from '../account/account-actions';
import { SessionStore } from '../core/auth/session.store';
import { apiErrorMessageKey } from '../core/http/api-error';
import { confirmThen } from '../shared/confirm-dialog/confirm-dialog';
import { SetPasswordLinkDialog } from './set-password-link-dialog/set-password-link-dialog';
import type { SetPasswordLinkDialogData } from './set-password-link-dialog/set-password-link-dialog';
import { StaffAdminApi } from './staff-admin.api';
import type { StaffFormDialogData } from './staff-form-dialog/staff-form-dialog';
import { StaffFormDialog } from './staff-form-dialog/staff-form-dialog';
import { StaffListStore } from './staff-list.store';
import { conflictMessageKey } from './staff-errors';

/**
 * What an admin does to an account: each asks first when it takes something away, says what
 * happened, and refreshes the list. Provide it on the staff page (next to `StaffListStore`).
 */
@Injectable()
export class StaffAdminActions {
  private readonly api = inject(StaffAdminApi);
  private readonly list = inject(StaffListStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  /** Whether this row is the signed-in admin: some actions are for another admin to do. */
  isSelf(user: StaffUserSummary): boolean {
    return user.id === this.session.user()?.id;
  }

  create(): void {
    this.openForm({ mode: 'create' });
  }

  edit(user: StaffUserSummary): void {
    this.openForm({ mode: 'edit', user, isSelf: this.isSelf(user) });
  }

  setActive(user: StaffUserSummary, active: boolean): void {
    const name = { name: user.displayName };
    confirmThen(
      this.dialog,
      active
        ? {
            titleKey: 'staffAdmin.reactivate.title',
            textKey: 'staffAdmin.reactivate.text',
            confirmKey: 'staffAdmin.reactivate.confirm',
            params: name,
          }
        : {
            titleKey: 'staffAdmin.deactivate.title',
            textKey: 'staffAdmin.deactivate.text',
            confirmKey: 'staffAdmin.deactivate.confirm',
            params: name,
            tone: 'danger',
          },
      () => this.api.update(user.id, { active }),
    ).subscribe({
      next: () => this.done(active ? 'staffAdmin.reactivate.done' : 'staffAdmin.deactivate.done', name),
      error: (error: unknown) => this.failed(error, user, { active }),
    });
  }

  newLink(user: StaffUserSummary): void {
    const name = { name: user.displayName };
    confirmThen(
      this.dialog,
      { titleKey: 'staffAdmin.newLink.title', textKey: 'staffAdmin.newLink.text', confirmKey: 'staffAdmin.newLink.confirm', params: name },
      () => this.api.newSetPasswordLink(user.id),
    ).subscribe({
      next: (link) => {
        this.dialog.open<SetPasswordLinkDialog, SetPasswordLinkDialogData>(SetPasswordLinkDialog, {
          data: { link, name: user.displayName },
          maxWidth: '36rem',
          width: 'calc(100% - 32px)',
        });
        this.list.reload();
      },
      error: (error: unknown) => this.failed(error, user),
    });
  }

  resetTwoFactor(user: StaffUserSummary): void {
    const name = { name: user.displayName };
    confirmThen(
      this.dialog,
      {
        titleKey: 'staffAdmin.resetTwoFactor.title',
        textKey: 'staffAdmin.resetTwoFactor.text',
        confirmKey: 'staffAdmin.resetTwoFactor.confirm',
        params: name,
        tone: 'danger',
      },
      () => this.api.resetTwoFactor(user.id),
    ).subscribe({
      next: () => this.done('staffAdmin.resetTwoFactor.done', name),
      error: (error: unknown) => this.failed(error, user),
    });
  }

  signOutEverywhere(user: StaffUserSummary): void {
    const name = { name: user.displayName };
    confirmThen(
      this.dialog,
      {
        titleKey: 'staffAdmin.signOut.title',
        textKey: 'staffAdmin.signOut.text',
        confirmKey: 'staffAdmin.signOut.confirm',
        params: name,
        tone: 'danger',
      },
      () => this.api.revokeSessions(user.id),
    ).subscribe({
      next: () => this.done('staffAdmin.signOut.done', name),
      error: (error: unknown) => this.failed(error, user),
    });
  }

  private openForm(data: StaffFormDialogData): void {
    this.dialog
      .open<StaffFormDialog, StaffFormDialogData, boolean>(StaffFormDialog, {
        data,
        maxWidth: '36rem',
        width: 'calc(100% - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) this.list.reload();
      });
  }

  private done(key: string, params: InterpolationParameters): void {
    this.say(key, params);
    this.list.reload();
  }

  private failed(error: unknown, user: StaffUserSummary, changes: UpdateStaffUserRequest = {}): void {
    this.say(conflictMessageKey(error, user, changes, this.isSelf(user)) ?? apiErrorMessageKey(error));
    this.list.reload();
  }

  private say(key: string, params?: InterpolationParameters): void {
    this.snackBar.open(String(this.translate.instant(key, params)), String(this.translate.instant('common.close')), {
      duration: SNACK_MS,
    });
  }
}
