import { ChangeDetectionStrategy, Component, afterNextRender, inject, input, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { TranslatePipe } from '@ngx-translate/core';
import type { Locale } from '@kring/domain';
import { takeOverFromStandIn } from '../../../shared/deferred-menu';
import { LanguageService, NATIVE_LANGUAGE_NAMES } from '../language.service';

/**
 * The language menu itself, with Material's menu (and its overlay): loaded by LanguageSwitch just after
 * the page shows, so that it is not part of every page's first load.
 */
@Component({
  selector: 'kr-language-menu',
  imports: [MatButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, TranslatePipe],
  templateUrl: './language-menu.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageMenu {
  private readonly language = inject(LanguageService);
  private readonly trigger = viewChild.required(MatMenuTrigger);

  /** The stand-in button was pressed before this menu was there: open at once. */
  readonly openAtOnce = input(false);
  /** The stand-in button had the focus: this button takes it over. */
  readonly focusAtOnce = input(false);

  protected readonly current = this.language.locale;
  /** The parent pages add Arabic. */
  protected readonly offered = this.language.offeredHere;
  protected readonly names = NATIVE_LANGUAGE_NAMES;

  constructor() {
    afterNextRender(() => takeOverFromStandIn(this.trigger(), this.openAtOnce(), this.focusAtOnce()));
  }

  protected choose(locale: Locale): void {
    this.language.use(locale).subscribe({ error: () => undefined });
  }
}
