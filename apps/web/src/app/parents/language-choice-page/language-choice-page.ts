import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { Locale } from '@kring/domain';
import { LanguageService, NATIVE_LANGUAGE_NAMES, PARENT_LOCALES } from '../../core/i18n/language.service';

/**
 * "Kies je taal" in each language, so a parent who does not read the current one still
 * understands the question. Like the names of the languages, these are the same in every file.
 */
export const LANGUAGE_PROMPTS: Readonly<Record<Locale, string>> = {
  nl: 'Kies je taal',
  en: 'Choose your language',
  fr: 'Choisissez votre langue',
  ar: 'اختر لغتك',
};

/** The first parent screen: the language, each named in its own script; then "Wat zoek je?". */
@Component({
  selector: 'kr-language-choice-page',
  imports: [MatIconModule, TranslatePipe],
  templateUrl: './language-choice-page.html',
  styleUrl: './language-choice-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageChoicePage {
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);

  protected readonly locales = PARENT_LOCALES;
  protected readonly names = NATIVE_LANGUAGE_NAMES;
  protected readonly current = this.language.locale;
  protected readonly busy = signal(false);
  /** The question in the other languages, under the heading. */
  protected readonly otherPrompts = computed(() =>
    PARENT_LOCALES.filter((locale) => locale !== this.current()).map((locale) => ({
      locale,
      text: LANGUAGE_PROMPTS[locale],
    })),
  );

  /** Switches (and remembers) the language, then goes on to "Wat zoek je?". */
  protected choose(locale: Locale): void {
    if (this.busy()) return;
    this.busy.set(true);
    const next = () => {
      this.busy.set(false);
      void this.router.navigate(['/groepen/zoeken']);
    };
    this.language.use(locale).subscribe({ complete: next, error: next });
  }
}
