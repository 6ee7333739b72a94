import { createHash } from 'node:crypto';

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

/** sha256(previous hash ‖ canonical JSON of the event): change any past event and every later hash breaks. */
export function chainHash(prevHash: Buffer, e: ChainedFields): Buffer {
  const canonical = JSON.stringify([
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
  return createHash('sha256').update(prevHash).update(canonical).digest();
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
