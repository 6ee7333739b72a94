import type { Provider } from '@angular/core';
import type { TranslationObject } from '@ngx-translate/core';
import { TranslateLoader, provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { of, throwError } from 'rxjs';
import en from '../../public/i18n/en.json';
import fr from '../../public/i18n/fr.json';
import nl from '../../public/i18n/nl.json';

/** The real translation files, so tests assert on the words people will see. */
export const TRANSLATIONS: Readonly<Record<string, TranslationObject>> = { nl, en, fr };

class StaticTranslateLoader extends TranslateLoader {
  constructor(private readonly failing: readonly string[]) {
    super();
  }

  getTranslation(lang: string): Observable<TranslationObject> {
    if (this.failing.includes(lang)) return throwError(() => new Error(`cannot load ${lang}`));
    return of(TRANSLATIONS[lang] ?? {});
  }
}

/** ngx-translate with the real files, loaded synchronously; `failing` languages fail to load. */
export function provideTranslateTesting(options: { failing?: readonly string[] } = {}): Provider[] {
  const failing = options.failing ?? [];
  return provideTranslateService({
    lang: 'nl',
    fallbackLang: 'nl',
    loader: provideTranslateLoader(() => new StaticTranslateLoader(failing)),
  });
}
