import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

/** How long the button says "Gekopieerd" before it offers to copy again. */
export const COPIED_FOR_MS = 2500;

/** A labelled button that copies a text and says so (on screen and to screen readers). */
@Component({
  selector: 'kr-copy-button',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './copy-button.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyButton {
  private readonly clipboard = inject(Clipboard);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly text = input.required<string>();
  readonly labelKey = input('common.copy');
  protected readonly copied = signal(false);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected copy(): void {
    const ok = this.clipboard.copy(this.text());
    void this.announcer.announce(String(this.translate.instant(ok ? 'common.copiedAnnouncement' : 'common.copyFailed')));
    if (!ok) return;
    this.copied.set(true);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.copied.set(false), COPIED_FOR_MS);
  }
}
