import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { SessionInfo, StaffRole } from '@kring/domain';
import { TwoFactorState } from '@kring/domain';
import { AuthApi } from './auth.api';

export type SessionState =
  { readonly status: 'unknown' } | { readonly status: 'signed-out' } | { readonly status: 'signed-in'; readonly session: SessionInfo };

/**
 * Who is signed in, for the whole app. Loaded once at start (`load()`), set after sign-in and
 * the two-factor step, cleared on sign-out or when the API says the session has ended.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly state = signal<SessionState>({ status: 'unknown' });
  /** Bumped on every change, so an older answer of `load()` never overwrites a newer state. */
  private version = 0;
  private loading: Promise<SessionInfo | null> | null = null;

  readonly current = this.state.asReadonly();
  readonly session = computed(() => {
    const state = this.state();
    return state.status === 'signed-in' ? state.session : null;
  });
  readonly isKnown = computed(() => this.state().status !== 'unknown');
  readonly isSignedIn = computed(() => this.session() !== null);
  readonly user = computed(() => this.session()?.user ?? null);
  readonly roles = computed<readonly StaffRole[]>(() => this.session()?.user.roles ?? []);
  readonly twoFactor = computed(() => this.session()?.twoFactor ?? null);
  /** Signed in and past the two-factor step: the staff pages are open. */
  readonly hasAccess = computed(() => this.session()?.twoFactor.state === TwoFactorState.Satisfied);

  /** Whether the signed-in person holds any of these roles. */
  hasRole(...roles: readonly StaffRole[]): boolean {
    const held = this.roles();
    return roles.some((role) => held.includes(role));
  }

  /** Asks the API who is signed in. Never fails: any error counts as signed out. */
  load(): Promise<SessionInfo | null> {
    const started = this.version;
    const loading = firstValueFrom(this.api.session()).then(
      (session) => {
        if (this.version === started) this.set(session);
        return this.session();
      },
      () => {
        if (this.version === started) this.clear();
        return this.session();
      },
    );
    this.loading = loading;
    return loading;
  }

  /** The session once it is known: at once when it is, else after the (first) load. */
  whenKnown(): Promise<SessionInfo | null> {
    if (this.isKnown()) return Promise.resolve(this.session());
    return this.loading ?? this.load();
  }

  set(session: SessionInfo): void {
    this.version++;
    this.state.set({ status: 'signed-in', session });
  }

  clear(): void {
    this.version++;
    this.state.set({ status: 'signed-out' });
  }
}
