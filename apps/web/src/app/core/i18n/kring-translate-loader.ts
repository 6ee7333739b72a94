import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import type { TranslationObject } from '@ngx-translate/core';
import { TranslateLoader } from '@ngx-translate/core';
import { forkJoin, of, type Observable } from 'rxjs';
import { catchError, map } from 'rxjs/operators';

/**
 * Translations are split per feature so that each feature keeps its own words:
 * `i18n/<locale>.json` (shell, home, sign-in, accounts) and `i18n/<feature>/<locale>.json`.
 * A feature's keys live under its own top-level key (e.g. `planning.…`).
 */
export const TRANSLATION_FEATURES = ['planning', 'parents', 'room', 'registrations', 'flags', 'reports', 'privacy'] as const;

export function mergeTranslations(parts: readonly TranslationObject[]): TranslationObject {
  const out: Record<string, unknown> = {};
  for (const part of parts) deepMerge(out, part as Record<string, unknown>);
  return out as TranslationObject;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object') {
      deepMerge(current as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}

export class KringTranslateLoader extends TranslateLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string): Observable<TranslationObject> {
    const core = this.http.get<TranslationObject>(`i18n/${lang}.json`);
    // A feature without this language (Arabic is for the parents' pages) adds nothing.
    const features = TRANSLATION_FEATURES.map((f) =>
      this.http.get<TranslationObject>(`i18n/${f}/${lang}.json`).pipe(catchError(() => of({} as TranslationObject))),
    );
    return forkJoin([core, ...features]).pipe(map((parts) => mergeTranslations(parts)));
  }
}
