import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { makePublicGroup } from '../../../testing/groups';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { PublicGroupList } from './public-group-list';
import { provideKringIcons } from '../../core/icons/icons';

const URL = '/api/v1/public/groups?locale=nl';

describe(PublicGroupList.name, () => {
  let fixture: ComponentFixture<PublicGroupList>;
  let element: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateTesting(), provideKringIcons()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PublicGroupList);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  async function answer(respond: () => void): Promise<void> {
    respond();
    await fixture.whenStable();
  }

  it('should say it is looking for groups while the API has not answered', () => {
    expect(element.textContent).toContain('We zoeken de groepen voor je op');
    http.expectOne(URL);
  });

  it('should show a card per group when the API answers', async () => {
    await answer(() =>
      http.expectOne(URL).flush({
        items: [makePublicGroup(), makePublicGroup({ id: 'b', title: 'Inloopmoment', kind: 'drop_in', audience: 'all' })],
      }),
    );

    const titles = [...element.querySelectorAll('kr-group-card h3')].map((h) => h.textContent?.trim());
    expect(titles).toEqual(['Babybabbels', 'Inloopmoment']);
    expect(element.textContent).not.toContain('We zoeken de groepen');
  });

  it('should explain and offer to look again when there are no groups', async () => {
    await answer(() => http.expectOne(URL).flush({ items: [] }));
    expect(element.textContent).toContain('Er staan nu geen groepen online');

    const button = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonHarness.with({ text: /Opnieuw kijken/ }));
    await button.click();

    http.expectOne(URL).flush({ items: [makePublicGroup()] });
    await fixture.whenStable();
    expect(element.querySelectorAll('kr-group-card')).toHaveLength(1);
  });

  it('should say kindly what went wrong and retry when the API fails', async () => {
    await answer(() => http.expectOne(URL).flush({ code: 'internal_error', message: 'boom' }, { status: 500, statusText: 'Error' }));

    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('We kunnen de groepen nu niet tonen');
    expect(alert?.textContent).toContain('Dat ligt niet aan jou');

    const retry = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonHarness.with({ text: /Probeer opnieuw/ }));
    await retry.click();

    http.expectOne(URL).flush({ items: [makePublicGroup()] });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelectorAll('kr-group-card')).toHaveLength(1);
  });

  it('should use the generic message when the error has no known code', async () => {
    await answer(() => http.expectOne(URL).flush('Bad gateway', { status: 502, statusText: 'Bad Gateway' }));

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Er ging iets mis');
  });
});
