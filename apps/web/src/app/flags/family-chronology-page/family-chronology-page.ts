import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { FamilyFlagChronology, FlagDetail, OpenFlagRequest } from '@kring/domain';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { LoadError } from '../../shared/load-error/load-error';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';
import { FlagOpener } from '../data/flag-opener';
import { FlagsApi } from '../data/flags.api';
import { FlagDayPipe } from '../flag-day.pipe';
import { FLAG_PATHS } from '../flag-paths';
import { PurposePicker } from '../purpose-picker/purpose-picker';

/**
 * A family's chronology, for coordinators: first only how many flags and of what kind (no text);
 * opened with a purpose (and a fresh code), every flag, amendment and status change in order:
 * who, when, what changed. Held in this page's memory only.
 */
@Component({
  selector: 'kr-family-chronology-page',
  imports: [
    DateTimePipe,
    FlagDayPipe,
    LoadError,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    PrivacyButton,
    ProblemNotice,
    PurposePicker,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './family-chronology-page.html',
  styleUrl: './family-chronology-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FamilyChronologyPage {
  private readonly api = inject(FlagsApi);
  private readonly opener = inject(FlagOpener);

  /** From the address (`/signalen/gezin/:familyId`). */
  readonly familyId = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly inboxPath = FLAG_PATHS.inbox;
  protected readonly deskPath = (id: string) => FLAG_PATHS.deskFlag(id);
  /** The family's flags without text. */
  protected readonly flags = rxResource({ params: () => this.familyId(), stream: ({ params }) => this.api.listAll({ familyId: params }) });
  protected readonly chronology = signal<FamilyFlagChronology | null>(null);
  protected readonly familyName = computed(
    () => this.chronology()?.family.displayName ?? (this.flags.hasValue() ? this.flags.value()[0]?.family.displayName : undefined) ?? null,
  );
  private readonly byId = computed(() => new Map<string, FlagDetail>((this.chronology()?.flags ?? []).map((f) => [f.id, f])));
  protected readonly events = computed(() =>
    [...(this.chronology()?.events ?? [])]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((event) => ({ ...event, flag: this.byId().get(event.flagId) ?? null })),
  );
  protected readonly opening = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected async open(request: OpenFlagRequest): Promise<void> {
    if (this.opening()) return;
    this.opening.set(true);
    this.problem.set(null);
    const id = this.familyId();
    const result = await this.opener.open(() => this.api.chronology(id, request));
    this.opening.set(false);
    if (result.kind === 'opened') this.chronology.set(result.value);
    else if (result.kind === 'failed') this.problem.set(errorMessage(result.error, this.locale()));
  }

  protected hide(): void {
    this.chronology.set(null);
  }
}
