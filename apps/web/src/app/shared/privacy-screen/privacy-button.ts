import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { PrivacyScreen } from './privacy-screen';

/** "Scherm verbergen": one tap blanks the screen (see PrivacyScreen). Put it on every page that shows families. */
@Component({
  selector: 'kr-privacy-button',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './privacy-button.html',
  styleUrl: './privacy-button.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivacyButton {
  private readonly screen = inject(PrivacyScreen);

  protected blank(): void {
    this.screen.blank();
  }
}
