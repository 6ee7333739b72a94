import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorCode } from '@kring/domain';
import { apiErrorCode } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { linkToken } from '../../core/http/link-token';
import { LanguageService } from '../../core/i18n/language.service';
import type { OpenedPacket } from '../data/referral-link.api';
import { ReferralLinkApi } from '../data/referral-link.api';
import { PacketView } from '../packet-view/packet-view';
import { longDate } from '../packet-view/packet-words';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'opened'; readonly opened: OpenedPacket }
  | { readonly status: 'expired' }
  | { readonly status: 'error'; readonly message: ErrorMessage };

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * `/doorverwijzing-dienst#token=…`: the receiving service opens the packet the parent approved (the API
 * records each open with its time) and can print it. Nothing of it is kept in the browser.
 */
@Component({
  selector: 'kr-referral-service-page',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule, PacketView, TranslatePipe],
  templateUrl: './referral-service-page.html',
  styleUrl: './referral-service-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralServicePage {
  private readonly api = inject(ReferralLinkApi);
  private readonly token = linkToken();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly words = computed(() => {
    const state = this.state();
    if (state.status !== 'opened') return null;
    const { packet, openedAt } = state.opened;
    const basis = packet.basis;
    return {
      openedOn: longDate(openedAt, this.locale()),
      basisKey: basis.kind === 'consent' ? 'parents.referralService.basisConsent' : 'parents.referralService.basisException',
      until: basis.kind === 'consent' ? longDate(basis.validUntil, this.locale()) : '',
      legalBasis: basis.kind === 'exception' ? `parents.referralService.legal.${basis.legalBasis}` : null,
    };
  });

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => this.open(token));
    });
  }

  protected print(): void {
    globalThis.print?.();
  }

  private open(token: string | undefined): void {
    if (!token || !TOKEN.test(token)) {
      this.state.set({ status: 'expired' });
      return;
    }
    this.state.set({ status: 'loading' });
    this.api.openPacket(token).subscribe({
      next: (opened) => this.state.set({ status: 'opened', opened }),
      error: (error: unknown) => {
        const code = apiErrorCode(error);
        if (code === ErrorCode.LinkExpired || code === ErrorCode.NotFound) this.state.set({ status: 'expired' });
        else this.state.set({ status: 'error', message: errorMessage(error, this.locale()) });
      },
    });
  }

  protected retry(): void {
    this.open(this.token());
  }
}
