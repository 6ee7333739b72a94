import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, InjectionToken, computed, effect, inject, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type { Locale, SessionView, SyncOp } from '@kring/domain';
import { GROUP_WORK_ROLES } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import { AuthFlow } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { ROOM_PATHS } from '../room-paths';
import { RoomApi } from './room.api';
import { RoomCache } from './room-cache';
import { RoomStorage } from './room-storage';
import type { QueuedTap } from './tap-queue';
import { TapQueue } from './tap-queue';

/** How a failed request should be treated. */
export type Failure = 'offline' | 'busy' | 'signed-out' | 'refused' | 'not-found';

export function classifyFailure(error: unknown): Failure {
  if (!(error instanceof HttpErrorResponse) || error.status === 0) return 'offline';
  if (error.status === 401 || error.status === 403) return 'signed-out';
  if (error.status === 404) return 'not-found';
  if (error.status === 408 || error.status === 429 || error.status >= 500) return 'busy';
  return 'refused';
}

export interface RoomSyncDelays {
  /** Taps are sent this long after the last one, together. */
  send: number;
  /** Waits between attempts while the server cannot be reached: doubling from `retryMin` up to `retryMax`. */
  retryMin: number;
  retryMax: number;
}

export const ROOM_SYNC_DELAYS = new InjectionToken<RoomSyncDelays>('ROOM_SYNC_DELAYS', {
  providedIn: 'root',
  factory: () => ({ send: 300, retryMin: 2_000, retryMax: 60_000 }),
});

export type LoadResult = { ok: true } | { ok: false; failure: Failure; error: unknown };

/**
 * Sends the phone's taps to the server whenever it can: right after a tap, when the connection
 * comes back (`online`), when the app is shown again, on a retry timer, and at start. One lane:
 * sending and fetching never overlap, so a fresh roster plus the unsent taps is always right.
 */
@Injectable({ providedIn: 'root' })
export class RoomSync {
  private readonly api = inject(RoomApi);
  private readonly http = inject(HttpClient);
  private readonly queue = inject(TapQueue);
  private readonly cache = inject(RoomCache);
  private readonly storage = inject(RoomStorage);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly authFlow = inject(AuthFlow);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly delays = inject(ROOM_SYNC_DELAYS);

  private readonly browserOnline = signal(this.window?.navigator.onLine ?? true);
  private readonly reachable = signal(true);
  private readonly inRoom = signal(false);
  private readonly paused = signal(false);
  private lane: Promise<unknown> = Promise.resolve();
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = this.delays.retryMin;

  /** Whether the server can be reached, as far as the phone knows. */
  readonly online = computed(() => this.browserOnline() && this.reachable());
  readonly pending = this.queue.count;
  readonly sending = signal(false);
  /**
   * Whose taps and lists these are: the signed-in person, or, on a room page without a
   * connection, the person who last used the room on this phone.
   */
  readonly owner = computed(() => {
    const user = this.session.user();
    if (user && this.session.hasAccess()) return GROUP_WORK_ROLES.some((r) => user.roles.includes(r)) ? user.id : null;
    if (this.session.isSignedIn() || !this.inRoom()) return null;
    return this.storage.owner()?.id ?? null;
  });

