import type { AbstractControl, ValidatorFn } from '@angular/forms';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { FieldError, LocationView, SessionView, UpdateSessionRequest } from '@kring/domain';
import { MAX_SESSION_MINUTES } from '@kring/domain';
import { startWith } from 'rxjs';
import { LanguageService } from '../../../core/i18n/language.service';
import type { Facilitator } from '../../data-access/facilitators.api';
import { minutesOf } from '../../group-form/group-form.model';
import { FieldErrorPipe } from '../../shared/field-error.pipe';
import { markServerError, wholeNumber } from '../../shared/form-errors';
import { clockOf, dayOf } from '../../shared/planning-dates';

const endAfterStart: ValidatorFn = (control: AbstractControl) => {
  const start = minutesOf(String(control.parent?.get('startTime')?.value ?? ''));
  const end = minutesOf(String(control.value ?? ''));
  if (start === null || end === null) return null;
  if (end <= start) return { endBeforeStart: true };
  return end - start > MAX_SESSION_MINUTES ? { tooLong: true } : null;
};

/**
 * Changing one session: time, place, room, places and who leads it, for this session only or
 * for this one and the following ones. Emits only what changed.
 */
@Component({
  selector: 'kr-session-edit-form',
  imports: [
    FieldErrorPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './session-edit-form.html',
  styleUrl: './session-edit-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionEditForm {
  readonly session = input.required<SessionView>();
  readonly places = input<LocationView[]>([]);
  readonly people = input<Facilitator[]>([]);
  readonly busy = input(false);
  /** The API's objections to the last save, shown at the fields. */
  readonly fieldErrors = input<readonly FieldError[]>([]);
  readonly save = output<UpdateSessionRequest>();
  readonly closed = output<void>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly form = inject(NonNullableFormBuilder).group({
    date: ['', Validators.required],
    startTime: ['', Validators.required],
    endTime: ['', [Validators.required, endAfterStart]],
    locationId: ['', Validators.required],
    roomId: this.nullable<string>(),
    capacity: this.nullable<number>([Validators.min(1), Validators.max(10_000), wholeNumber]),
    facilitatorIds: [[] as string[]],
    scope: ['this' as 'this' | 'following'],
  });
  protected readonly nothingChanged = signal(false);
  private readonly locationId = toSignal(this.form.controls.locationId.valueChanges.pipe(startWith('')), { requireSync: true });
  protected readonly rooms = computed(() => this.places().find((p) => p.id === this.locationId())?.rooms ?? []);
  protected readonly peopleOptions = computed(() => {
    const known = this.people();
    const extra = this.session().facilitators.filter((f) => !known.some((k) => k.id === f.id));
    return [...known, ...extra];
  });

  constructor() {
    effect(() => {
      const session = this.session();
      untracked(() => this.fill(session));
    });
    effect(() => {
      const errors = this.fieldErrors();
      untracked(() => {
        const controls: Record<string, AbstractControl> = {
          start: this.form.controls.date,
          durationMinutes: this.form.controls.endTime,
          locationId: this.form.controls.locationId,
          roomId: this.form.controls.roomId,
          capacity: this.form.controls.capacity,
          facilitatorIds: this.form.controls.facilitatorIds,
        };
        for (const error of errors) markServerError(controls[error.field], error.reason ?? error.code);
      });
    });
    this.form.controls.startTime.valueChanges.subscribe(() => this.form.controls.endTime.updateValueAndValidity({ emitEvent: false }));
  }

  protected placeChanged(): void {
    const room = this.form.controls.roomId;
    if (room.value && !this.rooms().some((r) => r.id === room.value)) room.setValue(null);
  }

  protected submit(): void {
    this.nothingChanged.set(false);
    const value = this.form.getRawValue();
    const session = this.session();
    if (value.scope === 'following' && value.date !== dayOf(session.startsAt)) {
      markServerError(this.form.controls.date, 'otherDayForSeries');
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request: UpdateSessionRequest = { scope: value.scope };
    const start = `${value.date}T${value.startTime}`;
    const duration = (minutesOf(value.endTime) ?? 0) - (minutesOf(value.startTime) ?? 0);
    if (start !== `${dayOf(session.startsAt)}T${clockOf(session.startsAt)}`) request.start = start;
    if (duration !== Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000)) request.durationMinutes = duration;
    if (value.locationId !== session.location.id) request.locationId = value.locationId;
    if (value.roomId !== (session.room?.id ?? null)) request.roomId = value.roomId;
    if (value.capacity !== session.capacity) request.capacity = value.capacity;
    const before = session.facilitators
      .map((f) => f.id)
      .sort()
      .join();
    if ([...value.facilitatorIds].sort().join() !== before) request.facilitatorIds = value.facilitatorIds;
    if (Object.keys(request).length === 1) {
      this.nothingChanged.set(true);
      return;
    }
    this.save.emit(request);
  }

  private fill(session: SessionView): void {
    this.form.reset({
      date: dayOf(session.startsAt),
      startTime: clockOf(session.startsAt),
      endTime: clockOf(session.endsAt),
      locationId: session.location.id,
      roomId: session.room?.id ?? null,
      capacity: session.capacity,
      facilitatorIds: session.facilitators.map((f) => f.id),
      scope: 'this',
    });
  }

  private nullable<T>(validators: ValidatorFn[] = []) {
    return inject(NonNullableFormBuilder).control<T | null>(null, validators);
  }
}
