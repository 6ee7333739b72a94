import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { apiErrorMessageKey } from '../../../core/http/api-error';
import { LanguageService } from '../../../core/i18n/language.service';
import { PublicFinderApi } from '../../data/public-finder.api';
import { RegistrationsApi } from '../../data/registrations.api';
import { latestValue } from '../../shared/latest-value';
import { WhenPipe } from '../../shared/when.pipe';
import { ChildrenStep } from '../children-step/children-step';
import { ConsentStep } from '../consent-step/consent-step';
import { ContactStep } from '../contact-step/contact-step';
import { NameStep } from '../name-step/name-step';
import { NeedsStep } from '../needs-step/needs-step';
import { RegistrationDone } from '../registration-done/registration-done';
import { RegistrationFlow } from '../registration-flow';
import { StepProgress } from '../step-progress/step-progress';
import { chooseTarget, countsChildren } from './register-target';

/**
 * Registering for a group (the whole series) or one date, in five short steps, then the code.
 * On a phone each step is one question; "Terug" never loses an answer.
 */
@Component({
  selector: 'kr-register-page',
  imports: [
    ChildrenStep,
    ConsentStep,
    ContactStep,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    NameStep,
    NeedsStep,
    ReactiveFormsModule,
    RegistrationDone,
    RouterLink,
    StepProgress,
    TranslatePipe,
    WhenPipe,
  ],
  providers: [RegistrationFlow],
  templateUrl: './register-page.html',
  styleUrl: './register-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPage {
  private readonly finder = inject(PublicFinderApi);
  private readonly registrations = inject(RegistrationsApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = viewChild<ElementRef<HTMLElement>>('stepHost');

  protected readonly flow = inject(RegistrationFlow);
  protected readonly locale = inject(LanguageService).locale;

  readonly groupId = input.required<string>();
  /** One date (query parameter); none: the whole series. */
  readonly sessie = input<string>();

  protected readonly group = rxResource({
    params: () => ({ id: this.groupId(), locale: this.locale() }),
    stream: ({ params }) => this.finder.group(params.id, params.locale),
  });
  protected readonly notice = rxResource({
    params: () => this.locale(),
    stream: ({ params }) => this.registrations.privacyNotice(params),
  });

  private readonly latestGroup = latestValue(this.group);
  /** The group (kept while it loads in another language; never another group's). */
  protected readonly page = computed(() => {
    const page = this.latestGroup();
    return page?.id === this.groupId() ? page : null;
  });
  protected readonly groupErrorKey = computed(() => (this.group.error() ? apiErrorMessageKey(this.group.error()) : null));
  protected readonly target = computed(() => {
    const page = this.page();
    return page ? chooseTarget(page, this.sessie()) : null;
  });
  protected readonly textLocale = computed(() => {
    const page = this.page();
    return page && page.locale !== this.locale() ? page.locale : null;
  });
  protected readonly noticeValue = latestValue(this.notice);
  protected readonly stepNames = this.flow.steps;

  constructor() {
    this.flow.useContext(
      computed(() => {
        const page = this.page();
        return { audience: page?.audience ?? 'all', countsChildren: page ? countsChildren(page) : false };
      }),
    );
    // A refused field or a message: move focus there, so it is seen and heard.
    effect(() => {
      if (this.flow.attention() > 0) this.afterRender(() => this.focusProblem());
    });
  }

  /** "Verder", or on the last step: send. */
  protected continue(): void {
    const target = this.target();
    if (!target) return;
    if (this.flow.isLast()) {
      const notice = this.noticeValue();
      if (notice) this.flow.submit(target, notice.version);
      return;
    }
    if (this.flow.next()) this.afterRender(() => this.focusQuestion());
  }

  protected back(): void {
    if (this.flow.stepNumber() === 1) {
      void this.router.navigate(['/groepen', this.groupId()]);
      return;
    }
    this.flow.back();
    this.afterRender(() => this.focusQuestion());
  }

  protected retryNotice(): void {
    this.notice.reload();
  }

  private focusQuestion(): void {
    this.host()?.nativeElement.querySelector<HTMLElement>('[data-step-heading]')?.focus();
  }

  /** The first field to look at again (a refused step may be an earlier one), or the message. */
  private focusProblem(): void {
    const root = this.host()?.nativeElement;
    const field = root?.querySelector<HTMLElement>('[aria-invalid="true"], .field-error');
    if (field?.classList.contains('field-error')) {
      root?.querySelector<HTMLElement>('.agree input, fieldset[aria-describedby] select')?.focus();
    } else if (field) {
      field.focus();
    } else {
      root?.querySelector<HTMLElement>('.problem')?.focus();
    }
  }

  private afterRender(run: () => void): void {
    afterNextRender(run, { injector: this.injector });
  }
}
