import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { AuditDetails } from '../audit-details/audit-details';
import type { AuditRow } from '../audit-row';

/** The audit trail as a list, on a phone. */
@Component({
  selector: 'kr-audit-cards',
  imports: [AuditDetails, DateTimePipe, TranslatePipe],
  templateUrl: './audit-cards.html',
  styleUrl: './audit-cards.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditCards {
  readonly rows = input.required<readonly AuditRow[]>();

  protected readonly locale = inject(LanguageService).locale;
}
