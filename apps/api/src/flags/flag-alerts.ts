import { Inject, Injectable } from '@nestjs/common';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { OutboxService } from '../messages/outbox.service';
import { FLAG_LINKS, StaffMessageKind, staffMessage } from './flag-messages';
import { FlagUpkeepRepository } from './flag-upkeep.repository';

/**
 * Alerts about flags, through the outbox in the transaction of their cause. They carry a link and
 * nothing else. All active coordinators get them: staff have no location of their own in Kring yet,
 * so "the location's coordinators" are all coordinators.
 */
@Injectable()
export class FlagAlerts {
  constructor(
    private readonly repo: FlagUpkeepRepository,
    private readonly outbox: OutboxService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** An urgent flag: "Er wacht een signaal op je in Kring" to every coordinator but its author. @returns how many were written. */
  async urgentFlag(flagId: string, authorId: string): Promise<number> {
    const link = `${this.settings.publicUrl}${FLAG_LINKS.inbox}`;
    const coordinators = (await this.repo.coordinators()).filter((c) => c.id !== authorId);
    return this.outbox.write(
      coordinators.map((c) => staffMessage(StaffMessageKind.FlagWaiting, c, link, `flag-waiting:${flagId}:${c.id}`)),
    );
  }

  /**
   * One reminder per person per run for the flags that became due: their authors (to their own flags) and the
   * coordinators (to the inbox). The dedupe key holds the day, so a second run that day writes nothing.
   */
  async reviewsDue(authorIds: string[], day: string): Promise<number> {
    const coordinators = await this.repo.coordinators();
    const coordinatorIds = new Set(coordinators.map((c) => c.id));
    const authors = await this.repo.activeStaff([...new Set(authorIds)].filter((id) => !coordinatorIds.has(id)));
    const inbox = `${this.settings.publicUrl}${FLAG_LINKS.inbox}`;
    const mine = `${this.settings.publicUrl}${FLAG_LINKS.mine}`;
    return this.outbox.write([
      ...coordinators.map((c) => staffMessage(StaffMessageKind.FlagReviewDue, c, inbox, `flag-review:${day}:${c.id}`)),
      ...authors.map((a) => staffMessage(StaffMessageKind.FlagReviewDue, a, mine, `flag-review:${day}:${a.id}`)),
    ]);
  }
}
