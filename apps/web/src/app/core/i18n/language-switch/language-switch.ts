import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslatePipe } from '@ngx-translate/core';
import type { Locale } from '@kring/domain';
import { LanguageService, NATIVE_LANGUAGE_NAMES } from '../language.service';

/** The language menu in the toolbar; each language is named in its own language. */
@Component({
  selector: 'kr-language-switch',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  templateUrl: './language-switch.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  private readonly language = inject(LanguageService);

  protected readonly current = this.language.locale;
  /** The parent pages add Arabic. */
  protected readonly offered = this.language.offeredHere;
  protected readonly names = NATIVE_LANGUAGE_NAMES;

  protected choose(locale: Locale): void {
    this.language.use(locale).subscribe({ error: () => undefined });
  }
}
