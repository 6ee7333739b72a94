import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type AuditAction, type AuditEventView, type Page } from '@kring/domain';
import { Staff } from '../access/access.decorators';
import { Transactions } from '../database/transactions';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('admin')
@Controller('admin/audit')
@Staff(StaffRole.Admin)
export class AuditController {
  constructor(private readonly transactions: Transactions) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first, filtered and paged' })
  async list(@Query() q: AuditQueryDto): Promise<Page<AuditEventView>> {
    const action = q.action ? `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const params = [action, q.actorId ?? null, q.entity ?? null, q.entityId ?? null, q.from ?? null, q.to ?? null];
    const where = `($1::text IS NULL OR e.action LIKE $1) AND ($2::uuid IS NULL OR e.actor_id = $2)
      AND ($3::text IS NULL OR e.entity = $3) AND ($4::text IS NULL OR e.entity_id = $4)
      AND ($5::timestamptz IS NULL OR e.occurred_at >= $5) AND ($6::timestamptz IS NULL OR e.occurred_at < $6)`;
    const m = this.transactions.manager;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM audit_event e WHERE ${where}`, params);
    const rows = await m.query(
      `SELECT e.id, e.occurred_at, e.actor_id, u.display_name AS actor_name, e.action, e.entity, e.entity_id, e.purpose, e.ip, e.details
         FROM audit_event e LEFT JOIN staff_user u ON u.id = e.actor_id
        WHERE ${where} ORDER BY e.id DESC LIMIT $7 OFFSET $8`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      items: rows.map(
        (r: { id: string; occurred_at: Date; actor_id: string | null; actor_name: string | null; action: AuditAction; entity: string | null; entity_id: string | null; purpose: string | null; ip: string | null; details: Record<string, unknown> }) => ({
          id: String(r.id),
          occurredAt: r.occurred_at.toISOString(),
          actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          purpose: r.purpose,
          ip: r.ip,
          details: r.details,
        }),
      ),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
