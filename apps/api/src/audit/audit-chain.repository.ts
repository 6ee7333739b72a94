import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

export interface ChainRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  purpose: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prev_hash: Buffer;
  hash: Buffer;
  key_id: string | null;
}

/** The chain's own bookkeeping: its head, and re-chaining events written before the chain was keyed. */
@Injectable()
export class AuditChainRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The head, locked until the transaction ends (appends wait meanwhile). */
  async lockedHead(): Promise<{ last_id: string; last_hash: Buffer; key_id: string | null }> {
    const [head] = await this.transactions.manager.query(
      `SELECT last_id, last_hash, key_id FROM audit_chain_head WHERE singleton FOR UPDATE`,
    );
    return head;
  }

  async head(): Promise<{ last_id: string; last_hash: Buffer; key_id: string | null }> {
    const [head] = await this.transactions.manager.query(`SELECT last_id, last_hash, key_id FROM audit_chain_head WHERE singleton`);
    return head;
  }

  async eventsAfter(id: string, limit: number): Promise<ChainRow[]> {
    return this.transactions.manager.query(
      `SELECT id, occurred_at, actor_id, action, entity, entity_id, purpose, ip, details, prev_hash, hash, key_id
         FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2`,
      [id, limit],
    );
  }

  /** New links and MACs for events, same content (the append-only trigger lets exactly this through, once). */
  async rechain(rows: Array<{ id: string; prev: Buffer; hash: Buffer }>, keyId: string): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE audit_event e SET prev_hash = x.prev, hash = x.hash, key_id = $4
         FROM unnest($1::bigint[], $2::bytea[], $3::bytea[]) AS x(id, prev, hash) WHERE e.id = x.id`,
      [rows.map((r) => r.id), rows.map((r) => r.prev), rows.map((r) => r.hash), keyId],
    );
  }

  /** Appends one event after `prevHash`, with its MAC under key `keyId`. */
  async append(
    e: {
      id: string;
      occurredAt: Date;
      actorId: string | null;
      action: string;
      entity: string | null;
      entityId: string | null;
      purpose: string | null;
      ip: string | null;
      details: Record<string, unknown>;
    },
    prevHash: Buffer,
    hash: Buffer,
    keyId: string,
  ): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO audit_event (id, occurred_at, actor_id, action, entity, entity_id, purpose, ip, details, prev_hash, hash, key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [e.id, e.occurredAt, e.actorId, e.action, e.entity, e.entityId, e.purpose, e.ip, e.details, prevHash, hash, keyId],
    );
  }

  /** The head moves to the event just appended. */
  async moveHead(id: string, hash: Buffer): Promise<void> {
    await this.transactions.manager.query(`UPDATE audit_chain_head SET last_id = $1, last_hash = $2 WHERE singleton`, [id, hash]);
  }

  async setHead(hash: Buffer, keyId: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE audit_chain_head SET last_hash = $1, key_id = $2 WHERE singleton`, [hash, keyId]);
  }
}
