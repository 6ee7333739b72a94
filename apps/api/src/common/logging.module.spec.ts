import { describe, expect, it } from 'vitest';
import { newToken } from '../auth/tokens';
import { loggedPath } from './logging.module';

describe('loggedPath', () => {
  it('should redact token-shaped path segments, also a calendar feed’s, and drop the query string', () => {
    const token = newToken();
    expect(loggedPath(`/api/v1/public/manage/${token}/registrations/x/cancel`)).toBe(
      '/api/v1/public/manage/[redacted]/registrations/x/cancel',
    );
    expect(loggedPath(`/api/v1/public/calendar/staff/${token}.ics`)).toBe('/api/v1/public/calendar/staff/[redacted].ics');
    expect(loggedPath(`/mijn-inschrijving?token=${token}`)).toBe('/mijn-inschrijving');
  });

  it('should keep ids and ordinary paths as they are', () => {
    const id = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
    expect(loggedPath(`/api/v1/sessions/${id}/roster`)).toBe(`/api/v1/sessions/${id}/roster`);
    expect(loggedPath('/groepen/zoeken')).toBe('/groepen/zoeken');
  });
});
