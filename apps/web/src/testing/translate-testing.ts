import type { Provider } from '@angular/core';
import type { TranslationObject } from '@ngx-translate/core';
import { TranslateLoader, provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { of, throwError } from 'rxjs';
import en from '../../public/i18n/en.json';
import fr from '../../public/i18n/fr.json';
import flagsEn from '../../public/i18n/flags/en.json';
import flagsFr from '../../public/i18n/flags/fr.json';
import flagsNl from '../../public/i18n/flags/nl.json';
import nl from '../../public/i18n/nl.json';
import parentsAr from '../../public/i18n/parents/ar.json';
import parentsEn from '../../public/i18n/parents/en.json';
import parentsFr from '../../public/i18n/parents/fr.json';
import parentsNl from '../../public/i18n/parents/nl.json';
import privacyEn from '../../public/i18n/privacy/en.json';
import privacyFr from '../../public/i18n/privacy/fr.json';
import privacyNl from '../../public/i18n/privacy/nl.json';
import planningEn from '../../public/i18n/planning/en.json';
import planningFr from '../../public/i18n/planning/fr.json';
import planningNl from '../../public/i18n/planning/nl.json';
import roomEn from '../../public/i18n/room/en.json';
import roomFr from '../../public/i18n/room/fr.json';
import roomNl from '../../public/i18n/room/nl.json';
import registrationsEn from '../../public/i18n/registrations/en.json';
import registrationsFr from '../../public/i18n/registrations/fr.json';
import registrationsNl from '../../public/i18n/registrations/nl.json';
import { mergeTranslations } from '../app/core/i18n/kring-translate-loader';

/** The real translation files (core and features, merged as the app merges them), so tests assert on the words people will see. */
export const TRANSLATIONS: Readonly<Record<string, TranslationObject>> = {
  nl: mergeTranslations([nl, planningNl, parentsNl, roomNl, registrationsNl, flagsNl, privacyNl]),
  en: mergeTranslations([en, planningEn, parentsEn, roomEn, registrationsEn, flagsEn, privacyEn]),
  fr: mergeTranslations([fr, planningFr, parentsFr, roomFr, registrationsFr, flagsFr, privacyFr]),
};

/** Arabic exists for the parents' pages only. */
export const ARABIC_PARENT_TRANSLATIONS: TranslationObject = parentsAr;

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
