import { Injectable } from '@nestjs/common';
import { AuditAction, ErrorCode, FieldErrorCode, type ReferralServiceView } from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { CreateReferralServiceDto, UpdateReferralServiceDto } from './dto/referral-service.dto';
import { ReferralServicesRepository, type ServiceFields } from './referral-services.repository';

const ENTITY = 'referral_service';
const NAME_TAKEN = 'There is already a service with this name (perhaps deactivated): find it in the list.';

/** The service directory: admins keep it, coordinators pick from its active services. Every change is audited. */
@Injectable()
export class ReferralServicesService {
  constructor(
    private readonly repo: ReferralServicesRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  list(onlyActive: boolean): Promise<ReferralServiceView[]> {
    return this.repo.list(onlyActive);
  }

  /** One service; `onlyActive` (coordinators) does not find a deactivated one. */
  async get(id: string, onlyActive: boolean): Promise<ReferralServiceView> {
    const service = await this.repo.find(id);
    if (!service || (onlyActive && !service.active)) throw notFound();
    return service;
  }

  create(admin: AuthenticatedStaff, dto: CreateReferralServiceDto): Promise<ReferralServiceView> {
    return this.transactions.run(async () => {
      const fields = clean({
        name: dto.name,
        kind: dto.kind,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        address: dto.address ?? null,
        intakeNotes: dto.intakeNotes ?? '',
        languages: dto.languages ?? [],
        intakeChannels: dto.intakeChannels,
        active: true,
      });
      await this.assertNameFree(fields.name, null);
      const id = await this.repo.insert(fields, admin.id, this.clock.now());
      await this.audit.record({ action: AuditAction.ReferralServiceCreated, entity: ENTITY, entityId: id, details: { kind: fields.kind } });
      return this.require(id);
    });
  }

  update(id: string, dto: UpdateReferralServiceDto): Promise<ReferralServiceView> {
    return this.transactions.run(async () => {
      const before = await this.require(id, true);
      const after = clean({
        name: dto.name ?? before.name,
        kind: dto.kind ?? before.kind,
        phone: dto.phone !== undefined ? dto.phone : before.phone,
        email: dto.email !== undefined ? dto.email : before.email,
        address: dto.address !== undefined ? dto.address : before.address,
        intakeNotes: dto.intakeNotes ?? before.intakeNotes,
        languages: dto.languages ?? before.languages,
        intakeChannels: dto.intakeChannels ?? before.intakeChannels,
        active: dto.active ?? before.active,
      });
      if (after.name.toLowerCase() !== before.name.toLowerCase()) await this.assertNameFree(after.name, id);
      const changed = changedFields(before, after);
      if (changed.length === 0 && after.active === before.active) return before;
      await this.repo.update(id, after, this.clock.now());
      if (changed.length > 0) {
        await this.audit.record({ action: AuditAction.ReferralServiceUpdated, entity: ENTITY, entityId: id, details: { fields: changed } });
      }
      if (after.active !== before.active) {
        const action = after.active ? AuditAction.ReferralServiceReactivated : AuditAction.ReferralServiceDeactivated;
        await this.audit.record({ action, entity: ENTITY, entityId: id });
      }
      return this.require(id);
    });
  }

  private async assertNameFree(name: string, exceptId: string | null): Promise<void> {
    if (await this.repo.nameTaken(name, exceptId)) {
      throw new DomainError(ErrorCode.Conflict, NAME_TAKEN, [{ field: 'name', code: FieldErrorCode.Taken, message: NAME_TAKEN }]);
    }
  }

  private async require(id: string, lock = false): Promise<ReferralServiceView> {
    const service = await this.repo.find(id, lock);
    if (!service) throw notFound();
    return service;
  }
}

const notFound = () => new DomainError(ErrorCode.NotFound, 'There is no such service in the directory.');

const trimOrNull = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text.trim());

function clean(f: ServiceFields): ServiceFields {
  return {
    ...f,
    name: f.name.trim(),
    phone: trimOrNull(f.phone),
    email: trimOrNull(f.email),
    address: trimOrNull(f.address),
    intakeNotes: f.intakeNotes.trim(),
    languages: [...new Set(f.languages)],
    intakeChannels: [...new Set(f.intakeChannels)],
  };
}

/** Which fields changed, by name (the audit says which, never their values). */
function changedFields(before: ReferralServiceView, after: ServiceFields): Array<keyof ServiceFields> {
  const keys: Array<keyof ServiceFields> = ['name', 'kind', 'phone', 'email', 'address', 'intakeNotes', 'languages', 'intakeChannels'];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
