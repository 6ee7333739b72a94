import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialog } from '@angular/material/dialog';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { SessionWithFamilies } from '@kring/domain';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { DateTimePipe } from '../../../core/i18n/date-time.pipe';
import { LanguageService } from '../../../core/i18n/language.service';

export interface CancellationsDialogData {
  sessions: SessionWithFamilies[];
}

/**
 * "Families are registered for dates this change drops": each date with how many families, and the
 * choice to go back, or to cancel those meetings and save (the families get a message).
 */
@Component({
  selector: 'kr-cancellations-dialog',
  imports: [DateTimePipe, MatButtonModule, MatDialogModule, MatIconModule, TranslatePipe],
  templateUrl: './cancellations-dialog.html',
  styleUrl: './cancellations-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CancellationsDialog {
  protected readonly data = inject<CancellationsDialogData>(MAT_DIALOG_DATA);
  protected readonly locale = inject(LanguageService).locale;
}

/** Shows the dates that would be cancelled; emits true only when the person chooses to cancel them and save. */
export function confirmCancellations(dialog: MatDialog, sessions: SessionWithFamilies[]): Observable<boolean> {
  return dialog
    .open<CancellationsDialog, CancellationsDialogData, boolean>(CancellationsDialog, {
      data: { sessions },
      maxWidth: '34rem',
      width: 'calc(100% - 32px)',
    })
    .afterClosed()
    .pipe(map((answer) => answer === true));
}
