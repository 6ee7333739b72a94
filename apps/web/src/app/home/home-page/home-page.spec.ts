import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { makePublicGroup } from '../../../testing/groups';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { LanguageService } from '../../core/i18n/language.service';
import { HomePage } from './home-page';
import { provideKringIcons } from '../../core/icons/icons';

describe(HomePage.name, () => {
  let element: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateTesting(), provideKringIcons(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HomePage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/v1/public/groups?locale=nl').flush({ items: [makePublicGroup()] });
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('should welcome parents in Dutch when the page opens', () => {
    expect(element.querySelector('h1')?.textContent).toBe('Samen met andere ouders, dicht bij huis');
    expect(element.textContent).toContain('Goed genoeg is goed genoeg.');
  });

  it('should keep the heading order h1, h2, h3 when groups are listed', () => {
    const levels = [...element.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName);

    expect(levels).toEqual(['H1', 'H2', 'H2', 'H3']);
  });

  it('should list the groups in the section the navigation links to', () => {
    const section = element.querySelector('section#groups');

    expect(section?.querySelector('h2')?.textContent).toBe('Groepen en inloopmomenten');
    expect(section?.querySelector('kr-group-card h3')?.textContent).toBe('Babybabbels');
  });

  it('should lead parents to finding a group and registering when they want to join', () => {
    const links = [...element.querySelectorAll('a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);

    expect(links).toEqual([
      ['Zoek een groep en schrijf je in', '/groepen'],
      ['Wil je je inschrijven? Zoek een groep die bij je past.', '/groepen/zoeken'],
    ]);
    expect(element.querySelectorAll('button')).toHaveLength(0);
  });

  it('should offer Arabic in the language menu while the start page is open', () => {
    expect(TestBed.inject(LanguageService).offeredHere()).toEqual(['nl', 'en', 'fr', 'ar']);
  });
});
