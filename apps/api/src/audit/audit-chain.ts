import { createHash, createHmac, hkdfSync } from 'node:crypto';

/** The fields of an audit event that its hash covers, in a fixed order. */
export interface ChainedFields {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  purpose: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * The chain's key, by key id: derived from `KRING_SECRET_KEY` (HKDF-SHA256), which lives outside
 * the database, so whoever owns the database cannot recompute a MAC. A new key id (a new `info`)
 * starts a new key; the verifier knows every id here.
 */
const KEY_INFO: Record<string, string> = { a1: 'audit-chain v1' };
/** The key id new events are written with. */
export const AUDIT_KEY_ID = 'a1';

export function auditChainKey(secretKey: Buffer, keyId: string = AUDIT_KEY_ID): Buffer | undefined {
  const info = KEY_INFO[keyId];
  return info === undefined ? undefined : Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), info, 32));
}

/**
 * HMAC-SHA256 under the chain key of (previous MAC ‖ canonical JSON of the event): change any
 * past event and every later MAC breaks, and without the key nobody can make them whole again.
 */
export function chainMac(key: Buffer, prevHash: Buffer, e: ChainedFields): Buffer {
  return createHmac('sha256', key).update(prevHash).update(canonicalEvent(e)).digest();
}

/**
 * The chain before it was keyed: sha256(previous hash ‖ canonical JSON of the event). Only to
 * check old events once, when they are re-chained with the key (`AuditChainKeying`).
 */
export function chainHash(prevHash: Buffer, e: ChainedFields): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalEvent(e)).digest();
}

function canonicalEvent(e: ChainedFields): string {
  return JSON.stringify([
    e.id,
    e.occurredAt.toISOString(),
    e.actorId,
    e.action,
    e.entity,
    e.entityId,
    e.purpose,
    e.ip,
    canonicalJson(e.details),
  ]);
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const GENESIS_HASH = Buffer.alloc(32);
