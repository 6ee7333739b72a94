import { InjectionToken } from '@angular/core';

/** Where the Kring API lives; the web app is served by the API itself, so same origin. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api/v1',
});
