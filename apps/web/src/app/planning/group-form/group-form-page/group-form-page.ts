import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { GroupKind, SavedGroup } from '@kring/domain';
import { AUDIENCES, ErrorCode, GROUP_KINDS } from '@kring/domain';
import { recurrenceProblems } from '@kring/domain/recurrence';
import { startWith } from 'rxjs';
import { apiErrorCode, apiFieldErrors } from '../../../core/http/api-error';
import type { ErrorMessage } from '../../../core/http/error-message';
import { errorMessage } from '../../../core/http/error-message';
import { LanguageService } from '../../../core/i18n/language.service';
import { FieldErrorPipe } from '../../shared/field-error.pipe';
import { markServerError } from '../../shared/form-errors';
import { REGISTRATION_PATHS } from '../../../registrations/registration-paths';
import { PLANNING_PATHS } from '../../planning-paths';
import { GroupFormStore, GroupSavedNotices } from '../group-form.store';
import type { GroupSavedNotice } from '../group-form.store';
import { buildGroupForm, controlForApiField, fillGroupForm, recurrenceOf, toSaveRequest } from '../group-form.model';
import { GroupTexts } from '../group-texts/group-texts';
import { RecurrenceEditor } from '../recurrence-editor/recurrence-editor';
import { spokenLanguageOptions } from '../spoken-languages';
import { ProblemNotice } from '../../../shared/problem-notice/problem-notice';

