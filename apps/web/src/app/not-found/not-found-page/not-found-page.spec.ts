import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { NotFoundPage } from './not-found-page';

describe(NotFoundPage.name, () => {
  it('should explain and link back to the home page when an address leads nowhere', async () => {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), provideRouter([])] });
    const fixture = TestBed.createComponent(NotFoundPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('h1')?.textContent).toBe('Deze pagina vinden we niet');
    const link = element.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/');
    expect(link?.textContent?.trim()).toBe('Naar de startpagina');
  });
});
