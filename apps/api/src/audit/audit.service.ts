import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, type AuditAction as Action } from '@kring/domain';
import { Clock } from '../common/clock';
import { RequestContext } from '../common/request-context';
import { Transactions } from '../database/transactions';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { AUDIT_KEY_ID, auditChainKey, chainMac } from './audit-chain';

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
    private readonly clock: Clock,
    private readonly context: RequestContext,
    @Inject(AUTH_SETTINGS) settings: AuthSettings,
  ) {
    this.key = auditChainKey(settings.secretKey, AUDIT_KEY_ID) as Buffer;
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.transactions.run(async (m) => {
      // The head row serialises appends: the next id and the previous hash come from it.
      const [head] = await m.query(`SELECT last_id, last_hash FROM audit_chain_head WHERE singleton FOR UPDATE`);
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
      await m.query(
        `INSERT INTO audit_event (id, occurred_at, actor_id, action, entity, entity_id, purpose, ip, details, prev_hash, hash, key_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          event.id,
          event.occurredAt,
          event.actorId,
          event.action,
          event.entity,
          event.entityId,
          event.purpose,
          event.ip,
          event.details,
          head.last_hash,
          hash,
          AUDIT_KEY_ID,
        ],
      );
      await m.query(`UPDATE audit_chain_head SET last_id = $1, last_hash = $2 WHERE singleton`, [event.id, hash]);
    });
  }

  /** Records that someone opened a sensitive record, and why. Call it in the transaction that reads. */
  recordRead(entity: string, entityId: string, purpose: string): Promise<void> {
    return this.record({ action: AuditAction.Read, entity, entityId, purpose });
  }
}
