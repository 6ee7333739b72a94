import type { Signal } from '@angular/core';
import { Injectable, computed, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { FormControl, FormGroup, ValidatorFn } from '@angular/forms';
import { NonNullableFormBuilder } from '@angular/forms';
import type { Audience, Need, PublicRegisterResponse } from '@kring/domain';
import { ErrorCode, NEEDS } from '@kring/domain';
import { finalize } from 'rxjs';
import { apiErrorCode, apiFieldErrors, retryAfterSeconds } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { waitInWords } from '../../core/i18n/date-time';
import { LanguageService } from '../../core/i18n/language.service';
import { RegistrationsApi } from '../data/registrations.api';
import type { Answers, Channel, FieldErrors, RegistrationTarget, StepId } from './registration-rules';
import { MAX_CHILDREN, STEPS, apiFieldErrors as toFieldErrors, firstStepWithErrors, stepErrors, toRequest } from './registration-rules';

export interface FlowContext {
  audience: Audience;
  countsChildren: boolean;
}

/**
 * The registration as a parent walks through it: five short steps, checked in the browser with
 * the domain's rules, then one request. Sending twice is impossible while a request is on its way
 * (and the API answers a repeat with the same code). Provide it on the register page.
 */
@Injectable()
export class RegistrationFlow {
  private readonly api = inject(RegistrationsApi);
  private readonly locale = inject(LanguageService).locale;
  private readonly fb = inject(NonNullableFormBuilder);

  /** The messages shown next to fields: field path → translation key. */
  private readonly fieldErrors = signal<FieldErrors>({});
  /** The values the fields had when their messages were shown (a changed field loses its message). */
  private shownValues = new Map<string, string>();

  readonly form = this.fb.group({
    displayName: ['', this.messageFor('displayName')],
    channel: this.fb.control<Channel>('phone'),
    phone: ['', this.messageFor('phone')],
    email: ['', this.messageFor('email')],
    children: this.fb.array([this.childRow()]),
    childrenComing: [0, this.messageFor('childrenComing')],
    childcare: [false],
    interpreter: [false],
    accessibility: [false],
    discreet: [false],
    consent: [false, this.messageFor('consent')],
    /** The field people never see (bots fill it in). */
    website: [''],
  });

  private readonly contextSource = signal<Signal<FlowContext> | null>(null);
  /** What the group tells the questions: a pregnancy group asks for the due month; seats may count children. */
  readonly context = computed<FlowContext>(() => this.contextSource()?.() ?? { audience: 'all', countsChildren: false });
  readonly channel = toSignal(this.form.controls.channel.valueChanges, { initialValue: this.form.controls.channel.value });

  private readonly index = signal(0);

  readonly steps = STEPS;
  readonly step = computed<StepId>(() => STEPS[this.index()]);
  /** 1-based, for "Stap 2 van 5". */
  readonly stepNumber = computed(() => this.index() + 1);
  readonly isLast = computed(() => this.index() === STEPS.length - 1);
  readonly errors = this.fieldErrors.asReadonly();
  readonly busy = signal(false);
  /** A message about the whole registration (too many tries, not open any more, offline). */
  readonly problem = signal<ErrorMessage | null>(null);
  readonly result = signal<PublicRegisterResponse | null>(null);
  /** Goes up each time something needs the parent's attention (a field or a message), to move focus there. */
  readonly attention = signal(0);

  constructor() {
    // A field that is changed loses its old message.
    this.form.valueChanges.subscribe(() => {
      const changed = [...this.shownValues].filter(([path, value]) => this.valueOf(path) !== value).map(([path]) => path);
      if (changed.length === 0) return;
      for (const path of changed) this.shownValues.delete(path);
      this.fieldErrors.update((errors) => Object.fromEntries(Object.entries(errors).filter(([path]) => !changed.includes(path))));
      for (const path of changed) this.revalidate(path);
    });
  }

  /** Where the questions get their context from (the group being registered for). */
  useContext(source: Signal<FlowContext>): void {
    this.contextSource.set(source);
  }

  get children() {
    return this.form.controls.children;
  }

  answers(): Answers {
    const value = this.form.getRawValue();
    const needs = NEEDS.filter((need) => value[need]);
    return {
      displayName: value.displayName,
      channel: value.channel,
      phone: value.phone,
      email: value.email,
      children: value.children,
      childrenComing: Number(value.childrenComing) || 0,
      needs,
      discreet: value.discreet,
      consent: value.consent,
    };
  }

  /** Checks this step; moves on when all is well. Returns whether it moved. */
  next(today = new Date()): boolean {
    this.problem.set(null);
    const errors = stepErrors(this.step(), this.answers(), today);
    if (Object.keys(errors).length > 0) {
      this.show(errors);
      return false;
    }
    this.clearErrors();
    if (!this.isLast()) this.index.update((i) => i + 1);
    return true;
  }

  back(): void {
    this.problem.set(null);
    this.index.update((i) => Math.max(0, i - 1));
  }

  useChannel(channel: Channel): void {
    this.clearErrors();
    this.form.controls.channel.setValue(channel);
  }

  addChild(): void {
    if (this.children.length < MAX_CHILDREN) this.children.push(this.childRow());
  }

  removeChild(row: number): void {
    this.clearErrors();
    this.children.removeAt(row);
    if (this.children.length === 0) this.children.push(this.childRow());
  }

  setNeed(need: Need, on: boolean): void {
    this.form.controls[need].setValue(on);
  }

  /**
   * Sends the registration (once: a second call while one is on its way does nothing).
   * Every step is checked again first; a refused field takes the parent back to its step.
   */
  submit(target: RegistrationTarget, noticeVersion: string, today = new Date()): void {
    if (this.busy() || this.result()) return;
    this.problem.set(null);
    for (const step of STEPS) {
      const errors = stepErrors(step, this.answers(), today);
      if (Object.keys(errors).length > 0) {
        this.index.set(STEPS.indexOf(step));
        this.show(errors);
        return;
      }
    }
    const request = toRequest(this.answers(), target, {
      locale: this.locale(),
      noticeVersion,
      website: this.form.controls.website.value,
    });
    this.busy.set(true);
    this.api
      .register(request)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (response) => this.result.set(response),
        error: (error: unknown) => this.refused(error),
      });
  }

  private refused(error: unknown): void {
    this.attention.update((n) => n + 1);
    const code = apiErrorCode(error);
    const errors = toFieldErrors(apiFieldErrors(error), this.answers());
    const step = firstStepWithErrors(errors);
    if (code === ErrorCode.ValidationFailed && step !== null) {
      this.index.set(STEPS.indexOf(step));
      this.show(errors);
    } else if (code === ErrorCode.ValidationFailed && apiFieldErrors(error).some((f) => f.field === 'sessionId')) {
      this.problem.set({ key: 'parents.register.errors.notOpen' });
    } else if (code === ErrorCode.NotFound) {
      this.problem.set({ key: 'parents.register.errors.notOpen' });
    } else if (code === ErrorCode.TooManyRequests) {
      const wait = retryAfterSeconds(error);
      this.problem.set(
        wait === null
          ? { key: 'parents.register.errors.tooMany' }
          : { key: 'parents.register.errors.tooManyWait', params: { wait: waitInWords(wait, this.locale()) } },
      );
    } else {
      this.problem.set(errorMessage(error, this.locale()));
    }
  }

  private clearErrors(): void {
    const paths = Object.keys(this.fieldErrors());
    this.fieldErrors.set({});
    this.shownValues.clear();
    for (const path of paths) this.revalidate(path);
  }

  private show(errors: FieldErrors): void {
    this.clearErrors();
    this.fieldErrors.set(errors);
    this.attention.update((n) => n + 1);
    for (const path of Object.keys(errors)) {
      this.shownValues.set(path, this.valueOf(path));
      this.revalidate(path);
      for (const control of this.controlsOf(path)) control.markAsTouched();
    }
  }

  /**
   * A validator that keeps a field invalid while its message shows, so the field looks and is
   * announced invalid (also when its step is shown again and the field is bound anew).
   */
  private messageFor(path: string | (() => string)): ValidatorFn {
    return () => {
      const errors = untracked(this.fieldErrors);
      if (Object.keys(errors).length === 0) return null;
      return errors[typeof path === 'string' ? path : path()] ? { kring: true } : null;
    };
  }

  private revalidate(path: string): void {
    for (const control of this.controlsOf(path)) control.updateValueAndValidity({ emitEvent: false });
  }

  private valueOf(path: string): string {
    return JSON.stringify(this.controlsOf(path).map((control) => control.value));
  }

  /** The form controls behind a field path (a child is its month and its year). */
  private controlsOf(path: string): FormControl<unknown>[] {
    const child = /^children\.(\d+)$/.exec(path);
    if (child) {
      const row = this.children.at(Number(child[1]));
      return row ? [row.controls.month, row.controls.year] : [];
    }
    const controls = this.form.controls as unknown as Record<string, FormControl<unknown> | undefined>;
    const control = controls[path];
    return control ? [control] : [];
  }

  private childRow() {
    const rows = () => (this.form as typeof this.form | undefined)?.controls.children.controls ?? [];
    const path = () => `children.${row ? rows().indexOf(row) : -1}`;
    const row: FormGroup<{ month: FormControl<string>; year: FormControl<string> }> = this.fb.group({
      month: ['', this.messageFor(path)],
      year: ['', this.messageFor(path)],
    });
    return row;
  }
}
