import { Injectable } from '@nestjs/common';
import { AuditAction, ErrorCode, type LegalHoldView } from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { RetentionRepository, type LegalHoldRow } from './retention.repository';

const ENTITY = 'family';

export function toLegalHoldView(row: LegalHoldRow): LegalHoldView {
  return { id: row.id, reason: row.reason, setBy: { id: row.set_by, displayName: row.set_by_name }, setAt: row.set_at.toISOString() };
}

/**
 * A legal hold keeps a family's data out of the retention schedule and of "forget me" (a court case,
 * a complaint), until a coordinator lifts it. Setting and lifting are audited; the reason stays in
 * the hold, not in the audit trail (it may say more about the family than the trail should).
 */
@Injectable()
export class LegalHoldsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: RetentionRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  set(staff: AuthenticatedStaff, familyId: string, reason: string): Promise<LegalHoldView> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      await this.repo.erasureFactsOrThrow(familyId, now);
      const id = await this.repo.insertHold(familyId, reason.trim(), staff.id, now);
      if (!id) throw new DomainError(ErrorCode.Conflict, 'This family is on hold already; lift that hold first to give another reason.');
      await this.audit.record({ action: AuditAction.LegalHoldSet, entity: ENTITY, entityId: familyId, details: { holdId: id } });
      const hold = await this.repo.activeHold(familyId);
      if (!hold) throw new DomainError(ErrorCode.Conflict, 'The hold was lifted at the same moment; set it again.');
      return toLegalHoldView(hold);
    });
  }

  lift(staff: AuthenticatedStaff, familyId: string, reason: string): Promise<void> {
    return this.transactions.run(async () => {
      const id = await this.repo.liftHold(familyId, reason.trim(), staff.id, this.clock.now());
      if (!id) throw new DomainError(ErrorCode.NotFound, 'This family is not on hold.');
      await this.audit.record({ action: AuditAction.LegalHoldLifted, entity: ENTITY, entityId: familyId, details: { holdId: id } });
    });
  }
}
