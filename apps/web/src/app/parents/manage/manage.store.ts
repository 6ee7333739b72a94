import { Injectable, computed, inject, signal } from '@angular/core';
import type { Locale, ManageView } from '@kring/domain';
import { ErrorCode } from '@kring/domain';
import type { Observable } from 'rxjs';
import { apiErrorCode, apiErrorMessageKey } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import type { ManageAction } from '../data/manage.api';
import { ManageApi } from '../data/manage.api';

export type ManageState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly view: ManageView }
  /** The link is unknown, replaced or expired: a kind page that changes nothing. */
  | { readonly status: 'expired' }
  | { readonly status: 'error'; readonly messageKey: string };

/** A link's token as the API makes them (43 URL-safe characters); anything else cannot work. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The family's registrations behind a manage link, and the changes a parent can make there.
 * One change at a time; each answer is the whole, fresh view. Provide it on the manage page.
 */
@Injectable()
export class ManageStore {
  private readonly api = inject(ManageApi);
  private readonly language = inject(LanguageService);
  private readonly state = signal<ManageState>({ status: 'loading' });
  private token = '';

  readonly current = this.state.asReadonly();
  readonly view = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.view : null;
  });
  /** What is being changed now: a registration id, a group id (the whole series) or `locale`. */
  readonly busy = signal<string | null>(null);
  /** What went wrong with the last change, in the parent's words. */
  readonly problem = signal<ErrorMessage | null>(null);
  /** What the last change did, said once (a live region reads it). */
  readonly confirmation = signal<ErrorMessage | null>(null);

  load(token: string | null | undefined): void {
    this.token = token ?? '';
    this.problem.set(null);
    if (!TOKEN.test(this.token)) {
      this.state.set({ status: 'expired' });
      return;
    }
    this.state.set({ status: 'loading' });
    this.api.view(this.token).subscribe({
      next: (view) => this.state.set({ status: 'loaded', view }),
      error: (error: unknown) => this.state.set(this.failed(error)),
    });
  }

  retry(): void {
    this.load(this.token);
  }

  /**
   * Skip one date of a series or take that back, cancel, leave the waitlist, or accept an offered
   * seat. `said` may depend on the answer (taken back: a seat, or the waitlist).
   */
  change(registrationId: string, action: ManageAction, said: ErrorMessage | ((view: ManageView) => ErrorMessage)): void {
    this.run(registrationId, this.api.change(this.token, registrationId, action), said);
  }

  /** Stops a whole series: every coming date of it is cancelled at once, with one message. */
  stopSeries(groupId: string, registrationIds: readonly string[], said: ErrorMessage): void {
    if (registrationIds.length === 0) return;
    this.run(groupId, this.api.stopSeries(this.token, groupId), said);
  }

  /** The language of the messages; the page follows it too. */
  setLocale(locale: Locale, said: ErrorMessage): void {
    this.run('locale', this.api.setLocale(this.token, locale), said);
    this.language.use(locale).subscribe({ error: () => undefined });
  }

  private run(what: string, request: Observable<ManageView>, said: ErrorMessage | ((view: ManageView) => ErrorMessage)): void {
    if (this.busy() !== null) return;
    this.busy.set(what);
    this.problem.set(null);
    this.confirmation.set(null);
    request.subscribe({
      next: (view) => {
        this.busy.set(null);
        this.state.set({ status: 'loaded', view });
        this.confirmation.set(typeof said === 'function' ? said(view) : said);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        const code = apiErrorCode(error);
        if (code === ErrorCode.LinkExpired) {
          this.state.set({ status: 'expired' });
        } else if (code === ErrorCode.Conflict || code === ErrorCode.NotFound) {
          // Already started, already cancelled, or no longer offered: show what is true now.
          this.problem.set({ key: 'parents.manage.errors.tooLate' });
          this.refresh();
        } else {
          this.problem.set(errorMessage(error, this.language.locale()));
          this.refresh();
        }
      },
    });
  }

  /** Loads the view again without hiding the page. */
  private refresh(): void {
    this.api.view(this.token).subscribe({
      next: (view) => this.state.set({ status: 'loaded', view }),
      error: (error: unknown) => {
        if (apiErrorCode(error) === ErrorCode.LinkExpired) this.state.set({ status: 'expired' });
      },
    });
  }

  private failed(error: unknown): ManageState {
    const code = apiErrorCode(error);
    if (code === ErrorCode.LinkExpired || code === ErrorCode.NotFound) return { status: 'expired' };
    return { status: 'error', messageKey: apiErrorMessageKey(error) };
  }
}
