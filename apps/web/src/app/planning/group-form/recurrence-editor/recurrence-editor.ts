import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { GroupKind } from '@kring/domain';
import { map, pairwise, startWith, switchMap } from 'rxjs';
import { LanguageService } from '../../../core/i18n/language.service';
import { FieldErrorPipe } from '../../shared/field-error.pipe';
import type { Day } from '../../shared/planning-dates';
import { PLANNING_NOW, isDay, weekdayNames } from '../../shared/planning-dates';
import type { ScheduleForm } from '../group-form.model';
import { ORDINALS, REPEAT_PATTERNS, WEEKDAYS, ordinalOf, weekdayCode } from '../repeat-rule';
import { RecurrencePreview } from '../recurrence-preview/recurrence-preview';
import { previewSchedule } from '../schedule-preview';

type ScheduleControl = keyof ScheduleForm['controls'];
/** The checks that depend on other fields of the schedule. */
const DEPENDENT: readonly ScheduleControl[] = ['endTime', 'until', 'count', 'weekdays'];

/**
 * When a group meets, asked the way people think of it ("every 2 weeks on Tuesday, until the end
 * of June"), with a live list of the resulting dates where a date can be skipped.
 */
@Component({
  selector: 'kr-recurrence-editor',
  imports: [
    FieldErrorPipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ReactiveFormsModule,
    RecurrencePreview,
    TranslatePipe,
  ],
  templateUrl: './recurrence-editor.html',
  styleUrl: './recurrence-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecurrenceEditor {
  private readonly now = inject(PLANNING_NOW);
  private readonly destroyRef = inject(DestroyRef);

  readonly form = input.required<ScheduleForm>();
  readonly kind = input.required<GroupKind>();
  readonly readonly = input(false);

  protected readonly locale = inject(LanguageService).locale;
  protected readonly patterns = REPEAT_PATTERNS;
  protected readonly ordinals = ORDINALS;
  protected readonly intervals = [1, 2, 3, 4];
  protected readonly weekdays = computed(() => {
    const long = weekdayNames(this.locale());
    const short = weekdayNames(this.locale(), 'short');
    return WEEKDAYS.map((code, i) => ({ code, long: long[i], short: short[i] }));
  });

  private readonly value = toSignal(
    toObservable(this.form).pipe(
      switchMap((form) =>
        form.valueChanges.pipe(
          startWith(null),
          map(() => form.getRawValue()),
        ),
      ),
    ),
    { initialValue: null },
  );
  protected readonly pattern = computed(() => (this.kind() === 'one_off' ? 'once' : (this.value()?.pattern ?? 'weekly')));
  protected readonly customRule = computed(() => (this.kind() === 'one_off' ? null : (this.value()?.customRule ?? null)));
  protected readonly endChoice = computed(() => this.value()?.end ?? 'count');
  protected readonly dayOfMonth = computed(() => Number(this.value()?.date.slice(8, 10) ?? 0));
  protected readonly preview = computed(() => {
    const value = this.value();
    return value ? previewSchedule(value, this.kind(), this.now()) : { state: 'incomplete' as const, reason: 'date' as const };
  });

  constructor() {
    toObservable(this.form)
      .pipe(
        switchMap((form) =>
          form.controls.date.valueChanges.pipe(
            startWith(form.controls.date.value),
            pairwise(),
            map(([before, after]) => ({ form, before, after })),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(({ form, before, after }) => this.followFirstDay(form, before, after));
    toObservable(this.form)
      .pipe(
        switchMap((form) => form.valueChanges.pipe(map(() => form))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((form) => {
        for (const name of DEPENDENT) form.controls[name].updateValueAndValidity({ emitEvent: false });
      });
  }

  /** Skips a date, or puts it back. */
  protected toggle(day: Day): void {
    const control = this.form().controls.exceptionDates;
    const dates = control.value;
    control.setValue(dates.includes(day) ? dates.filter((d) => d !== day) : [...dates, day].sort());
    control.markAsDirty();
  }

  /** Lets go of a rule made elsewhere: the friendly choices take over. */
  protected chooseOtherRhythm(): void {
    const form = this.form();
    form.controls.customRule.setValue(null);
    form.controls.customRule.markAsDirty();
  }

  /** Moving the first meeting to another weekday moves the repeat along, unless other days were chosen. */
  private followFirstDay(form: ScheduleForm, before: string, after: string): void {
    if (!isDay(after)) return;
    const { weekdays, weekday, ordinal } = form.controls;
    const wasDay = isDay(before) ? weekdayCode(before) : null;
    if (weekdays.value.length === 0 || (weekdays.value.length === 1 && weekdays.value[0] === wasDay)) {
      weekdays.setValue([weekdayCode(after)]);
    }
    if (!isDay(before) || (weekday.value === wasDay && ordinal.value === ordinalOf(before))) {
      weekday.setValue(weekdayCode(after));
      ordinal.setValue(ordinalOf(after));
    }
  }
}
