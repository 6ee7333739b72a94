import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { Locale, RegistrationView } from '@kring/domain';
import { isLocale } from '@kring/domain';
import { linkToken } from '../../../core/http/link-token';
import { LanguageService, NATIVE_LANGUAGE_NAMES, PARENT_LOCALES } from '../../../core/i18n/language.service';
import { CentreContactLinks } from '../../shared/centre-contact-links/centre-contact-links';
import { spacedCode } from '../../shared/registration-code';
import { WhenPipe } from '../../shared/when.pipe';
import { confirmChange } from '../change-dialog/change-dialog';
import { LinkExpired } from '../link-expired/link-expired';
import type { DateAction, ManageGroup } from '../manage-view';
import { API_ACTION, manageGroups, unskipSaid } from '../manage-view';
import { ManageRegistration } from '../manage-registration/manage-registration';
import { ManageStore } from '../manage.store';

/** How many dates of a group show before "Toon alle datums". */
const FIRST_DATES = 3;

/**
 * `/mijn-inschrijving#token=…`, from the SMS or e-mail: my dates and how they stand;
 * "Ik kan deze keer niet" (and "Ik kan toch komen"), "Uitschrijven", "Van de wachtlijst gaan",
 * "Ja, ik kom"; the language.
 */
@Component({
  selector: 'kr-manage-page',
  imports: [
    CentreContactLinks,
    LinkExpired,
    ManageRegistration,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [ManageStore, WhenPipe],
  templateUrl: './manage-page.html',
  styleUrl: './manage-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ManagePage {
  private readonly store = inject(ManageStore);
  private readonly dialog = inject(MatDialog);
  private readonly when = inject(WhenPipe);
  private readonly language = inject(LanguageService);
  private followedFamilyLanguage = false;

  /** The key of the link: in the address's fragment (an older link's `?token=` moves there), sent to the API in a header. */
  private readonly token = linkToken();

  protected readonly locale = this.language.locale;
  protected readonly state = this.store.current;
  protected readonly busy = this.store.busy;
  protected readonly problem = this.store.problem;
  protected readonly confirmation = this.store.confirmation;
  protected readonly locales = PARENT_LOCALES;
  protected readonly names = NATIVE_LANGUAGE_NAMES;
  protected readonly view = this.store.view;
  protected readonly code = computed(() => spacedCode(this.view()?.code ?? ''));
  protected readonly groups = computed(() => {
    const view = this.view();
    return view ? manageGroups(view, new Date()) : [];
  });

  /** Groups whose every date is shown (a phone shows the next few first). */
  private readonly expanded = signal<ReadonlySet<string>>(new Set());

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => this.store.load(token));
    });
    // The link is personal: open it in the language the family chose for its messages, unless the
    // person picked a language on this device themselves (the header): their choice wins.
    effect(() => {
      const view = this.view();
      if (!view || this.followedFamilyLanguage) return;
      this.followedFamilyLanguage = true;
      if (untracked(this.language.chosenByPerson)) return;
      if (isLocale(view.locale) && view.locale !== untracked(this.locale)) {
        this.language.use(view.locale, 'followed').subscribe({ error: () => undefined });
      }
    });
  }

  protected shown(group: ManageGroup): RegistrationView[] {
    return this.expanded().has(group.groupId) ? group.registrations : group.registrations.slice(0, FIRST_DATES);
  }

  protected showAll(group: ManageGroup): void {
    this.expanded.update((open) => new Set([...open, group.groupId]));
  }

  protected act(registration: RegistrationView, action: DateAction): void {
    const when = this.when.transform(registration.startsAt, registration.endsAt, this.locale(), false);
    const said = { key: `parents.manage.done.${action}`, params: { when } };
    if (action === 'unskip') {
      this.store.change(registration.id, API_ACTION[action], (view) => unskipSaid(view, registration.id, when));
      return;
    }
    if (action === 'accept') {
      this.store.change(registration.id, API_ACTION[action], said);
      return;
    }
    const base = `parents.manage.confirm.${action}`;
    confirmChange(this.dialog, {
      titleKey: `${base}.title`,
      textKey: `${base}.text`,
      confirmKey: `${base}.confirm`,
      keepKey: `${base}.keep`,
      detail: this.when.transform(registration.startsAt, registration.endsAt, this.locale()),
    }).subscribe((yes) => {
      if (yes) this.store.change(registration.id, API_ACTION[action], said);
    });
  }

  protected stopSeries(group: ManageGroup): void {
    const params = { group: group.title };
    confirmChange(this.dialog, {
      titleKey: 'parents.manage.confirm.stop.title',
      textKey: 'parents.manage.confirm.stop.text',
      confirmKey: 'parents.manage.confirm.stop.confirm',
      keepKey: 'parents.manage.confirm.stop.keep',
      params,
    }).subscribe((yes) => {
      if (yes) this.store.stopSeries(group.groupId, group.stoppable, { key: 'parents.manage.done.stop', params });
    });
  }

  protected chooseLanguage(locale: Locale): void {
    this.store.setLocale(locale, { key: 'parents.manage.done.locale', params: { language: NATIVE_LANGUAGE_NAMES[locale] } });
  }

  protected retry(): void {
    this.store.retry();
  }
}
