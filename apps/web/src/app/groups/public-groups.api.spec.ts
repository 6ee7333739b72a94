import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PublicGroupList } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import { makePublicGroup } from '../../testing/groups';
import { PublicGroupsApi } from './public-groups.api';

describe(PublicGroupsApi.name, () => {
  let api: PublicGroupsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(PublicGroupsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should ask the public groups endpoint in the given language when listing', async () => {
    const body: PublicGroupList = { items: [makePublicGroup({ title: 'Baby chats', locale: 'en' })] };

    const result = firstValueFrom(api.list('en'));
    const request = http.expectOne((req) => req.url === '/api/v1/public/groups');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('locale')).toBe('en');
    request.flush(body);

    await expect(result).resolves.toEqual(body);
  });

  it('should pass the API error on when the API refuses', async () => {
    const result = firstValueFrom(api.list('nl'));
    http
      .expectOne('/api/v1/public/groups?locale=nl')
      .flush({ code: 'internal_error', message: 'x' }, { status: 500, statusText: 'Server Error' });

    await expect(result).rejects.toMatchObject({ status: 500, error: { code: 'internal_error' } });
  });
});
