import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import { SessionTimePipe } from '../../planning/shared/session-time.pipe';
import { sessionWithRegistrations } from '../data-access/session-with-registrations';
import { REGISTRATION_PATHS } from '../registration-paths';
import { LoadError } from '../../shared/load-error/load-error';

/** Empty lines at the bottom, for families who come without registering. */
export const WALK_IN_ROWS = 6;

/**
 * `/inschrijvingen/bijeenkomst/:id/aanwezigheidslijst`: a sheet to print and lay by the door:
 * the session, the registered families' names, how many children come and whether they asked for
 * childcare, an empty signature column and blank lines. Nothing else: no phone numbers, no e-mail.
 */
@Component({
  selector: 'kr-sign-in-sheet-page',
  imports: [LoadError, MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, SessionTimePipe, TranslatePipe],
  templateUrl: './sign-in-sheet-page.html',
  styleUrl: './sign-in-sheet-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInSheetPage {
  private readonly document = inject(DOCUMENT);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = REGISTRATION_PATHS;
  private readonly loaded = sessionWithRegistrations(this.id, this.locale);
  protected readonly session = this.loaded.session;
  protected readonly registrations = this.loaded.registrations;
  protected readonly loading = this.loaded.loading;
  protected readonly loadError = this.loaded.error;
  /** Who has a seat (confirmed, or a seat held for them), alphabetically: easy to find at the door. */
  protected readonly rows = computed(() =>
    (this.registrations.hasValue() ? this.registrations.value() : [])
      .filter((r) => r.status === 'confirmed' || r.status === 'offered')
      .map((r) => ({ id: r.id, name: r.family.displayName, children: r.childrenComing, childcare: r.needs.includes('childcare') }))
      .sort((a, b) => a.name.localeCompare(b.name, this.locale())),
  );
  protected readonly childcareFamilies = computed(() => this.rows().filter((r) => r.childcare).length);
  protected readonly blanks = Array.from({ length: WALK_IN_ROWS }, (_, i) => i);

  constructor() {
    // Only the sheet is printed, also with the browser's own print command, never the menus around it.
    const body = this.document.body;
    body.classList.add('printing-part');
    inject(DestroyRef).onDestroy(() => body.classList.remove('printing-part'));
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
