import { Pipe } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { formatDay } from '../core/i18n/date-time';

/** A calendar day (`YYYY-MM-DD`, as review dates are) as people say it: "vrijdag 11 december". */
@Pipe({ name: 'krFlagDay' })
export class FlagDayPipe implements PipeTransform {
  transform(day: string | null | undefined, locale: string, style: 'long' | 'short' = 'long'): string {
    if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) return '';
    // Noon UTC is the same calendar day in Brussels, summer or winter.
    return formatDay(new Date(`${day.slice(0, 10)}T12:00:00Z`), locale, style);
  }
}
