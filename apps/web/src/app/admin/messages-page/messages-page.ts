import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { PageEvent } from '@angular/material/paginator';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatedPaginatorIntl } from '../../core/i18n/translated-paginator-intl';
import { MessagesApi } from '../messages.api';
import { LoadError } from '../../shared/load-error/load-error';

/** `/beheer/berichten`: the messages Kring sent or kept for preview, newest first. */
@Component({
  selector: 'kr-messages-page',
  imports: [DateTimePipe, LoadError, MatButtonModule, MatIconModule, MatPaginatorModule, MatProgressBarModule, TranslatePipe],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  templateUrl: './messages-page.html',
  styleUrl: './messages-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessagesPage {
  private readonly api = inject(MessagesApi);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(20);
  protected readonly messages = rxResource({
    params: () => ({ page: this.pageIndex() + 1, size: this.pageSize() }),
    stream: ({ params }) => this.api.list(params.page, params.size),
  });
  protected readonly page = computed(() => (this.messages.hasValue() ? this.messages.value() : null));

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected retry(): void {
    this.messages.reload();
  }
}
