import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';
import type { CanMatchFn, GuardResult } from '@angular/router';
import { GROUP_WORK_ROLES } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import { staffOnly } from '../core/auth/auth.guards';
import { SessionStore } from '../core/auth/session.store';
import { RoomStorage } from './data/room-storage';

/**
 * The room pages are for coordinators and group workers (the usual staff checks), with one
 * exception: opened without a connection, nobody can be asked who is signed in, so the person
 * who last used the room on this phone gets their lists back (kept on the phone, with the taps
 * still to send). Signing out forgets that person.
 */
export const roomAccessGuard: CanMatchFn = async (route, segments, snapshot) => {
  const injector = inject(EnvironmentInjector);
  const storage = inject(RoomStorage);
  const http = inject(HttpClient);
  const window = inject(DOCUMENT).defaultView;
  const session = await inject(SessionStore).whenKnown();
  const owner = storage.owner();
  if (!session && owner && GROUP_WORK_ROLES.some((r) => owner.roles.includes(r)) && (await isOffline(window, http))) return true;
  for (const guard of staffOnly(...GROUP_WORK_ROLES)) {
    const result = await runInInjectionContext(injector, () => guard(route, segments, snapshot) as Promise<GuardResult> | GuardResult);
    if (result !== true) return result;
  }
  return true;
};

async function isOffline(window: Window | null, http: HttpClient): Promise<boolean> {
  if (window && !window.navigator.onLine) return true;
  try {
    await firstValueFrom(http.get('/api/health/live', { responseType: 'text' }));
    return false;
  } catch (error) {
    return error instanceof HttpErrorResponse && error.status === 0;
  }
}
