import { computed, type Signal } from '@angular/core';
import { errorMessage, type ErrorMessage } from '../../core/http/error-message';
import type { LoadResult } from './room-sync';

/** What a room page shows about its last load: offline (kept copy), not found, or another problem. */
export interface RoomLoadState {
  offline: Signal<boolean>;
  notFound: Signal<boolean>;
  problem: Signal<ErrorMessage | null>;
}

/** The load state of a room page from its last `LoadResult`, the connection and the screen's language. */
export function roomLoadState(result: Signal<LoadResult | null>, online: Signal<boolean>, locale: Signal<string>): RoomLoadState {
  return {
    offline: computed(() => {
      const r = result();
      return !online() || (r !== null && !r.ok && r.failure === 'offline');
    }),
    notFound: computed(() => {
      const r = result();
      return r !== null && !r.ok && r.failure === 'not-found';
    }),
    problem: computed(() => {
      const r = result();
      if (!r || r.ok || r.failure === 'offline' || r.failure === 'not-found') return null;
      return errorMessage(r.error, locale());
    }),
  };
}
