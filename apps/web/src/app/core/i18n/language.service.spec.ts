import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { LOCALE_STORAGE_KEY, LanguageService, OFFERED_LOCALES } from './language.service';

describe(LanguageService.name, () => {
  function setUp(options: { stored?: string; failing?: string[] } = {}) {
    localStorage.clear();
    if (options.stored !== undefined) localStorage.setItem(LOCALE_STORAGE_KEY, options.stored);
    TestBed.configureTestingModule({
      providers: [provideTranslateTesting({ failing: options.failing })],
    });
    return {
      service: TestBed.inject(LanguageService),
      translate: TestBed.inject(TranslateService),
      html: TestBed.inject(DOCUMENT).documentElement,
    };
  }

  afterEach(() => localStorage.clear());

  it('should start in Dutch when no language was chosen before', async () => {
    const { service, html } = setUp();

    await firstValueFrom(service.init());

    expect(service.locale()).toBe('nl');
    expect(html.lang).toBe('nl');
    expect(html.dir).toBe('ltr');
  });

  it('should start in the remembered language when one was chosen before', async () => {
    const { service, translate, html } = setUp({ stored: 'fr' });

    await firstValueFrom(service.init());

    expect(service.locale()).toBe('fr');
    expect(translate.getCurrentLang()).toBe('fr');
    expect(html.lang).toBe('fr');
  });

  it('should start in Dutch when the remembered value is not an offered language', async () => {
    const { service } = setUp({ stored: 'klingon' });

    await firstValueFrom(service.init());

    expect(service.locale()).toBe('nl');
  });

  it('should fall back to Dutch when the remembered language cannot be loaded', async () => {
    const { service } = setUp({ stored: 'en', failing: ['en'] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await firstValueFrom(service.init());

    expect(service.locale()).toBe('nl');
  });

  it('should still start when even Dutch cannot be loaded', async () => {
    const { service } = setUp({ failing: ['nl'] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await expect(firstValueFrom(service.init())).resolves.toBeNull();
    expect(service.locale()).toBe('nl');
  });

  it('should remember the language and set html lang when switching', async () => {
    const { service, translate, html } = setUp();

    await firstValueFrom(service.use('en'));

    expect(service.locale()).toBe('en');
    expect(translate.instant('nav.home')).toBe('Home');
    expect(html.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('should write right to left when switching to Arabic', async () => {
    const { service, html } = setUp();

    await firstValueFrom(service.use('ar'));

    expect(service.direction()).toBe('rtl');
    expect(html.dir).toBe('rtl');
    await firstValueFrom(service.use('nl'));
    expect(html.dir).toBe('ltr');
  });

  it('should start in Arabic, right to left, when a parent chose it before', async () => {
    const { service, html } = setUp({ stored: 'ar' });

    await firstValueFrom(service.init());

    expect(service.locale()).toBe('ar');
    expect(html.dir).toBe('rtl');
  });

  it('should offer Arabic as long as any parent page is open', () => {
    const { service } = setUp();
    const first = service.offerParentLanguages();
    const second = service.offerParentLanguages();

    first();
    expect(service.offeredHere()).toContain('ar');
    second();
    expect(service.offeredHere()).toEqual(['nl', 'en', 'fr']);
  });

  it('should offer Dutch, English and French in that order', () => {
    const { service } = setUp();

    expect(service.offered).toEqual(['nl', 'en', 'fr']);
    expect(OFFERED_LOCALES[0]).toBe('nl');
  });
});
