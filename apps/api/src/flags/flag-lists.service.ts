import { Injectable } from '@nestjs/common';
import { flagDay, type FlagListQuery, type FlagSummary } from '@kring/domain';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { FlagRepository } from './flag.repository';
import { toSummary } from './flag-views';

/** The lists: one's own flags, and the coordinators' inbox. Neither carries any text. */
@Injectable()
export class FlagListsService {
  constructor(
    private readonly repo: FlagRepository,
    private readonly clock: Clock,
  ) {}

  async mine(staff: AuthenticatedStaff): Promise<FlagSummary[]> {
    const today = flagDay(this.clock.now());
    return (await this.repo.byAuthor(staff.id)).map((r) => toSummary(r, today));
  }

  async inbox(query: FlagListQuery): Promise<FlagSummary[]> {
    const today = flagDay(this.clock.now());
    return (await this.repo.inbox(query, today)).map((r) => toSummary(r, today));
  }
}
