import type { AbstractControl, ValidatorFn } from '@angular/forms';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { inject } from '@angular/core';
import type { Audience, GroupKind, GroupPlan, LocalizedText, RegistrationMode, SaveGroupRequest } from '@kring/domain';
import { MAX_SESSION_MINUTES } from '@kring/domain';
import { notBlank, wholeNumber } from '../shared/form-errors';
import { isDay } from '../shared/planning-dates';
import type { Ordinal, RepeatEnd, RepeatPattern, RepeatSettings, Weekday } from './repeat-rule';
import { MAX_COUNT, MAX_INTERVAL, defaultRepeat, fromRule, toRule } from './repeat-rule';

export const TEXT_LOCALES = ['nl', 'en', 'fr', 'ar'] as const;
export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 2000;

/** Minutes since midnight of `HH:mm`, or null. */
export function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function sibling(control: AbstractControl, name: string): unknown {
  return control.parent?.get(name)?.value;
}

const endAfterStart: ValidatorFn = (control) => {
  const start = minutesOf(String(sibling(control, 'startTime') ?? ''));
  const end = minutesOf(String(control.value ?? ''));
  if (start === null || end === null) return null;
  if (end <= start) return { endBeforeStart: true };
  return end - start > MAX_SESSION_MINUTES ? { tooLong: true } : null;
};

const repeats = (control: AbstractControl) => sibling(control, 'pattern') !== 'once';

const untilValid: ValidatorFn = (control) => {
  if (!repeats(control) || sibling(control, 'end') !== 'until') return null;
  if (!isDay(control.value)) return { required: true };
  const first = String(sibling(control, 'date') ?? '');
  return isDay(first) && control.value < first ? { beforeStart: true } : null;
};

const countValid: ValidatorFn = (control) => {
  if (!repeats(control) || sibling(control, 'end') !== 'count') return null;
  const value = control.value as number | null;
  return value === null || !Number.isInteger(value) || value < 1 || value > MAX_COUNT ? { countRange: true } : null;
};

const weekdaysChosen: ValidatorFn = (control) =>
  sibling(control, 'pattern') === 'weekly' && (control.value as Weekday[]).length === 0 ? { required: true } : null;

const realDay: ValidatorFn = (control) => (control.value === '' || isDay(control.value) ? null : { invalidDate: true });

/** The group form: every field of `SaveGroupRequest`, the schedule as people think of it. */
export function buildGroupForm() {
  const fb = inject(NonNullableFormBuilder);
  const texts = (max: number) =>
    fb.group({
      nl: fb.control('', [Validators.required, notBlank, Validators.maxLength(max)]),
      en: fb.control('', Validators.maxLength(max)),
      fr: fb.control('', Validators.maxLength(max)),
      ar: fb.control('', Validators.maxLength(max)),
    });
  const repeat = defaultRepeat('');
  return fb.group({
    title: texts(TITLE_MAX),
    description: texts(DESCRIPTION_MAX),
    kind: fb.control<GroupKind>('series'),
    audience: fb.control<Audience>('all'),
    spokenLanguages: fb.control<string[]>(['nl']),
    schedule: fb.group({
      date: fb.control('', [Validators.required, realDay]),
      startTime: fb.control('09:30', Validators.required),
      endTime: fb.control('11:00', [Validators.required, endAfterStart]),
      pattern: fb.control<RepeatPattern>(repeat.pattern),
      interval: fb.control(repeat.interval, [Validators.required, Validators.min(1), Validators.max(MAX_INTERVAL), wholeNumber]),
      weekdays: fb.control<Weekday[]>(repeat.weekdays, weekdaysChosen),
      ordinal: fb.control<Ordinal>(repeat.ordinal),
      weekday: fb.control<Weekday>(repeat.weekday),
      end: fb.control<RepeatEnd>(repeat.end),
      until: fb.control<string>('', untilValid),
      count: fb.control<number | null>(repeat.count, countValid),
      exceptionDates: fb.control<string[]>([]),
      /** A rule the friendly form cannot show: kept as it is until another pattern is chosen. */
      customRule: fb.control<string | null>(null),
    }),
    defaultLocationId: fb.control('', Validators.required),
    defaultRoomId: fb.control<string | null>(null),
    facilitatorIds: fb.control<string[]>([]),
    registrationMode: fb.control<RegistrationMode>('open'),
    capacity: fb.control<number | null>(null, [Validators.min(1), Validators.max(10_000), wholeNumber]),
    childrenCountTowardCapacity: fb.control(false),
    opensDaysBefore: fb.control<number | null>(null, [Validators.min(0), Validators.max(365), wholeNumber]),
    closesHoursBefore: fb.control<number | null>(null, [Validators.min(0), Validators.max(24 * 30), wholeNumber]),
    active: fb.control(true),
  });
}

export type GroupForm = ReturnType<typeof buildGroupForm>;
export type ScheduleForm = GroupForm['controls']['schedule'];
export type ScheduleValue = ReturnType<ScheduleForm['getRawValue']>;
export type GroupFormValue = ReturnType<GroupForm['getRawValue']>;

