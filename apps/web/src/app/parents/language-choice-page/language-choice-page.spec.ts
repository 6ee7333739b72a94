import { TestBed } from '@angular/core/testing';
import { DOCUMENT } from '@angular/core';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/language.service';
import { LanguageChoicePage } from './language-choice-page';

describe(LanguageChoicePage.name, () => {
  let page: RenderedPage;

  beforeEach(async () => {
    page = await renderPage(LanguageChoicePage, { path: 'groepen', url: '/groepen' });
  });

  afterEach(() => localStorage.clear());

  const choices = () => [...page.element.querySelectorAll<HTMLButtonElement>('button.choice')];

  it('should name each language in its own script, with its language set for screen readers', () => {
    expect(choices().map((b) => [b.textContent?.trim(), b.lang])).toEqual([
      ['Nederlands', 'nl'],
      ['English', 'en'],
      ['Français', 'fr'],
      ['العربية', 'ar'],
    ]);
    expect(choices()[0].getAttribute('aria-current')).toBe('true');
    expect(page.element.textContent).toContain('اختر لغتك');
  });

  it('should switch to Arabic, right to left, remember it and go on to "Wat zoek je?"', async () => {
    choices()[3].click();
    await page.settle();

    const html = TestBed.inject(DOCUMENT).documentElement;
    expect(html.dir).toBe('rtl');
    expect(html.lang).toBe('ar');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ar');
    expect(page.router.url).toBe('/groepen/zoeken');
  });
});
