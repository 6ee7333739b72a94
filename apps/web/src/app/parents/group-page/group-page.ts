import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { apiErrorMessageKey } from '../../core/http/api-error';
import { languageName } from '../../core/i18n/language-names';
import { LanguageService } from '../../core/i18n/language.service';
import { PublicFinderApi } from '../data/public-finder.api';
import { latestValue } from '../shared/latest-value';
import { seatPhrase } from '../shared/seats';
import type { Phrase } from '../shared/when';
import { WhenPipe } from '../shared/when.pipe';
import { canRegisterFor, groupAction, mapUrl } from './group-actions';

/** How many coming dates show before "Toon alle datums". */
const FIRST_DATES = 4;

/** A group's page: what happens, who leads it, where, when, and "Inschrijven". */
@Component({
  selector: 'kr-group-page',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule, RouterLink, TranslatePipe, WhenPipe],
  templateUrl: './group-page.html',
  styleUrl: './group-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupPage {
  private readonly api = inject(PublicFinderApi);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LanguageService).locale;

  readonly groupId = input.required<string>();

  protected readonly group = rxResource({
    params: () => ({ id: this.groupId(), locale: this.locale() }),
    stream: ({ params }) => this.api.group(params.id, params.locale),
  });
  private readonly latestGroup = latestValue(this.group);
  /** The group (kept while it loads in another language; never another group's). */
  protected readonly page = computed(() => {
    const page = this.latestGroup();
    return page?.id === this.groupId() ? page : null;
  });
  protected readonly errorKey = computed(() => (this.group.error() ? apiErrorMessageKey(this.group.error()) : null));

  /** Set when the words are not in the page language (a Dutch fallback), for `lang` and a note. */
  protected readonly textLocale = computed(() => {
    const page = this.page();
    return page && page.locale !== this.locale() ? page.locale : null;
  });
  protected readonly textLanguage = computed(() => {
    const textLocale = this.textLocale();
    return textLocale === null ? null : languageName(textLocale, this.locale());
  });
  /** "Gita", "Gita en Sam", "An, Gita en Sam". */
  protected readonly facilitators = computed(() => {
    const names = this.page()?.facilitators ?? [];
    if (names.length <= 1) return names[0] ?? null;
    const first = names.slice(0, -1).join(', ');
    const last = names[names.length - 1];
    return String(this.translate.instant('parents.group.namesAnd', { first, last }, this.locale()));
  });
  protected readonly spokenLanguages = computed(() =>
    (this.page()?.spokenLanguages ?? []).map((code) => languageName(code, this.locale())).join(', '),
  );
  protected readonly action = computed(() => {
    const page = this.page();
    return page ? groupAction(page) : null;
  });
  /** The register button's words: the series, one date, or the waitlist when every date is full. */
  protected readonly registerAction = computed(() => {
    const action = this.action();
    if (action?.kind !== 'register') return null;
    const name = action.waitlist ? 'waitlist' : action.series ? 'registerSeries' : 'register';
    return {
      sessionId: action.sessionId,
      labelKey: `parents.group.${name}`,
      hintKey: `parents.group.${name}Hint`,
    };
  });
  /** Why there is no register button, in words: a drop-in, an invitation, from when, too late. */
  protected readonly notice = computed<{ phrase: Phrase; icon: string; success: boolean } | null>(() => {
    const action = this.action();
    if (!action || action.kind === 'register') return null;
    if (action.kind === 'opens') return { phrase: seatPhrase(action.session, this.locale()), icon: 'krp:event', success: false };
    if (action.kind === 'ended') return { phrase: { key: 'parents.seats.ended' }, icon: 'kr:info', success: false };
    return {
      phrase: { key: `parents.group.${action.kind}` },
      icon: action.kind === 'drop_in' ? 'kr:heart' : 'kr:info',
      success: action.kind === 'drop_in',
    };
  });
  protected readonly mapLink = computed(() => {
    const page = this.page();
    return page ? mapUrl(page.place) : null;
  });
  protected readonly calendarLink = computed(() => this.api.calendarUrl(this.groupId(), this.locale()));
  protected readonly sessions = computed(() => {
    const page = this.page();
    if (!page) return [];
    return page.sessions.map((session) => ({
      session,
      seats: seatPhrase(session, this.locale()),
      canRegister: canRegisterFor(session, page),
    }));
  });

  /** A phone shows the next few dates; the rest on request. */
  protected readonly showAllDates = signal(false);
  protected readonly shownSessions = computed(() => (this.showAllDates() ? this.sessions() : this.sessions().slice(0, FIRST_DATES)));
  protected readonly hiddenDates = computed(() => this.sessions().length - this.shownSessions().length);

  protected retry(): void {
    this.group.reload();
  }
}
