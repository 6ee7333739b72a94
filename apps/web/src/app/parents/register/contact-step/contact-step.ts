import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type { Channel } from '../registration-rules';
import { RegistrationFlow } from '../registration-flow';

/** Step 2: a mobile number (for an SMS) or, if the parent prefers, an e-mail address. One field at a time. */
@Component({
  selector: 'kr-contact-step',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './contact-step.html',
  styleUrl: './contact-step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactStep {
  private readonly flow = inject(RegistrationFlow);

  protected readonly phone = this.flow.form.controls.phone;
  protected readonly email = this.flow.form.controls.email;
  protected readonly channel = this.flow.channel;
  protected readonly errors = this.flow.errors;

  protected use(channel: Channel): void {
    this.flow.useChannel(channel);
  }
}
