import type { Signal } from '@angular/core';
import { computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Locale } from '@kring/domain';
import { SessionsApi } from '../../planning/data-access/sessions.api';
import { StaffRegistrationsApi } from './staff-registrations.api';

/**
 * A session (in the screen's language) and its registrations, loaded side by side for a page:
 * `loading` until both first came, `error` of either, and one `reload` that asks for both again.
 * Call in an injection context (a field initializer).
 */
export function sessionWithRegistrations(id: Signal<string>, locale: Signal<Locale>) {
  const sessions = inject(SessionsApi);
  const api = inject(StaffRegistrationsApi);
  const session = rxResource({
    params: () => ({ id: id(), locale: locale() }),
    stream: ({ params }) => sessions.get(params.id, params.locale),
  });
  const registrations = rxResource({
    params: () => id(),
    stream: ({ params }) => api.forSession(params),
  });
  return {
    session,
    registrations,
    loading: computed(() => (session.isLoading() && !session.hasValue()) || (registrations.isLoading() && !registrations.hasValue())),
    error: computed(() => session.error() ?? registrations.error()),
    reload: (): void => {
      session.reload();
      registrations.reload();
    },
  };
}