export function repeatSettingsOf(schedule: ScheduleValue): RepeatSettings {
  const { pattern, interval, weekdays, ordinal, weekday, end, until, count } = schedule;
  return { pattern, interval, weekdays, ordinal, weekday, end, until, count };
}

/** The recurrence the schedule stands for (it may still be invalid: check `recurrenceProblems`). */
export function recurrenceOf(schedule: ScheduleValue, kind: GroupKind): SaveGroupRequest['recurrence'] {
  const start = minutesOf(schedule.startTime) ?? 0;
  const end = minutesOf(schedule.endTime) ?? 0;
  const once = kind === 'one_off' || schedule.pattern === 'once';
  return {
    firstStart: `${schedule.date}T${schedule.startTime}`,
    durationMinutes: end - start,
    rule: once ? null : (schedule.customRule ?? toRule(repeatSettingsOf(schedule), schedule.date)),
    exceptionDates: once ? [] : [...schedule.exceptionDates].sort(),
  };
}

function localized(texts: Record<(typeof TEXT_LOCALES)[number], string>): LocalizedText {
  const out: LocalizedText = { nl: texts.nl.trim() };
  for (const locale of ['en', 'fr', 'ar'] as const) {
    const text = texts[locale].trim();
    if (text) out[locale] = text;
  }
  return out;
}

/** What the form asks the API to save. */
export function toSaveRequest(value: GroupFormValue, confirmConflicts = false): SaveGroupRequest {
  return {
    title: localized(value.title),
    description: localized(value.description),
    kind: value.kind,
    audience: value.audience,
    spokenLanguages: value.spokenLanguages,
    defaultLocationId: value.defaultLocationId,
    defaultRoomId: value.defaultRoomId,
    capacity: value.capacity,
    childrenCountTowardCapacity: value.childrenCountTowardCapacity,
    registrationMode: value.registrationMode,
    registrationWindow: { opensDaysBefore: value.opensDaysBefore, closesHoursBefore: value.closesHoursBefore },
    facilitatorIds: value.facilitatorIds,
    recurrence: recurrenceOf(value.schedule, value.kind),
    active: value.active,
    ...(confirmConflicts ? { confirmConflicts: true } : {}),
  };
}

/** Fills the form with a saved group. */
export function fillGroupForm(form: GroupForm, plan: GroupPlan): void {
  const texts = (text: LocalizedText) => ({ nl: text.nl, en: text.en ?? '', fr: text.fr ?? '', ar: text.ar ?? '' });
  const recurrence = plan.recurrence;
  const date = recurrence?.firstStart.slice(0, 10) ?? '';
  const startTime = recurrence?.firstStart.slice(11, 16) ?? '09:30';
  const endMinutes = (minutesOf(startTime) ?? 0) + (recurrence?.durationMinutes ?? 90);
  const read = recurrence && date ? fromRule(recurrence.rule, date) : null;
  const settings = read ?? defaultRepeat(date);
  form.reset({
    title: texts(plan.title),
    description: texts(plan.description),
    kind: plan.kind,
    audience: plan.audience,
    spokenLanguages: plan.spokenLanguages,
    schedule: {
      date,
      startTime,
      endTime: `${String(Math.floor(endMinutes / 60) % 24).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`,
      ...settings,
      exceptionDates: recurrence?.exceptionDates ?? [],
      customRule: recurrence && !read ? recurrence.rule : null,
    },
    defaultLocationId: plan.defaultLocationId,
    defaultRoomId: plan.defaultRoomId,
    facilitatorIds: plan.facilitatorIds,
    registrationMode: plan.registrationMode,
    capacity: plan.capacity,
    childrenCountTowardCapacity: plan.childrenCountTowardCapacity,
    opensDaysBefore: plan.registrationWindow.opensDaysBefore,
    closesHoursBefore: plan.registrationWindow.closesHoursBefore,
    active: plan.active,
  });
}

/**
 * The control an API field error belongs to (`recurrence.rule` depends on the reason).
 * Null for a field the form does not show.
 */
export function controlForApiField(form: GroupForm, field: string, reason?: string): AbstractControl | null {
  const schedule = form.controls.schedule.controls;
  if (field === 'recurrence.rule') {
    if (reason === 'no_end' || reason === 'ends_before_start') {
      return schedule.end.value === 'until' ? schedule.until : schedule.count;
    }
    return schedule.pattern;
  }
  const direct: Record<string, AbstractControl> = {
    'recurrence.firstStart': schedule.date,
    'recurrence.durationMinutes': schedule.endTime,
    'recurrence.exceptionDates': schedule.exceptionDates,
    'registrationWindow.opensDaysBefore': form.controls.opensDaysBefore,
    'registrationWindow.closesHoursBefore': form.controls.closesHoursBefore,
  };
  if (direct[field]) return direct[field];
  const [head, locale] = field.split('.');
  if ((head === 'title' || head === 'description') && locale) {
    return form.controls[head].get(locale) ?? form.controls[head].controls.nl;
  }
  return form.get(head) ?? null;
}
