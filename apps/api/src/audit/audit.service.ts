import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, type AuditAction as Action } from '@kring/domain';
import { Clock } from '../common/clock';
import { RequestContext } from '../common/request-context';
import { Transactions } from '../database/transactions';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { AUDIT_KEY_ID, auditChainKey, chainMac } from './audit-chain';
import { AuditChainRepository } from './audit-chain.repository';

export interface AuditEntry {
  action: Action;
  entity?: string;
  entityId?: string;
  purpose?: string;
  /** Who did it, when not the signed-in person of this request (or nobody, for a failed sign-in). */
  actorId?: string | null;
  /** Facts about the event. Never a password, token, code, or the text of a flag or referral. */
  details?: Record<string, unknown>;
}

/**
 * The append-only audit trail. Each event is written in the caller's transaction (so it exists
 * exactly when the change it records does) and chained to the one before by its MAC (HMAC under a
 * key derived from KRING_SECRET_KEY, with the key id on the row; see audit-chain.ts).
 */
@Injectable()
export class AuditService {
  private readonly key: Buffer;

  constructor(
    private readonly transactions: Transactions,
    private readonly chain: AuditChainRepository,
    private readonly clock: Clock,
    private readonly context: RequestContext,
    @Inject(AUTH_SETTINGS) settings: AuthSettings,
  ) {
    this.key = auditChainKey(settings.secretKey, AUDIT_KEY_ID) as Buffer;
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.transactions.run(async () => {
      // The head row serialises appends: the next id and the previous hash come from it.
      const head = await this.chain.lockedHead();
      const event = {
        id: String(BigInt(head.last_id) + 1n),
        occurredAt: this.clock.now(),
        actorId: entry.actorId !== undefined ? entry.actorId : (this.context.staffUserId ?? null),
        action: entry.action,
        entity: entry.entity ?? null,
        entityId: entry.entityId ?? null,
        purpose: entry.purpose ?? null,
        ip: this.context.ip ?? null,
        details: entry.details ?? {},
      };
      const hash = chainMac(this.key, head.last_hash, event);
      await this.chain.append(event, head.last_hash, hash, AUDIT_KEY_ID);
      await this.chain.moveHead(event.id, hash);
    });
  }

  /** Records that someone opened a sensitive record, and why. Call it in the transaction that reads. */
  recordRead(entity: string, entityId: string, purpose: string): Promise<void> {
    return this.record({ action: AuditAction.Read, entity, entityId, purpose });
  }
}
