import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LOCALES, type Locale, type SubjectAccessRequestView } from '@kring/domain';
import { firstValueFrom, map, type Observable } from 'rxjs';
import { errorMessage, type ErrorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { FlagOpener } from '../../flags/data/flag-opener';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';
import { SubjectAccessApi, saveFile } from '../data/subject-access.api';

/**
 * "Inzage voor het gezin" (coordinators): note a family's request (due one month later), download
 * everything Kring holds about them as PDF (in their language) or JSON after a fresh code, and the
 * list of open requests with their due dates. Nothing of the export stays in the page.
 */
@Component({
  selector: 'kr-subject-access-page',
  imports: [MatButtonModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, ProblemNotice, RouterLink, TranslatePipe],
  templateUrl: './subject-access-page.html',
  styleUrl: './subject-access-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubjectAccessPage {
  private readonly api = inject(SubjectAccessApi);
  private readonly opener = inject(FlagOpener);
  private readonly language = inject(LanguageService);

  /** From the address (`/inzage/gezin/:familyId`); without it, only the list. */
  readonly familyId = input<string>();

  protected readonly locales = LOCALES;
  protected readonly pdfLocale = signal<Locale | ''>('');
  protected readonly requests = rxResource({ stream: () => this.api.openRequests() });
  protected readonly logged = signal<SubjectAccessRequestView | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly notice = signal<string | null>(null);

  /** The family's open request: the one just noted, or one on the list. */
  protected readonly current = computed(() => {
    const id = this.familyId();
    if (!id) return null;
    const logged = this.logged();
    if (logged?.family.id === id) return logged;
    return (this.requests.hasValue() ? this.requests.value() : []).find((r) => r.family.id === id) ?? null;
  });

  protected day(iso: string): string {
    const locale = this.language.locale();
    return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : `${locale}-BE`, {
      dateStyle: 'long',
      timeZone: 'Europe/Brussels',
    }).format(new Date(iso));
  }

  protected async logRequest(familyId: string): Promise<void> {
    await this.run(async () => {
      this.logged.set(await firstValueFrom(this.api.logRequest(familyId)));
      this.notice.set('privacy.subjectAccess.logged');
      this.requests.reload();
    });
  }

  protected download(familyId: string, format: 'pdf' | 'json'): Promise<void> {
    return this.run(async () => {
      const locale = this.pdfLocale() || undefined;
      const request: () => Observable<Blob> =
        format === 'pdf'
          ? () => this.api.exportPdf(familyId, locale)
          : () =>
              this.api.exportJson(familyId).pipe(map((data) => new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })));
      const result = await this.opener.open(request);
      if (result.kind === 'opened') {
        saveFile(result.value, `kring-inzage.${format}`);
        this.notice.set('privacy.subjectAccess.downloaded');
        this.requests.reload();
      } else if (result.kind === 'not-enrolled') this.notice.set('privacy.subjectAccess.notEnrolled');
      else if (result.kind === 'failed') throw result.error;
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(errorMessage(error, this.language.locale()));
    } finally {
      this.busy.set(false);
    }
  }
}
