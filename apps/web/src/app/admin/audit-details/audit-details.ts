import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import type { AuditEventView } from '@kring/domain';
import { LanguageService } from '../../core/i18n/language.service';
import type { Translate } from '../audit-describe';
import { describeDetails } from '../audit-describe';

/** A translator that says "none" (null) instead of echoing a missing key. */
export function translator(translate: TranslateService): Translate {
  return (key, params) => {
    const text = translate.instant(key, params);
    return typeof text === 'string' && text !== key ? text : null;
  };
}

/** The details of one audit event as a small definition list. */
@Component({
  selector: 'kr-audit-details',
  templateUrl: './audit-details.html',
  styleUrl: './audit-details.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditDetails {
  private readonly translate = inject(TranslateService);
  private readonly locale = inject(LanguageService).locale;

  readonly event = input.required<AuditEventView>();

  protected readonly lines = computed(() => {
    this.locale(); // again in the new language after a switch
    return describeDetails(this.event(), translator(this.translate));
  });
}
