import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { AuditQuery } from '@kring/domain';
import { catchError, filter, map, of, startWith } from 'rxjs';
import { brusselsDayStart, nextDay } from '../../core/i18n/date-time';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatedPaginatorIntl } from '../../core/i18n/translated-paginator-intl';
import { WIDE_QUERY, mediaMatches } from '../../core/layout/breakpoints';
import { AuditApi } from '../audit.api';
import { AuditCards } from '../audit-cards/audit-cards';
import { translator } from '../audit-details/audit-details';
import { AUDIT_ACTION_GROUPS, describeAction, describeRecord } from '../audit-describe';
import type { AuditRow } from '../audit-row';
import { AuditTable } from '../audit-table/audit-table';
import { StaffAdminApi } from '../staff-admin.api';
import { LoadError } from '../../shared/load-error/load-error';

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;

/** "Tot" may not lie before "Van". */
function datesInOrder(group: AbstractControl): ValidationErrors | null {
  const { from, to } = group.value as { from?: string; to?: string };
  return from && to && to < from ? { dateOrder: true } : null;
}

/** `/beheer/audit`: who did what and when, newest first, filtered by kind of action and by day. */
@Component({
  selector: 'kr-audit-page',
  imports: [
    AuditCards,
    AuditTable,
    LoadError,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly staffApi = inject(StaffAdminApi);
  private readonly translate = inject(TranslateService);
  private readonly locale = inject(LanguageService).locale;

  protected readonly wide = mediaMatches(WIDE_QUERY);
  protected readonly groups = AUDIT_ACTION_GROUPS;
  protected readonly pageSizes = AUDIT_PAGE_SIZES;
  protected readonly form = inject(NonNullableFormBuilder).group({ action: [''], from: [''], to: [''] }, { validators: datesInOrder });
  /** The filters in use: the form's values while they make sense. */
  private readonly filters = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      filter(() => this.form.valid),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  protected readonly pageIndex = linkedSignal({ source: this.filters, computation: () => 0 });
  protected readonly pageSize = signal<number>(50);

  protected readonly events = rxResource({
    params: (): AuditQuery => {
      const { action, from, to } = this.filters();
      return {
        action: action || undefined,
        from: from ? brusselsDayStart(from) : undefined,
        to: to ? brusselsDayStart(nextDay(to)) : undefined,
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
      };
    },
    stream: ({ params }) => this.api.list(params),
  });
  /** Names of accounts, to say which account an event is about (the id alone says little). */
  private readonly staffNames = rxResource({
    stream: () =>
      this.staffApi.list({ page: 1, pageSize: 100 }).pipe(
        map((page) => new Map(page.items.map((user) => [user.id, user.displayName]))),
        catchError(() => of(new Map<string, string>())),
      ),
    defaultValue: new Map<string, string>(),
  });

  protected readonly page = computed(() => (this.events.hasValue() ? this.events.value() : null));
  protected readonly rows = computed<AuditRow[]>(() => {
    this.locale(); // again in the new language after a switch
    const t = translator(this.translate);
    const names = this.staffNames.value();
    return (this.page()?.items ?? []).map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt,
      who: event.actor?.displayName || (t('audit.noActor') ?? ''),
      what: describeAction(event.action, t),
      record: describeRecord(event, t, names),
      event,
    }));
  });
  protected readonly filtered = computed(() => {
    const { action, from, to } = this.filters();
    return !!(action || from || to);
  });

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected clear(): void {
    this.form.reset({ action: '', from: '', to: '' });
  }

  protected retry(): void {
    this.events.reload();
  }
}
