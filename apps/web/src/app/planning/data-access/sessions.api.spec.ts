import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SessionsApi } from './sessions.api';

describe(SessionsApi.name, () => {
  let api: SessionsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(SessionsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should send only the filters that are set', () => {
    api.list({ from: 'a', to: 'b', groupId: 'g', locationId: undefined, facilitatorId: '', locale: 'fr' }).subscribe();

    const request = http.expectOne((r) => r.url === '/api/v1/sessions');
    expect(request.request.params.keys()).toEqual(['from', 'to', 'groupId', 'locale']);
    request.flush([]);
  });

  it('should change a session and cancel one with a reason, naming the language for the titles', () => {
    api.update('s 1', { scope: 'this', capacity: null }, 'nl').subscribe();
    api.cancel('s1', 'Ziek', 'en').subscribe();

    const update = http.expectOne('/api/v1/sessions/s%201?locale=nl');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ scope: 'this', capacity: null });
    const cancel = http.expectOne('/api/v1/sessions/s1/cancel?locale=en');
    expect(cancel.request.body).toEqual({ reason: 'Ziek' });
    update.flush({});
    cancel.flush({});
  });
});
