import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { PASSWORD_MIN_LENGTH, PasswordProblem, passwordProblems } from '@kring/domain';
import type { PasswordOwner } from './new-password';

interface Hint {
  key: string;
  met: boolean;
}

/**
 * What makes a good password, checked while typing: long enough, not a known one, not your name.
 * Each line says whether it is met, also to screen readers.
 */
@Component({
  selector: 'kr-password-hints',
  imports: [MatIconModule, TranslatePipe],
  templateUrl: './password-hints.html',
  styleUrl: './password-hints.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordHints {
  readonly password = input('');
  readonly owner = input<PasswordOwner>({});

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly hints = computed<Hint[]>(() => {
    const password = this.password();
    const problems = password === '' ? [] : passwordProblems(password, this.owner());
    const typed = password !== '';
    const hints: Hint[] = [
      { key: 'password.hints.length', met: typed && !problems.includes(PasswordProblem.TooShort) },
      {
        key: 'password.hints.notCommon',
        met: typed && !problems.includes(PasswordProblem.TooCommon) && !problems.includes(PasswordProblem.TooPredictable),
      },
      { key: 'password.hints.notName', met: typed && !problems.includes(PasswordProblem.ContainsName) },
    ];
    if (problems.includes(PasswordProblem.TooLong)) hints.push({ key: 'password.hints.notTooLong', met: false });
    return hints;
  });
}
