import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import type { Phrase } from './when';
import { capitalize, clockPhrase, dayPhrase } from './when';

/**
 * When a meeting is, as people say it, in Brussels time and the page language:
 * "Volgende donderdag 3 december, 9.30 tot 11 uur". Without an end: "…, 9.30 uur".
 * Pass the current locale so the text follows a language switch: `{{ s.startsAt | krWhen: s.endsAt : locale() }}`.
 */
@Pipe({ name: 'krWhen' })
export class WhenPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  /** `startOfLine`: false inside a sentence ("Zeg ja voor morgen, 12 uur"). */
  transform(start: string | null | undefined, end: string | null | undefined, locale: string, startOfLine = true): string {
    if (!start) return '';
    const from = new Date(start);
    if (Number.isNaN(from.getTime())) return '';
    const day = this.say(dayPhrase(from, locale), locale);
    const to = end ? new Date(end) : null;
    const time =
      to && !Number.isNaN(to.getTime())
        ? this.say(
            { key: 'parents.when.range', params: { from: this.say(clockPhrase(from), locale), to: this.say(clockPhrase(to), locale) } },
            locale,
          )
        : this.say({ key: 'parents.when.at', params: { time: this.say(clockPhrase(from), locale) } }, locale);
    const text = this.say({ key: 'parents.when.dayAndTime', params: { day, time } }, locale);
    return startOfLine ? capitalize(text) : text;
  }

  private say(phrase: Phrase, locale: string): string {
    return String(this.translate.instant(phrase.key, phrase.params, locale));
  }
}