  constructor() {
    const onOnline = () => this.cameOnline();
    const onOffline = () => this.browserOnline.set(false);
    const onVisible = () => {
      if (this.window?.document.visibilityState === 'visible') this.flushSoon();
    };
    this.window?.addEventListener('online', onOnline);
    this.window?.addEventListener('offline', onOffline);
    this.window?.document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('online', onOnline);
      this.window?.removeEventListener('offline', onOffline);
      this.window?.document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(this.sendTimer);
      clearTimeout(this.retryTimer);
    });

    // A new owner, or the same person signed in again (after a 401): bind and send.
    effect(() => {
      this.session.current();
      const owner = this.owner();
      untracked(() => {
        this.bind();
        const user = this.session.user();
        if (owner && user?.id === owner) this.storage.setOwner({ id: owner, roles: user.roles });
        this.paused.set(false);
        if (owner) this.flushSoon(0);
      });
    });

    // Signing out forgets the lists kept on this phone (names, phone numbers); unsent taps stay.
    let signedInAs: string | null = null;
    effect(() => {
      const state = this.session.current();
      untracked(() => {
        if (state.status === 'signed-in') signedInAs = state.session.user.id;
        else if (state.status === 'signed-out' && signedInAs) {
          if (this.browserOnline()) {
            this.cache.clear(signedInAs);
            if (this.storage.owner()?.id === signedInAs) this.storage.setOwner(null);
          }
          signedInAs = null;
        }
      });
    });
  }

  /** A room page is open: it may show the lists of the last person without a connection. */
  enterRoom(): void {
    this.inRoom.set(true);
    this.bind();
    this.flushSoon(0);
  }

  /** Records a tap: on the phone at once, to the server as soon as it can. */
  tap(op: SyncOp, label?: string): void {
    this.bind();
    const tap: QueuedTap = label === undefined ? { op } : { op, label };
    this.queue.enqueue(tap);
    this.flushSoon();
  }

  /** "Nu versturen": try at once, whatever the last attempt said. */
  retryNow(): void {
    this.browserOnline.set(this.window?.navigator.onLine ?? true);
    this.reachable.set(true);
    this.paused.set(false);
    this.retryDelay = this.delays.retryMin;
    this.flushSoon(0);
  }

  flushSoon(delay = this.delays.send): void {
    clearTimeout(this.sendTimer);
    this.sendTimer = setTimeout(() => void this.flush(), delay);
  }

  /** Sends every waiting tap (in batches), unless there is no connection or nobody to send for. */
  flush(): Promise<void> {
    return this.inLane(() => this.flushNow());
  }

  refreshRoster(sessionId: string): Promise<LoadResult> {
    return this.load(async () => this.cache.setRoster(await firstValueFrom(this.api.roster(sessionId))));
  }

  /** A drop-in's known families, kept on the phone for checking in by name offline. */
  refreshKnown(sessionId: string): Promise<LoadResult> {
    return this.load(async () => this.cache.setKnown(await firstValueFrom(this.api.knownFamilies(sessionId))));
  }

  /** The counts of a drop-in; its title and time too, unless given or kept already. */
  refreshTally(sessionId: string, locale: Locale, session?: SessionView): Promise<LoadResult> {
    return this.load(async () => {
      const view = await firstValueFrom(this.api.tally(sessionId));
      const known = session ?? this.cache.tally(sessionId)?.session ?? (await firstValueFrom(this.api.session(sessionId, locale)));
      this.cache.setTally(view, known);
    });
  }

  /** Fetches the lists of these sessions ahead, so each opens without a connection later. */
  async prefetch(sessions: readonly SessionView[], locale: Locale): Promise<void> {
    for (const session of sessions) {
      if (session.status === 'cancelled') continue;
      const result =
        session.group.kind === 'drop_in' ? await this.refreshTally(session.id, locale, session) : await this.refreshRoster(session.id);
      if (!result.ok && result.failure === 'offline') return;
      // A drop-in's names too, so they can be checked off where the wifi does not reach.
      if (session.group.kind === 'drop_in' && result.ok) {
        const known = await this.refreshKnown(session.id);
        if (!known.ok && known.failure === 'offline') return;
      }
    }
  }

  /** Runs a fetch in the lane, after the waiting taps went out. */
  load(job: () => Promise<void>): Promise<LoadResult> {
    return this.inLane(async () => {
      this.bind();
      await this.flushNow();
      if (!this.browserOnline()) return { ok: false, failure: 'offline', error: null } as const;
      try {
        await job();
        this.reachable.set(true);
        return { ok: true } as const;
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure === 'offline') this.reachable.set(false);
        return { ok: false, failure, error } as const;
      }
    });
  }

  private inLane<T>(job: () => Promise<T>): Promise<T> {
    const next = this.lane.then(job, job);
    this.lane = next.catch(() => undefined);
    return next;
  }

  /** The queue and the kept lists follow the owner at once (the effect below may run a moment later). */
  private bind(): string | null {
    const owner = this.owner();
    this.queue.bindOwner(owner);
    this.cache.bindOwner(owner);
    return owner;
  }

  private async flushNow(): Promise<void> {
    clearTimeout(this.retryTimer);
    if (!this.bind() || this.paused() || !this.browserOnline()) return;
    this.sending.set(true);
    try {
      for (let batch = this.queue.takeBatch(); batch.length > 0; batch = this.queue.takeBatch()) {
        if (!(await this.send(batch))) return;
      }
      this.retryDelay = this.delays.retryMin;
    } finally {
      this.sending.set(false);
    }
  }

  /** Sends one batch; false when sending must stop for now (no connection, server busy, signed out). */
  private async send(batch: readonly SyncOp[]): Promise<boolean> {
    try {
      const { results } = await firstValueFrom(this.api.sync(batch));
      this.reachable.set(true);
      this.cache.fold(this.queue.settle(results).map((tap) => tap.op));
      this.queue.release(batch.map((op) => op.id));
      return true;
    } catch (error) {
      this.queue.release(batch.map((op) => op.id));
      const failure = classifyFailure(error);
      if (failure === 'refused' || failure === 'not-found') {
        // The request as a whole was refused: find the tap that cannot go, one by one.
        if (batch.length === 1) {
          this.queue.refuse([batch[0].id], failure === 'not-found' ? 'not_found' : 'validation_failed');
          return true;
        }
        for (const op of batch) if (!(await this.send([op]))) return false;
        return true;
      }
      if (failure === 'offline') this.reachable.set(false);
      if (failure === 'signed-out') this.paused.set(true); // until someone signs in again
      else this.scheduleRetry();
      return false;
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, this.delays.retryMax);
  }

  private cameOnline(): void {
    this.browserOnline.set(true);
    this.reachable.set(true);
    this.retryDelay = this.delays.retryMin;
    if (this.session.isSignedIn() || !this.inRoom()) {
      this.flushSoon(0);
      return;
    }
    // Opened without a connection: ask again who is signed in, then send.
    void this.session.load().then(async (who) => {
      if (who || !(await this.serverAnswers())) return;
      if (this.router.url.startsWith(ROOM_PATHS.today)) await this.router.navigateByUrl(this.authFlow.signInUrl(this.router.url));
    });
  }

  /** Whether the server answers at all (a session check failing for lack of a connection says nothing). */
  private async serverAnswers(): Promise<boolean> {
    try {
      await firstValueFrom(this.http.get('/api/health/live', { responseType: 'text' }));
      return true;
    } catch (error) {
      return error instanceof HttpErrorResponse && error.status !== 0;
    }
  }
}
