import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { LanguageService } from './language.service';
import { TranslatedTitleStrategy } from './translated-title-strategy';

@Component({ template: '' })
class EmptyPage {}

describe(TranslatedTitleStrategy.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideTranslateTesting(),
        provideRouter([
          { path: '', title: 'home.title', component: EmptyPage },
          { path: 'untitled', component: EmptyPage },
        ]),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      ],
    });
  });

  afterEach(() => localStorage.clear());

  it('should show the translated page title with the app name when a route has a title key', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/');
    TestBed.tick();

    expect(TestBed.inject(Title).getTitle()).toBe('Groepen voor ouders · Kring');
  });

  it('should follow the language when the language changes', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');

    await firstValueFrom(TestBed.inject(LanguageService).use('fr'));
    TestBed.tick();

    expect(TestBed.inject(Title).getTitle()).toBe('Groupes pour parents · Kring');
  });

  it('should show only the app name when a route has no title', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/untitled');
    TestBed.tick();

    expect(TestBed.inject(Title).getTitle()).toBe('Kring');
  });
});
