import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { LanguageService } from './language.service';
import { TranslatedPaginatorIntl } from './translated-paginator-intl';

describe(TranslatedPaginatorIntl.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), TranslatedPaginatorIntl] });
  });

  it('should speak Dutch and count the range', () => {
    const intl = TestBed.inject(TranslatedPaginatorIntl);

    expect(intl.itemsPerPageLabel).toBe('Per pagina');
    expect(intl.nextPageLabel).toBe('Volgende pagina');
    expect(intl.getRangeLabel(1, 20, 43)).toBe('21 – 40 van 43');
    expect(intl.getRangeLabel(2, 20, 43)).toBe('41 – 43 van 43');
    expect(intl.getRangeLabel(0, 20, 0)).toBe('Geen resultaten');
  });

  it('should follow a language switch and tell the paginator', async () => {
    const intl = TestBed.inject(TranslatedPaginatorIntl);
    let changes = 0;
    intl.changes.subscribe(() => changes++);

    await firstValueFrom(TestBed.inject(LanguageService).use('fr'));

    expect(intl.itemsPerPageLabel).toBe('Par page');
    expect(intl.getRangeLabel(0, 20, 3)).toBe('1 – 3 sur 3');
    expect(changes).toBe(1);
  });
});
