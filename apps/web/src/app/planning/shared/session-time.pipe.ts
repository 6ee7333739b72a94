import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { clockTime, formatDay } from '../../core/i18n/date-time';
import { PLANNING_NOW } from './planning-dates';

export interface TimeSpan {
  startsAt: string;
  endsAt: string;
}

/**
 * When a session happens, as people say it, in Brussels time and the page language:
 * `long`: "dinsdag 9 december, 9.30 tot 11 uur"; `short`: "di 9 dec., 9.30 tot 11 uur";
 * `time`: "9.30 tot 11 uur" (the year only when it is not this year's). Pass the locale, so the text follows a language switch.
 */
@Pipe({ name: 'krSessionTime' })
export class SessionTimePipe implements PipeTransform {
  private readonly translate = inject(TranslateService);
  private readonly now = inject(PLANNING_NOW);

  transform(span: TimeSpan | null | undefined, locale: string, style: 'long' | 'short' | 'time' = 'long'): string {
    if (!span) return '';
    const start = new Date(span.startsAt);
    const end = new Date(span.endsAt);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
    const from = this.clock(start, 'planning.time.bare', 'planning.time.bareOnTheHour', locale);
    const to = this.clock(end, 'dates.time', 'dates.timeOnTheHour', locale);
    const time = this.text('planning.time.range', { from, to }, locale);
    if (style === 'time') return time;
    return this.text('dates.dayWithTime', { day: formatDay(start, locale, style, this.now()), time }, locale);
  }

  private clock(moment: Date, key: string, onTheHourKey: string, locale: string): string {
    const { hour, minute } = clockTime(moment);
    return this.text(minute === '00' ? onTheHourKey : key, { hour, minute }, locale);
  }

  private text(key: string, params: Record<string, string>, locale: string): string {
    return String(this.translate.instant(key, params, locale));
  }
}
