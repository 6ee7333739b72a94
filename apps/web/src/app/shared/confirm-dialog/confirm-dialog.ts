import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialog } from '@angular/material/dialog';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import type { InterpolationParameters } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { filter, map, switchMap } from 'rxjs';

/** What to ask: translation keys (with their parameters) for the title, the text and the confirm button. */
export interface ConfirmDialogData {
  titleKey: string;
  textKey: string;
  confirmKey: string;
  params?: InterpolationParameters;
  /** `danger` for actions that take something away (deactivate, sign out everywhere). */
  tone?: 'normal' | 'danger';
}

/** "Are you sure?", in plain words, with the action named on the button (never just "OK"). */
@Component({
  selector: 'kr-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  templateUrl: './confirm-dialog.html',
  styleUrl: './confirm-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Opens the confirm dialog; emits true only when the person confirms. */
export function confirmAction(dialog: MatDialog, data: ConfirmDialogData): Observable<boolean> {
  return dialog
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '30rem', width: 'calc(100% - 32px)' })
    .afterClosed()
    .pipe(map((answer) => answer === true));
}

/** Asks first; runs `action` (e.g. the request) only when the person confirms, and emits what it emits. */
export function confirmThen<T>(dialog: MatDialog, data: ConfirmDialogData, action: () => Observable<T>): Observable<T> {
  return confirmAction(dialog, data).pipe(
    filter((confirmed) => confirmed),
    switchMap(() => action()),
  );
}
