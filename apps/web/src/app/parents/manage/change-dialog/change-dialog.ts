import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialog } from '@angular/material/dialog';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { InterpolationParameters } from '@ngx-translate/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';

/** What to ask, as translation keys: both buttons say what they do ("Ja, schrijf me uit" / "Nee, ik kom toch"). */
export interface ChangeDialogData {
  titleKey: string;
  textKey: string;
  confirmKey: string;
  keepKey: string;
  /** What it is about, shown as is (a date: "Volgende donderdag 3 december, 9.30 tot 11 uur"). */
  detail?: string;
  params?: InterpolationParameters;
}

/** "Are you sure?" for giving up a seat, in plain words, with no "Annuleren" that could mean either. */
@Component({
  selector: 'kr-change-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  templateUrl: './change-dialog.html',
  styleUrl: './change-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeDialog {
  protected readonly data = inject<ChangeDialogData>(MAT_DIALOG_DATA);
}

/** Emits true only when the parent confirms. */
export function confirmChange(dialog: MatDialog, data: ChangeDialogData): Observable<boolean> {
  return dialog
    .open<ChangeDialog, ChangeDialogData, boolean>(ChangeDialog, {
      data,
      maxWidth: '28rem',
      width: 'calc(100% - 32px)',
      autoFocus: 'dialog',
    })
    .afterClosed()
    .pipe(map((answer) => answer === true));
}
