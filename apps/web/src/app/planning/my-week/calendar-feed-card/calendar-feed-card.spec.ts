import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { apiError } from '../../../../testing/staff';
import { provideTranslateTesting } from '../../../../testing/translate-testing';
import { provideKringIcons } from '../../../core/icons/icons';
import { answerDialog, textOf } from '../../testing/planning-page';
import { CalendarFeedCard } from './calendar-feed-card';

const FEED = '/api/v1/calendar/feed';
const URL = 'https://kring.example/api/v1/public/calendar/staff/abc.ics';

describe(CalendarFeedCard.name, () => {
  let fixture: ComponentFixture<CalendarFeedCard>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateTesting(), provideKringIcons()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarFeedCard);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.documentRootLoader(fixture);
  const click = async (text: string) => (await loader().getHarness(MatButtonHarness.with({ text }))).click();
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  it('should make a private link and show it with a copy button and a warning', async () => {
    expect(textOf(fixture.nativeElement)).toContain('Zet je bijeenkomsten in je agenda');

    await click('Maak mijn agendalink');
    const request = http.expectOne(FEED);
    expect(request.request.method).toBe('POST');
    request.flush({ url: URL });
    await settle();

    expect((fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[readonly]')?.value).toBe(URL);
    expect(textOf(fixture.nativeElement)).toContain('Wie deze link heeft, ziet je bijeenkomsten.');
    expect(await (await loader().getHarness(MatButtonHarness.with({ text: /Link kopiëren/ }))).isDisabled()).toBe(false);
    expect((fixture.nativeElement as HTMLElement).querySelector('a[href^="webcal:"]')?.getAttribute('href')).toBe(
      'webcal://kring.example/api/v1/public/calendar/staff/abc.ics',
    );
    expect(textOf(fixture.nativeElement)).toContain('Maak een nieuwe link');
  });

  it('should stop the link only after asking, and say it no longer works', async () => {
    await click('Link stopzetten');
    await answerDialog(loader(), 'Annuleren');
    http.expectNone(FEED);

    await click('Link stopzetten');
    await answerDialog(loader(), 'Link stopzetten');
    const request = http.expectOne(FEED);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(textOf(fixture.nativeElement)).toContain('Je agendalink werkt niet meer.');
  });

  it('should say kindly when the link cannot be made', async () => {
    await click('Maak mijn agendalink');
    http.expectOne(FEED).flush(...apiError(500, 'internal_error'));
    await settle();

    expect(textOf((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]'))).toContain('Er ging bij ons iets mis');
  });
});
