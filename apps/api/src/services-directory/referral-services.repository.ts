import { Injectable } from '@nestjs/common';
import type { ReferralServiceView, ServiceIntakeChannel, ServiceKind } from '@kring/domain';
import { Transactions } from '../database/transactions';

interface ServiceRow {
  id: string;
  name: string;
  kind: ServiceKind;
  phone: string | null;
  email: string | null;
  address: string | null;
  intake_notes: string;
  languages: string[];
  intake_channels: ServiceIntakeChannel[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** A service's fields as written (already cleaned by the service). */
export interface ServiceFields {
  name: string;
  kind: ServiceKind;
  phone: string | null;
  email: string | null;
  address: string | null;
  intakeNotes: string;
  languages: string[];
  intakeChannels: ServiceIntakeChannel[];
  active: boolean;
}

const COLUMNS = `id, name, kind, phone, email, address, intake_notes, languages, intake_channels, active, created_at, updated_at`;

/** The service directory's queries. Nothing here is about a family, so no group scope applies. */
@Injectable()
export class ReferralServicesRepository {
  constructor(private readonly transactions: Transactions) {}

  async list(onlyActive: boolean): Promise<ReferralServiceView[]> {
    const rows: ServiceRow[] = await this.transactions.manager.query(
      `SELECT ${COLUMNS} FROM referral_service WHERE active OR NOT $1 ORDER BY active DESC, lower(name), id`,
      [onlyActive],
    );
    return rows.map(toView);
  }

  async find(id: string, lock = false): Promise<ReferralServiceView | null> {
    const [row]: ServiceRow[] = await this.transactions.manager.query(
      `SELECT ${COLUMNS} FROM referral_service WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toView(row) : null;
  }

  async nameTaken(name: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.transactions.manager.query(
      `SELECT 1 FROM referral_service WHERE lower(trim(name)) = lower(trim($1)) AND ($2::uuid IS NULL OR id <> $2)`,
      [name, exceptId],
    );
    return rows.length > 0;
  }

  async insert(fields: ServiceFields, createdBy: string, at: Date): Promise<string> {
    const [row] = await this.transactions.manager.query(
      `INSERT INTO referral_service
         (name, kind, phone, email, address, intake_notes, languages, intake_channels, active, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
      [...values(fields), createdBy, at],
    );
    return row.id;
  }

  async update(id: string, fields: ServiceFields, at: Date): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE referral_service SET name = $2, kind = $3, phone = $4, email = $5, address = $6, intake_notes = $7,
              languages = $8, intake_channels = $9, active = $10, updated_at = $11
        WHERE id = $1`,
      [id, ...values(fields), at],
    );
  }
}

function values(f: ServiceFields): unknown[] {
  return [f.name, f.kind, f.phone, f.email, f.address, f.intakeNotes, f.languages, f.intakeChannels, f.active];
}

function toView(row: ServiceRow): ReferralServiceView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    phone: row.phone,
    email: row.email,
    address: row.address,
    intakeNotes: row.intake_notes,
    languages: row.languages,
    intakeChannels: row.intake_channels,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
