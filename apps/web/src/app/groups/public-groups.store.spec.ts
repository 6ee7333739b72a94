import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { makePublicGroup } from '../../testing/groups';
import { provideTranslateTesting } from '../../testing/translate-testing';
import { LanguageService } from '../core/i18n/language.service';
import { PublicGroupsStore } from './public-groups.store';

const URL = '/api/v1/public/groups';

describe(PublicGroupsStore.name, () => {
  let store: PublicGroupsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateTesting(), PublicGroupsStore],
    });
    store = TestBed.inject(PublicGroupsStore);
    http = TestBed.inject(HttpTestingController);
    TestBed.tick();
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('should be loading and then hold the groups when the API answers', () => {
    expect(store.current().status).toBe('loading');

    const group = makePublicGroup();
    http.expectOne(`${URL}?locale=nl`).flush({ items: [group] });

    expect(store.current()).toEqual({ status: 'loaded', items: [group] });
    expect(store.groups()).toEqual([group]);
  });

  it('should hold the translation key of the API error code when the API fails', () => {
    http.expectOne(`${URL}?locale=nl`).flush({ code: 'too_many_requests', message: 'slow down' }, { status: 429, statusText: 'Too Many' });

    expect(store.current()).toEqual({ status: 'error', messageKey: 'errors.codes.too_many_requests' });
    expect(store.groups()).toEqual([]);
  });

  it('should fetch again in the new language and drop the old answer when the language changes', async () => {
    const dutchRequest = http.expectOne(`${URL}?locale=nl`);

    await firstValueFrom(TestBed.inject(LanguageService).use('en'));
    TestBed.tick();

    expect(dutchRequest.cancelled).toBe(true);
    expect(store.current().status).toBe('loading');
    const english = makePublicGroup({ title: 'Baby chats', locale: 'en' });
    http.expectOne(`${URL}?locale=en`).flush({ items: [english] });
    expect(store.groups()).toEqual([english]);
  });

  it('should ask again when retrying after an error', () => {
    http.expectOne(`${URL}?locale=nl`).error(new ProgressEvent('error'), { status: 0 });
    expect(store.current()).toEqual({ status: 'error', messageKey: 'errors.offline' });

    store.retry();

    expect(store.current().status).toBe('loading');
    http.expectOne(`${URL}?locale=nl`).flush({ items: [] });
    expect(store.current()).toEqual({ status: 'loaded', items: [] });
  });
});
