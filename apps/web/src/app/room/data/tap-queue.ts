import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { SyncOp, SyncResult } from '@kring/domain';
import { RoomStorage, ownerKey } from './room-storage';

/** One tap waiting to be sent, with the family's name so a refusal can say whose tap it was. */
export interface QueuedTap {
  readonly op: SyncOp;
  readonly label?: string;
}

/** A tap the server refused (the session was closed, the family is gone, …): shown once, then dismissed. */
export interface Refusal {
  readonly op: SyncOp;
  readonly label?: string;
  readonly code: string;
}

/** At most this many taps per request (the API takes 500; small requests get through bad wifi). */
export const MAX_BATCH = 100;
/** Refusals kept to show; older ones fall off. */
const MAX_REFUSALS = 20;

/**
 * The taps made on this phone that the server has not confirmed yet, kept in local storage per
 * signed-in person so a reload, a closed tab or an empty battery loses nothing. A tap leaves the
 * queue only when the server answered for it: confirmed (`ack`) or refused (`refuse`, shown to
 * the person, never retried forever). Local storage is the truth: it is read again before every
 * change, so two tabs on one phone do not overwrite each other's taps.
 */
@Injectable({ providedIn: 'root' })
export class TapQueue {
  private readonly storage = inject(RoomStorage);
  private readonly owner = signal<string | null>(null);
  private readonly queued = signal<readonly QueuedTap[]>([]);
  private readonly refused = signal<readonly Refusal[]>([]);
  /** Sent and not answered yet (memory only: after a reload everything is sent again, and replays are harmless). */
  private readonly inFlight = new Set<string>();

  readonly taps = this.queued.asReadonly();
  readonly refusals = this.refused.asReadonly();
  readonly count = computed(() => this.queued().length);
  /** False when the phone would not store the taps (storage full or blocked): they live in this tab only. */
  readonly stored = signal(true);

  constructor() {
    // Another tab changed the taps: show them here too.
    const window = inject(DOCUMENT).defaultView;
    const onStorage = (event: StorageEvent) => {
      const owner = this.owner();
      if (owner && event.key?.startsWith(ownerKey(owner, ''))) this.reload();
    };
    window?.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => window?.removeEventListener('storage', onStorage));
  }

  /** Whose taps these are; switching person shows (and sends) only that person's taps. */
  bindOwner(ownerId: string | null): void {
    if (ownerId === this.owner()) return;
    this.owner.set(ownerId);
    this.inFlight.clear();
    this.stored.set(true);
    this.queued.set([]);
    this.refused.set([]);
    this.reload();
  }

  /** Adds a tap. The same tap (same id) twice is kept once; a newer status for a family replaces an unsent older one. */
  enqueue(tap: QueuedTap): void {
    this.change((taps) => {
      if (taps.some((t) => t.op.id === tap.op.id)) return taps;
      const op = tap.op;
      const kept =
        op.kind === 'attendance'
          ? taps.filter(
              (t) =>
                this.inFlight.has(t.op.id) ||
                t.op.kind !== 'attendance' ||
                t.op.sessionId !== op.sessionId ||
                t.op.familyId !== op.familyId,
            )
          : taps;
      return [...kept, tap];
    });
  }

  /**
   * The next taps to send, oldest first, marked as on their way. A status for a family that is
   * added in the same batch waits for the next one: the API adds walk-ins after the other taps.
   */
  takeBatch(max = MAX_BATCH): SyncOp[] {
    this.reload();
    const batch: SyncOp[] = [];
    const newFamilies = new Set<string>();
    for (const { op } of this.queued()) {
      if (batch.length >= max || this.inFlight.has(op.id)) break;
      if (op.kind === 'attendance' && newFamilies.has(op.familyId)) break;
      if (op.kind === 'walk_in') newFamilies.add(op.familyId);
      batch.push(op);
    }
    for (const op of batch) this.inFlight.add(op.id);
    return batch;
  }

  /** Answers arrived: confirmed taps leave the queue, refused ones leave it and are shown. Returns the confirmed ones. */
  settle(results: readonly SyncResult[]): QueuedTap[] {
    const answers = new Map(results.map((r) => [r.id, r]));
    const confirmed: QueuedTap[] = [];
    const refusedNow: Refusal[] = [];
    this.change((taps) =>
      taps.filter((tap) => {
        const answer = answers.get(tap.op.id);
        if (!answer) return true;
        if (answer.ok) confirmed.push(tap);
        else refusedNow.push({ op: tap.op, label: tap.label, code: answer.code });
        return false;
      }),
    );
    for (const id of answers.keys()) this.inFlight.delete(id);
    if (refusedNow.length) this.changeRefusals((list) => [...list, ...refusedNow].slice(-MAX_REFUSALS));
    return confirmed;
  }

  /** Refuses these taps without asking the server again (the server refused the request as a whole). */
  refuse(ids: readonly string[], code: string): void {
    this.settle(ids.map((id) => ({ id, ok: false, code, message: code })));
  }

  /** The taps were not answered (no connection, server busy): they stay and go again later. */
  release(ids: readonly string[]): void {
    for (const id of ids) this.inFlight.delete(id);
  }

  dismissRefusal(opId: string): void {
    this.changeRefusals((list) => list.filter((r) => r.op.id !== opId));
  }

  /** Forgets the refusals (the queue itself is kept: those taps still have to reach the server). */
  clearRefusals(): void {
    this.changeRefusals(() => []);
  }

  /** What storage holds, unless it could not be written: then this tab's own list is the truth. */
  private reload(): void {
    const owner = this.owner();
    if (!owner) return;
    if (this.stored()) this.queued.set(this.storage.read<QueuedTap[]>(ownerKey(owner, 'queue')) ?? []);
    this.refused.set(this.storage.read<Refusal[]>(ownerKey(owner, 'refused')) ?? []);
  }

  private change(update: (taps: readonly QueuedTap[]) => readonly QueuedTap[]): void {
    this.reload();
    const owner = this.owner();
    const next = update(this.queued());
    this.queued.set(next);
    if (owner) this.stored.set(this.storage.write(ownerKey(owner, 'queue'), next));
  }

  private changeRefusals(update: (list: readonly Refusal[]) => readonly Refusal[]): void {
    const owner = this.owner();
    const next = update(this.refused());
    this.refused.set(next);
    if (owner) this.storage.write(ownerKey(owner, 'refused'), next);
  }
}
