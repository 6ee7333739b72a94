import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The eye button inside a password field: shows or hides what was typed.
 * `<input matInput type="password" #pw /> <kr-show-password matIconSuffix [input]="pw" />`
 */
@Component({
  selector: 'kr-show-password',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './show-password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShowPassword {
  readonly input = input.required<HTMLInputElement>();
  protected readonly visible = signal(false);

  protected toggle(): void {
    const visible = !this.visible();
    this.visible.set(visible);
    this.input().type = visible ? 'text' : 'password';
  }
}
