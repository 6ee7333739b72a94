import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { ErrorMessage } from '../../core/http/error-message';

/**
 * What went wrong with something a person just did, said at once (`role="alert"`) in their language:
 * an error icon and one line. `@if (problem(); as problem) { <kr-problem-notice [problem]="problem" /> }`
 */
@Component({
  selector: 'kr-problem-notice',
  imports: [MatIconModule, TranslatePipe],
  template: `
    <div class="notice notice--error" role="alert">
      <mat-icon svgIcon="kr:error" aria-hidden="true" />
      <p>{{ problem().key | translate: problem().params }}</p>
    </div>
  `,
  styles: ':host { display: block; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProblemNotice {
  /** The message: a translation key and its parameters (see `errorMessage`). */
  readonly problem = input.required<ErrorMessage>();
}
