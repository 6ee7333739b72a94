import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { clockTime, formatDay } from './date-time';

/**
 * A moment as people say it, in Brussels time and the page language:
 * `long`: "maandag 30 november om 10.26 uur"; `short`: "ma 30 nov., 10.26 uur".
 * Pass the current locale, so the text follows a language switch: `{{ at | krDateTime: locale() }}`.
 */
@Pipe({ name: 'krDateTime' })
export class DateTimePipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(value: string | Date | null | undefined, locale: string, style: 'long' | 'short' = 'long'): string {
    if (value === null || value === undefined || value === '') return '';
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return '';
    const { hour, minute } = clockTime(date);
    const time = String(this.translate.instant(minute === '00' ? 'dates.timeOnTheHour' : 'dates.time', { hour, minute }, locale));
    const day = formatDay(date, locale, style);
    return String(this.translate.instant(style === 'long' ? 'dates.dayAtTime' : 'dates.dayWithTime', { day, time }, locale));
  }
}
