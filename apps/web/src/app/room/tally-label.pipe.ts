import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { languageName } from '../core/i18n/language-names';

/** The name of a tally counter in the page language: "0 tot 1 jaar", or for `lang:ar` "Arabisch". */
@Pipe({ name: 'krTallyLabel' })
export class TallyLabelPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(category: string, locale: string): string {
    if (category.startsWith('lang:')) return languageName(category.slice(5), locale);
    return String(this.translate.instant(`room.tally.category.${category}`, undefined, locale));
  }
}
