import { HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { LanguageService } from '../i18n/language.service';
import { provideKringHttp } from './http';
import { localeInterceptor } from './locale.interceptor';

describe(localeInterceptor.name, () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideKringHttp(), provideHttpClientTesting(), provideTranslateTesting()] });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
    document.documentElement.lang = 'nl'; // LanguageService set it; leave the page as other tests expect it
  });

  /** The Accept-Language a GET to `url` goes out with (null: none set by us). */
  function sentLanguage(url: string): string | null {
    void firstValueFrom(client.get(url)).catch(() => undefined);
    const request = http.expectOne(url);
    const language = request.request.headers.get('Accept-Language');
    request.flush({});
    return language;
  }

  it('should tell the API the language the screens are shown in, and follow a change', async () => {
    expect(sentLanguage('/api/v1/sessions/mine')).toBe('nl');

    await firstValueFrom(TestBed.inject(LanguageService).use('fr'));
    expect(sentLanguage('/api/v1/care-prompts')).toBe('fr');

    await firstValueFrom(TestBed.inject(LanguageService).use('en'));
    expect(sentLanguage('/api/v1/groups')).toBe('en');
  });

  it('should leave other requests (the translations themselves) alone', () => {
    expect(sentLanguage('/i18n/room/nl.json')).toBeNull();
  });
});
