import type { ApplicationConfig } from '@angular/core';
import { inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling, withRouterConfig } from '@angular/router';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import { DEFAULT_LOCALE } from '@kring/domain';
import { appRoutes } from './app.routes';
import { SessionStore } from './core/auth/session.store';
import { provideKringHttp } from './core/http/http';
import { provideKringIcons } from './core/icons/icons';
import { provideOfflineSupport } from './room/offline/offline-support';
import { KringTranslateLoader } from './core/i18n/kring-translate-loader';
import { LanguageService } from './core/i18n/language.service';
import { TranslatedTitleStrategy } from './core/i18n/translated-title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Anti-forgery header and the session watch (see provideKringHttp).
    provideKringHttp(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ anchorScrolling: 'enabled', scrollPositionRestoration: 'enabled' }),
      withRouterConfig({ onSameUrlNavigation: 'reload' }),
    ),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    // Translations live in public/i18n/<locale>.json and public/i18n/<feature>/<locale>.json,
    // fetched at runtime and merged (see KringTranslateLoader).
    provideTranslateService({
      fallbackLang: DEFAULT_LOCALE,
      loader: provideTranslateLoader(KringTranslateLoader),
    }),
    provideKringIcons(),
    // Production builds: a service worker keeps the app shell for offline use; waiting room taps are sent.
    provideOfflineSupport(),
    // Render nothing until the remembered language is loaded: no flash of keys or of Dutch.
    provideAppInitializer(() => inject(LanguageService).init()),
    // Who is signed in: asked at once, but nothing waits for it except the staff pages' guards,
    // so the public pages show even when the API is slow or down. It also sets the XSRF cookie.
    provideAppInitializer(() => {
      void inject(SessionStore).load();
    }),
  ],
};
