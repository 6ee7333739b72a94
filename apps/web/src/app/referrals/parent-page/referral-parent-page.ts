import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';
import type { Locale, ParentContactProfile, ParentReferralView } from '@kring/domain';
import { ErrorCode, isLocale } from '@kring/domain';
import type { Observable } from 'rxjs';
import { apiErrorCode } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { linkToken } from '../../core/http/link-token';
import { LanguageService, NATIVE_LANGUAGE_NAMES, PARENT_LOCALES } from '../../core/i18n/language.service';
import { CentreContactLinks } from '../../parents/shared/centre-contact-links/centre-contact-links';
import { ReferralLinkApi } from '../data/referral-link.api';
import { PacketView } from '../packet-view/packet-view';
import { longDate } from '../packet-view/packet-words';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly view: ParentReferralView }
  | { readonly status: 'expired' }
  | { readonly status: 'error'; readonly message: ErrorMessage };

/** What the page shows: one thing at a time on a phone. */
type Screen = 'main' | 'change' | 'withdraw' | 'contact';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const CHANNELS: readonly ParentContactProfile['channel'][] = ['sms', 'email', 'phone_call', 'none'];

/**
 * `/doorverwijzing#token=…`, from the SMS or e-mail: who the referral is for, exactly what the service
 * will see ("Ja, dit mag gedeeld worden" / "Ik wil iets veranderen"), withdrawing consent, and how the
 * parent wants to be contacted. The token and the packet stay in memory only.
 */
@Component({
  selector: 'kr-referral-parent-page',
  imports: [CentreContactLinks, FormsModule, MatButtonModule, MatIconModule, MatProgressSpinnerModule, PacketView, TranslatePipe],
  templateUrl: './referral-parent-page.html',
  styleUrl: './referral-parent-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralParentPage {
  private readonly api = inject(ReferralLinkApi);
  private readonly language = inject(LanguageService);
  private readonly token = linkToken();
  private followedLanguage = false;

  protected readonly locale = this.language.locale;
  protected readonly locales = PARENT_LOCALES;
  protected readonly names = NATIVE_LANGUAGE_NAMES;
  protected readonly channels = CHANNELS;
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly screen = signal<Screen>('main');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly said = signal<string | null>(null);
  protected readonly view = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.view : null;
  });
  protected readonly sentOn = computed(() => {
    const sentAt = this.view()?.sentAt;
    return sentAt ? longDate(sentAt, this.locale()) : null;
  });

  /** The contact form (filled from the saved profile). */
  protected channel: ParentContactProfile['channel'] = 'sms';
  protected contactLanguage: Locale = 'nl';
  protected times = '';
  protected avoid = '';

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => this.load(token));
    });
    // Open in the family's language unless the person chose one on this device.
    effect(() => {
      const view = this.view();
      if (!view || this.followedLanguage) return;
      this.followedLanguage = true;
      const wanted = view.contactProfile?.language ?? view.preview?.packet.family.language;
      if (untracked(this.language.chosenByPerson) || !wanted || !isLocale(wanted) || wanted === untracked(this.locale)) return;
      this.language.use(wanted, 'followed').subscribe({ error: () => undefined });
    });
  }

  protected retry(): void {
    this.load(this.token());
  }

  protected show(screen: Screen): void {
    this.problem.set(null);
    this.said.set(null);
    if (screen === 'contact') this.fillContact();
    this.screen.set(screen);
    globalThis.scrollTo?.({ top: 0 });
  }

  protected approve(): void {
    const hash = this.view()?.preview?.hash;
    if (hash) this.run(this.api.approve(this.tokenValue, hash), 'parents.referral.approved');
  }

  protected withdraw(): void {
    this.run(this.api.withdraw(this.tokenValue), 'parents.referral.withdrawn');
  }

  protected saveContact(): void {
    const profile: ParentContactProfile = { channel: this.channel, language: this.contactLanguage };
    if (this.times.trim()) profile.times = this.times.trim();
    if (this.avoid.trim()) profile.avoid = this.avoid.trim();
    this.run(this.api.contactProfile(this.tokenValue, profile), 'parents.referral.contact.saved');
  }

  private get tokenValue(): string {
    return this.token() ?? '';
  }

  private fillContact(): void {
    const profile = this.view()?.contactProfile;
    this.channel = profile?.channel ?? 'sms';
    this.contactLanguage = profile?.language ?? this.locale();
    this.times = profile?.times ?? '';
    this.avoid = profile?.avoid ?? '';
  }

  private load(token: string | undefined): void {
    if (!token || !TOKEN.test(token)) {
      this.state.set({ status: 'expired' });
      return;
    }
    this.state.set({ status: 'loading' });
    this.api.view(token).subscribe({
      next: (view) => this.state.set({ status: 'loaded', view }),
      error: (error: unknown) => this.failed(error),
    });
  }

  private run(request: Observable<ParentReferralView>, saidKey: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.said.set(null);
    request.subscribe({
      next: (view) => {
        this.busy.set(false);
        this.state.set({ status: 'loaded', view });
        this.screen.set('main');
        this.said.set(saidKey);
        globalThis.scrollTo?.({ top: 0 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (apiErrorCode(error) === ErrorCode.LinkExpired) {
          this.state.set({ status: 'expired' });
          return;
        }
        this.problem.set(errorMessage(error, this.locale()));
        // Show what is true now (a changed preview needs a fresh look).
        this.api.view(this.tokenValue).subscribe({
          next: (view) => this.state.set({ status: 'loaded', view }),
          error: () => undefined,
        });
      },
    });
  }

  private failed(error: unknown): void {
    const code = apiErrorCode(error);
    if (code === ErrorCode.LinkExpired || code === ErrorCode.NotFound) this.state.set({ status: 'expired' });
    else this.state.set({ status: 'error', message: errorMessage(error, this.locale()) });
  }
}