/** `/planning/groepen/nieuw` and `/planning/groepen/:id`: everything about a group and when it meets. */
@Component({
  selector: 'kr-group-form-page',
  imports: [
    FieldErrorPipe,
    GroupTexts,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    MatSlideToggleModule,
    ProblemNotice,
    ReactiveFormsModule,
    RecurrenceEditor,
    RouterLink,
    TranslatePipe,
  ],
  providers: [GroupFormStore],
  templateUrl: './group-form-page.html',
  styleUrl: './group-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupFormPage {
  private readonly store = inject(GroupFormStore);
  private readonly notices = inject(GroupSavedNotices);
  private readonly router = inject(Router);
  private readonly formElement = viewChild<ElementRef<HTMLFormElement>>('formElement');

  /** The route's `:id`; absent for a new group. */
  readonly id = input<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = PLANNING_PATHS;
  protected readonly registrationPaths = REGISTRATION_PATHS;
  protected readonly form = buildGroupForm();
  protected readonly kinds = GROUP_KINDS;
  protected readonly audiences = AUDIENCES;
  protected readonly registrationModes = ['open', 'invite', 'none'] as const;
  protected readonly group = this.store.group;
  protected readonly locations = this.store.locations;
  protected readonly facilitators = this.store.facilitators;
  protected readonly saving = this.store.saving;
  protected readonly isNew = computed(() => !this.id());
  protected readonly canEdit = computed(() => this.isNew() || (this.group.hasValue() && this.group.value().canEdit));
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly saved = signal<GroupSavedNotice | null>(null);

  private readonly kind = toSignal(this.form.controls.kind.valueChanges.pipe(startWith(this.form.controls.kind.value)), {
    requireSync: true,
  });
  private readonly locationId = toSignal(
    this.form.controls.defaultLocationId.valueChanges.pipe(startWith(this.form.controls.defaultLocationId.value)),
    { requireSync: true },
  );
  protected readonly currentKind = this.kind;
  protected readonly places = computed(() => (this.locations.hasValue() ? this.locations.value() : []));
  protected readonly rooms = computed(() => this.places().find((p) => p.id === this.locationId())?.rooms ?? []);
  protected readonly languageOptions = computed(() =>
    spokenLanguageOptions(this.locale(), this.group.hasValue() ? this.group.value().spokenLanguages : []),
  );
  protected readonly people = computed(() => {
    const known = this.facilitators.hasValue() ? this.facilitators.value() : [];
    const chosen = this.group.hasValue() ? this.group.value().facilitatorIds : [];
    const missing = chosen.filter((id) => !known.some((f) => f.id === id)).map((id) => ({ id, displayName: null }));
    return [...known.map((f) => ({ id: f.id, displayName: f.displayName as string | null })), ...missing];
  });
  protected readonly loadProblem = computed(() => errorMessage(this.group.error() ?? this.locations.error(), this.locale()));

  constructor() {
    effect(() => this.store.open(this.id() ?? null));
    effect(() => {
      if (!this.group.hasValue()) return;
      const plan = this.group.value();
      untracked(() => {
        fillGroupForm(this.form, plan);
        if (plan.canEdit) this.form.enable();
        else this.form.disable();
        const notice = this.notices.take(plan.id);
        if (notice) this.saved.set(notice);
      });
    });
    effect(() => {
      // A new group starts at the only place there is, when there is just one.
      const places = this.places().filter((p) => p.active);
      if (this.isNew() && places.length === 1 && !untracked(() => this.form.controls.defaultLocationId.value)) {
        untracked(() => this.form.controls.defaultLocationId.setValue(places[0].id));
      }
    });
  }

  /** A drop-in takes no registration; a one-off meets once: the form follows the kind. */
  protected kindChanged(kind: GroupKind): void {
    const mode = this.form.controls.registrationMode;
    if (kind === 'drop_in' && !mode.dirty) mode.setValue('none');
    if (kind !== 'drop_in' && !mode.dirty && mode.value === 'none') mode.setValue('open');
    const pattern = this.form.controls.schedule.controls.pattern;
    if (kind === 'one_off') pattern.setValue('once');
    else if (pattern.value === 'once') pattern.setValue('weekly');
  }

  /** Another place has other rooms. */
  protected placeChanged(): void {
    const room = this.form.controls.defaultRoomId;
    if (room.value && !this.rooms().some((r) => r.id === room.value)) room.setValue(null);
  }

  protected submit(): void {
    if (this.saving() || !this.canEdit()) return;
    this.problem.set(null);
    this.saved.set(null);
    const value = this.form.getRawValue();
    if (this.form.valid) {
      for (const p of recurrenceProblems(recurrenceOf(value.schedule, value.kind))) {
        markServerError(controlForApiField(this.form, `recurrence.${p.field}`, p.problem), p.problem);
      }
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set({ key: 'planning.group.checkFields' });
      this.focusFirstInvalid();
      return;
    }
    this.store.save(toSaveRequest(value)).subscribe({
      next: (saved) => saved && this.done(saved),
      error: (error: unknown) => this.showError(error),
    });
  }

  private done(saved: SavedGroup): void {
    const notice: GroupSavedNotice = { groupId: saved.group.id, created: this.isNew(), kept: saved.keptEditedSessionIds.length };
    if (this.isNew()) {
      this.notices.put(notice);
      void this.router.navigate([PLANNING_PATHS.groups, saved.group.id], { replaceUrl: true });
      return;
    }
    this.group.set(saved.group);
    this.form.markAsPristine();
    this.saved.set(notice);
  }

  private showError(error: unknown): void {
    const fields = apiFieldErrors(error);
    let shown = false;
    for (const field of fields) {
      const reason = apiErrorCode(error) === ErrorCode.Conflict && field.field === 'capacity' ? 'seatsTaken' : (field.reason ?? field.code);
      shown = markServerError(controlForApiField(this.form, field.field, field.reason), reason) || shown;
    }
    this.problem.set(shown ? { key: 'planning.group.checkFields' } : errorMessage(error, this.locale()));
    if (shown) this.focusFirstInvalid();
  }

  private focusFirstInvalid(): void {
    setTimeout(() => {
      const invalid = this.formElement()?.nativeElement.querySelector<HTMLElement>(
        'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, mat-chip-listbox.ng-invalid',
      );
      invalid?.focus();
    });
  }
}
