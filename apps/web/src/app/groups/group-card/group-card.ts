import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { PublicGroupSummary } from '@kring/domain';
import { languageName } from '../../core/i18n/language-names';
import { LanguageService } from '../../core/i18n/language.service';

/** One group as parents see it: what, for whom, where and in which languages. */
@Component({
  selector: 'kr-group-card',
  imports: [MatCardModule, MatIconModule, TranslatePipe],
  templateUrl: './group-card.html',
  styleUrl: './group-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupCard {
  private readonly locale = inject(LanguageService).locale;

  readonly group = input.required<PublicGroupSummary>();

  /** Set when the text is not in the page language (a Dutch fallback), for `lang` and a note. */
  protected readonly textLocale = computed(() => {
    const textLocale = this.group().locale;
    return textLocale === this.locale() ? null : textLocale;
  });
  protected readonly textLanguageName = computed(() => {
    const textLocale = this.textLocale();
    return textLocale === null ? null : languageName(textLocale, this.locale());
  });
  protected readonly spokenLanguages = computed(() =>
    this.group()
      .spokenLanguages.map((code) => languageName(code, this.locale()))
      .join(', '),
  );
  /** "Huis van het Kind Sint-Niklaas" already says the city; don't repeat it. */
  protected readonly showCity = computed(() => {
    const { name, city } = this.group().location;
    return city.trim() !== '' && !name.toLocaleLowerCase().includes(city.toLocaleLowerCase());
  });
}
