import { Injectable } from '@nestjs/common';
import { AuditAction, ErasureBlocker, ErrorCode, FieldErrorCode, type ErasurePreview } from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { RegistrationNotices } from '../registration/registration-notices';
import { SeatBook } from '../registration/seat-book';
import { toLegalHoldView } from './legal-holds.service';
import { RetentionRepository } from './retention.repository';

/**
 * "Forget me": a coordinator erases a family on its request, now, not on the schedule. Coming
 * registrations are cancelled first (their seats go to the waiting families, who are told), then
 * everything of the family goes as the schedule would erase it. A legal hold or flags still kept by
 * their own schedule keep the family; the preview says which, so the screen can say what stays and why.
 */
@Injectable()
export class FamilyErasureService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: RetentionRepository,
    private readonly seats: SeatBook,
    private readonly notices: RegistrationNotices,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async preview(familyId: string): Promise<ErasurePreview> {
    const now = this.clock.now();
    const facts = await this.repo.erasureFactsOrThrow(familyId, now);
    const hold = await this.repo.activeHold(familyId);
    const keeps = [...(hold ? [ErasureBlocker.LegalHold] : []), ...(facts.flags > 0 ? [ErasureBlocker.Flags] : [])];
    return {
      familyId: facts.id,
      displayName: facts.display_name,
      comingRegistrations: facts.coming_registrations,
      erasable: keeps.length === 0,
      keeps,
      hold: hold ? toLegalHoldView(hold) : null,
    };
  }

  erase(familyId: string, confirmName: string): Promise<void> {
    return this.transactions.run(async () => {
      const preview = await this.preview(familyId);
      if (confirmName.trim() !== preview.displayName.trim())
        throw new DomainError(ErrorCode.ValidationFailed, 'Type the family’s name exactly as shown to confirm.', [
          { field: 'confirmName', code: FieldErrorCode.Invalid, message: 'Type the family’s name exactly as shown to confirm.' },
        ]);
      if (!preview.erasable)
        throw new DomainError(ErrorCode.Conflict, `This family cannot be erased now: ${preview.keeps.join(', ')} keep(s) its data.`);
      const now = this.clock.now();
      for (const id of await this.repo.comingRegistrationIds(familyId, now))
        await this.notices.notifyOffers(await this.seats.release(id, 'cancelled'));
      await this.repo.eraseFamilies([familyId], now);
      await this.audit.record({
        action: AuditAction.FamilyErased,
        entity: 'family',
        entityId: familyId,
        details: { on: 'request', cancelledRegistrations: preview.comingRegistrations },
      });
    });
  }
}
