import { Injectable } from '@nestjs/common';
import { flagDay, type FlagListQuery, type FlagSummary } from '@kring/domain';
import { GroupScopes } from '../access/group-scope';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { FlagRepository } from './flag.repository';
import { toSummary } from './flag-views';

/** The lists: one's own flags, and the coordinators' inbox. Neither carries any text. */
@Injectable()
export class FlagListsService {
  constructor(
    private readonly repo: FlagRepository,
    private readonly scopes: GroupScopes,
    private readonly clock: Clock,
  ) {}

  async mine(staff: AuthenticatedStaff): Promise<FlagSummary[]> {
    const today = flagDay(this.clock.now());
    return (await this.repo.byAuthor(staff.id)).map((r) => toSummary(r, today));
  }

  /** One flag without its text: its author or a coordinator (anyone else: 404). */
  async one(staff: AuthenticatedStaff, id: string): Promise<FlagSummary> {
    const row = await this.repo.summaryOrThrow(id, { all: this.scopes.for(staff).all, staffUserId: staff.id });
    return toSummary(row, flagDay(this.clock.now()));
  }

  async inbox(query: FlagListQuery): Promise<FlagSummary[]> {
    const today = flagDay(this.clock.now());
    return (await this.repo.inbox(query, today)).map((r) => toSummary(r, today));
  }
}
