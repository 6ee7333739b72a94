import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslateService } from '@ngx-translate/core';

/** The paginator's words in the page language ("1 – 20 van 43"), following a language switch. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly translate = inject(TranslateService);

  constructor() {
    super();
    this.translate.onLangChange.pipe(takeUntilDestroyed()).subscribe(() => this.update());
    this.update();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return this.text('paginator.none');
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.text('paginator.range', { start, end, length });
  };

  private update(): void {
    this.itemsPerPageLabel = this.text('paginator.itemsPerPage');
    this.nextPageLabel = this.text('paginator.next');
    this.previousPageLabel = this.text('paginator.previous');
    this.firstPageLabel = this.text('paginator.first');
    this.lastPageLabel = this.text('paginator.last');
    this.changes.next();
  }

  private text(key: string, params?: Record<string, number>): string {
    return String(this.translate.instant(key, params));
  }
}
