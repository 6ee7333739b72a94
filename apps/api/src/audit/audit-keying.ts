import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DAY_MS } from '@kring/domain';
import { Cron } from '@nestjs/schedule';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { Clock } from '../common/clock';
import { JobLedger } from '../database/job-ledger';
import { Transactions } from '../database/transactions';
import { AUDIT_KEY_ID, auditChainKey, chainHash, chainMac, GENESIS_HASH, type ChainedFields } from './audit-chain';
import { AuditChainRepository, type ChainRow } from './audit-chain.repository';

const BATCH = 1000;

const fields = (r: ChainRow): ChainedFields => ({
  id: r.id,
  occurredAt: r.occurred_at,
  actorId: r.actor_id,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  purpose: r.purpose,
  ip: r.ip,
  details: r.details,
});

/**
 * The keyed audit chain's upkeep. At start, once: events written before the chain was keyed
 * (plain SHA-256, recomputable by whoever owns the database) are checked and re-chained with the
 * key, the old and new head written to the log. Daily (once across processes), the head (id and
 * MAC) goes to the application log, so a later rewrite of the database is caught against it
 * (`npm run audit:verify -- --head=<id>:<mac>`).
 */
@Injectable()
export class AuditChainKeying implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditChain');
  private readonly key: Buffer;

  constructor(
    private readonly repo: AuditChainRepository,
    private readonly transactions: Transactions,
    private readonly ledger: JobLedger,
    private readonly clock: Clock,
    @Inject(AUTH_SETTINGS) settings: AuthSettings,
  ) {
    this.key = auditChainKey(settings.secretKey, AUDIT_KEY_ID) as Buffer;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.keyLegacyChain();
  }

  /** @returns how many events were re-chained (0 when the chain was keyed already, or is broken). */
  keyLegacyChain(): Promise<number> {
    return this.transactions.run(async () => {
      const head = await this.repo.lockedHead();
      if (head.key_id !== null) return 0;
      let plain: Buffer = GENESIS_HASH;
      let keyed: Buffer = GENESIS_HASH;
      let last = '0';
      let count = 0;
      for (let rows = await this.repo.eventsAfter(last, BATCH); rows.length > 0; rows = await this.repo.eventsAfter(last, BATCH)) {
        const rechained: Array<{ id: string; prev: Buffer; hash: Buffer }> = [];
        for (const row of rows) {
          const holds = row.key_id === null && row.prev_hash.equals(plain) && chainHash(plain, fields(row)).equals(row.hash);
          if (!holds) {
            // Keep it as found, for `npm run audit:verify` to name; new events still chain on with the key.
            this.logger.error({ event: row.id }, 'The audit chain written before keying is broken here; it was not re-chained');
            return 0;
          }
          plain = row.hash;
          const mac = chainMac(this.key, keyed, fields(row));
          rechained.push({ id: row.id, prev: keyed, hash: mac });
          keyed = mac;
          last = row.id;
          count += 1;
        }
        await this.repo.rechain(rechained, AUDIT_KEY_ID);
      }
      if (String(head.last_id) !== last || !Buffer.from(head.last_hash).equals(plain)) {
        this.logger.error({ event: last }, 'The audit chain head does not match its last event; it was not re-chained');
        return 0;
      }
      await this.repo.setHead(keyed, AUDIT_KEY_ID);
      this.logger.log(
        {
          events: count,
          before: { id: last, sha256: plain.toString('hex') },
          auditHead: { id: last, mac: keyed.toString('hex'), keyId: AUDIT_KEY_ID },
        },
        'Audit chain keyed',
      );
      return count;
    });
  }

  @Cron('30 3 * * *', { name: 'audit-head', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    try {
      await this.logHead();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'Writing the audit chain head failed; the next run retries');
    }
  }

  /** Writes the head to the application log, once a day across processes. @returns it, or null when already written today. */
  async logHead(): Promise<{ id: string; mac: string; keyId: string | null } | null> {
    const outcome = await this.ledger.runOncePerPeriod('audit-head', this.clock.now(), DAY_MS, async () => {
      const head = await this.repo.head();
      return { id: String(head.last_id), mac: Buffer.from(head.last_hash).toString('hex'), keyId: head.key_id };
    });
    if (!outcome.ran) return null;
    this.logger.log({ auditHead: outcome.result }, 'Audit chain head');
    return outcome.result;
  }
}
