import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { TranslatePipe } from '@ngx-translate/core';
import { NEEDS } from '@kring/domain';
import { RegistrationFlow } from '../registration-flow';

/** Step 4: what would help the parent come (all optional), and messages without the group's name. */
@Component({
  selector: 'kr-needs-step',
  imports: [MatCheckboxModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './needs-step.html',
  styleUrl: './needs-step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NeedsStep {
  protected readonly form = inject(RegistrationFlow).form;
  protected readonly needs = NEEDS;
}
