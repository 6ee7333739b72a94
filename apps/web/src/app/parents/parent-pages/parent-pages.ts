import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * The frame of every parent page: a calm column that fits a phone, and Arabic in the
 * language menu for as long as a parent page is open.
 */
@Component({
  selector: 'kr-parent-pages',
  imports: [RouterOutlet],
  template: '<div class="parent-pages"><router-outlet /></div>',
  styleUrl: './parent-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParentPages {
  constructor() {
    inject(DestroyRef).onDestroy(inject(LanguageService).offerParentLanguages());
  }
}
