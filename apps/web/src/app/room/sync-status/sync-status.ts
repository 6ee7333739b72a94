import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import type { SyncOp } from '@kring/domain';
import { RoomSync } from '../data/room-sync';
import type { Refusal } from '../data/tap-queue';
import { TapQueue } from '../data/tap-queue';
import { TallyLabelPipe } from '../tally-label.pipe';

const KNOWN_REASONS = ['conflict', 'not_found', 'validation_failed', 'attendance_not_yet_open'];

/** What a refused tap was: a translation key, and what to fill in (some of it translated in the template). */
export interface TapDescription {
  key: string;
  name?: string;
  statusKey?: string;
  category?: string;
  delta?: string;
}

export function describeTap(op: SyncOp, label: string | undefined): TapDescription {
  switch (op.kind) {
    case 'attendance':
      return { key: 'room.sync.refused.attendance', name: label ?? '', statusKey: `room.roster.status.${op.status}` };
    case 'walk_in':
      return { key: 'room.sync.refused.walkIn', name: op.displayName };
    case 'tally':
      return { key: 'room.sync.refused.tally', category: op.category, delta: op.delta > 0 ? `+${op.delta}` : String(op.delta) };
  }
}

/**
 * The line every room page shows: offline or not, how many taps wait, and any tap the server
 * refused (said once, in plain words, then dismissed: refused taps are not tried again).
 */
@Component({
  selector: 'kr-sync-status',
  imports: [MatButtonModule, MatIconModule, TallyLabelPipe, TranslatePipe],
  templateUrl: './sync-status.html',
  styleUrl: './sync-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncStatus {
  private readonly sync = inject(RoomSync);
  private readonly queue = inject(TapQueue);

  protected readonly locale = inject(LanguageService).locale;
  protected readonly online = this.sync.online;
  protected readonly pending = this.sync.pending;
  protected readonly stored = this.queue.stored;
  protected readonly refusals = computed(() =>
    this.queue.refusals().map((refusal: Refusal) => ({
      id: refusal.op.id,
      what: describeTap(refusal.op, refusal.label),
      reasonKey: `room.sync.reason.${KNOWN_REASONS.includes(refusal.code) ? refusal.code : 'other'}`,
    })),
  );
  protected readonly message = computed(() => {
    const count = this.pending();
    if (!this.online()) {
      if (count === 0) return { key: 'room.sync.offline', icon: 'kr:cloudOff', tone: 'offline' };
      return { key: count === 1 ? 'room.sync.waitingOne' : 'room.sync.waitingMany', icon: 'kr:cloudOff', tone: 'offline' };
    }
    if (count > 0) return { key: count === 1 ? 'room.sync.sendingOne' : 'room.sync.sendingMany', icon: 'kr:sync', tone: 'busy' };
    return { key: 'room.sync.saved', icon: 'kr:cloudDone', tone: 'saved' };
  });

  protected sendNow(): void {
    this.sync.retryNow();
  }

  protected dismiss(opId: string): void {
    this.queue.dismissRefusal(opId);
  }
}
