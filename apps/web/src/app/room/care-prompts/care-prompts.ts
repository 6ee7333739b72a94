import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { CarePrompt } from '@kring/domain';
import { familyHistoryLink } from '../family-history-page/family-history-link';
import { ROOM_PATHS } from '../room-paths';

/**
 * "Misschien eens bellen met …?": families who missed their last two sessions without a word.
 * A reason to call and ask how things are, never a mark on the family. Closed by default, so
 * nothing about a family is on screen in a room full of parents until the worker opens it.
 * Each prompt also leads to the family's earlier sessions.
 */
@Component({
  selector: 'kr-care-prompts',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  templateUrl: './care-prompts.html',
  styleUrl: './care-prompts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CarePrompts {
  readonly prompts = input.required<readonly CarePrompt[]>();

  protected readonly open = signal(false);

  protected historyLink(prompt: CarePrompt): ReturnType<typeof familyHistoryLink> {
    return familyHistoryLink(prompt.familyId, prompt.displayName, ROOM_PATHS.today);
  }

  protected toggle(): void {
    this.open.update((open) => !open);
  }
}
