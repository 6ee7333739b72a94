import type { DataSource } from 'typeorm';
import { chainHash, GENESIS_HASH } from './audit-chain';

export type VerifyResult = { ok: true; checked: number } | { ok: false; checked: number; brokenId: string; reason: string };

/** Walks the chain in order and names the first event whose link or hash does not hold. */
export async function verifyAuditChain(db: DataSource, batchSize = 1000): Promise<VerifyResult> {
  let prev: Buffer = GENESIS_HASH;
  let lastId = 0n;
  let checked = 0;
  for (;;) {
    const rows: Array<{
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
    }> = await db.query(
      `SELECT id, occurred_at, actor_id, action, entity, entity_id, purpose, ip, details, prev_hash, hash
         FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2`,
      [lastId.toString(), batchSize],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const id = BigInt(row.id);
      if (id !== lastId + 1n) return { ok: false, checked, brokenId: row.id, reason: `event ${lastId + 1n} is missing` };
      if (!row.prev_hash.equals(prev)) return { ok: false, checked, brokenId: row.id, reason: 'does not link to the event before it' };
      const expected = chainHash(prev, {
        id: row.id,
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        purpose: row.purpose,
        ip: row.ip,
        details: row.details,
      });
      if (!expected.equals(row.hash)) return { ok: false, checked, brokenId: row.id, reason: 'its content does not match its hash' };
      prev = row.hash;
      lastId = id;
      checked += 1;
    }
  }
  const [head] = await db.query(`SELECT last_id, last_hash FROM audit_chain_head WHERE singleton`);
  if (head && (String(head.last_id) !== lastId.toString() || !Buffer.from(head.last_hash).equals(prev))) {
    return { ok: false, checked, brokenId: String(lastId + 1n), reason: 'events after this one were removed' };
  }
  return { ok: true, checked };
}
