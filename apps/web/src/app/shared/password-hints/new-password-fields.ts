import { ChangeDetectionStrategy, ChangeDetectorRef, Component, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { merge, startWith, switchMap } from 'rxjs';
import { ShowPassword } from '../show-password/show-password';
import type { PasswordOwner } from './new-password';
import { passwordProblemKey } from './new-password';
import { PasswordHints } from './password-hints';

/**
 * A new password and its confirmation, each with the eye button and its errors, and the live hints
 * between them: the fields a person fills to choose a password (set-password link, own account).
 * The page owns the controls (with `newPasswordValidator` and `sameAsValidator`) and the form.
 */
@Component({
  selector: 'kr-new-password-fields',
  imports: [MatFormFieldModule, MatInputModule, PasswordHints, ReactiveFormsModule, ShowPassword, TranslatePipe],
  templateUrl: './new-password-fields.html',
  // The fields stay items of the page's form (its column and gaps).
  styles: ':host { display: contents; } .confirmation { margin-block-start: 16px; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordFields {
  readonly password = input.required<FormControl<string>>();
  readonly confirmation = input.required<FormControl<string>>();
  readonly owner = input.required<PasswordOwner>();
  /** The labels (translation keys) of the two fields. */
  readonly passwordLabelKey = input.required<string>();
  readonly confirmationLabelKey = input.required<string>();

  protected readonly problemKey = passwordProblemKey;
  protected readonly typed = toSignal(
    toObservable(this.password).pipe(switchMap((control) => control.valueChanges.pipe(startWith(control.value)))),
    { initialValue: '' },
  );

  constructor() {
    // The confirmation is checked again whenever the password changes.
    toObservable(this.password)
      .pipe(
        switchMap((control) => control.valueChanges),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.confirmation().updateValueAndValidity({ emitEvent: false }));
    // The page submits, resets and sets server errors on the controls: show that here too.
    const changes = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const events = merge(this.password().events, this.confirmation().events).subscribe(() => changes.markForCheck());
      onCleanup(() => events.unsubscribe());
    });
  }
}
