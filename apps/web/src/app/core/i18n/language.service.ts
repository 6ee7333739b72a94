import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslateService } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { catchError, of } from 'rxjs';
import type { Locale } from '@kring/domain';
import { DEFAULT_LOCALE, LOCALES, STAFF_LOCALES, isLocale, textDirection } from '@kring/domain';

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'kring.locale';
/** Set once the person picked a language themselves: from then on their choice wins over any page's guess. */
export const LOCALE_CHOSEN_STORAGE_KEY = 'kring.locale.chosen';

/** How a language came to be shown: the person picked it, or a page followed what it knows (a family's message language). */
export type LanguageChoice = 'chosen' | 'followed';

/**
 * The languages the switch offers. Arabic (right to left) joins for the parent pages
 * once `ar.json` exists; direction, `lang` and storage already work for any locale.
 */
export const OFFERED_LOCALES: readonly Locale[] = STAFF_LOCALES;

/** The parent pages (and the public start page) add Arabic, written right to left. */
export const PARENT_LOCALES: readonly Locale[] = LOCALES;

/**
 * Each language named in its own language and script: the same in every translation,
 * so a parent who does not read the current language still finds their own.
 */
export const NATIVE_LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  nl: 'Nederlands',
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
};

/**
 * The one place that knows the current language: it asks ngx-translate to load it,
 * remembers it in localStorage and sets `<html lang>` and `dir`.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Locale>(DEFAULT_LOCALE);
  private readonly chosen = signal(this.readChosen());

  /** The language the screens are shown in (changes once its translations have loaded). */
  readonly locale = this.current.asReadonly();
  readonly direction = computed(() => textDirection(this.current()));
  readonly offered = OFFERED_LOCALES;
  /** The person picked a language themselves (the header, the language page, the manage page's choice). */
  readonly chosenByPerson = this.chosen.asReadonly();
  /** How many open pages offer the parent languages (a count, so page changes cannot race). */
  private readonly parentPagesOpen = signal(0);
  /** The languages to offer on the page shown now: the parent pages add Arabic. */
  readonly offeredHere = computed(() => (this.parentPagesOpen() > 0 ? PARENT_LOCALES : this.offered));

  constructor() {
    this.translate.onLangChange.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(({ lang }) => {
      if (isLocale(lang)) this.apply(lang);
    });
  }

  /**
   * Loads the remembered language (Dutch the first time); used once at start-up.
   * Never fails: a language that cannot load falls back to Dutch, and the app starts regardless.
   */
  init(): Observable<unknown> {
    const remembered = this.readStored();
    // Arabic, chosen on a parent page, is remembered too (its core texts exist in ar.json).
    const start = remembered !== null && PARENT_LOCALES.includes(remembered) ? remembered : DEFAULT_LOCALE;
    return this.use(start, 'followed').pipe(
      catchError(() => (start === DEFAULT_LOCALE ? of(null) : this.use(DEFAULT_LOCALE, 'followed'))),
      catchError(() => of(null)),
    );
  }

  /**
   * A parent page opened: Arabic is offered in the language menu until the returned
   * function is called (when the page closes).
   */
  offerParentLanguages(): () => void {
    this.parentPagesOpen.update((open) => open + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.parentPagesOpen.update((open) => Math.max(0, open - 1));
    };
  }

  /**
   * Switches the language; the screens follow as soon as its translations are loaded. A language the
   * person chose is remembered as theirs, so no page later switches it for them.
   */
  use(locale: Locale, how: LanguageChoice = 'chosen'): Observable<unknown> {
    if (how === 'chosen' && !this.chosen()) {
      this.chosen.set(true);
      this.writeChosen();
    }
    return this.translate.use(locale);
  }

  private apply(locale: Locale): void {
    this.current.set(locale);
    const html = this.document.documentElement;
    html.lang = locale;
    html.dir = textDirection(locale);
    this.writeStored(locale);
  }

  private readStored(): Locale | null {
    try {
      const value = this.document.defaultView?.localStorage.getItem(LOCALE_STORAGE_KEY);
      return isLocale(value) ? value : null;
    } catch {
      return null; // storage can be blocked (private mode, strict settings)
    }
  }

  private readChosen(): boolean {
    try {
      return this.document.defaultView?.localStorage.getItem(LOCALE_CHOSEN_STORAGE_KEY) === '1';
    } catch {
      return false;
    }
  }

  private writeChosen(): void {
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_CHOSEN_STORAGE_KEY, '1');
    } catch {
      // As with the language itself: not remembering is acceptable.
    }
  }

  private writeStored(locale: Locale): void {
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not remembering the language is acceptable; the page still works.
    }
  }
}
