import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { clockTime } from '../core/i18n/date-time';

/**
 * From when to when, in Brussels time, as people say it: "9.30 tot 11 uur", "9:30 to 11:00",
 * "de 9 h 30 à 11 h". Pass the locale so the text follows a language switch.
 */
@Pipe({ name: 'krTimeRange' })
export class TimeRangePipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(start: string | null | undefined, end: string | null | undefined, locale: string): string {
    if (!start || !end) return '';
    const clock = (iso: string) => {
      const { hour, minute } = clockTime(new Date(iso));
      return String(this.translate.instant(minute === '00' ? 'room.time.onTheHour' : 'room.time.clock', { hour, minute }, locale));
    };
    return String(this.translate.instant('room.time.range', { start: clock(start), end: clock(end) }, locale));
  }
}
