import { Injectable, inject, signal } from '@angular/core';
import type { CarePrompt, KnownFamiliesView, RosterView, SessionView, SyncOp, TallyView } from '@kring/domain';
import { applyToKnown, applyToRoster, applyToTally } from './apply-taps';
import { RoomStorage, ownerKey } from './room-storage';

export interface RosterSnapshot {
  readonly view: RosterView;
  readonly savedAt: string;
}

/** A drop-in's known families (names only), kept like a roster so names can be checked off offline. */
export interface KnownSnapshot {
  readonly view: KnownFamiliesView;
  readonly savedAt: string;
}

export interface TallySnapshot {
  readonly view: TallyView;
  /** The session's title and time (the tally itself does not carry them). */
  readonly session: SessionView | null;
  /** Language counters the worker added, shown even while still at zero. */
  readonly languages: readonly string[];
  readonly savedAt: string;
}

export interface TodaySnapshot {
  /** The Brussels day (`YYYY-MM-DD`) these sessions are of. */
  readonly day: string;
  readonly sessions: readonly SessionView[];
  readonly prompts: readonly CarePrompt[];
  readonly savedAt: string;
}

/** Names and phone numbers stay on the phone no longer than this after they were last fetched. */
export const KEEP_SNAPSHOTS_MS = 2 * 24 * 3_600_000;
/** What stays when the cache is cleared: taps still have to reach the server. */
const KEPT_ON_CLEAR = ['queue', 'refused'];

type Snapshot = RosterSnapshot | TallySnapshot | KnownSnapshot | TodaySnapshot;

/**
 * The last roster, tally, known families and day fetched, kept on the phone per person so a reload without a
 * connection still shows them (with the unsent taps applied on top). Confirmed taps are folded
 * in, so the copy stays right until it is fetched again.
 */
@Injectable({ providedIn: 'root' })
export class RoomCache {
  private readonly storage = inject(RoomStorage);
  private readonly owner = signal<string | null>(null);
  /** What was read or written, by name; `version` tells computed views that something changed. */
  private readonly memo = new Map<string, Snapshot | null>();
  private readonly version = signal(0);

  bindOwner(ownerId: string | null, now = new Date()): void {
    if (ownerId === this.owner()) return;
    this.owner.set(ownerId);
    this.forget();
    if (ownerId) this.prune(ownerId, now);
  }

  roster(sessionId: string): RosterSnapshot | null {
    return this.get<RosterSnapshot>(`roster.${sessionId}`);
  }

  tally(sessionId: string): TallySnapshot | null {
    return this.get<TallySnapshot>(`tally.${sessionId}`);
  }

  known(sessionId: string): KnownSnapshot | null {
    return this.get<KnownSnapshot>(`known.${sessionId}`);
  }

  today(): TodaySnapshot | null {
    return this.get<TodaySnapshot>('today');
  }

  setRoster(view: RosterView, now = new Date()): void {
    this.put(`roster.${view.sessionId}`, { view, savedAt: now.toISOString() } satisfies RosterSnapshot);
  }

  setKnown(view: KnownFamiliesView, now = new Date()): void {
    this.put(`known.${view.sessionId}`, { view, savedAt: now.toISOString() } satisfies KnownSnapshot);
  }

  setTally(view: TallyView, session: SessionView | null, now = new Date()): void {
    const before = this.tally(view.sessionId);
    this.put(`tally.${view.sessionId}`, {
      view,
      session: session ?? before?.session ?? null,
      languages: before?.languages ?? [],
      savedAt: now.toISOString(),
    } satisfies TallySnapshot);
  }

  /** A language counter the worker wants to see, before anyone is counted in it. */
  addLanguage(sessionId: string, code: string): void {
    const before = this.tally(sessionId);
    if (!before || before.languages.includes(code)) return;
    this.put(`tally.${sessionId}`, { ...before, languages: [...before.languages, code] });
  }

  setToday(day: string, sessions: readonly SessionView[], prompts: readonly CarePrompt[], now = new Date()): void {
    this.put('today', { day, sessions, prompts, savedAt: now.toISOString() } satisfies TodaySnapshot);
  }

  /** Taps the server confirmed become part of the kept copy. */
  fold(ops: readonly SyncOp[]): void {
    for (const sessionId of new Set(ops.map((op) => op.sessionId))) {
      const roster = this.roster(sessionId);
      if (roster) this.put(`roster.${sessionId}`, { ...roster, view: applyToRoster(roster.view, ops) });
      const known = this.known(sessionId);
      if (known) this.put(`known.${sessionId}`, { ...known, view: applyToKnown(known.view, ops) });
      const tally = this.tally(sessionId);
      if (tally) {
        const counts = applyToTally(tally.view.counts, sessionId, ops);
        this.put(`tally.${sessionId}`, { ...tally, view: { ...tally.view, counts } });
      }
    }
  }

  /** Forgets the rosters, counts and day of this person (on signing out); their unsent taps stay. */
  clear(ownerId: string): void {
    for (const key of this.storage.keys(ownerKey(ownerId, ''))) {
      if (!KEPT_ON_CLEAR.some((name) => key === ownerKey(ownerId, name))) this.storage.remove(key);
    }
    if (ownerId === this.owner()) this.forget();
  }

  private get<T extends Snapshot>(name: string): T | null {
    this.version();
    const owner = this.owner();
    if (!owner) return null;
    // Read once from storage, then remembered (this may run inside a computed: no signal is written).
    if (!this.memo.has(name)) this.memo.set(name, this.storage.read<T>(ownerKey(owner, name)));
    return (this.memo.get(name) ?? null) as T | null;
  }

  private put(name: string, snapshot: Snapshot): void {
    const owner = this.owner();
    if (!owner) return;
    this.storage.write(ownerKey(owner, name), snapshot);
    this.memo.set(name, snapshot);
    this.version.update((v) => v + 1);
  }

  private forget(): void {
    this.memo.clear();
    this.version.update((v) => v + 1);
  }

  private prune(ownerId: string, now: Date): void {
    for (const key of this.storage.keys(ownerKey(ownerId, ''))) {
      if (KEPT_ON_CLEAR.some((name) => key === ownerKey(ownerId, name))) continue;
      const snapshot = this.storage.read<{ savedAt?: string }>(key);
      const saved = snapshot?.savedAt ? Date.parse(snapshot.savedAt) : NaN;
      if (!(now.getTime() - saved < KEEP_SNAPSHOTS_MS)) this.storage.remove(key);
    }
  }
}
