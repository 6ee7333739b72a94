import type { DataSource } from 'typeorm';
import { auditChainKey, chainMac, GENESIS_HASH } from './audit-chain';

/** The last event of the chain and its MAC: what the application log keeps, to compare a later check against. */
export interface ChainHead {
  id: string;
  mac: string;
  keyId: string | null;
}

export type VerifyResult =
  { ok: true; checked: number; head: ChainHead } | { ok: false; checked: number; brokenId: string; reason: string; head?: ChainHead };

/**
 * Walks the chain in order and names the first event whose link or MAC does not hold. Every
 * event must carry a key id the verifier knows: an event without one (a plain SHA-256 chain,
 * which anyone with the database can recompute) is refused. With `expectHead` (an id and MAC
 * from the application log), the chain must still hold that event with that MAC.
 */
export async function verifyAuditChain(
  db: DataSource,
  opts: { secretKey: Buffer; expectHead?: { id: string; mac: string }; batchSize?: number },
): Promise<VerifyResult> {
  const keys = new Map<string, Buffer | undefined>();
  const keyFor = (id: string): Buffer | undefined => {
    if (!keys.has(id)) keys.set(id, auditChainKey(opts.secretKey, id));
    return keys.get(id);
  };
  let prev: Buffer = GENESIS_HASH;
  let lastId = 0n;
  let lastKeyId: string | null = null;
  let checked = 0;
  let expected: { id: string; mac: string } | undefined = opts.expectHead;
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
      key_id: string | null;
    }> = await db.query(
      `SELECT id, occurred_at, actor_id, action, entity, entity_id, purpose, ip, details, prev_hash, hash, key_id
         FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2`,
      [lastId.toString(), opts.batchSize ?? 1000],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const id = BigInt(row.id);
      if (id !== lastId + 1n) return { ok: false, checked, brokenId: row.id, reason: `event ${lastId + 1n} is missing` };
      if (!row.prev_hash.equals(prev)) return { ok: false, checked, brokenId: row.id, reason: 'does not link to the event before it' };
      const key = row.key_id === null ? undefined : keyFor(row.key_id);
      if (!key) return { ok: false, checked, brokenId: row.id, reason: 'it is not sealed with a known audit key' };
      const mac = chainMac(key, prev, {
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
      if (!mac.equals(row.hash)) return { ok: false, checked, brokenId: row.id, reason: 'its content does not match its MAC' };
      if (expected && expected.id === row.id) {
        if (expected.mac.toLowerCase() !== mac.toString('hex')) {
          return { ok: false, checked, brokenId: row.id, reason: 'it differs from the head written to the application log' };
        }
        expected = undefined;
      }
      prev = row.hash;
      lastId = id;
      lastKeyId = row.key_id;
      checked += 1;
    }
  }
  const head: ChainHead = { id: lastId.toString(), mac: prev.toString('hex'), keyId: lastKeyId };
  const [stored] = await db.query(`SELECT last_id, last_hash FROM audit_chain_head WHERE singleton`);
  if (stored && (String(stored.last_id) !== lastId.toString() || !Buffer.from(stored.last_hash).equals(prev))) {
    return { ok: false, checked, brokenId: String(lastId + 1n), reason: 'events after this one were removed', head };
  }
  if (expected) {
    return { ok: false, checked, brokenId: expected.id, reason: 'the head written to the application log is no longer in the chain', head };
  }
  return { ok: true, checked, head };
}
