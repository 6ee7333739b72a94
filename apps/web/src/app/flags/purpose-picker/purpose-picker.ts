import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';
import type { OpenFlagRequest, ReadPurpose } from '@kring/domain';
import { FLAG_REASON_MAX, ReadPurpose as Purpose } from '@kring/domain';

/** The purposes a coordinator chooses from (the author's own rereading is not one of them). */
export const DESK_PURPOSES: readonly ReadPurpose[] = [
  Purpose.Triage,
  Purpose.FollowUp,
  Purpose.ReferralPreparation,
  Purpose.SubjectAccess,
  Purpose.Other,
];

/**
 * Why do you open this? A short list (and a word with "other"), kept with the read in the audit
 * trail; then one button to open. Emits the request; the page opens it (with step-up if needed).
 */
@Component({
  selector: 'kr-purpose-picker',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatRadioModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './purpose-picker.html',
  styleUrl: './purpose-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PurposePicker {
  /** The question (a translation key), a level-2 heading. */
  readonly questionKey = input('flags.desk.purposeQuestion');
  /** The button's words (a translation key). */
  readonly actionKey = input('flags.desk.open');
  readonly busy = input(false);
  readonly chosen = output<OpenFlagRequest>();

  protected readonly purposes = DESK_PURPOSES;
  protected readonly noteMax = FLAG_REASON_MAX;
  protected readonly form = new FormGroup({
    purpose: new FormControl<ReadPurpose | ''>('', { nonNullable: true }),
    purposeNote: new FormControl('', { nonNullable: true }),
  });
  protected readonly purpose = toSignal(this.form.controls.purpose.valueChanges, { initialValue: '' as ReadPurpose | '' });
  protected readonly error = signal<string | null>(null);
  protected readonly id = `purpose-${Math.random().toString(36).slice(2, 8)}`;

  protected submit(): void {
    const { purpose, purposeNote } = this.form.getRawValue();
    if (!purpose) {
      this.error.set('flags.desk.errors.purpose');
      return;
    }
    if (purpose === Purpose.Other && !purposeNote.trim()) {
      this.error.set('flags.desk.errors.purposeNote');
      return;
    }
    this.error.set(null);
    this.chosen.emit(purpose === Purpose.Other ? { purpose, purposeNote: purposeNote.trim() } : { purpose });
  }
}
