import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  defaultReviewBy,
  flagDay,
  flagDraftProblems,
  FlagUrgency,
  type FlagCreated,
  type FlagDraft,
  type Locale,
} from '@kring/domain';
import { GroupScopes } from '../access/group-scope';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { FlagAlerts } from './flag-alerts';
import { sealedAt, FlagBox } from './flag-box';
import { flagProblemsError } from './flag-problems';
import { FlagRepository } from './flag.repository';

/** Logging a flag: a group worker about a family of their groups, or a coordinator about any family. */
@Injectable()
export class LogFlagService {
  constructor(
    private readonly repo: FlagRepository,
    private readonly scopes: GroupScopes,
    private readonly box: FlagBox,
    private readonly alerts: FlagAlerts,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** `screensLocale`: the language of the author's screens (when the web said), remembered for the alerts they get. */
  async create(staff: AuthenticatedStaff, draft: FlagDraft, screensLocale: Locale | null): Promise<FlagCreated> {
    const now = this.clock.now();
    const today = flagDay(now);
    const problems = flagDraftProblems(draft, today);
    if (problems.length > 0) throw flagProblemsError(problems);
    const scope = this.scopes.for(staff);
    return this.transactions.run(async () => {
      const family = await this.repo.familyInScopeOrThrow(scope, draft.familyId);
      const session = draft.sessionId ? await this.repo.sessionInScopeOrThrow(scope, draft.sessionId) : null;
      const id = randomUUID();
      const seal = (text: string | undefined, column: string) => this.box.sealOrNull(text?.trim(), sealedAt.flag(id, column));
      const reviewBy = draft.reviewBy ?? defaultReviewBy(draft.urgency, today);
      await this.repo.insert({
        id,
        familyId: family.id,
        sessionId: session?.id ?? null,
        locationId: session?.locationId ?? family.locationId,
        authorId: staff.id,
        category: draft.category,
        urgency: draft.urgency,
        factEnc: this.box.seal(draft.fact.trim(), sealedAt.flag(id, 'fact_enc')),
        interpretationEnc: seal(draft.interpretation, 'interpretation_enc'),
        strengthsEnc: seal(draft.strengths, 'strengths_enc'),
        parentWordsEnc: seal(draft.parentWords, 'parent_words_enc'),
        discussedWithParent: draft.discussedWithParent,
        notDiscussedReasonEnc: draft.discussedWithParent === 'no' ? seal(draft.notDiscussedReason, 'not_discussed_reason_enc') : null,
        reviewBy,
        at: now,
      });
      if (screensLocale && screensLocale !== 'ar') await this.repo.rememberLocale(staff.id, screensLocale);
      await this.audit.record({
        action: AuditAction.FlagCreated,
        entity: 'flag',
        entityId: id,
        details: { category: draft.category, urgency: draft.urgency, status: 'open' },
      });
      if (draft.urgency === FlagUrgency.Urgent) await this.alerts.urgentFlag(id, staff.id);
      return { id, status: 'open', reviewBy };
    });
  }
}
