import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEventView, Page } from '@kring/domain';
import { Transactions } from '../database/transactions';
import type { AuditQueryDto } from './dto/audit-query.dto';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  entity: string | null;
  entity_id: string | null;
  purpose: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Reading the audit trail (writing is AuditService's alone). */
@Injectable()
export class AuditRepository {
  constructor(private readonly transactions: Transactions) {}

  async page(q: AuditQueryDto): Promise<Page<AuditEventView>> {
    const action = q.action ? `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const params = [action, q.actorId ?? null, q.entity ?? null, q.entityId ?? null, q.from ?? null, q.to ?? null];
    const where = `($1::text IS NULL OR e.action LIKE $1) AND ($2::uuid IS NULL OR e.actor_id = $2)
      AND ($3::text IS NULL OR e.entity = $3) AND ($4::text IS NULL OR e.entity_id = $4)
      AND ($5::timestamptz IS NULL OR e.occurred_at >= $5) AND ($6::timestamptz IS NULL OR e.occurred_at < $6)`;
    const m = this.transactions.manager;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM audit_event e WHERE ${where}`, params);
    const rows: AuditRow[] = await m.query(
      `SELECT e.id, e.occurred_at, e.actor_id, u.display_name AS actor_name, e.action, e.entity, e.entity_id, e.purpose, e.ip, e.details
         FROM audit_event e LEFT JOIN staff_user u ON u.id = e.actor_id
        WHERE ${where} ORDER BY e.id DESC LIMIT $7 OFFSET $8`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }
}

function toView(r: AuditRow): AuditEventView {
  return {
    id: String(r.id),
    occurredAt: r.occurred_at.toISOString(),
    actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    purpose: r.purpose,
    ip: r.ip,
    details: r.details,
  };
}
