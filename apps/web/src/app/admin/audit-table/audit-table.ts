import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { AuditDetails } from '../audit-details/audit-details';
import type { AuditRow } from '../audit-row';

/** The audit trail as a table, on a wide screen. */
@Component({
  selector: 'kr-audit-table',
  imports: [AuditDetails, DateTimePipe, MatTableModule, TranslatePipe],
  templateUrl: './audit-table.html',
  styleUrl: './audit-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTable {
  readonly rows = input.required<readonly AuditRow[]>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly columns = ['when', 'who', 'what', 'record', 'details'];
}
