import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialog } from '@angular/material/dialog';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { SchedulingConflict } from '@kring/domain';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { DateTimePipe } from '../../../core/i18n/date-time.pipe';
import { LanguageService } from '../../../core/i18n/language.service';
import { SessionTimePipe } from '../session-time.pipe';

export interface ConflictsDialogData {
  conflicts: SchedulingConflict[];
}

/**
 * "Someone or a room is already booked then": each double booking in words, and the choice to
 * go back and change it, or to save anyway ("Toch bewaren").
 */
@Component({
  selector: 'kr-conflicts-dialog',
  imports: [DateTimePipe, MatButtonModule, MatDialogModule, MatIconModule, SessionTimePipe, TranslatePipe],
  templateUrl: './conflicts-dialog.html',
  styleUrl: './conflicts-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictsDialog {
  protected readonly data = inject<ConflictsDialogData>(MAT_DIALOG_DATA);
  protected readonly locale = inject(LanguageService).locale;
}

/** Shows the double bookings; emits true only when the person chooses to save anyway. */
export function confirmConflicts(dialog: MatDialog, conflicts: SchedulingConflict[]): Observable<boolean> {
  return dialog
    .open<ConflictsDialog, ConflictsDialogData, boolean>(ConflictsDialog, {
      data: { conflicts },
      maxWidth: '34rem',
      width: 'calc(100% - 32px)',
    })
    .afterClosed()
    .pipe(map((answer) => answer === true));
}
