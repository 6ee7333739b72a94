import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { CarePrompt } from '@kring/domain';

/**
 * "Misschien eens bellen met …?": families who missed their last two sessions without a word.
 * A reason to call and ask how things are, never a mark on the family. Closed by default, so
 * nothing about a family is on screen in a room full of parents until the worker opens it.
 */
@Component({
  selector: 'kr-care-prompts',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './care-prompts.html',
  styleUrl: './care-prompts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CarePrompts {
  readonly prompts = input.required<readonly CarePrompt[]>();

  protected readonly open = signal(false);

  protected toggle(): void {
    this.open.update((open) => !open);
  }
}
