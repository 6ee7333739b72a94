import { Injectable } from '@nestjs/common';
import {
  auditPurpose,
  flagDay,
  readPurposeProblem,
  type FamilyFlagChronology,
  type FlagChronologyEvent,
  type FlagDetail,
  type Locale,
  type OpenFlagRequest,
} from '@kring/domain';
import { GroupScopes } from '../access/group-scope';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { StepUpService } from '../auth/step-up.service';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { FlagBox } from './flag-box';
import { FlagHistoryRepository } from './flag-history.repository';
import { flagProblemsError } from './flag-problems';
import { toDetail } from './flag-views';
import { FlagRepository } from './flag.repository';

/**
 * Opening flag text: only its author or a coordinator, only after step-up, only for a purpose, and
 * every flag opened is an audit read with that purpose in the transaction that reads it.
 */
@Injectable()
export class FlagReadingService {
  constructor(
    private readonly repo: FlagRepository,
    private readonly history: FlagHistoryRepository,
    private readonly scopes: GroupScopes,
    private readonly stepUp: StepUpService,
    private readonly box: FlagBox,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async open(staff: AuthenticatedStaff, id: string, request: OpenFlagRequest, locale: Locale): Promise<FlagDetail> {
    const reach = { all: this.scopes.for(staff).all, staffUserId: staff.id };
    return this.transactions.run(async () => {
      // Not found before anything else: someone who may not see the flag learns nothing, not even that it needs a code.
      const row = await this.repo.sealedOrThrow(id, reach);
      const problem = readPurposeProblem(request, row.author_id === staff.id);
      if (problem) throw flagProblemsError([problem]);
      await this.stepUp.assertSteppedUp(staff);
      let [amendments, transitions] = [await this.history.amendmentsOf([id]), await this.history.transitionsOf([id])];
      if (!reach.all) {
        // An author who is not a coordinator reads what they wrote: their own amendments, and the status
        // changes without the coordinators' rationales (those are not unsealed at all).
        amendments = amendments.filter((a) => a.author_id === staff.id);
        transitions = transitions.map((t) => ({ ...t, rationale_enc: null }));
      }
      await this.audit.recordRead('flag', id, auditPurpose(request));
      return toDetail(row, amendments, transitions, this.box, flagDay(this.clock.now()), locale);
    });
  }

  /** A family's whole chronology with its text, for coordinators: one step-up, one purpose, one audit read per flag. */
  async chronology(staff: AuthenticatedStaff, familyId: string, request: OpenFlagRequest, locale: Locale): Promise<FamilyFlagChronology> {
    return this.transactions.run(async () => {
      const family = await this.repo.familyNameOrThrow(familyId);
      const problem = readPurposeProblem(request, false);
      if (problem) throw flagProblemsError([problem]);
      await this.stepUp.assertSteppedUp(staff);
      const rows = await this.repo.sealedOfFamily(familyId);
      const ids = rows.map((r) => r.id);
      const [amendments, transitions] = [await this.history.amendmentsOf(ids), await this.history.transitionsOf(ids)];
      for (const id of ids) await this.audit.recordRead('flag', id, auditPurpose(request));
      const today = flagDay(this.clock.now());
      const flags = rows.map((r) => toDetail(r, amendments, transitions, this.box, today, locale));
      const events: FlagChronologyEvent[] = flags.flatMap((f) => [
        { at: f.createdAt, flagId: f.id, kind: 'logged' as const, actor: f.author },
        ...f.amendments.map((a) => ({ at: a.at, flagId: f.id, kind: 'amended' as const, actor: a.author, amendment: a })),
        ...f.transitions.map((t) => ({ at: t.at, flagId: f.id, kind: 'transition' as const, actor: t.actor, transition: t })),
      ]);
      events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      return { family, flags, events };
    });
  }
}
