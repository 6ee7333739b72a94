import { Injectable } from '@nestjs/common';
import type { LocalizedText, StaffRole } from '@kring/domain';
import { Transactions } from '../database/transactions';

/** The SQL that loads the demo data: a place, its rooms, one account per role, the demo groups. */
@Injectable()
export class DemoDataRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  /**
   * True when the database holds no staff and no places yet. Takes a lock for the transaction first, so
   * two processes starting on one empty database load the data once: the second waits, then sees it.
   */
  async lockAndCheckEmpty(): Promise<boolean> {
    await this.m.query(`SELECT pg_advisory_xact_lock(hashtext('kring:demo-data'))`);
    const [{ count }]: Array<{ count: string }> = await this.m.query(
      'SELECT (SELECT count(*) FROM staff_user) + (SELECT count(*) FROM location) AS count',
    );
    return Number(count) === 0;
  }

  async insertLocation(l: { name: string; street: string; postalCode: string; city: string; accessibilityNotes: string }): Promise<string> {
    const [row]: Array<{ id: string }> = await this.m.query(
      `INSERT INTO location (name, street, postal_code, city, accessibility_notes) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [l.name, l.street, l.postalCode, l.city, l.accessibilityNotes],
    );
    return row.id;
  }

  async insertRoom(locationId: string, name: string): Promise<string> {
    const [row]: Array<{ id: string }> = await this.m.query(`INSERT INTO room (location_id, name) VALUES ($1, $2) RETURNING id`, [
      locationId,
      name,
    ]);
    return row.id;
  }

  async insertStaff(s: { email: string; displayName: string; roles: readonly StaffRole[]; passwordHash: string }): Promise<string> {
    const [row]: Array<{ id: string }> = await this.m.query(
      `INSERT INTO staff_user (email, display_name, roles, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [s.email, s.displayName, s.roles, s.passwordHash],
    );
    return row.id;
  }

  async insertGroup(g: {
    title: LocalizedText;
    description: LocalizedText;
    kind: string;
    audience: string;
    spokenLanguages: readonly string[];
    locationId: string;
    capacity: number | null;
    childrenCountTowardCapacity: boolean;
    registrationMode: string;
    roomId: string | null;
    firstStartLocal: string;
    durationMinutes: number;
    recurrenceRule: string;
  }): Promise<string> {
    const [row]: Array<{ id: string }> = await this.m.query(
      `INSERT INTO parent_group (title, description, kind, audience, spoken_languages, default_location_id,
                                 capacity, children_count_toward_capacity, registration_mode,
                                 default_room_id, first_start_local, duration_minutes, recurrence_rule)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        g.title,
        g.description,
        g.kind,
        g.audience,
        g.spokenLanguages,
        g.locationId,
        g.capacity,
        g.childrenCountTowardCapacity,
        g.registrationMode,
        g.roomId,
        g.firstStartLocal,
        g.durationMinutes,
        g.recurrenceRule,
      ],
    );
    return row.id;
  }

  async addFacilitator(groupId: string, staffUserId: string): Promise<void> {
    await this.m.query('INSERT INTO group_facilitator (group_id, staff_user_id) VALUES ($1, $2)', [groupId, staffUserId]);
  }
}
