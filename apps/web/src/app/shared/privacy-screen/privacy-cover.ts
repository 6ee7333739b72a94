import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, inject, output, viewChild } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * The calm cover of a blanked screen: the Kring mark and "Tik om verder te gaan", nothing about
 * anyone. It is one big button, so a tap, Enter or Space brings the page back; Escape too.
 * Made by PrivacyScreen; not meant to be placed in a template.
 */
@Component({
  selector: 'kr-privacy-cover',
  imports: [TranslatePipe],
  templateUrl: './privacy-cover.html',
  styleUrl: './privacy-cover.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.dir]': 'direction()' },
})
export class PrivacyCover {
  private readonly button = viewChild.required<ElementRef<HTMLButtonElement>>('button');

  protected readonly direction = inject(LanguageService).direction;

  /** The person asked for the page back. */
  readonly restore = output<void>();

  focus(): void {
    this.button().nativeElement.focus();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    // Not also to an open dialog underneath (it would close on the same Escape).
    event.preventDefault();
    event.stopPropagation();
    this.restore.emit();
  }
}
