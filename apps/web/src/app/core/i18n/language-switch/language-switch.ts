import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { lazyComponent } from '../../../shared/deferred-menu';
import { LanguageService, NATIVE_LANGUAGE_NAMES } from '../language.service';

/**
 * The language menu in the toolbar; each language is named in its own language. The menu itself
 * (LanguageMenu) comes just after the page shows: see lazyComponent.
 */
@Component({
  selector: 'kr-language-switch',
  imports: [MatButton, MatIcon, NgComponentOutlet, TranslatePipe],
  templateUrl: './language-switch.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  protected readonly current = inject(LanguageService).locale;
  protected readonly names = NATIVE_LANGUAGE_NAMES;
  protected readonly menu = lazyComponent(() => import('./language-menu').then((m) => m.LanguageMenu));
  protected readonly pressed = signal(false);
  protected readonly focused = signal(false);
}
