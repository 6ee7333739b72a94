import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { NAME_MAX } from '../registration-rules';
import { RegistrationFlow } from '../registration-flow';

/** Step 1: how we may call you (a first name or a nickname is enough). */
@Component({
  selector: 'kr-name-step',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './name-step.html',
  styleUrl: './name-step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NameStep {
  private readonly flow = inject(RegistrationFlow);

  protected readonly control = this.flow.form.controls.displayName;
  protected readonly errors = this.flow.errors;
  protected readonly max = NAME_MAX;
}
