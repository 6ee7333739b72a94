import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { ReferralPacket } from '@kring/domain';
import { NATIVE_LANGUAGE_NAMES } from '../../core/i18n/language.service';
import { longDate, monthInWords } from './packet-words';

/**
 * The packet field by field, exactly as the service will see it: the labels in the reader's
 * language, the words as they were written (isolated, so they keep their own direction).
 */
@Component({
  selector: 'kr-packet-view',
  imports: [TranslatePipe],
  templateUrl: './packet-view.html',
  styleUrl: './packet-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PacketView {
  readonly packet = input.required<ReferralPacket>();
  readonly locale = input.required<string>();

  protected readonly names = NATIVE_LANGUAGE_NAMES;
  protected readonly months = computed(() => (this.packet().childrenBirthMonths ?? []).map((m) => monthInWords(m, this.locale())));
  protected readonly flags = computed(() => (this.packet().flags ?? []).map((f) => ({ ...f, on: longDate(f.observedOn, this.locale()) })));
  protected readonly has = (field: string) => this.packet().fields.includes(field as ReferralPacket['fields'][number]);
}
